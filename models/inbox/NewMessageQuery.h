// Reads, for the ids a store commit announced, the new inbound messages of one account.
#pragma once

#include "NewMessage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

// Runs on the connection it is given (a reader connection on the GUI thread).
class NewMessageQuery
{
public:
    static constexpr int PreviewLength = 120;

    explicit NewMessageQuery(QSqlDatabase db);

    // Of messageIds, the inbound messages of accountId filed in a thread, oldest first.
    // Other accounts' messages, unrouted ones (no thread) and outbound ones are never
    // returned. On a database error: an empty list and errorString() says why.
    QList<NewMessage> inbound(qint64 accountId, const QList<qint64> &messageIds);

    // The sum of the unread counts of the account's threads; -1 on a database error.
    int unreadCount(qint64 accountId);

    // body on one line (runs of white space become one space), at most `length` characters
    // with an ellipsis when cut.
    static QString preview(const QString &body, int length = PreviewLength);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
