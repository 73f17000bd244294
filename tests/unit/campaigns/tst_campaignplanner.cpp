// CampaignPlanner: time zones and quiet hours, sticky senders, variant splits, expected finish.
#include "CampaignPlanner.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

qint64 at(const char *zone, QDate date, QTime time)
{
    return QDateTime(date, time, QTimeZone(zone)).toMSecsSinceEpoch();
}

CampaignPlanner::Input baseInput(int recipients)
{
    CampaignPlanner::Input input;
    input.campaignId = 7;
    input.variants = {{u"A"_s, 1, 100}};
    input.senders = {{10, 1.0, 0, false, 0, 0}};
    input.quietHours = QuietHours::none();
    for (int i = 0; i < recipients; ++i)
        input.recipients.append({u"+1555010%1"_s.arg(i, 4, 10, QChar(u'0')), i + 1, {}, {}, 0});
    return input;
}

} // namespace

class TstCampaignPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietHoursAcrossZones_data();
    void quietHoursAcrossZones();
    void recipientLocalTimeAcrossDst_data();
    void recipientLocalTimeAcrossDst();
    void stickySenderThenRoundRobin();
    void variantSplitCounts_data();
    void variantSplitCounts();
    void expectedFinish_data();
    void expectedFinish();
    void dailyCapMovesTheRestToTheNextDay();
    void badInputIsRefused_data();
    void badInputIsRefused();
};

void TstCampaignPlanner::quietHoursAcrossZones_data()
{
    QTest::addColumn<int>("windowStart");
    QTest::addColumn<int>("windowEnd");
    QTest::addColumn<QString>("contactZone");
    QTest::addColumn<QString>("regionZone");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("expected");

    const QDate day(2026, 11, 24);
    const qint64 now = at("UTC", day, QTime(3, 0)); // 22:00 New York, 03:00 London, 12:00 Tokyo
    QTest::newRow("New York at 22:00 waits for 08:00")
        << 480 << 1260 << u"America/New_York"_s << QString() << now
        << at("America/New_York", day, QTime(8, 0));
    QTest::newRow("London at 03:00 waits for 08:00")
        << 480 << 1260 << u"Europe/London"_s << QString() << now
        << at("Europe/London", day, QTime(8, 0));
    QTest::newRow("Tokyo at noon goes now")
        << 480 << 1260 << u"Asia/Tokyo"_s << QString() << now << now;
    QTest::newRow("no contact zone: the number's region")
        << 480 << 1260 << QString() << u"America/New_York"_s << now
        << at("America/New_York", day, QTime(8, 0));
    QTest::newRow("unknown contact zone: the number's region")
        << 480 << 1260 << u"Mars/Olympus"_s << u"Asia/Tokyo"_s << now << now;
    QTest::newRow("no zone at all: the account's (London)")
        << 480 << 1260 << QString() << QString() << now << at("Europe/London", day, QTime(8, 0));
    // Allowed 22:00-02:00: quiet hours 02:00-22:00, a window that crosses midnight.
    QTest::newRow("window across midnight, inside at 23:30")
        << 1320 << 120 << u"Europe/London"_s << QString() << at("UTC", day, QTime(23, 30))
        << at("UTC", day, QTime(23, 30));
    QTest::newRow("window across midnight, inside at 01:00")
        << 1320 << 120 << u"Europe/London"_s << QString() << at("UTC", day, QTime(1, 0))
        << at("UTC", day, QTime(1, 0));
    QTest::newRow("window across midnight, 03:00 waits for 22:00")
        << 1320 << 120 << u"Europe/London"_s << QString() << now
        << at("Europe/London", day, QTime(22, 0));
}

void TstCampaignPlanner::quietHoursAcrossZones()
{
    QFETCH(int, windowStart);
    QFETCH(int, windowEnd);
    QFETCH(QString, contactZone);
    QFETCH(QString, regionZone);
    QFETCH(qint64, now);
    QFETCH(qint64, expected);
    CampaignPlanner::Input input = baseInput(1);
    input.accountZone = QTimeZone("Europe/London");
    input.quietHours = *QuietHours::fromSendWindow(windowStart, windowEnd);
    input.recipients[0].contactZone = contactZone;
    input.recipients[0].regionZone = regionZone;
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, now);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.recipients.at(0).plannedAtMSecs, expected);
}

void TstCampaignPlanner::recipientLocalTimeAcrossDst_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("zone");
    // The day before, of and after the US DST changes: 10:00 local is a different UTC hour.
    for (const QDate date : {QDate(2026, 3, 7), QDate(2026, 3, 8), QDate(2026, 10, 31),
                             QDate(2026, 11, 1), QDate(2026, 11, 2)}) {
        for (const char *zone : {"America/New_York", "America/Los_Angeles", "Europe/Berlin"}) {
            QTest::addRow("%s %s", zone, qPrintable(date.toString(Qt::ISODate)))
                << date << QTime(10, 0) << QString::fromLatin1(zone);
        }
    }
}

void TstCampaignPlanner::recipientLocalTimeAcrossDst()
{
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(QString, zone);
    CampaignPlanner::Input input = baseInput(1);
    input.quietHours = QuietHours(); // 21:00-08:00: 10:00 is allowed
    input.schedule = {SendTimePlanner::Mode::RecipientLocalTime, date, time};
    input.recipients[0].contactZone = zone;
    const qint64 now = at("UTC", QDate(2026, 1, 1), QTime(0, 0));
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, now);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.recipients.at(0).plannedAtMSecs,
             QDateTime(date, time, QTimeZone(zone.toUtf8())).toMSecsSinceEpoch());
}

void TstCampaignPlanner::stickySenderThenRoundRobin()
{
    CampaignPlanner::Input input = baseInput(5);
    input.senders = {{10, 1.0, 0, false, 0, 0}, {20, 1.0, 0, false, 0, 0}};
    input.recipients[0].stickySenderId = 20; // has a thread with 20
    input.recipients[1].stickySenderId = 99; // a thread with a number not in the pool
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, 1'000'000);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.recipients.at(0).senderId, 20);
    QVERIFY(result.recipients.at(0).sticky);
    QCOMPARE(result.stickyKept, 1);
    // The others alternate over the pool in input order.
    const QList<qint64> expected{10, 20, 10, 20};
    for (int i = 1; i < 5; ++i) {
        QCOMPARE(result.recipients.at(i).senderId, expected.at(i - 1));
        QVERIFY(!result.recipients.at(i).sticky);
    }
}

void TstCampaignPlanner::variantSplitCounts_data()
{
    QTest::addColumn<int>("recipients");
    QTest::addColumn<QList<int>>("percents");
    QTest::addColumn<int>("holdOut");
    QTest::newRow("A/B 50/50 of 200") << 200 << QList<int>{50, 50} << 0;
    QTest::newRow("A/B 50/50 of 7") << 7 << QList<int>{50, 50} << 0;
    QTest::newRow("A/B/C 40/30/20 + 10% hold-out of 300") << 300 << QList<int>{40, 30, 20} << 10;
    QTest::newRow("A only, 25% hold-out of 33") << 33 << QList<int>{75} << 25;
}

void TstCampaignPlanner::variantSplitCounts()
{
    QFETCH(int, recipients);
    QFETCH(QList<int>, percents);
    QFETCH(int, holdOut);
    CampaignPlanner::Input input = baseInput(recipients);
    input.variants.clear();
    for (int i = 0; i < percents.size(); ++i)
        input.variants.append({QString(QChar(u'A' + i)), i + 1, percents.at(i)});
    input.holdOutPercent = holdOut;
    input.senders[0].segmentsPerSecond = 100;
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, 0);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QList<qsizetype> tally(percents.size(), 0);
    qsizetype held = 0;
    for (const CampaignPlanner::Planned &p : result.recipients) {
        if (p.variant == CampaignPlanner::HoldOut) {
            ++held;
            QCOMPARE(p.senderId, 0); // never texted
        } else {
            ++tally[p.variant];
        }
    }
    QCOMPARE(tally, result.perVariant);
    QCOMPARE(held, result.heldOut);
    for (int i = 0; i < percents.size(); ++i)
        QVERIFY(std::abs(double(tally.at(i)) - recipients * percents.at(i) / 100.0) < 1.0);
    QVERIFY(std::abs(double(held) - recipients * holdOut / 100.0) < 1.0);
    // The same campaign planned again splits the same way.
    const CampaignPlanner::Result again = CampaignPlanner::plan(input, 0);
    for (int i = 0; i < recipients; ++i)
        QCOMPARE(again.recipients.at(i).variant, result.recipients.at(i).variant);
}

void TstCampaignPlanner::expectedFinish_data()
{
    QTest::addColumn<int>("recipients");
    QTest::addColumn<int>("senders");
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("body");
    QTest::newRow("100 x 1 segment, one long code") << 100 << 1 << 1.0 << u"Hi"_s;
    QTest::newRow("100 x 1 segment, two long codes") << 100 << 2 << 1.0 << u"Hi"_s;
    QTest::newRow("30 x 3 segments, one long code") << 30 << 1 << 1.0 << QString(400, u'x');
    QTest::newRow("301 x 1 segment, toll-free") << 301 << 1 << 3.0 << u"Hi"_s;
}

void TstCampaignPlanner::expectedFinish()
{
    QFETCH(int, recipients);
    QFETCH(int, senders);
    QFETCH(double, rate);
    QFETCH(QString, body);
    CampaignPlanner::Input input = baseInput(recipients);
    input.senders.clear();
    for (int s = 0; s < senders; ++s)
        input.senders.append({10 + s, rate, 0, false, 0, 0});
    const int segments = body.size() <= 160 ? 1 : int(std::ceil(body.size() / 153.0));
    input.segments = [segments](qsizetype, int) { return segments; };
    const qint64 now = 1'800'000'000'000;
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, now);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const qint64 perMessage = qint64(std::ceil(segments * 1000.0 / rate));
    const qint64 perSender = (recipients + senders - 1) / senders;
    QCOMPARE(result.finishMSecs, now + perSender * perMessage);
}

void TstCampaignPlanner::dailyCapMovesTheRestToTheNextDay()
{
    CampaignPlanner::Input input = baseInput(15);
    input.senders[0].dailyCap = 10;
    input.senders[0].capCountsSegments = true;
    const QDate day(2026, 11, 24);
    const qint64 now = at("UTC", day, QTime(12, 0));
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, now);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const qint64 midnight = at("UTC", day.addDays(1), QTime(0, 0));
    int today = 0;
    for (const CampaignPlanner::Planned &p : result.recipients)
        today += p.plannedAtMSecs < midnight ? 1 : 0;
    QCOMPARE(today, 10);
    QCOMPARE(result.finishMSecs, midnight + 5 * 1000);
}

void TstCampaignPlanner::badInputIsRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no sender") << u"senders"_s << u"sender number"_s;
    QTest::newRow("no recipient") << u"recipients"_s << u"no recipients"_s;
    QTest::newRow("duplicate number") << u"duplicate"_s << u"listed twice"_s;
    QTest::newRow("split not 100") << u"split"_s << u"100"_s;
}

void TstCampaignPlanner::badInputIsRefused()
{
    QFETCH(QString, what);
    QFETCH(QString, expected);
    CampaignPlanner::Input input = baseInput(3);
    if (what == u"senders")
        input.senders.clear();
    else if (what == u"recipients")
        input.recipients.clear();
    else if (what == u"duplicate")
        input.recipients[2].number = input.recipients[0].number;
    else
        input.variants = {{u"A"_s, 1, 60}, {u"B"_s, 2, 30}};
    const CampaignPlanner::Result result = CampaignPlanner::plan(input, 0);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TstCampaignPlanner)
#include "tst_campaignplanner.moc"
