// The read side of the thread list: keyset-paged thread rows, single rows and per-filter counts.
#pragma once

#include "ThreadRow.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

// Runs on the connection it is given (a reader connection on the GUI thread). Threads without
// any message yet (last_message_at NULL) are not listed and not counted.
class ThreadQuery
{
public:
    enum class Filter
    {
        Unresolved, // status open and not snoozed (a snooze that has passed counts as none)
        Mine,       // unresolved and assigned to me (nothing when me is empty)
        Unassigned, // unresolved and assigned to nobody
        Flagged,    // flagged, whatever the status or snooze
        All,
        Resolved,
        Snoozed, // open with a snooze still in the future: back in Unresolved when it passes
    };
    static constexpr int FilterCount = 7;
    using Counts = std::array<int, FilterCount>; // indexed by int(Filter)

    // Where the previous page ended: rows strictly older than (lastMessageAt, id) follow.
    struct Cursor
    {
        qint64 lastMessageAt = 0;
        qint64 id = 0;
    };

    // Milliseconds since the epoch, UTC: decides which snoozes have passed.
    using Clock = std::function<qint64()>;

    explicit ThreadQuery(QSqlDatabase db);

    // Tests move time; the default is the system clock.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // Up to limit rows, newest first (last_message_at DESC, id DESC), after the cursor when
    // given. On a database error: an empty list and errorString() says why.
    QList<ThreadRow> page(qint64 accountId, Filter filter, const QString &me,
                          std::optional<Cursor> after, int limit);
    // The current state of one thread, whatever the filter; nullopt when it does not exist or
    // has no message yet.
    std::optional<ThreadRow> fetchRow(qint64 threadId);
    // The current rows of these threads, in one statement (any order; threads without a
    // message are left out). Without display forms the rows come without the formatted numbers
    // (formatting costs more than the read; add them with addDisplayForms to the rows kept).
    QList<ThreadRow> fetchRows(const QList<qint64> &threadIds, bool withDisplayForms = true);
    static void addDisplayForms(ThreadRow &row);
    // The account's threads with the customers of these contact rows.
    QList<qint64> threadsOfContacts(qint64 accountId, const QList<qint64> &contactIds);
    // The number of threads each filter lists, in one query. nullopt on a database error.
    std::optional<Counts> counts(qint64 accountId, const QString &me);
    // The earliest snooze of the account still ahead of now(); nullopt when none (or on error).
    std::optional<qint64> nextSnoozeEnd(qint64 accountId);
    // The account's team roster and every agent a thread of the account is assigned to, by
    // name ("Assign to…" offers them).
    QStringList knownAssignees(qint64 accountId);
    // The account's threads whose snooze ended in (afterMs, upToMs].
    QList<qint64> snoozesEnded(qint64 accountId, qint64 afterMs, qint64 upToMs);

    // Whether row belongs in filter's list at nowMs: the same rule as the SQL of page().
    static bool matches(const ThreadRow &row, Filter filter, const QString &me, qint64 nowMs);
    // Whether a sorts before b in the list (newer first).
    static bool sortsBefore(const ThreadRow &a, const ThreadRow &b);

    // The statement page() runs (tests check its query plan).
    static QString pageSql(Filter filter, bool withCursor);

    QString errorString() const { return m_error; }

    // "[1,2,3]": ids bound as one value and read with json_each.
    static QString idArray(const QList<qint64> &ids);

private:
    QSqlDatabase m_db;
    Clock m_clock;
    QString m_error;
};
