// Runs every inbound message of an account through the started keyword processes of its
// number exactly once: records consent, queues the reply (idempotently, under a client
// reference derived from the inbound sid) and marks the message processed (keyword_runs).
// Use it inside one StoreWriter job, on the writer's connection and MessageStore.
#pragma once

#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <chrono>

class MessageStore;

class InboundKeywordProcessor
{
public:
    struct Result
    {
        int processed = 0; // messages marked processed by this run
        int matched = 0;   // of which a process (or the provider's default) acted on
        int optOuts = 0;
        int optIns = 0;
        // Replies queued for the messages processed by this run, each once. Pass them to
        // the outbox (Outbox::adopt). A reply queued before a crash is found again and
        // listed here, never queued twice.
        QList<qint64> queuedReplyIds;
        QStringList errors; // messages left unprocessed (tried again next run), with why
    };

    InboundKeywordProcessor(QSqlDatabase db, MessageStore *messages);

    // No reply to an inbound message older than this (a first sync of a long history must
    // not answer last month's HELP); its consent is still recorded. Default 24 hours.
    void setReplyWindow(std::chrono::milliseconds window) { m_replyWindow = window; }
    // "now" for the reply window; the wall clock unless a test sets it.
    void setNowForTesting(qint64 nowMs) { m_nowMs = nowMs; }

    // Processes the account's inbound messages that have no keyword_runs row yet, oldest
    // first.
    Result run(qint64 accountId);

    // The client reference of the reply to an inbound message: the same on every run.
    static QString replyClientRef(const QString &inboundSid, qint64 messageId);

private:
    struct Inbound;
    struct Outcome;
    bool queueReply(const Inbound &message, const QString &body, qint64 *replyId);
    bool writeRun(qint64 accountId, const Inbound &message, const Outcome &outcome);

    QSqlDatabase m_db;
    MessageStore *m_messages;
    std::chrono::milliseconds m_replyWindow = std::chrono::hours(24);
    qint64 m_nowMs = 0;
    QString m_error;
};

Q_DECLARE_METATYPE(InboundKeywordProcessor::Result)
