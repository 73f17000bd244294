// "Send later…" times: picked in the customer's zone, refused in the past and inside quiet
// hours (with the earliest allowed time), and whether the provider's SendAt window holds them.
#include "ScheduledSendTime.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

class TestScheduledSendTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksInTheCustomersZone();
    void refusesQuietHoursAndSuggestsTheirEnd_data();
    void refusesQuietHoursAndSuggestsTheirEnd();
    void refusesThePastAndTheFarFuture();
    void unknownZoneIsUtcAndSaysSo();
    void providerWindowHasMargins();
    void bubbleLabelNamesTheCustomersDayAndTime();
};

namespace {
// Monday 2026-12-07 12:00 UTC = 04:00 in Los Angeles (PST, UTC-8).
const qint64 kNow = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
} // namespace

void TestScheduledSendTime::picksInTheCustomersZone()
{
    const ScheduledSendTime times(u"America/Los_Angeles"_s);
    const ScheduledSendTime::Check check = times.check(QDate(2026, 12, 8), QTime(9, 0), kNow);
    QVERIFY2(check.ok(), qPrintable(check.refusal));
    QCOMPARE(check.utcMs, QDateTime(QDate(2026, 12, 8), QTime(17, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(times.zoneLabel(kNow), u"America/Los_Angeles (UTC\u221208:00)"_s);
}

void TestScheduledSendTime::refusesQuietHoursAndSuggestsTheirEnd_data()
{
    QTest::addColumn<QTime>("local");
    QTest::addColumn<int>("suggestedDay"); // of December, 08:00 local
    QTest::newRow("late evening") << QTime(22, 30) << 9;
    QTest::newRow("21:00 exactly") << QTime(21, 0) << 9;
    QTest::newRow("early morning") << QTime(6, 15) << 8;
}

void TestScheduledSendTime::refusesQuietHoursAndSuggestsTheirEnd()
{
    QFETCH(QTime, local);
    QFETCH(int, suggestedDay);
    const ScheduledSendTime times(u"America/Los_Angeles"_s);
    const ScheduledSendTime::Check check = times.check(QDate(2026, 12, 8), local, kNow);
    QVERIFY(!check.ok());
    QVERIFY2(check.refusal.contains(u"quiet hours (21:00–08:00 their time)"_s),
             qPrintable(check.refusal));
    const QTimeZone la("America/Los_Angeles");
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(check.suggestionMs, la),
             QDateTime(QDate(2026, 12, suggestedDay), QTime(8, 0), la));
    // 08:00 itself is allowed; so is 20:59.
    QVERIFY(times.check(QDate(2026, 12, 8), QTime(8, 0), kNow).ok());
    QVERIFY(times.check(QDate(2026, 12, 8), QTime(20, 59), kNow).ok());
}

void TestScheduledSendTime::refusesThePastAndTheFarFuture()
{
    const ScheduledSendTime times(u"Europe/Paris"_s);
    QVERIFY(!times.check(QDate(2026, 12, 7), QTime(12, 0), kNow).ok()); // 11:00 UTC: past
    QVERIFY(!times.check(QDate(2028, 1, 7), QTime(12, 0), kNow).ok());  // over a year
    QVERIFY(!times.check(QDate(), QTime(12, 0), kNow).ok());
    QVERIFY(times.check(QDate(2026, 12, 7), QTime(14, 0), kNow).ok()); // 13:00 UTC
}

void TestScheduledSendTime::unknownZoneIsUtcAndSaysSo()
{
    const ScheduledSendTime times(u"Not/AZone"_s);
    QVERIFY(times.zoneLabel(kNow).contains(u"not known"_s));
    QCOMPARE(times.check(QDate(2026, 12, 8), QTime(9, 0), kNow).utcMs,
             QDateTime(QDate(2026, 12, 8), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch());
}

void TestScheduledSendTime::providerWindowHasMargins()
{
    const qint64 minute = 60 * 1000;
    QVERIFY(!ScheduledSendTime::providerCanHold(kNow, kNow + 10 * minute));
    QVERIFY(ScheduledSendTime::providerCanHold(kNow, kNow + 15 * minute));
    QVERIFY(ScheduledSendTime::providerCanHold(kNow, kNow + 34LL * 24 * 60 * minute));
    QVERIFY(!ScheduledSendTime::providerCanHold(kNow, kNow + 35LL * 24 * 60 * minute));
}

void TestScheduledSendTime::bubbleLabelNamesTheCustomersDayAndTime()
{
    const qint64 soon = QDateTime::currentMSecsSinceEpoch() + 24 * 3600 * 1000;
    const QDateTime la = QDateTime::fromMSecsSinceEpoch(soon, QTimeZone("America/Los_Angeles"));
    const QString label = ScheduledSendTime::bubbleLabel(soon, u"America/Los_Angeles"_s);
    QVERIFY2(label.endsWith(u"(customer's time)"_s), qPrintable(label));
    QVERIFY2(label.contains(la.time().toString(u"HH:mm"_s)), qPrintable(label));
    QVERIFY2(label.startsWith(QLocale().dayName(la.date().dayOfWeek(), QLocale::ShortFormat)),
             qPrintable(label));
}

QTEST_GUILESS_MAIN(TestScheduledSendTime)
#include "tst_scheduledsendtime.moc"
