#include "LocalTimeResolver.h"
#include "SendTimePlanner.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Mode = SendTimePlanner::Mode;
using ZoneSource = SendTimePlanner::ZoneSource;

Q_DECLARE_METATYPE(SendTimePlanner::Mode)

namespace {

constexpr qint64 Hour = 3600 * 1000;

qint64 utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toMSecsSinceEpoch();
}

QDateTime localOf(const QByteArray &zone, qint64 utcMSecs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMSecs, QTimeZone(zone));
}

QDateTime firstTransition(const QByteArray &zone, int index)
{
    QDateTime from(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    QTimeZone::OffsetData data;
    for (int i = 0; i <= index; ++i) {
        data = QTimeZone(zone).nextTransition(from);
        from = data.atUtc;
    }
    return data.atUtc;
}

} // namespace

class TestSendTimePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooseZone_data()
    {
        QTest::addColumn<QString>("contact");
        QTest::addColumn<QString>("region");
        QTest::addColumn<int>("source");
        QTest::addColumn<QByteArray>("zone");

        QTest::newRow("contact zone") << u"Asia/Kolkata"_s << u"Europe/Berlin"_s
                                      << int(ZoneSource::Contact) << "Asia/Kolkata"_ba;
        QTest::newRow("unknown contact zone falls to region")
            << u"Mars/Olympus"_s << u"Europe/Berlin"_s << int(ZoneSource::Region)
            << "Europe/Berlin"_ba;
        QTest::newRow("backward alias is a zone")
            << u"Asia/Calcutta"_s << u""_s << int(ZoneSource::Contact) << "Asia/Calcutta"_ba;
        QTest::newRow("POSIX rule is not a zone")
            << u"EST5EDT"_s << u"Europe/Berlin"_s << int(ZoneSource::Region) << "Europe/Berlin"_ba;
        QTest::newRow("no contact zone")
            << u""_s << u"Pacific/Auckland"_s << int(ZoneSource::Region) << "Pacific/Auckland"_ba;
        QTest::newRow("nothing known")
            << u""_s << u""_s << int(ZoneSource::Account) << "America/New_York"_ba;
        QTest::newRow("unknown region")
            << u""_s << u"Nowhere"_s << int(ZoneSource::Account) << "America/New_York"_ba;
    }

    void chooseZone()
    {
        QFETCH(QString, contact);
        QFETCH(QString, region);
        QFETCH(int, source);
        QFETCH(QByteArray, zone);
        const SendTimePlanner planner(QTimeZone("America/New_York"), QuietHours());
        QTimeZone chosen;
        QCOMPARE(int(planner.chooseZone({contact, region}, &chosen)), source);
        QCOMPARE(chosen.id(), zone);
    }

    void plan_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("expectedUtc");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<bool>("deferred");

        // Account zone: America/New_York; quiet hours 21:00-08:00.
        const QDate june10(2026, 6, 10);
        const qint64 earlier = utc(2026, 6, 9, 0);
        // 10:00 local on June 10: different instants per zone (known standard offsets).
        QTest::newRow("local 10:00 Kolkata (+05:30)")
            << "Asia/Kolkata"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0) << earlier
            << utc(2026, 6, 10, 4, 30) << false << false;
        QTest::newRow("local 10:00 Los Angeles (PDT, -7)")
            << "America/Los_Angeles"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0)
            << earlier << utc(2026, 6, 10, 17) << false << false;
        QTest::newRow("local 10:00 Auckland (NZST, +12)")
            << "Pacific/Auckland"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0)
            << earlier << utc(2026, 6, 9, 22) << false << false;
        QTest::newRow("local 22:00 is quiet: next morning")
            << "Asia/Kolkata"_ba << Mode::RecipientLocalTime << june10 << QTime(22, 0) << earlier
            << utc(2026, 6, 11, 2, 30) << false << true;

        // Now 12:00 UTC on June 10: 10:00 has passed in Kolkata and Auckland, not in LA.
        const qint64 noon = utc(2026, 6, 10, 12);
        QTest::newRow("passed, inside the window: at once")
            << "Asia/Kolkata"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0) << noon
            << noon << true << false;
        QTest::newRow("passed, now quiet there: next window start")
            << "Pacific/Auckland"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0) << noon
            << utc(2026, 6, 10, 20) << true << true;
        QTest::newRow("not passed yet")
            << "America/Los_Angeles"_ba << Mode::RecipientLocalTime << june10 << QTime(10, 0)
            << noon << utc(2026, 6, 10, 17) << false << false;

        // Send now at 03:00 UTC: 20:00 in LA, 05:00 in Berlin, 08:30 in Kolkata.
        const qint64 three = utc(2026, 6, 10, 3);
        QTest::newRow("now, LA evening") << "America/Los_Angeles"_ba << Mode::Now << QDate()
                                         << QTime() << three << three << false << false;
        QTest::newRow("now, Berlin night") << "Europe/Berlin"_ba << Mode::Now << QDate() << QTime()
                                           << three << utc(2026, 6, 10, 6) << false << true;
        QTest::newRow("now, Kolkata morning") << "Asia/Kolkata"_ba << Mode::Now << QDate()
                                              << QTime() << three << three << false << false;

        // 09:00 in New York (13:00 UTC) for everybody.
        QTest::newRow("account time, Berlin afternoon")
            << "Europe/Berlin"_ba << Mode::AccountLocalTime << june10 << QTime(9, 0) << earlier
            << utc(2026, 6, 10, 13) << false << false;
        QTest::newRow("account time, Auckland night")
            << "Pacific/Auckland"_ba << Mode::AccountLocalTime << june10 << QTime(9, 0) << earlier
            << utc(2026, 6, 10, 20) << false << true;
        QTest::newRow("account time passed")
            << "Europe/Berlin"_ba << Mode::AccountLocalTime << june10 << QTime(9, 0)
            << utc(2026, 6, 10, 14) << utc(2026, 6, 10, 14) << true << false;
    }

    void plan()
    {
        QFETCH(QByteArray, zone);
        QFETCH(Mode, mode);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(qint64, now);
        QFETCH(qint64, expectedUtc);
        QFETCH(bool, passed);
        QFETCH(bool, deferred);

        const SendTimePlanner planner(QTimeZone("America/New_York"), QuietHours());
        const SendTimePlanner::Schedule schedule{mode, date, time};
        QCOMPARE(planner.validate(schedule), QString());
        const auto planned = planner.plan(schedule, now, {QString::fromUtf8(zone), {}});
        QCOMPARE(localOf(zone, planned.utcMSecs), localOf(zone, expectedUtc));
        QCOMPARE(planned.utcMSecs, expectedUtc);
        QCOMPARE(planned.targetPassed, passed);
        QCOMPARE(planned.deferredByQuietHours, deferred);
        QVERIFY(!QuietHours().isQuiet(localOf(zone, planned.utcMSecs).time()));
        QVERIFY(planned.utcMSecs >= now);
    }

    void dst_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("transition"); // 0: spring forward, 1: fall back
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("expect");

        for (const QByteArray &zone : {"America/New_York"_ba, "Europe/Berlin"_ba}) {
            QTest::addRow("%s spring 02:30 (gap)", zone.constData())
                << zone << 0 << QTime(2, 30) << u"gap"_s;
            QTest::addRow("%s fall overlap", zone.constData())
                << zone << 1 << (zone == "Europe/Berlin" ? QTime(2, 30) : QTime(1, 30))
                << u"first"_s;
            QTest::addRow("%s spring 10:00", zone.constData())
                << zone << 0 << QTime(10, 0) << u"day"_s;
            QTest::addRow("%s fall 10:00", zone.constData())
                << zone << 1 << QTime(10, 0) << u"day"_s;
        }
    }

    // With no quiet hours, so only the DST rule decides.
    void dst()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, transition);
        QFETCH(QTime, time);
        QFETCH(QString, expect);

        const QDateTime at = firstTransition(zone, transition);
        const QDate day = at.toTimeZone(QTimeZone(zone)).date();
        const SendTimePlanner planner{QTimeZone(zone), QuietHours::none()};
        const auto planned = planner.plan({Mode::RecipientLocalTime, day, time}, utc(2026, 1, 1, 0),
                                          {QString::fromUtf8(zone), {}});
        const QDateTime local = localOf(zone, planned.utcMSecs);
        if (expect == u"gap"_s) {
            QCOMPARE(planned.utcMSecs, at.toMSecsSinceEpoch());
            QCOMPARE(local.time(), time.addSecs(30 * 60)); // 03:00, the end of the gap
        } else if (expect == u"first"_s) {
            QCOMPARE(local.time(), time);
            QVERIFY(planned.utcMSecs < at.toMSecsSinceEpoch());
            // The second occurrence is an hour later and reads the same.
            const qint64 second = planned.utcMSecs + Hour;
            QCOMPARE(localOf(zone, second).time(), time);
            QVERIFY(second >= at.toMSecsSinceEpoch());
        } else {
            QCOMPARE(local.date(), day);
            QCOMPARE(local.time(), time);
            // The day before, 10:00 local was one hour further from UTC.
            const auto dayBefore = planner.plan({Mode::RecipientLocalTime, day.addDays(-1), time},
                                                utc(2026, 1, 1, 0), {QString::fromUtf8(zone), {}});
            const qint64 change = transition == 0 ? -Hour : Hour;
            QCOMPARE(planned.utcMSecs - dayBefore.utcMSecs, 24 * Hour + change);
        }
    }

    // Deferred out of quiet hours over a DST change: 08:00 local, whatever the offset.
    void quietHoursEndAcrossDst_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("transition");
        for (const QByteArray &zone : {"America/New_York"_ba, "Europe/Berlin"_ba}) {
            QTest::addRow("%s spring", zone.constData()) << zone << 0;
            QTest::addRow("%s fall", zone.constData()) << zone << 1;
        }
    }

    void quietHoursEndAcrossDst()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, transition);
        const QDateTime at = firstTransition(zone, transition);
        const QDate day = at.toTimeZone(QTimeZone(zone)).date();
        const SendTimePlanner planner{QTimeZone(zone), QuietHours()};
        // 23:00 the evening before the change.
        const auto planned = planner.plan({Mode::RecipientLocalTime, day.addDays(-1), QTime(23, 0)},
                                          utc(2026, 1, 1, 0), {QString::fromUtf8(zone), {}});
        QVERIFY(planned.deferredByQuietHours);
        QCOMPARE(localOf(zone, planned.utcMSecs), QDateTime(day, QTime(8, 0), QTimeZone(zone)));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("account");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("now needs nothing")
            << "UTC"_ba << Mode::Now << QDate() << QTime() << QString();
        QTest::newRow("scheduled without date")
            << "UTC"_ba << Mode::AccountLocalTime << QDate() << QTime(9, 0) << u"date"_s;
        QTest::newRow("scheduled without time")
            << "UTC"_ba << Mode::RecipientLocalTime << QDate(2026, 1, 1) << QTime() << u"time"_s;
        QTest::newRow("bad account zone")
            << "Not/AZone"_ba << Mode::Now << QDate() << QTime() << u"time zone"_s;
    }

    void validation()
    {
        QFETCH(QByteArray, account);
        QFETCH(Mode, mode);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QString, errorPart);
        const SendTimePlanner planner{QTimeZone(account), QuietHours()};
        const QString error = planner.validate({mode, date, time});
        QCOMPARE(error.isEmpty(), errorPart.isEmpty());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        const auto batch = planner.planMany({mode, date, time}, 0, {{}});
        QCOMPARE(batch.error, error);
    }

    // The batch gives what planning each recipient alone gives, and counts the zone sources.
    void planManyMatchesPlan()
    {
        const SendTimePlanner planner(QTimeZone("America/New_York"), QuietHours());
        const SendTimePlanner::Schedule schedule{Mode::RecipientLocalTime, QDate(2026, 3, 8),
                                                 QTime(10, 0)};
        const QList<SendTimePlanner::Recipient> recipients{
            {u"Pacific/Auckland"_s, u""_s},
            {u"Asia/Kolkata"_s, u"Europe/Berlin"_s},
            {u"Bogus/Zone"_s, u"Europe/Berlin"_s},
            {u""_s, u"America/Los_Angeles"_s},
            {u""_s, u""_s},
            {u"Bogus/Zone"_s, u""_s},
            {u"Pacific/Auckland"_s, u""_s},
            {u""_s, u"Bogus/Region"_s},
        };
        const qint64 now = utc(2026, 3, 8, 12);
        const auto batch = planner.planMany(schedule, now, recipients);
        QVERIFY(batch.error.isEmpty());
        QCOMPARE(batch.utcMSecs.size(), recipients.size());

        int contact = 0, region = 0, account = 0, passed = 0, deferred = 0;
        for (qsizetype i = 0; i < recipients.size(); ++i) {
            const auto single = planner.plan(schedule, now, recipients.at(i));
            QCOMPARE(batch.utcMSecs.at(i), single.utcMSecs);
            QCOMPARE(batch.zones.at(batch.zoneIndex.at(i)), single.zoneId);
            contact += single.zoneSource == ZoneSource::Contact;
            region += single.zoneSource == ZoneSource::Region;
            account += single.zoneSource == ZoneSource::Account;
            passed += single.targetPassed;
            deferred += single.deferredByQuietHours;
        }
        QCOMPARE(batch.fromContact, contact);
        QCOMPARE(batch.fromRegion, region);
        QCOMPARE(batch.fromAccount, account);
        QCOMPARE(batch.targetPassed, passed);
        QCOMPARE(batch.deferredByQuietHours, deferred);
        QCOMPARE(batch.unknownContactZones, 2);
        QCOMPARE(batch.unknownRegionZones, 1);
        QCOMPARE(batch.zones.size(), 5); // Auckland, Kolkata, Berlin, LA, New York
        QVERIFY(passed > 0 && passed < recipients.size()); // Auckland and Kolkata had 10:00
    }
};

QTEST_GUILESS_MAIN(TestSendTimePlanner)
#include "tst_sendtimeplanner.moc"
