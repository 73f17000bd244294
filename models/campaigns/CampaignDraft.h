// What a marketer sets up before a campaign is planned: variants, hold-out, senders, schedule.
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>

struct CampaignDraft
{
    enum class ScheduleKind
    {
        Now,
        AccountTime,   // `date` `time` in the account's zone, one instant for everybody
        RecipientLocal // `date` `time` in each recipient's own zone
    };

    struct Variant
    {
        QString label; // "A", "B", ...
        qint64 templateVersionId = 0;
        int percent = 0;
    };

    qint64 accountId = 0;
    QString name;
    QList<Variant> variants;
    int holdOutPercent = 0;
    QList<qint64> senderIds; // the pool, in round-robin order
    ScheduleKind schedule = ScheduleKind::Now;
    QDate date;
    QTime time;
    QString accountZone = QStringLiteral("UTC"); // IANA id
    // The allowed send window in recipient local time (minutes after midnight); quiet hours
    // are its complement (default 08:00-21:00 allowed, i.e. quiet 21:00-08:00).
    int windowStartMinute = 8 * 60;
    int windowEndMinute = 21 * 60;
    QString createdBy;
    // "Send no later than" (UTC ms) for every recipient; 0: the end of the day each
    // recipient's text is planned for, in the recipient's zone.
    qint64 sendNoLaterThanMSecs = 0;
    // The campaign's team-wide id (a UUID); '' makes a new one.
    QString teamId;

    static QString scheduleToString(ScheduleKind kind);
    static bool scheduleFromString(QStringView text, ScheduleKind *kind);
};
