// Assigns campaign recipients to sender numbers and send times within carrier limits.
#pragma once

#include "QuietHours.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

// Rules (see also docs in plan()):
// - Rate: a sender sends `segmentsPerSecond` segments per second, so a message occupies
//   ceil(segments * 1000 / rate) ms of it (a 3-segment text holds a 1 seg/s long code for 3 s);
//   the next message on that sender starts no earlier than that.
// - Daily cap: counted in messages (or segments when capCountsSegments) per calendar day of
//   `capZone` (carriers reset caps at midnight; pass their zone, else the account's).
//   A message that would exceed the cap moves to the next cap day; in practice that lands in
//   the recipient's quiet hours, so it goes at the next day's window start.
// - Send windows: a recipient in window group g is only texted outside the quiet hours of
//   zone g. When the sender backlog would push a recipient past the end of its window, the
//   recipient waits for its next window start and the sender serves other zones meanwhile.
// - Sender choice: the sticky sender (the number the recipient already has a thread with)
//   when it is in the pool, always, even if slower; otherwise the sender that can start the
//   message first, ties going to the least-loaded (least busy time), then the lower index.
// - Order: recipients are served in order of their earliest allowed time (input order on
//   ties), so a campaign is first-come first-served per zone.
// Complexity: O(n log n) for n recipients, plus O(senders) per recipient; times are plain
// milliseconds since the epoch, with time-zone work done once per local day.
class ThroughputPlanner
{
public:
    enum class SenderKind
    {
        LongCode,
        TollFree,
        ShortCode
    };
    // Provider defaults in segments per second: long code 1, toll-free 3, short code 100.
    static double defaultSegmentsPerSecond(SenderKind kind);

    struct Sender
    {
        qint64 id = 0; // sender_numbers.id, > 0
        double segmentsPerSecond = 1.0;
        int dailyCap = 0; // 0: no cap
        bool capCountsSegments = false;
        int usedToday = 0;         // already spent on the cap day of `now`, in the cap's unit
        qint64 busyUntilMSecs = 0; // the sender's queue already holds traffic until then
    };

    struct Recipient
    {
        int segments = 1;
        qint64 earliestMSecs = 0;  // from SendTimePlanner
        int windowGroup = -1;      // index into the send-window zones; -1: no quiet hours
        qint64 stickySenderId = 0; // 0: no existing thread
    };

    struct Assignment
    {
        int sender = -1; // index into the sender pool
        qint64 startMSecs = 0;
        qint64 endMSecs = 0; // when the sender is free again
        bool sticky = false;
    };

    struct SenderLoad
    {
        int messages = 0;
        qint64 segments = 0;
        qint64 lastEndMSecs = 0;
        int capRollovers = 0; // times the daily cap moved this sender to the next day
    };

    struct Plan
    {
        QString error;                 // set when nothing was planned
        QList<Assignment> assignments; // per recipient, in input order
        QList<SenderLoad> senders;     // per sender, in pool order
        qint64 finishMSecs = 0;        // when the last segment has left
        int stickyKept = 0;
        int stickyUnavailable = 0; // sticky sender not in the pool: assigned like the others
        bool ok() const { return error.isEmpty(); }
    };

    ThroughputPlanner(const QList<Sender> &senders, const QTimeZone &capZone);

    // Zones of the window groups (SendTimePlanner::Batch::zones) and their quiet hours.
    void setSendWindows(const QList<QByteArray> &zoneIds, const QuietHours &quietHours);

    Plan plan(const QList<Recipient> &recipients, qint64 nowMSecs) const;

    // Milliseconds a message of `segments` holds a sender of `segmentsPerSecond`.
    static qint64 occupancyMSecs(int segments, double segmentsPerSecond);

private:
    QString validate(const QList<Recipient> &recipients) const;

    QList<Sender> m_senders;
    QTimeZone m_capZone;
    QList<QByteArray> m_windowZones;
    QuietHours m_quietHours = QuietHours::none();
};
