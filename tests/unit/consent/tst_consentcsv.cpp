// ConsentCsv: RFC 4180 export that reads back field for field, opt-in import with a specific
// error per bad row, and all-or-nothing: one bad row imports nothing.
#include "AccountRows.h"
#include "ConsentCsv.h"
#include "ConsentRows.h"
#include "Database.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime Now(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

ConsentEvent optIn(const QString &copy, const QString &detail)
{
    ConsentEvent e;
    e.contactNumber = u"+14155550142"_s;
    e.senderNumber = u"+14155550100"_s;
    e.kind = ConsentEvent::Kind::OptIn;
    e.source = ConsentEvent::Source::Form;
    e.detail = detail;
    e.optInCopy = copy;
    e.actor = u"ana"_s;
    e.occurredAt = Now.addDays(-1);
    return e;
}

} // namespace

class TstConsentCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportReadsBack();
    void formulaCellsAreNeutralised_data();
    void formulaCellsAreNeutralised();
    void exportedNumbersImportBack();
    void badRows_data();
    void badRows();
    void goodFileIsImported();
    void oneBadRowImportsNothing();
    void exportIsPerAccount();
};

void TstConsentCsv::exportReadsBack()
{
    const QList<ConsentEvent> events = {
        optIn(u"Text JOIN for \"deals\", 4 msgs/mo.\nReply STOP to opt out."_s, u"web, footer"_s),
        optIn(QString(), u"=HYPERLINK(\"x\")"_s)};
    const QString csv = ConsentCsv::toCsv(events);
    QList<QStringList> records;
    QList<int> lines;
    QString error;
    QVERIFY2(ConsentCsv::splitRecords(csv, &records, &lines, &error), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.first(), ConsentCsv::exportColumns());
    QCOMPARE(records.at(1).at(6), events.first().optInCopy);
    QCOMPARE(records.at(1).at(5), u"web, footer"_s);
    QCOMPARE(records.at(1).at(1), u"'+14155550142"_s); // neutralised, see below
    QCOMPARE(ConsentCsv::unneutralise(records.at(1).at(1)), u"+14155550142"_s);
    QCOMPARE(QDateTime::fromString(records.at(1).at(0), Qt::ISODateWithMs),
             events.first().occurredAt);
    QCOMPARE(ConsentCsv::unneutralise(records.at(2).at(5)), events.last().detail);
    // Formula-like text starts with an apostrophe, so a spreadsheet shows it as text.
    QVERIFY(csv.contains(u",\"'=HYPERLINK(\"\"x\"\")\","_s));
    QCOMPARE(lines, (QList<int>{1, 2, 4})); // the second record starts after the quoted line break
}

void TstConsentCsv::formulaCellsAreNeutralised_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("equals") << u"=cmd|' /C calc'!A0"_s;
    QTest::newRow("plus") << u"+1+cmd|' /C calc'!A0"_s;
    QTest::newRow("minus") << u"-2+3"_s;
    QTest::newRow("at") << u"@SUM(1+9)*cmd|' /C calc'!A0"_s;
    QTest::newRow("tab") << u"\t=1+2"_s;
    QTest::newRow("carriage return") << u"\r=1+2"_s;
}

// OWASP's advice on CSV injection: every cell starting with = + - @ tab or CR gets a leading
// apostrophe (quoting alone does not stop a spreadsheet), and an import reads it back.
void TstConsentCsv::formulaCellsAreNeutralised()
{
    QFETCH(QString, field);
    const QString csv = ConsentCsv::toCsv({optIn(field, field)});
    QList<QStringList> records;
    QList<int> lines;
    QString error;
    QVERIFY2(ConsentCsv::splitRecords(csv, &records, &lines, &error), qPrintable(error));
    for (const QString &cell : records.at(1)) {
        if (!cell.isEmpty())
            QVERIFY2(!u"=+-@\t\r"_s.contains(cell.front()), qPrintable(cell));
    }
    QCOMPARE(records.at(1).at(5), u"'"_s + field);
    QCOMPARE(ConsentCsv::unneutralise(records.at(1).at(5)), field);
    // Text that only contains those characters later is left alone.
    QCOMPARE(ConsentCsv::neutralise(u"a=b"_s), u"a=b"_s);
    QCOMPARE(ConsentCsv::unneutralise(u"'quoted'"_s), u"'quoted'"_s);
}

void TstConsentCsv::exportedNumbersImportBack()
{
    const QString csv = u"number,occurred_at,opt_in_copy\n'+14155550142,2026-11-20T09:00:00Z,"
                        u"'=1+2\n"_s;
    const auto parsed = ConsentCsv::parseOptIns(csv, u"importer"_s, u"US"_s, Now);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.events.size(), 1);
    QCOMPARE(parsed.events.first().contactNumber, u"+14155550142"_s);
    QCOMPARE(parsed.events.first().optInCopy, u"=1+2"_s);
}

void TstConsentCsv::badRows_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message"); // a part of the error
    const QString header = u"number,occurred_at\n"_s;
    QTest::newRow("bad number") << header + u"+1415555014,2026-11-20T09:00:00Z\n"_s << 2
                                << u"number:"_s;
    QTest::newRow("letters in number")
        << header + u"call me,2026-11-20T09:00:00Z\n"_s << 2 << u"number:"_s;
    QTest::newRow("unknown column")
        << u"number,occurred_at,colour\n+14155550142,2026-11-20T09:00:00Z,red\n"_s << 1
        << u"unknown column “colour”"_s;
    QTest::newRow("no timestamp column")
        << u"number\n+14155550142\n"_s << 1 << u"column “occurred_at” is missing"_s;
    QTest::newRow("missing timestamp")
        << header + u"+14155550142,\n"_s << 2 << u"occurred_at is missing"_s;
    QTest::newRow("not a timestamp")
        << header + u"+14155550142,yesterday\n"_s << 2 << u"“yesterday” is not a timestamp"_s;
    QTest::newRow("no time zone") << header + u"+14155550142,2026-11-20T09:00:00\n"_s << 2
                                  << u"with a time zone"_s;
    QTest::newRow("future") << header + u"+14155550142,2027-01-01T00:00:00Z\n"_s << 2
                            << u"in the future"_s;
    QTest::newRow("bad source")
        << u"number,occurred_at,source\n+14155550142,2026-11-20T09:00:00Z,provider_error\n"_s << 2
        << u"source “provider_error”"_s;
    QTest::newRow("field count") << header + u"+14155550142,2026-11-20T09:00:00Z,extra\n"_s << 2
                                 << u"3 fields"_s;
    QTest::newRow("unclosed quote")
        << header + u"\"+14155550142,2026-11-20T09:00:00Z\n"_s << 2 << u"never closed"_s;
}

void TstConsentCsv::badRows()
{
    QFETCH(QString, csv);
    QFETCH(int, line);
    QFETCH(QString, message);
    const auto parsed = ConsentCsv::parseOptIns(csv, u"importer"_s, u"US"_s, Now);
    QCOMPARE(parsed.errors.size(), 1);
    QVERIFY2(parsed.errors.first().message.contains(message),
             qPrintable(parsed.errors.first().message));
    if (message != u"never closed"_s)
        QCOMPARE(parsed.errors.first().line, line);
    QVERIFY(parsed.events.isEmpty());
}

void TstConsentCsv::goodFileIsImported()
{
    const QString csv = u"Number,occurred_at,source,opt_in_copy,sender_number\r\n"
                        u"(415) 555-0142,2026-11-20T09:00:00-08:00,form,\"Join Bloom deals, reply "
                        u"STOP to end\",+14155550100\r\n"
                        u"+14155550143,2026-11-21T10:00:00Z,,,\r\n"_s;
    const auto parsed = ConsentCsv::parseOptIns(csv, u"importer"_s, u"US"_s, Now);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.events.size(), 2);
    QCOMPARE(parsed.events.at(0).contactNumber, u"+14155550142"_s);
    QCOMPARE(parsed.events.at(0).source, ConsentEvent::Source::Form);
    QCOMPARE(parsed.events.at(0).optInCopy, u"Join Bloom deals, reply STOP to end"_s);
    QCOMPARE(parsed.events.at(0).senderNumber, u"+14155550100"_s);
    QCOMPARE(parsed.events.at(0).occurredAt, QDateTime(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC));
    QCOMPARE(parsed.events.at(1).source, ConsentEvent::Source::Import);
    QCOMPARE(parsed.events.at(1).senderNumber, QString()); // every number of the account
    QCOMPARE(parsed.events.at(1).kind, ConsentEvent::Kind::OptIn);
}

void TstConsentCsv::oneBadRowImportsNothing()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"c.sqlite"_s));
    QVERIFY(db.open());
    const qint64 account = AccountRows(db.connection()).createOrFind(u"Acme"_s, u"AC1"_s);
    const QString csv = u"number,occurred_at\n"
                        u"+14155550142,2026-11-20T09:00:00Z\n"
                        u"555,2026-11-20T09:00:00Z\n"
                        u"+14155550144,2026-11-20T09:00:00Z\n"
                        u"+14155550145,\n"_s;
    const auto result = ConsentCsv::importOptIns(db.connection(), account, csv, u"importer"_s);
    QVERIFY(!result.ok());
    QCOMPARE(result.imported, 0);
    QCOMPARE(result.errors.size(), 2);
    QCOMPARE(result.errors.at(0).line, 3);
    QCOMPARE(result.errors.at(1).line, 5);
    QCOMPARE(ConsentRows(db.connection()).eventsOf(account)->size(), 0);

    const QString fixed = u"number,occurred_at\n+14155550142,2026-11-20T09:00:00Z\n"
                          u"+14155550144,2026-11-20T09:00:00Z\n"_s;
    const auto ok = ConsentCsv::importOptIns(db.connection(), account, fixed, u"importer"_s);
    QVERIFY(ok.ok());
    QCOMPARE(ok.imported, 2);
    QCOMPARE(ConsentRows(db.connection()).eventsOf(account)->size(), 2);
}

void TstConsentCsv::exportIsPerAccount()
{
    QTemporaryDir dir;
    Database db(dir.filePath(u"c.sqlite"_s));
    QVERIFY(db.open());
    AccountRows accounts(db.connection());
    const qint64 acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    const qint64 other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(ConsentCsv::importOptIns(db.connection(), other,
                                     u"number,occurred_at\n+14155550199,2026-11-20T09:00:00Z\n"_s,
                                     u"importer"_s)
                .ok());
    QCOMPARE(ConsentCsv::toCsv(*ConsentRows(db.connection()).eventsOf(acme)),
             ConsentCsv::exportColumns().join(u',') + u"\r\n"_s);
    QVERIFY(ConsentCsv::toCsv(*ConsentRows(db.connection()).eventsOf(other))
                .contains(u"+14155550199"_s));
}

QTEST_GUILESS_MAIN(TstConsentCsv)
#include "tst_consentcsv.moc"
