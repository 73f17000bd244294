// The thread side of message writes: finds our sender number, finds or creates the thread,
// and keeps its aggregates (last message, unread count, open/snoozed) in step.
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

class ThreadWriter
{
public:
    struct SenderNumber
    {
        qint64 id = 0;
        QString providerKeyword;
        bool sendOnly = false;
    };

    explicit ThreadWriter(QSqlDatabase db);

    // Forget cached lookups; call at the start of every transaction.
    void clearCache();

    // Our number in an account, or nullopt when it is not one of the account's numbers.
    // Returns false on a database error.
    bool senderNumber(qint64 accountId, const QString &number, std::optional<SenderNumber> *out);
    // The thread with this key, created when missing (*created says which, when given); 0 on
    // a database error.
    qint64 findOrCreate(qint64 accountId, const QString &customerNumber, qint64 senderNumberId,
                        const QString &providerKeyword, bool *created = nullptr);

    // A message was added to the thread: it becomes the last message if it is the newest
    // (by created_at, then id). *changed is set when the thread row changed.
    bool noteMessage(qint64 threadId, qint64 messageId, qint64 createdAtMs, const QString &body,
                     bool *changed);
    // New inbound messages: that many more unread, and a resolved or snoozed thread reopens.
    bool noteNewInbound(qint64 threadId, int count, bool *changed);
    // An existing message's body changed: refresh the preview if it is the last message.
    bool noteBodyChanged(qint64 threadId, qint64 messageId, const QString &body, bool *changed);

    QString errorString() const { return m_error; }

    static QString preview(const QString &body);

private:
    bool prepare();
    bool run(QSqlQuery &query, const char *what);

    QSqlDatabase m_db;
    bool m_prepared = false;
    QSqlQuery m_findSender;
    QSqlQuery m_findThread;
    QSqlQuery m_insertThread;
    QSqlQuery m_setLatest;
    QSqlQuery m_addUnread;
    QSqlQuery m_setPreview;
    QHash<QString, std::optional<SenderNumber>> m_senders; // key: account id + number
    QHash<QString, qint64> m_threads;                      // key: the thread's UNIQUE columns
    QString m_error;
};
