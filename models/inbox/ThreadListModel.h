// The agents' thread list: lazily paged rows of one account and filter, updated in place.
#pragma once

#include "ThreadQuery.h"
#include "ThreadRow.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

class ChangeSet;
class ThreadCounter;

class ThreadListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        ThreadIdRole = Qt::UserRole + 1,
        CustomerNameRole,
        CustomerNumberRole, // canonical
        SenderLabelRole,
        SenderNumberRole, // canonical
        PreviewRole,
        LastAtRole, // QDateTime, UTC
        UnreadRole,
        StatusRole,
        FlaggedRole,
        AssigneeRole,
        TextEnabledRole,
        CustomerDisplayRole, // the customer's number formatted for people
        SenderDisplayRole,   // our number formatted for people
        SnoozedUntilRole,    // QDateTime (UTC) while a snooze is ahead; invalid otherwise
    };
    Q_ENUM(Role)

    using Filter = ThreadQuery::Filter;
    static constexpr int PageSize = 100;

    // db: a reader connection owned by the caller's thread; me: the signed-in agent's name.
    explicit ThreadListModel(QSqlDatabase db, const QString &me, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Both reset the model and load the first page.
    void setAccount(qint64 accountId);
    void setFilter(Filter filter);
    qint64 accountId() const { return m_accountId; }
    Filter filter() const { return m_filter; }
    QString me() const { return m_me; }
    // This desktop's agent changed (joined the team under a roster name): "Mine" is theirs.
    void setMe(const QString &me);

    // Thread count per filter for the current account (refreshed on every change).
    ThreadQuery::Counts counts() const { return m_counts; }
    int count(Filter filter) const { return m_counts[size_t(filter)]; }

    // Tests move time; the default is the system clock.
    void setClock(ThreadQuery::Clock clock);
    // Counts on the counter's own thread from now on (the desktop does, so a change never
    // waits for a count over every thread); without one the counts are read here, at once.
    void setCounter(ThreadCounter *counter) { m_counter = counter; }

    // Agents the account's threads are assigned to (for "Assign to…").
    QStringList knownAssignees() { return m_query.knownAssignees(m_accountId); }
    qint64 now() const { return m_query.now(); }

    // What a screen reader says for a row (Qt::AccessibleTextRole): the view paints the row,
    // so the view's wording describes it.
    using Describe = std::function<QString(const QModelIndex &)>;
    void setAccessibleText(Describe describe) { m_describe = std::move(describe); }

    qint64 threadIdAt(int row) const;
    int rowOf(qint64 threadId) const; // -1 when not loaded

public Q_SLOTS:
    // From the change feed: the threads it names, and the threads of contacts it names.
    void applyChanges(const ChangeSet &changes);
    // These threads changed: their rows are read in one query, then updated, moved, inserted
    // or removed in place; the counts are read once.
    void threadsChanged(const QList<qint64> &threadIds);
    // Snoozes that ended since the last call bring their threads back (a timer calls it at
    // the next snooze end; tests call it after moving the clock).
    void wakeSnoozed();

Q_SIGNALS:
    void countsChanged();

private:
    void reload();
    void refreshCounts();
    void setCounts(const ThreadQuery::Counts &counts);
    // Reads the account's next snooze end (one query over its threads) and waits for it.
    void scheduleWake();
    // Wakes at atMs unless the timer is due earlier already.
    void wakeAt(qint64 atMs);
    // fresh: the thread's current row, or null when it has no listed state any more.
    void applyChange(qint64 threadId, const ThreadRow *fresh);
    // Where row belongs among the loaded rows other than skipRow; -1 when after the last
    // loaded row while more rows remain unloaded (it will come with a later page).
    int targetRow(const ThreadRow &row, int skipRow) const;

    ThreadQuery m_query;
    QString m_me;
    qint64 m_accountId = 0;
    Filter m_filter = Filter::Unresolved;
    QList<ThreadRow> m_rows;
    QHash<qint64, qint64> m_keys; // loaded thread id -> its row's lastMessageAt (sort key)
    ThreadQuery::Counts m_counts{};
    bool m_hasMore = false;
    bool m_fetching = false;
    QTimer m_wakeTimer;
    qint64 m_wakeAtMs = 0;
    ThreadCounter *m_counter = nullptr;
    qint64 m_wokenUpTo = 0; // snoozes ending at or before this were already applied
    Describe m_describe;
};
