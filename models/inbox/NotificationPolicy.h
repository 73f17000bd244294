// Decides which desktop notifications new inbound messages deserve: the user's mode, a digest
// when messages arrive faster than pop-ups can be read, and do-not-disturb hours; and whether a
// teammate's note mentioning this desktop's agent (by roster name) notifies.
#pragma once

#include "NewMessage.h"
#include "Notification.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

// Pure logic over an injected clock: callers pass `now`. It keeps the little history a digest
// needs (what arrived in the last window), so use one instance per open account.
class NotificationPolicy
{
public:
    enum class Mode
    {
        EveryMessage,
        MineAndUnassigned, // threads assigned to me or to nobody
        Off,
    };

    struct Settings
    {
        Mode mode = Mode::EveryMessage;
        // More than digestThreshold messages within digestWindowSeconds are shown as one
        // digest ("7 new messages in 4 threads"), at most one digest per window.
        bool digestWhenBusy = true;
        int digestThreshold = 3;
        int digestWindowSeconds = 60;
        // Local wall-clock hours without pop-ups or sound; end before start crosses midnight
        // (22:00-07:00). start == end is no quiet time at all.
        bool doNotDisturb = false;
        QTime dndStart = QTime(22, 0);
        QTime dndEnd = QTime(7, 0);
        bool sound = true;

        friend bool operator==(const Settings &, const Settings &) = default;
    };

    struct Outcome
    {
        QList<Notification> notifications;
        bool sound = false; // play a sound with them

        bool isEmpty() const { return notifications.isEmpty(); }
    };

    NotificationPolicy() = default;
    explicit NotificationPolicy(const Settings &settings);

    Settings settings() const { return m_settings; }
    // Takes effect for the next messages; what is held for a digest stays held.
    void setSettings(const Settings &settings);

    // The notifications for messages that just arrived. me: the signed-in agent ('' matches
    // no assignee). Resolved or snoozed threads are not special: a new inbound message
    // reopens its thread, so it notifies like any other.
    Outcome onMessages(const QList<NewMessage> &messages, const QString &me, const QDateTime &now);
    // A teammate's internal note that mentions `me` (the roster name of this desktop's agent):
    // one notification each, whatever the mode but Off, none during do-not-disturb hours, never
    // digested (a mention is addressed to me). Notes by `me` or not mentioning `me` give none.
    struct Mention
    {
        qint64 threadId = 0;
        QString author;
        QString body;
        QStringList mentions;
        QString threadTitle; // the customer as the inbox shows them
    };
    Outcome onMentions(const QList<Mention> &notes, const QString &me, const QDateTime &now) const;
    // When messages are held for a digest: the time flush() should be called; nullopt when
    // nothing is held.
    std::optional<QDateTime> nextFlushAt() const;
    // The digest of the held messages when it is due at `now`, else nothing.
    Outcome flush(const QDateTime &now);
    // Forgets all history and held messages (another account was opened).
    void reset();

    // Whether the mode lets a message of a thread assigned to `assignee` notify `me`.
    static bool wanted(Mode mode, const QString &assignee, const QString &me);
    // Whether `localTime` lies in [start, end), crossing midnight when end < start.
    static bool inQuietHours(const QTime &start, const QTime &end, const QTime &localTime);
    // "7 new messages in 4 threads", with singular forms.
    static QString digestText(int messageCount, int threadCount);
    // One message as a notification: "Maria Gonzalez · Support" over the preview.
    static Notification single(const NewMessage &message);
    // Several messages as one digest opening the most recent thread.
    static Notification digest(const QList<NewMessage> &messages);

private:
    enum class State
    {
        Shown,    // shown on its own; a digest soon after still counts it
        Held,     // waiting for the next digest
        Digested, // counted in a digest
    };

    struct Arrival
    {
        QDateTime at;
        NewMessage message;
        State state = State::Shown;
    };

    void prune(const QDateTime &now);
    bool quiet(const QDateTime &now) const;
    bool hasHeld() const;
    Outcome showDigest(const QDateTime &now);
    Outcome withSound(QList<Notification> notifications) const;

    Settings m_settings;
    // Wanted messages of the last window (and held ones, however old), oldest first.
    QList<Arrival> m_recent;
    std::optional<QDateTime> m_lastDigestAt;
};
