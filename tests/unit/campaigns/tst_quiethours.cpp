// Quiet hours as a time-of-day rule, local-time resolution across DST, and allowed windows.
#include "AllowedWindows.h"
#include "LocalTimeResolver.h"
#include "QuietHours.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;

// The first DST transition of `year` in `zone` (clocks forward in the northern hemisphere)
// and the second, found with QTimeZone rather than hard-coded.
QList<QTimeZone::OffsetData> transitionsIn(const QTimeZone &zone, int year)
{
    QList<QTimeZone::OffsetData> result;
    QDateTime from(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
    for (;;) {
        const auto next = zone.nextTransition(from);
        if (!next.atUtc.isValid() || next.atUtc.date().year() != year)
            break;
        result.append(next);
        from = next.atUtc;
    }
    return result;
}

QDate localDateOf(const QTimeZone &zone, const QDateTime &utc)
{
    return utc.toTimeZone(zone).date();
}

QDateTime localOf(const QTimeZone &zone, qint64 utcMSecs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMSecs, zone);
}

// The rule LocalTimeResolver documents, by brute force: the first instant (on a 15-minute grid,
// on which all these zones' transitions lie) whose local reading is at or after the wall time.
qint64 firstInstantAtOrAfter(const QTimeZone &zone, QDate date, QTime time)
{
    const qint64 naive = date.startOfDay(Qt::UTC).toMSecsSinceEpoch() + time.msecsSinceStartOfDay();
    for (qint64 u = naive - 15 * Hour;; u += 15 * Minute) {
        if (u + qint64(LocalTimeResolver::offsetSeconds(zone, u)) * 1000 >= naive)
            return u;
    }
}

} // namespace

class TestQuietHours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isQuiet_data()
    {
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QTime>("at");
        QTest::addColumn<bool>("quiet");

        const QTime s(21, 0), e(8, 0);
        QTest::newRow("default, evening before") << s << e << QTime(20, 59) << false;
        QTest::newRow("default, at start") << s << e << QTime(21, 0) << true;
        QTest::newRow("default, before midnight") << s << e << QTime(23, 59) << true;
        QTest::newRow("default, midnight") << s << e << QTime(0, 0) << true;
        QTest::newRow("default, just before end") << s << e << QTime(7, 59, 59) << true;
        QTest::newRow("default, at end") << s << e << QTime(8, 0) << false;
        QTest::newRow("noon span, inside") << QTime(12, 0) << QTime(13, 0) << QTime(12, 30) << true;
        QTest::newRow("noon span, at end") << QTime(12, 0) << QTime(13, 0) << QTime(13, 0) << false;
        QTest::newRow("noon span, night") << QTime(12, 0) << QTime(13, 0) << QTime(23, 0) << false;
        QTest::newRow("none") << QTime(0, 0) << QTime(0, 0) << QTime(3, 0) << false;
    }

    void isQuiet()
    {
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QTime, at);
        QFETCH(bool, quiet);
        QCOMPARE(QuietHours(start, end).isQuiet(at), quiet);
    }

    void defaultIsNineToEight()
    {
        const QuietHours quiet;
        QCOMPARE(quiet.start(), QTime(21, 0));
        QCOMPARE(quiet.end(), QTime(8, 0));
        QVERIFY(quiet.crossesMidnight());
        QVERIFY(QuietHours::none().isEmpty());
    }

    void fromSendWindow_data()
    {
        QTest::addColumn<int>("startMinute");
        QTest::addColumn<int>("endMinute");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QTime>("quietStart");
        QTest::addColumn<QTime>("quietEnd");

        QTest::newRow("schema default 09:00-21:00")
            << 540 << 1260 << true << QTime(21, 0) << QTime(9, 0);
        QTest::newRow("whole day") << 0 << 1440 << true << QTime(0, 0) << QTime(0, 0);
        QTest::newRow("window across midnight 22:00-02:00")
            << 1320 << 120 << true << QTime(2, 0) << QTime(22, 0);
        QTest::newRow("until midnight") << 480 << 1440 << true << QTime(0, 0) << QTime(8, 0);
        QTest::newRow("empty") << 540 << 540 << false << QTime() << QTime();
        QTest::newRow("negative") << -1 << 100 << false << QTime() << QTime();
        QTest::newRow("past the day") << 0 << 1441 << false << QTime() << QTime();
    }

    void fromSendWindow()
    {
        QFETCH(int, startMinute);
        QFETCH(int, endMinute);
        QFETCH(bool, ok);
        QFETCH(QTime, quietStart);
        QFETCH(QTime, quietEnd);

        QString error;
        const auto quiet = QuietHours::fromSendWindow(startMinute, endMinute, &error);
        QCOMPARE(quiet.has_value(), ok);
        QCOMPARE(error.isEmpty(), ok);
        if (!ok)
            return;
        QCOMPARE(quiet->start(), quietStart);
        QCOMPARE(quiet->end(), quietEnd);
        // Every minute of the day: allowed exactly when inside the send window.
        for (int m = 0; m < 1440; ++m) {
            const bool inWindow = startMinute < endMinute ? m >= startMinute && m < endMinute
                                                          : m >= startMinute || m < endMinute;
            QCOMPARE(!quiet->isQuiet(QTime(0, 0).addSecs(m * 60)), inWindow);
        }
    }

    void resolverAcrossTransitions_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("transition"); // index in the year's transitions
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("kind");

        for (const QByteArray &zone : {"America/New_York"_ba, "Europe/Berlin"_ba}) {
            // 02:30 is in the spring gap in both zones; on the fall day it is ambiguous in
            // Berlin (02:00-03:00 repeats) and 01:30 is ambiguous in New York.
            const QTime gap(2, 30);
            const QTime ambiguous = zone == "Europe/Berlin" ? QTime(2, 30) : QTime(1, 30);
            QTest::addRow("%s spring gap", zone.constData()) << zone << 0 << gap << u"gap"_s;
            QTest::addRow("%s spring 10:00", zone.constData())
                << zone << 0 << QTime(10, 0) << u"normal"_s;
            QTest::addRow("%s fall overlap", zone.constData())
                << zone << 1 << ambiguous << u"overlap"_s;
            QTest::addRow("%s fall 10:00", zone.constData())
                << zone << 1 << QTime(10, 0) << u"normal"_s;
        }
        QTest::newRow("Auckland April fall-back")
            << "Pacific/Auckland"_ba << 0 << QTime(2, 30) << u"overlap"_s;
        QTest::newRow("Auckland September gap")
            << "Pacific/Auckland"_ba << 1 << QTime(2, 30) << u"gap"_s;
    }

    void resolverAcrossTransitions()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, transition);
        QFETCH(QTime, time);
        QFETCH(QString, kind);

        const QTimeZone tz(zone);
        const auto transitions = transitionsIn(tz, 2026);
        QCOMPARE(transitions.size(), 2);
        const auto t = transitions.at(transition);
        const QDate day = localDateOf(tz, t.atUtc);
        const qint64 resolved = LocalTimeResolver::toUtcMSecs(tz, day, time);
        QCOMPARE(resolved, firstInstantAtOrAfter(tz, day, time));

        const qint64 at = t.atUtc.toMSecsSinceEpoch();
        const int before = LocalTimeResolver::offsetSeconds(tz, at - 1);
        if (kind == u"gap"_s) {
            QCOMPARE(resolved, at); // the first valid instant after the gap
            QVERIFY(localOf(tz, resolved).time() > time);
        } else if (kind == u"overlap"_s) {
            QCOMPARE(localOf(tz, resolved).time(), time);
            QCOMPARE(LocalTimeResolver::offsetSeconds(tz, resolved), before); // the first one
            QVERIFY(resolved < at);
        } else {
            QCOMPARE(localOf(tz, resolved).time(), time);
            QCOMPARE(localOf(tz, resolved).date(), day);
        }
    }

    void resolverOnOrdinaryDays_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("offsetMinutes"); // known standard offsets
        QTest::newRow("Kolkata +05:30") << "Asia/Kolkata"_ba << 330;
        QTest::newRow("Los Angeles in January") << "America/Los_Angeles"_ba << -480;
        QTest::newRow("Auckland in January (daylight)") << "Pacific/Auckland"_ba << 780;
        QTest::newRow("UTC") << "UTC"_ba << 0;
    }

    void resolverOnOrdinaryDays()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, offsetMinutes);
        const QDate day(2026, 1, 15);
        const QTime time(10, 0);
        const qint64 expected =
            QDateTime(day, time, Qt::UTC).toMSecsSinceEpoch() - qint64(offsetMinutes) * Minute;
        QCOMPARE(LocalTimeResolver::toUtcMSecs(QTimeZone(zone), day, time), expected);
    }

    void allowedWindowsAgreeWithLocalTime_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");

        for (const QByteArray &zone : {"America/New_York"_ba, "Europe/Berlin"_ba,
                                       "Pacific/Auckland"_ba, "Asia/Kolkata"_ba}) {
            QTest::addRow("%s 21-08", zone.constData()) << zone << QTime(21, 0) << QTime(8, 0);
            QTest::addRow("%s 12-13", zone.constData()) << zone << QTime(12, 0) << QTime(13, 0);
            QTest::addRow("%s 02:30-06:00", zone.constData())
                << zone << QTime(2, 30) << QTime(6, 0);
        }
    }

    // Over every DST transition of 2026, sampled every 10 minutes: allowed exactly when the
    // local time is outside the quiet hours; nextAllowed and allowedUntil are the first
    // change of state. (Boundaries inside a repeated hour are tested separately below.)
    void allowedWindowsAgreeWithLocalTime()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QTime, start);
        QFETCH(QTime, end);

        const QTimeZone tz(zone);
        const QuietHours quiet(start, end);
        QList<qint64> centres{
            QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
        for (const auto &t : transitionsIn(tz, 2026))
            centres.append(t.atUtc.toMSecsSinceEpoch());

        for (const qint64 centre : centres) {
            AllowedWindows windows(tz, quiet); // fresh: also covers building from any point
            // On a fall-back day, local times [after, before) happen twice.
            QDate repeatedDay;
            const int before = LocalTimeResolver::offsetSeconds(tz, centre - 1);
            const int after = LocalTimeResolver::offsetSeconds(tz, centre);
            if (after < before) {
                const QDateTime first = localOf(tz, centre);
                const QTime repeatedEnd = first.time().addSecs(before - after);
                for (const QTime boundary : {start, end}) {
                    if (boundary >= first.time() && boundary < repeatedEnd)
                        repeatedDay = first.date();
                }
            }
            const qint64 from = centre - 2 * 24 * Hour;
            const qint64 to = centre + 2 * 24 * Hour;
            const qint64 step = 10 * Minute;
            for (qint64 t = from; t < to; t += step) {
                if (repeatedDay.isValid() && localOf(tz, t).date() == repeatedDay)
                    continue; // a boundary inside the repeated hour: see overlapBoundary
                const bool quietNow = quiet.isQuiet(localOf(tz, t).time());
                QCOMPARE(windows.isAllowed(t), !quietNow);
                const qint64 next = windows.nextAllowed(t);
                QVERIFY(next >= t);
                QVERIFY(!quiet.isQuiet(localOf(tz, next).time()));
                for (qint64 u = t; u < next; u += step)
                    QVERIFY(quiet.isQuiet(localOf(tz, u).time()));
                if (!quietNow) {
                    const qint64 until = windows.allowedUntil(t);
                    QVERIFY(until > t);
                    QVERIFY(quiet.isQuiet(localOf(tz, until).time()));
                    for (qint64 u = t; u < until && u < to; u += step)
                        QVERIFY(!quiet.isQuiet(localOf(tz, u).time()));
                }
            }
        }
    }

    void noQuietHoursAllowsEverything()
    {
        AllowedWindows windows(QTimeZone("Asia/Kolkata"), QuietHours::none());
        QCOMPARE(windows.nextAllowed(12345), 12345);
        QCOMPARE(windows.allowedUntil(12345), AllowedWindows::Forever);
    }

    // Documented choice: a boundary inside a repeated hour takes its first occurrence.
    void overlapBoundary()
    {
        const QTimeZone ny("America/New_York");
        const auto fall = transitionsIn(ny, 2026).at(1);
        const QDate day = localDateOf(ny, fall.atUtc);
        AllowedWindows windows(ny, QuietHours(QTime(21, 0), QTime(1, 30)));
        const qint64 firstOneThirty = LocalTimeResolver::toUtcMSecs(ny, day, QTime(1, 30));
        const qint64 midnight = LocalTimeResolver::toUtcMSecs(ny, day, QTime(0, 0));
        QCOMPARE(windows.nextAllowed(midnight), firstOneThirty);
        // 01:15 on the repeated (standard-time) hour is after the quiet span ended.
        const qint64 secondOneFifteen = fall.atUtc.toMSecsSinceEpoch() + 15 * Minute;
        QCOMPARE(localOf(ny, secondOneFifteen).time(), QTime(1, 15));
        QVERIFY(windows.isAllowed(secondOneFifteen));
    }
};

QTEST_GUILESS_MAIN(TestQuietHours)
#include "tst_quiethours.moc"
