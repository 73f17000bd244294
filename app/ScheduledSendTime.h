// When a "Send later…" message may leave: the agent picks a date and time in the customer's
// own zone; a time inside the customer's quiet hours (21:00–08:00 their time) or in the past
// is refused with the reason and the nearest allowed time. Also whether the provider can hold
// it (Twilio's SendAt window, with a margin for the request's way there).
#pragma once

#include "QuietHours.h"

#include <QDate>
#include <QString>
#include <QTime>
#include <QTimeZone>

class ScheduledSendTime
{
public:
    struct Check
    {
        qint64 utcMs = 0;        // the instant picked
        QString refusal;         // empty: allowed
        qint64 suggestionMs = 0; // when refused: the next allowed instant (0: none)
        bool ok() const { return refusal.isEmpty(); }
    };

    // An unknown or empty zone is UTC (said so in zoneLabel()).
    explicit ScheduledSendTime(const QString &ianaZone, QuietHours quiet = QuietHours());

    Check check(QDate localDate, QTime localTime, qint64 nowMs) const;
    // The next instant at or after `utcMs` outside quiet hours.
    qint64 nextAllowed(qint64 utcMs) const;

    QTimeZone zone() const { return m_zone; }
    // "America/Los_Angeles (UTC−08:00)"
    QString zoneLabel(qint64 atMs) const;
    // "Tue 09:00 (customer's time)"
    static QString bubbleLabel(qint64 utcMs, const QString &ianaZone);

    // Twilio's SendAt window is 5 minutes to 35 days ahead; these margins keep a request
    // inside it however long it takes to get there.
    static constexpr qint64 kProviderMinLeadMs = 15 * 60 * 1000;
    static constexpr qint64 kProviderMaxLeadMs = 35LL * 24 * 3600 * 1000 - 3600 * 1000;
    static bool providerCanHold(qint64 nowMs, qint64 atMs)
    {
        return atMs - nowMs >= kProviderMinLeadMs && atMs - nowMs <= kProviderMaxLeadMs;
    }
    // Further ahead than this is refused outright.
    static constexpr qint64 kMaxLeadMs = 365LL * 24 * 3600 * 1000;

private:
    QTimeZone m_zone;
    QuietHours m_quiet;
    bool m_zoneKnown = false;
};
