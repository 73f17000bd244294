#include "ThroughputPlanner.h"

#include <QtTest>

#include <map>

using namespace Qt::StringLiterals;
using Sender = ThroughputPlanner::Sender;
using Recipient = ThroughputPlanner::Recipient;
using Kind = ThroughputPlanner::SenderKind;

Q_DECLARE_METATYPE(ThroughputPlanner::Sender)

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Hour = 3600 * Second;

qint64 utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toMSecsSinceEpoch();
}

const qint64 Now = utc(2026, 6, 10, 12);

Sender makeSender(qint64 id, Kind kind, int cap = 0)
{
    Sender s;
    s.id = id;
    s.segmentsPerSecond = ThroughputPlanner::defaultSegmentsPerSecond(kind);
    s.dailyCap = cap;
    return s;
}

QList<Recipient> recipients(int n, int maxSegments, quint32 seed, qint64 earliest = Now,
                            int group = -1)
{
    QRandomGenerator rng(seed);
    QList<Recipient> list;
    for (int i = 0; i < n; ++i)
        list.append({1 + int(rng.bounded(maxSegments)), earliest, group, 0});
    return list;
}

struct Setup
{
    QList<Sender> senders;
    QByteArray capZone = "UTC"_ba;
    QList<QByteArray> windowZones;
    QuietHours quiet = QuietHours::none();
};

Setup poolOnly(const QList<Sender> &senders)
{
    Setup setup;
    setup.senders = senders;
    return setup;
}

// Checks every promise of the planner against the plan, independently of its internals.
void verifyPlan(const ThroughputPlanner::Plan &plan, const QList<Recipient> &list,
                const Setup &setup, qint64 now)
{
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.assignments.size(), list.size());
    std::map<int, std::vector<qsizetype>> bySender;
    qint64 finish = 0;
    const QTimeZone capZone(setup.capZone);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto &a = plan.assignments.at(i);
        const Recipient &r = list.at(i);
        QVERIFY(a.sender >= 0 && a.sender < setup.senders.size());
        const Sender &s = setup.senders.at(a.sender);
        QVERIFY(a.startMSecs >= r.earliestMSecs);
        QVERIFY(a.startMSecs >= std::max(now, s.busyUntilMSecs));
        QCOMPARE(a.endMSecs,
                 a.startMSecs + ThroughputPlanner::occupancyMSecs(r.segments, s.segmentsPerSecond));
        if (r.windowGroup >= 0) {
            const QTimeZone zone(setup.windowZones.at(r.windowGroup));
            const QTime local = QDateTime::fromMSecsSinceEpoch(a.startMSecs, zone).time();
            QVERIFY2(!setup.quiet.isQuiet(local), qPrintable(local.toString()));
        }
        const bool stickyInPool =
            std::any_of(setup.senders.begin(), setup.senders.end(),
                        [&](const Sender &x) { return x.id == r.stickySenderId; });
        if (r.stickySenderId != 0 && stickyInPool)
            QCOMPARE(s.id, r.stickySenderId);
        QCOMPARE(a.sticky, r.stickySenderId != 0 && stickyInPool);
        bySender[a.sender].push_back(i);
        finish = std::max(finish, a.endMSecs);
    }
    QCOMPARE(plan.finishMSecs, finish);

    for (auto &[si, indexes] : bySender) {
        const Sender &s = setup.senders.at(si);
        std::sort(indexes.begin(), indexes.end(), [&](qsizetype a, qsizetype b) {
            return plan.assignments.at(a).startMSecs < plan.assignments.at(b).startMSecs;
        });
        std::map<QDate, qint64> perDay;
        perDay[QDateTime::fromMSecsSinceEpoch(now, capZone).date()] = s.usedToday;
        for (size_t k = 0; k < indexes.size(); ++k) {
            const auto &a = plan.assignments.at(indexes[k]);
            if (k > 0) {
                // The rate: the previous message's segments have left before this one starts.
                const auto &prev = plan.assignments.at(indexes[k - 1]);
                const double gap = double(a.startMSecs - prev.startMSecs);
                const double needed =
                    list.at(indexes[k - 1]).segments * 1000.0 / s.segmentsPerSecond;
                QVERIFY2(gap >= needed, qPrintable(u"sender %1: %2 ms after the previous, needs "
                                                   u"%3"_s.arg(s.id)
                                                       .arg(gap)
                                                       .arg(needed)));
            }
            const QDate day = QDateTime::fromMSecsSinceEpoch(a.startMSecs, capZone).date();
            perDay[day] += s.capCountsSegments ? list.at(indexes[k]).segments : 1;
        }
        if (s.dailyCap > 0) {
            for (const auto &[day, used] : perDay)
                QVERIFY2(used <= s.dailyCap, qPrintable(day.toString(Qt::ISODate)));
        }
        QCOMPARE(plan.senders.at(si).messages, int(indexes.size()));
    }
}

} // namespace

class TestThroughputPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultRates()
    {
        QCOMPARE(ThroughputPlanner::defaultSegmentsPerSecond(Kind::LongCode), 1.0);
        QCOMPARE(ThroughputPlanner::defaultSegmentsPerSecond(Kind::TollFree), 3.0);
        QCOMPARE(ThroughputPlanner::defaultSegmentsPerSecond(Kind::ShortCode), 100.0);
        QCOMPARE(ThroughputPlanner::occupancyMSecs(3, 1.0), 3000);
        QCOMPARE(ThroughputPlanner::occupancyMSecs(1, 3.0), 334); // rounded up, never faster
    }

    void ratesHonoured_data()
    {
        QTest::addColumn<QList<Sender>>("senders");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("maxSegments");

        QTest::newRow("one long code") << QList<Sender>{makeSender(1, Kind::LongCode)} << 200 << 3;
        QTest::newRow("two long codes")
            << QList<Sender>{makeSender(1, Kind::LongCode), makeSender(2, Kind::LongCode)} << 300
            << 4;
        QTest::newRow("mixed pool")
            << QList<Sender>{makeSender(1, Kind::LongCode), makeSender(2, Kind::LongCode),
                             makeSender(3, Kind::TollFree), makeSender(4, Kind::ShortCode)}
            << 5000 << 5;
        Sender odd = makeSender(9, Kind::LongCode);
        odd.segmentsPerSecond = 0.7;
        QTest::newRow("configured rate 0.7") << QList<Sender>{odd} << 50 << 2;
    }

    void ratesHonoured()
    {
        QFETCH(QList<Sender>, senders);
        QFETCH(int, count);
        QFETCH(int, maxSegments);
        const auto list = recipients(count, maxSegments, 42);
        const ThroughputPlanner planner(senders, QTimeZone("UTC"));
        const auto plan = planner.plan(list, Now);
        verifyPlan(plan, list, poolOnly(senders), Now);

        // Finish: never before all segments could drain at the pool's total rate, and no
        // later than that plus the longest single message (greedy earliest-start).
        double totalRate = 0;
        double slowest = 1e9;
        for (const Sender &s : senders) {
            totalRate += s.segmentsPerSecond;
            slowest = std::min(slowest, s.segmentsPerSecond);
        }
        qint64 segments = 0;
        for (const Recipient &r : list)
            segments += r.segments;
        const double lowerBound = segments * 1000.0 / totalRate;
        const double elapsed = double(plan.finishMSecs - Now);
        QVERIFY(elapsed >= lowerBound - senders.size()); // ms rounding per sender
        QVERIFY2(elapsed <= lowerBound + maxSegments * 1000.0 / slowest + senders.size(),
                 qPrintable(u"%1 ms vs bound %2"_s.arg(elapsed).arg(lowerBound)));
    }

    void singleLongCodeFinish()
    {
        const QList<Sender> senders{makeSender(1, Kind::LongCode)};
        QList<Recipient> list(10, Recipient{3, Now, -1, 0}); // ten 3-segment texts
        const auto plan = ThroughputPlanner(senders, QTimeZone("UTC")).plan(list, Now);
        verifyPlan(plan, list, poolOnly(senders), Now);
        QCOMPARE(plan.finishMSecs, Now + 10 * 3 * Second);
        QCOMPARE(plan.assignments.at(1).startMSecs - plan.assignments.at(0).startMSecs,
                 3 * Second); // a 3-segment text holds a long code for 3 s
    }

    void identicalSendersShareTheLoad()
    {
        const QList<Sender> senders{makeSender(1, Kind::LongCode), makeSender(2, Kind::LongCode)};
        QList<Recipient> list(10, Recipient{1, Now, -1, 0});
        const auto plan = ThroughputPlanner(senders, QTimeZone("UTC")).plan(list, Now);
        verifyPlan(plan, list, poolOnly(senders), Now);
        QCOMPARE(plan.senders.at(0).messages, 5);
        QCOMPARE(plan.senders.at(1).messages, 5);
        QCOMPARE(plan.finishMSecs, Now + 5 * Second);
    }

    void busySenderStartsLater()
    {
        QList<Sender> senders{makeSender(1, Kind::LongCode)};
        senders[0].busyUntilMSecs = Now + Hour;
        QList<Recipient> list(3, Recipient{1, Now, -1, 0});
        const auto plan = ThroughputPlanner(senders, QTimeZone("UTC")).plan(list, Now);
        verifyPlan(plan, list, poolOnly(senders), Now);
        QCOMPARE(plan.assignments.at(0).startMSecs, Now + Hour);
    }

    void stickySenderKept()
    {
        const QList<Sender> senders{makeSender(1, Kind::LongCode), makeSender(2, Kind::ShortCode)};
        QList<Recipient> list(200, Recipient{1, Now, -1, 0});
        for (int i = 0; i < 200; i += 4)
            list[i].stickySenderId = 1; // kept on the slow long code
        list[1].stickySenderId = 77;    // a number no longer in the pool
        const auto plan = ThroughputPlanner(senders, QTimeZone("UTC")).plan(list, Now);
        verifyPlan(plan, list, poolOnly(senders), Now);
        QCOMPARE(plan.stickyKept, 50);
        QCOMPARE(plan.stickyUnavailable, 1);
        // Nobody else is put on the long code: the short code is always free sooner.
        QCOMPARE(plan.senders.at(0).messages, 50);
    }

    void dailyCapOverflowsToNextDay_data()
    {
        QTest::addColumn<int>("cap");
        QTest::addColumn<bool>("inSegments");
        QTest::addColumn<int>("usedToday");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("firstDay"); // messages on the first day

        QTest::newRow("100 messages a day") << 100 << false << 0 << 1 << 250 << 100;
        QTest::newRow("already used 97") << 100 << false << 97 << 1 << 20 << 3;
        QTest::newRow("10 segments, 3-segment texts") << 10 << true << 0 << 3 << 10 << 3;
    }

    void dailyCapOverflowsToNextDay()
    {
        QFETCH(int, cap);
        QFETCH(bool, inSegments);
        QFETCH(int, usedToday);
        QFETCH(int, segments);
        QFETCH(int, count);
        QFETCH(int, firstDay);

        Setup setup;
        setup.senders = {makeSender(1, Kind::LongCode, cap)};
        setup.senders[0].capCountsSegments = inSegments;
        setup.senders[0].usedToday = usedToday;
        QList<Recipient> list(count, Recipient{segments, Now, -1, 0});
        const auto plan = ThroughputPlanner(setup.senders, QTimeZone("UTC")).plan(list, Now);
        verifyPlan(plan, list, setup, Now);
        // Served in order: the first `firstDay` today, the next one at midnight.
        const qint64 midnight = utc(2026, 6, 11, 0);
        QVERIFY(plan.assignments.at(firstDay - 1).startMSecs < midnight);
        QCOMPARE(plan.assignments.at(firstDay).startMSecs, midnight);
        QVERIFY(plan.senders.at(0).capRollovers >= 1);
    }

    // Overflow with quiet hours lands on the next day's window start in the recipient's zone.
    void capOverflowWaitsForTheWindow()
    {
        Setup setup;
        setup.senders = {makeSender(1, Kind::LongCode, 50)};
        setup.capZone = "America/New_York"_ba;
        setup.windowZones = {"America/New_York"_ba};
        setup.quiet = QuietHours();
        const qint64 start = utc(2026, 6, 10, 14); // 10:00 EDT
        QList<Recipient> list(120, Recipient{1, start, 0, 0});
        ThroughputPlanner planner(setup.senders, QTimeZone(setup.capZone));
        planner.setSendWindows(setup.windowZones, setup.quiet);
        const auto plan = planner.plan(list, start);
        verifyPlan(plan, list, setup, start);
        const QTimeZone ny("America/New_York");
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(plan.assignments.at(50).startMSecs, ny),
                 QDateTime(QDate(2026, 6, 11), QTime(8, 0), ny));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(plan.assignments.at(100).startMSecs, ny),
                 QDateTime(QDate(2026, 6, 12), QTime(8, 0), ny));
    }

    // A long backlog stops at the quiet hours and resumes at the next window start.
    void backlogRespectsQuietHours()
    {
        Setup setup;
        setup.senders = {makeSender(1, Kind::LongCode)};
        setup.windowZones = {"UTC"_ba};
        setup.quiet = QuietHours();
        const qint64 start = utc(2026, 6, 10, 20); // one hour before 21:00
        QList<Recipient> list(3600 + 100, Recipient{1, start, 0, 0});
        ThroughputPlanner planner(setup.senders, QTimeZone("UTC"));
        planner.setSendWindows(setup.windowZones, setup.quiet);
        const auto plan = planner.plan(list, start);
        verifyPlan(plan, list, setup, start);
        QCOMPARE(plan.assignments.at(3599).startMSecs, utc(2026, 6, 10, 20, 59) + 59 * Second);
        QCOMPARE(plan.assignments.at(3600).startMSecs, utc(2026, 6, 11, 8));
        QCOMPARE(plan.finishMSecs, utc(2026, 6, 11, 8) + 100 * Second);
    }

    // While one zone is quiet the sender serves another; on equal times the zone whose
    // window closes first goes first.
    void otherZonesUseTheQuietTime()
    {
        Setup setup;
        setup.senders = {makeSender(1, Kind::LongCode)};
        setup.windowZones = {"America/New_York"_ba, "UTC"_ba}; // NY closes at 01:00 UTC
        setup.quiet = QuietHours();
        const qint64 start = utc(2026, 6, 10, 20);
        QList<Recipient> list(100, Recipient{1, start, 0, 0});     // New York, listed first
        list += QList<Recipient>(3700, Recipient{1, start, 1, 0}); // UTC: closes at 21:00
        ThroughputPlanner planner(setup.senders, QTimeZone("UTC"));
        planner.setSendWindows(setup.windowZones, setup.quiet);
        const auto plan = planner.plan(list, start);
        verifyPlan(plan, list, setup, start);
        // UTC recipients first (their window closes first) until 21:00 UTC ...
        QCOMPARE(plan.assignments.at(100).startMSecs, start);
        QCOMPARE(plan.assignments.at(100 + 3599).startMSecs, utc(2026, 6, 10, 21) - Second);
        // ... then New York, still in its window, instead of idling until morning.
        QCOMPARE(plan.assignments.at(0).startMSecs, utc(2026, 6, 10, 21));
        QCOMPARE(plan.assignments.at(99).startMSecs, utc(2026, 6, 10, 21) + 99 * Second);
        // The remaining UTC recipients wait for 08:00.
        QCOMPARE(plan.assignments.at(100 + 3600).startMSecs, utc(2026, 6, 11, 8));
    }

    void invalidInput_data()
    {
        QTest::addColumn<QList<Sender>>("senders");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("errorPart");

        const Sender ok = makeSender(1, Kind::LongCode);
        QTest::newRow("empty pool") << QList<Sender>{} << 1 << -1 << u"empty"_s;
        QTest::newRow("twice") << QList<Sender>{ok, ok} << 1 << -1 << u"twice"_s;
        Sender zero = ok;
        zero.segmentsPerSecond = 0;
        QTest::newRow("zero rate") << QList<Sender>{zero} << 1 << -1 << u"positive rate"_s;
        Sender noId = ok;
        noId.id = 0;
        QTest::newRow("no id") << QList<Sender>{noId} << 1 << -1 << u"positive"_s;
        Sender tiny = ok;
        tiny.dailyCap = 2;
        tiny.capCountsSegments = true;
        QTest::newRow("cap below one message")
            << QList<Sender>{tiny} << 3 << -1 << u"less than one 3-segment"_s;
        QTest::newRow("no segments") << QList<Sender>{ok} << 0 << -1 << u"at least one"_s;
        QTest::newRow("unknown group") << QList<Sender>{ok} << 1 << 1 << u"group 1"_s;
    }

    void invalidInput()
    {
        QFETCH(QList<Sender>, senders);
        QFETCH(int, segments);
        QFETCH(int, group);
        QFETCH(QString, errorPart);
        ThroughputPlanner planner(senders, QTimeZone("UTC"));
        planner.setSendWindows({"UTC"_ba}, QuietHours());
        const auto plan = planner.plan({Recipient{segments, Now, group, 0}}, Now);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error.contains(errorPart), qPrintable(plan.error));
        QVERIFY(plan.assignments.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThroughputPlanner)
#include "tst_throughputplanner.moc"
