// Plans when each campaign recipient may be texted: schedule, time zone and quiet hours.
#pragma once

#include "QuietHours.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

// The zone of a recipient is, in order: the contact's IANA zone when it names a zone this
// system knows; else the default zone of the number's region (the caller derives it from the
// number, e.g. with libphonenumber); else the account's zone. An unknown zone name is counted
// (Batch::unknownContactZones) so the UI can show it, and the next source is used. A known
// zone is an IANA id (Area/Location, or one in Qt's list such as "UTC"); POSIX TZ strings
// that Qt would also accept ("EST5EDT", "Nowhere") are refused.
//
// The planned instant is max(target, now), moved out of quiet hours in the recipient's zone to
// the end of the quiet span (the next allowed window start):
// - Now: target = now.
// - AccountLocalTime: `time` on `date` in the account's zone, one instant for everybody.
// - RecipientLocalTime: `time` on `date` in each recipient's zone, so 10:00 gives different UTC
//   instants per zone. Where that moment has already passed, the text goes at once if the
//   recipient is inside the allowed window now, else at the next window start.
// Local times are resolved by LocalTimeResolver (a time in a spring-forward gap moves to the
// end of the gap; an ambiguous fall-back time uses its first occurrence).
class SendTimePlanner
{
public:
    enum class Mode
    {
        Now,
        AccountLocalTime,
        RecipientLocalTime
    };
    enum class ZoneSource
    {
        Contact,
        Region,
        Account
    };

    struct Schedule
    {
        Mode mode = Mode::Now;
        QDate date; // not used for Now
        QTime time; // not used for Now
    };

    struct Recipient
    {
        QString contactZone;       // IANA id from the contact, '' when unknown
        QString regionDefaultZone; // IANA id for the number's region, '' when unknown
    };

    struct Planned
    {
        qint64 utcMSecs = 0;
        QByteArray zoneId;
        ZoneSource zoneSource = ZoneSource::Account;
        bool targetPassed = false;         // the scheduled moment was already past
        bool deferredByQuietHours = false; // moved to the end of a quiet span
    };

    struct Batch
    {
        QString error;           // set when nothing was planned
        QList<qint64> utcMSecs;  // per recipient, in input order
        QList<int> zoneIndex;    // per recipient, an index into zones
        QList<QByteArray> zones; // distinct zones used, in order of first use
        int fromContact = 0;
        int fromRegion = 0;
        int fromAccount = 0;
        int unknownContactZones = 0; // named a zone that does not exist
        int unknownRegionZones = 0;
        int targetPassed = 0;
        int deferredByQuietHours = 0;
    };

    SendTimePlanner(const QTimeZone &accountZone, const QuietHours &quietHours);

    // '' when the planner and the schedule can be used, else what is wrong with them.
    QString validate(const Schedule &schedule) const;

    ZoneSource chooseZone(const Recipient &recipient, QTimeZone *zone) const;

    // One recipient; `schedule` must validate.
    Planned plan(const Schedule &schedule, qint64 nowMSecs, const Recipient &recipient) const;

    // Many recipients: the work is done once per distinct zone, so this stays fast for
    // hundreds of thousands of recipients that share a few zones.
    Batch planMany(const Schedule &schedule, qint64 nowMSecs,
                   const QList<Recipient> &recipients) const;

private:
    struct ZoneResult
    {
        qint64 utcMSecs = 0;
        bool targetPassed = false;
        bool deferred = false;
    };
    ZoneResult planInZone(const Schedule &schedule, qint64 nowMSecs, const QTimeZone &zone) const;

    QTimeZone m_accountZone;
    QuietHours m_quietHours;
};
