// Writes one page of provider messages inside the caller's transaction (MessageStore::upsertPage).
#pragma once

#include "MessageRecord.h"
#include "UpsertStats.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class ThreadWriter;

class PageWriter
{
public:
    PageWriter(QSqlDatabase db, ThreadWriter *threads);

    // Prepares the statements.
    bool prepare();
    // Existing messages are upserted one by one. New ones are staged and inserted by one
    // statement: SQLite 3.40's FTS5 flushes its pending index data at every statement
    // savepoint, so row-by-row inserts would write one index segment per message (measured:
    // ~250 rows/s); one statement per page writes one. A message that cannot be stored is
    // left out and listed in stats->skipped with the reason; it never fails the page.
    bool write(qint64 accountId, const QList<MessageRecord> &page, UpsertStats *stats,
               QList<qint64> *added, QList<qint64> *updated);
    // Resets statements after a failure, before the caller rolls back.
    void abandon();

    QString errorString() const { return m_error; }

private:
    struct Staged
    {
        qsizetype index = 0; // in the page
        qint64 threadId = 0;
    };

    // A message of the page already in the store.
    struct Stored
    {
        qint64 id = 0;
        qint64 threadId = 0;
        QString body;
        QString from;
    };

    bool fail(const QString &message);
    bool findStored(const QList<MessageRecord> &page, const QList<qsizetype> &candidates,
                    QHash<QString, Stored> *stored);
    static QString validate(const MessageRecord &record);
    // Binds the record's Values from position `first` on.
    void bindRecord(QSqlQuery &query, int first, qint64 accountId, qint64 threadId,
                    const MessageRecord &record);
    // A message stored without a sender (a Messaging Service's, before it picked one) got
    // its sender: record it and file the message in its thread when the sender is ours.
    bool fileLater(qint64 accountId, const MessageRecord &record, qint64 id, qint64 *threadId,
                   UpsertStats *stats);
    bool writeExisting(qint64 accountId, const MessageRecord &record, qint64 id, qint64 threadId,
                       bool bodyChanged, UpsertStats *stats, QList<qint64> *updated);
    // Appends the record as the JSON array m_insertPage reads (bindRecord()'s values).
    static void appendJson(QString *out, qint64 accountId, qint64 threadId,
                           const MessageRecord &record);
    bool insertStaged(const QList<MessageRecord> &page, const QList<Staged> &staged,
                      const QString &json, UpsertStats *stats, QList<qint64> *added);

    QSqlDatabase m_db;
    ThreadWriter *m_threads;
    bool m_prepared = false;
    QSqlQuery m_insertPage;
    QSqlQuery m_adoptLocal;
    QSqlQuery m_findBySid;
    QSqlQuery m_upsert;
    QSqlQuery m_fileLater;
    QSet<qint64> m_changed; // threads already in stats->changedThreads
    QString m_error;
};
