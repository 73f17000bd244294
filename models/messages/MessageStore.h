// Writes messages: the sync engine's pages from the provider and the outbox's local messages.
// Views learn of its commits through the change feed (StoreWriter::changes()).
#pragma once

#include "MessageRecord.h"
#include "OutgoingMessage.h"
#include "PageWriter.h"
#include "ThreadWriter.h"
#include "UpsertStats.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// Use it on the thread that opened the connection, and destroy it before the Database.
class MessageStore : public QObject
{
    Q_OBJECT

public:
    explicit MessageStore(QSqlDatabase db, QObject *parent = nullptr);

    // In one transaction: inserts or updates every message by provider sid, files new ones
    // in the thread (account, customer number, our sender number), creating it when missing,
    // and updates thread aggregates. A message to or from a number that is not a two-way
    // sender number of the account is stored unrouted (thread_id NULL). Local columns
    // (thread, author, campaign, variant, client_ref) are never overwritten. On failure
    // nothing is written and errorString() says why; *stats is filled only on success.
    // A message that cannot be stored (no to number, an unknown status…) never fails the
    // page: it is kept aside (SkippedMessageRows) with `keptAside`, the messages the caller
    // could not even map, and counted in stats->skipped. A message whose `from` was empty
    // (a Messaging Service had not picked a sender yet) is filed in its thread once a later
    // page brings the sender.
    bool upsertPage(qint64 accountId, const QList<MessageRecord> &page, UpsertStats *stats,
                    const QList<SkippedMessage> &keptAside = {});

    // The outbox's message, status 'queued', written before any network call. Idempotent on
    // clientRef: when that reference is already stored in the same thread, nothing is written
    // and *messageId is the existing message.
    // A body longer than OutgoingMessage::MaxBodyChars (Twilio's limit, error 21617) is refused
    // here, before anything is written, rather than failing at the provider after queuing.
    bool insertOutgoing(const OutgoingMessage &message, qint64 *messageId = nullptr);
    // The provider accepted the message composed under clientRef: record its sid and status.
    // If a sync page already stored that sid as a separate row, the two are merged into the
    // local one (the provider's fields win).
    bool attachSid(const QString &clientRef, const QString &sid, const QString &status);

    // The thread for a new conversation started here; *created (when given) says whether it
    // is new.
    qint64 findOrCreateThread(qint64 accountId, const QString &customerNumber,
                              qint64 senderNumberId, const QString &providerKeyword = {},
                              bool *created = nullptr);

    QString errorString() const { return m_error; }

    // Status words the messages table accepts.
    static bool isKnownStatus(const QString &status);
    static QStringList knownStatuses();

private:
    bool fail(const QString &message);
    bool commit();

    QSqlDatabase m_db;
    ThreadWriter m_threads;
    PageWriter m_pages;
    QSqlQuery m_anyAside;
    bool m_anyAsidePrepared = false;
    QString m_error;
};
