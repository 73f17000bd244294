// The read side of a thread's timeline: keyset-paged messages of one thread, and single rows.
#pragma once

#include "MessageRow.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// Runs on the connection it is given (a reader connection on the GUI thread). Every query is
// scoped to the account as well as the thread, so a wrong thread id never shows another
// account's messages.
class ThreadMessageQuery
{
public:
    // Where the loaded history starts: rows strictly older than (createdAt, id) precede it.
    struct Cursor
    {
        qint64 createdAt = 0;
        qint64 id = 0;
    };

    explicit ThreadMessageQuery(QSqlDatabase db);

    // Up to limit messages older than `before` (the newest ones when nullopt), returned in
    // timeline order (oldest first). On a database error: empty, and errorString() says why.
    QList<MessageRow> pageBefore(qint64 accountId, qint64 threadId, std::optional<Cursor> before,
                                 int limit);
    // The given messages that belong to the thread, in timeline order; ids of other threads
    // are left out.
    QList<MessageRow> rows(qint64 accountId, qint64 threadId, const QList<qint64> &ids);

    // The statement pageBefore() runs (tests check its query plan).
    static QString pageSql(bool withCursor);
    // Whether a comes before b in the timeline.
    static bool sortsBefore(const MessageRow &a, const MessageRow &b);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
