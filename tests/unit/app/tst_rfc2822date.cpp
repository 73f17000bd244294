#include "Rfc2822Date.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestRfc2822Date : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
        };
        QTest::newRow("twilio") << u"Thu, 24 Aug 2023 05:01:45 +0000"_s
                                << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("negative zero zone")
            << u"Thu, 24 Aug 2023 05:01:45 -0000"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("no weekday")
            << u"24 Aug 2023 05:01:45 +0000"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("one-digit day")
            << u"Fri, 4 Aug 2023 05:01:45 +0000"_s << utc(2023, 8, 4, 5, 1, 45);
        QTest::newRow("GMT (HTTP-date)")
            << u"Wed, 21 Oct 2015 07:28:00 GMT"_s << utc(2015, 10, 21, 7, 28, 0);
        QTest::newRow("UT") << u"Wed, 21 Oct 2015 07:28:00 UT"_s << utc(2015, 10, 21, 7, 28, 0);
        QTest::newRow("positive offset")
            << u"Thu, 24 Aug 2023 07:31:45 +0230"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("negative offset, crosses midnight")
            << u"Wed, 23 Aug 2023 22:01:45 -0700"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("obsolete US zone")
            << u"Wed, 23 Aug 2023 22:01:45 PDT"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("no seconds")
            << u"Thu, 24 Aug 2023 05:01 +0000"_s << utc(2023, 8, 24, 5, 1, 0);
        QTest::newRow("lower case names")
            << u"thu, 24 aug 2023 05:01:45 +0000"_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("extra spaces")
            << u"  Thu,  24  Aug  2023  05:01:45  +0000 "_s << utc(2023, 8, 24, 5, 1, 45);
        QTest::newRow("leap day") << u"Thu, 29 Feb 2024 00:00:00 +0000"_s
                                  << utc(2024, 2, 29, 0, 0, 0);
    }

    void parsesValidDates()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = Rfc2822Date::parse(text);
        QVERIFY2(parsed.isValid(), qPrintable(text));
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void rejectsInvalidDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << u"yesterday"_s;
        QTest::newRow("ISO 8601") << u"2023-08-24T05:01:45Z"_s;
        QTest::newRow("weekday does not match") << u"Fri, 24 Aug 2023 05:01:45 +0000"_s;
        QTest::newRow("unknown weekday") << u"Xyz, 24 Aug 2023 05:01:45 +0000"_s;
        QTest::newRow("unknown month") << u"Thu, 24 Agu 2023 05:01:45 +0000"_s;
        QTest::newRow("31 February") << u"31 Feb 2023 05:01:45 +0000"_s;
        QTest::newRow("hour 25") << u"Thu, 24 Aug 2023 25:01:45 +0000"_s;
        QTest::newRow("minute 60") << u"Thu, 24 Aug 2023 05:60:45 +0000"_s;
        QTest::newRow("second 61") << u"Thu, 24 Aug 2023 05:01:61 +0000"_s;
        QTest::newRow("two-digit year") << u"Thu, 24 Aug 23 05:01:45 +0000"_s;
        QTest::newRow("no zone") << u"Thu, 24 Aug 2023 05:01:45"_s;
        QTest::newRow("zone minutes 60") << u"Thu, 24 Aug 2023 05:01:45 +0060"_s;
        QTest::newRow("military zone") << u"Thu, 24 Aug 2023 05:01:45 A"_s;
        QTest::newRow("trailing text") << u"Thu, 24 Aug 2023 05:01:45 +0000 extra"_s;
    }

    void rejectsInvalidDates()
    {
        QFETCH(QString, text);
        QVERIFY2(!Rfc2822Date::parse(text).isValid(), qPrintable(text));
    }

    // Where Qt's own parser accepts a form, both must agree on the instant.
    void agreesWithQtWhereQtParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("twilio") << u"Mon, 29 Nov 2021 22:40:10 +0000"_s;
        QTest::newRow("offset") << u"Sat, 01 Jan 2000 00:00:00 +1345"_s;
        QTest::newRow("negative") << u"Sun, 31 Dec 2017 23:59:59 -1200"_s;
    }

    void agreesWithQtWhereQtParses()
    {
        QFETCH(QString, text);
        const QDateTime qt = QDateTime::fromString(text, Qt::RFC2822Date);
        QVERIFY(qt.isValid());
        QCOMPARE(Rfc2822Date::parse(text), qt.toUTC());
    }
};

QTEST_GUILESS_MAIN(TestRfc2822Date)
#include "tst_rfc2822date.moc"
