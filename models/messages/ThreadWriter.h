// The thread side of message writes: finds our sender number, finds or creates the thread,
// and keeps its aggregates (last message, unread count, open/snoozed) in step.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
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

    // What one page brought a thread: its newest new message and how many new inbound.
    struct News
    {
        qint64 threadId = 0;
        qint64 messageId = 0;
        qint64 createdAtMs = 0;
        QString body;
        int inbound = 0;
    };

    // Forget cached lookups. The cache outlives a transaction (re-reading every page's
    // threads cost ~0.7 s per 200k messages) but not a rollback, nor a write it did not see
    // (checkCache()).
    void clearCache();
    // Clears the cache when anything but this writer changed the database since
    // cacheIsCurrent(): another connection's commit (data_version) or another statement on
    // this one (total_changes()). Call at the start of a transaction; false on a database
    // error.
    bool checkCache();
    // The database as it is now is what the cache was filled from; call after a commit.
    bool cacheIsCurrent();

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
    // noteMessage and noteNewInbound for a whole page in one set-based statement (one-row
    // updates each wrote a statement journal and were half of a page's time). *changed gets
    // the threads whose row changed.
    bool noteNews(const QList<News> &news, QSet<qint64> *changed);
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
    QSqlQuery m_applyNews;
    QSqlQuery m_version;
    qint64 m_seenChanges = -1; // total_changes() and data_version the cache is valid for
    qint64 m_seenDataVersion = -1;
    QHash<QString, std::optional<SenderNumber>> m_senders; // key: account id + number
    QHash<QString, qint64> m_threads;                      // key: the thread's UNIQUE columns
    QString m_error;
};
