#include "FrequencyCap.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;
} // namespace

class TestFrequencyCap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rollingWindows_data()
    {
        QTest::addColumn<int>("perDay");
        QTest::addColumn<int>("perWeek");
        QTest::addColumn<QList<qint64>>("sendsHoursFromNow"); // negative: in the past
        QTest::addColumn<bool>("allowed");

        QTest::newRow("nothing sent") << 1 << 3 << QList<qint64>{} << true;
        QTest::newRow("one 23 h ago") << 1 << 3 << QList<qint64>{-23} << false;
        QTest::newRow("one exactly 24 h ago") << 1 << 3 << QList<qint64>{-24} << true;
        QTest::newRow("one 25 h ago") << 1 << 3 << QList<qint64>{-25} << true;
        QTest::newRow("two in a week, none today") << 1 << 3 << QList<qint64>{-30, -100} << true;
        QTest::newRow("three in a week") << 1 << 3 << QList<qint64>{-30, -60, -100} << false;
        QTest::newRow("three, the oldest just over a week ago")
            << 1 << 3 << QList<qint64>{-30, -60, -24 * 7} << true;
        QTest::newRow("one scheduled 10 h later") << 1 << 3 << QList<qint64>{10} << false;
        QTest::newRow("one scheduled a day later") << 1 << 3 << QList<qint64>{24} << true;
        // A send 6 days ago and one 6 days ahead are 12 days apart: no 7-day window holds
        // both, so each window with the new send holds two.
        QTest::newRow("week spread over both sides")
            << 1 << 3 << QList<qint64>{-6 * 24, 6 * 24} << true;
        QTest::newRow("week window full on the future side")
            << 1 << 3 << QList<qint64>{2 * 24, 4 * 24, 5 * 24} << false;
        QTest::newRow("two a day allowed, one today") << 2 << 0 << QList<qint64>{-5} << true;
        QTest::newRow("two a day allowed, two today") << 2 << 0 << QList<qint64>{-5, -1} << false;
        QTest::newRow("no day cap, week cap only") << 0 << 2 << QList<qint64>{-1} << true;
        QTest::newRow("no caps at all") << 0 << 0 << QList<qint64>{-1, -2, -3, -4} << true;
    }

    void rollingWindows()
    {
        QFETCH(int, perDay);
        QFETCH(int, perWeek);
        QFETCH(QList<qint64>, sendsHoursFromNow);
        QFETCH(bool, allowed);

        const QDateTime at(QDate(2026, 5, 14), QTime(10, 0), Qt::UTC);
        QList<QDateTime> sends;
        QList<qint64> sendMSecs;
        for (const qint64 h : sendsHoursFromNow) {
            sends.append(at.addMSecs(h * Hour));
            sendMSecs.append(at.toMSecsSinceEpoch() + h * Hour);
        }
        const FrequencyCap cap(perDay, perWeek);
        QCOMPARE(cap.allows(sends, at), allowed);
        QCOMPARE(cap.allowsMSecs(sendMSecs, at.toMSecsSinceEpoch()), allowed);
    }

    // The busiest window agrees with a brute-force count over every window position.
    void busiestWindowMatchesBruteForce()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 200; ++round) {
            const qint64 at = 10 * Day;
            QList<qint64> sends;
            const int count = int(rng.bounded(8));
            for (int i = 0; i < count; ++i)
                sends.append(at + (qint64(rng.bounded(20 * 24)) - 10 * 24) * Hour);
            int brute = 0;
            for (qint64 start = at - Day + Hour; start <= at; start += Hour) {
                int inWindow = 0;
                for (const qint64 t : sends)
                    inWindow += (t >= start && t < start + Day) ? 1 : 0;
                brute = std::max(brute, inWindow);
            }
            QCOMPARE(FrequencyCap::busiestWindow(sends, at, Day), brute);
        }
    }

    void defaultsAndValidity()
    {
        const FrequencyCap cap;
        QCOMPARE(cap.maxPerDay(), 1);
        QCOMPARE(cap.maxPerWeek(), 3);
        QVERIFY(cap.isValid());
        QVERIFY(!FrequencyCap(-1, 3).isValid());
        QVERIFY(FrequencyCap::unlimited().allowsMSecs({0, 1, 2}, 3));
    }
};

QTEST_GUILESS_MAIN(TestFrequencyCap)
#include "tst_frequencycap.moc"
