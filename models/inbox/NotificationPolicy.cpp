#include "NotificationPolicy.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

NotificationPolicy::NotificationPolicy(const Settings &settings)
    : m_settings(settings)
{}

void NotificationPolicy::setSettings(const Settings &settings)
{
    m_settings = settings;
}

NotificationPolicy::Outcome NotificationPolicy::onMessages(const QList<NewMessage> &messages,
                                                           const QString &me, const QDateTime &now)
{
    QList<NewMessage> wantedMessages;
    for (const NewMessage &m : messages) {
        if (wanted(m_settings.mode, m.assignee, me))
            wantedMessages.append(m);
    }
    // Quiet hours leave no history behind either: a digest at 07:00 of the night's messages
    // would be the pop-up the user asked not to get (the tray count still shows them).
    if (wantedMessages.isEmpty() || quiet(now))
        return {};

    prune(now);
    const bool wasHolding = hasHeld();
    for (const NewMessage &m : wantedMessages)
        m_recent.append({now, m, State::Shown});
    const bool busy = m_settings.digestWhenBusy && m_recent.size() > m_settings.digestThreshold;
    if (!busy && !wasHolding) {
        QList<Notification> singles;
        for (const NewMessage &m : wantedMessages)
            singles.append(single(m));
        return withSound(singles);
    }

    for (qsizetype i = m_recent.size() - wantedMessages.size(); i < m_recent.size(); ++i)
        m_recent[i].state = State::Held;
    const bool digestDue =
        !m_lastDigestAt || m_lastDigestAt->addSecs(m_settings.digestWindowSeconds) <= now;
    return digestDue ? showDigest(now) : Outcome{};
}

std::optional<QDateTime> NotificationPolicy::nextFlushAt() const
{
    if (!hasHeld())
        return std::nullopt;
    // Messages are only held while a digest shown within the window keeps the next one back.
    return m_lastDigestAt ? m_lastDigestAt->addSecs(m_settings.digestWindowSeconds)
                          : m_recent.constFirst().at;
}

NotificationPolicy::Outcome NotificationPolicy::flush(const QDateTime &now)
{
    const std::optional<QDateTime> due = nextFlushAt();
    if (!due || *due > now)
        return {};
    if (quiet(now)) {
        for (Arrival &a : m_recent) {
            if (a.state == State::Held)
                a.state = State::Digested;
        }
        return {};
    }
    return showDigest(now);
}

void NotificationPolicy::reset()
{
    m_recent.clear();
    m_lastDigestAt.reset();
}

bool NotificationPolicy::wanted(Mode mode, const QString &assignee, const QString &me)
{
    switch (mode) {
    case Mode::EveryMessage:
        return true;
    case Mode::MineAndUnassigned:
        return assignee.isEmpty() || (!me.isEmpty() && assignee == me);
    case Mode::Off:
        return false;
    }
    return false;
}

bool NotificationPolicy::inQuietHours(const QTime &start, const QTime &end, const QTime &localTime)
{
    if (!start.isValid() || !end.isValid() || !localTime.isValid() || start == end)
        return false;
    if (start < end)
        return start <= localTime && localTime < end;
    return localTime >= start || localTime < end; // crosses midnight
}

QString NotificationPolicy::digestText(int messageCount, int threadCount)
{
    return QString::number(messageCount) +
           (messageCount == 1 ? u" new message in "_s : u" new messages in "_s) +
           QString::number(threadCount) + (threadCount == 1 ? u" thread"_s : u" threads"_s);
}

Notification NotificationPolicy::single(const NewMessage &message)
{
    Notification n;
    n.kind = Notification::Kind::Single;
    n.threadId = message.threadId;
    n.messageId = message.id;
    n.title = message.sender.isEmpty() ? message.customer
                                       : message.customer + u" \u00b7 "_s + message.sender;
    n.body = message.preview;
    return n;
}

Notification NotificationPolicy::digest(const QList<NewMessage> &messages)
{
    Notification n;
    n.kind = Notification::Kind::Digest;
    if (messages.isEmpty())
        return n;
    const auto newest = std::max_element(
        messages.cbegin(), messages.cend(), [](const NewMessage &a, const NewMessage &b) {
            return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
        });
    QSet<qint64> threads;
    for (const NewMessage &m : messages)
        threads.insert(m.threadId);
    n.threadId = newest->threadId;
    n.messageId = newest->id;
    n.messageCount = int(messages.size());
    n.threadCount = int(threads.size());
    n.title = u"SMS Desk"_s;
    n.body = digestText(n.messageCount, n.threadCount);
    return n;
}

void NotificationPolicy::prune(const QDateTime &now)
{
    const QDateTime horizon = now.addSecs(-m_settings.digestWindowSeconds);
    m_recent.removeIf(
        [&horizon](const Arrival &a) { return a.state != State::Held && a.at <= horizon; });
}

bool NotificationPolicy::quiet(const QDateTime &now) const
{
    return m_settings.doNotDisturb &&
           inQuietHours(m_settings.dndStart, m_settings.dndEnd, now.toLocalTime().time());
}

bool NotificationPolicy::hasHeld() const
{
    return std::any_of(m_recent.cbegin(), m_recent.cend(),
                       [](const Arrival &a) { return a.state == State::Held; });
}

NotificationPolicy::Outcome NotificationPolicy::showDigest(const QDateTime &now)
{
    prune(now);
    // The digest sums up the burst: what was held plus what was shown on its own just before.
    QList<NewMessage> batch;
    for (Arrival &a : m_recent) {
        if (a.state == State::Digested)
            continue;
        batch.append(a.message);
        a.state = State::Digested;
    }
    if (batch.isEmpty())
        return {};
    m_lastDigestAt = now;
    return withSound({batch.size() == 1 ? single(batch.constFirst()) : digest(batch)});
}

NotificationPolicy::Outcome NotificationPolicy::withSound(QList<Notification> notifications) const
{
    Outcome outcome;
    outcome.sound = m_settings.sound && !notifications.isEmpty();
    outcome.notifications = std::move(notifications);
    return outcome;
}

NotificationPolicy::Outcome NotificationPolicy::onMentions(const QList<Mention> &notes,
                                                           const QString &me,
                                                           const QDateTime &now) const
{
    if (me.isEmpty() || m_settings.mode == Mode::Off || quiet(now))
        return {};
    QList<Notification> shown;
    for (const Mention &note : notes) {
        if (note.author == me || !note.mentions.contains(me))
            continue;
        Notification n;
        n.threadId = note.threadId;
        n.title = note.threadTitle.isEmpty()
                      ? u"%1 mentioned you"_s.arg(note.author)
                      : u"%1 mentioned you \u00b7 %2"_s.arg(note.author, note.threadTitle);
        n.body = note.body.size() > 140 ? note.body.left(139) + u"\u2026"_s : note.body;
        shown.append(n);
    }
    return withSound(std::move(shown));
}
