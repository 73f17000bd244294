// Paints one thread of the agents' list: who, via which of our numbers, the last words, state.
#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

#include <functional>

class ThreadListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ThreadListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "now", "5m", "3h", "Mon", "Nov 3", "Nov 3, 2025": relative to now (local time).
    static QString relativeTime(const QDateTime &at, const QDateTime &now);
    // "Snoozed until 9:00 AM" (today), "Snoozed until Tue 9:00 AM" (this week),
    // "Snoozed until Dec 24, 9:00 AM"; '' when `until` is invalid or not after now.
    static QString snoozeText(const QDateTime &until, const QDateTime &now);
    // "9:00 AM", "19:30": the locale's short time, never with seconds.
    static QString clockText(const QTime &time);
    struct Pill
    {
        enum class Kind
        {
            Unread,
            Snoozed,
            Resolved,
            Assignee,
            Presence, // a teammate in the thread now
        };
        Kind kind;
        QString text;
    };
    // The pills line 3 of the row shows, right to left: unread count, snooze, resolved,
    // assignee, then who of the team is in it (what paint() draws; tests read it).
    QList<Pill> pills(const QModelIndex &index) const;
    // Tests and screenshots pin the clock; by default the current time is used.
    void setNow(const QDateTime &now) { m_now = now; }
    // Who of the team is in a thread, by its key ("customer|our"): "✎ Sam" while typing,
    // "Sam" while viewing, '' for nobody. Unset: no presence marker.
    using PresenceLookup = std::function<QString(const QString &threadKey)>;
    void setPresenceLookup(PresenceLookup lookup) { m_presence = std::move(lookup); }

private:
    QDateTime m_now;
    PresenceLookup m_presence;
};
