// The read side of the thread list: keyset-paged thread rows, single rows and per-filter counts.
#pragma once

#include "ThreadRow.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <array>
#include <optional>

// Runs on the connection it is given (a reader connection on the GUI thread). Threads without
// any message yet (last_message_at NULL) are not listed and not counted.
class ThreadQuery
{
public:
    enum class Filter
    {
        Unresolved, // status open
        Mine,       // open and assigned to me (nothing when me is empty)
        Unassigned, // open and assigned to nobody
        Flagged,    // flagged, whatever the status
        All,
        Resolved,
    };
    static constexpr int FilterCount = 6;
    using Counts = std::array<int, FilterCount>; // indexed by int(Filter)

    // Where the previous page ended: rows strictly older than (lastMessageAt, id) follow.
    struct Cursor
    {
        qint64 lastMessageAt = 0;
        qint64 id = 0;
    };

    explicit ThreadQuery(QSqlDatabase db);

    // Up to limit rows, newest first (last_message_at DESC, id DESC), after the cursor when
    // given. On a database error: an empty list and errorString() says why.
    QList<ThreadRow> page(qint64 accountId, Filter filter, const QString &me,
                          std::optional<Cursor> after, int limit);
    // The current state of one thread, whatever the filter; nullopt when it does not exist or
    // has no message yet.
    std::optional<ThreadRow> fetchRow(qint64 threadId);
    // The number of threads each filter lists, in one query. nullopt on a database error.
    std::optional<Counts> counts(qint64 accountId, const QString &me);

    // Whether row belongs in filter's list: the same rule as the SQL of page().
    static bool matches(const ThreadRow &row, Filter filter, const QString &me);
    // Whether a sorts before b in the list (newer first).
    static bool sortsBefore(const ThreadRow &a, const ThreadRow &b);

    // The statement page() runs (tests check its query plan).
    static QString pageSql(Filter filter, bool withCursor);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
