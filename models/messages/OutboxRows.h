// The outbox's reads and writes of queued outbound messages (run them on the writer thread).
#pragma once

#include "ConsentLedger.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct OutboxRow
{
    qint64 id = 0;
    qint64 threadId = 0;
    QString from;
    QString to;
    QString body;
    QString clientRef;
    int segments = 1;
    int attempts = 0;
    std::optional<qint64> lastAttemptAt; // set: it may have reached the provider
    std::optional<qint64> nextAttemptAt;
    double throughputMps = 1.0;
    qint64 accountId = 0;
    ConsentLedger::MessagePurpose purpose = ConsentLedger::MessagePurpose::Conversation;
    bool sendable = true;              // still queued here, not accepted by the provider
    std::optional<qint64> scheduledAt; // not to leave before (ms, UTC); see ScheduledMessageRows
    QString viaServiceSid; // the from number's Messaging Service when it sends through it
};

class OutboxRows
{
public:
    // What "send again" copies from a message the provider failed.
    struct FailedMessage
    {
        qint64 threadId = 0;
        QString body;
        ConsentLedger::MessagePurpose purpose = ConsentLedger::MessagePurpose::Conversation;
        int errorCode = 0;    // the provider's, 0 for none
        qint64 retriedBy = 0; // the copy already sent in its place, 0 for none
    };

    explicit OutboxRows(QSqlDatabase db);

    // The account's messages composed here and not yet accepted by the provider, by id.
    QList<OutboxRow> pending(qint64 accountId);
    std::optional<OutboxRow> row(qint64 messageId);
    // The message composed under `clientRef`: its id (0: none) and provider sid ('' until
    // the provider accepted it). False on a database error.
    bool byClientRef(const QString &clientRef, qint64 *id, QString *sid);
    // What a new message in this thread would be (ends, account; no id yet), to check consent
    // before anything is written. nullopt when there is no such thread.
    std::optional<OutboxRow> prospective(qint64 threadId, ConsentLedger::MessagePurpose purpose);
    // Before a POST: one more attempt, now.
    bool markAttempt(qint64 messageId, qint64 nowMs);
    bool scheduleRetry(qint64 messageId, qint64 atMs);
    // The provider refused it for good.
    bool markFailed(qint64 messageId, int errorCode, const QString &errorMessage, qint64 nowMs);
    // Refused here without asking the provider (the customer opted out): status 'blocked'.
    bool markBlocked(qint64 messageId, const QString &reason, qint64 nowMs);
    // Another desktop of the team sent this reply (its sid is attached already): the thread
    // names who sent it.
    bool markSentElsewhere(qint64 messageId, const QString &sentBy, qint64 nowMs);
    // Why this message must not be sent under the customer's consent, or an empty string
    // when it may go. nullopt when the ledger cannot be read (errorString()).
    std::optional<QString> consentRefusal(const OutboxRow &row);
    // Appends an opt-out the provider reported (e.g. 21610) to the consent ledger.
    bool recordProviderOptOut(qint64 messageId, const QString &detail, qint64 nowMs);
    // Whether another local message composed here already carries this provider sid.
    bool sidTakenByOther(const QString &sid, const QString &clientRef);
    // The account's outbound message `messageId` when it failed or was undelivered; nullopt
    // when it is no such message, or on an error (then errorString() is not empty).
    std::optional<FailedMessage> failedMessage(qint64 messageId, qint64 accountId);
    // The failed message was sent again as `copyId`: the thread shows the copy in its place.
    bool markRetried(qint64 failedId, qint64 copyId);

    QString errorString() const { return m_error; }

    // "+1555… opted out of texts from +1555… (keyword STOP, 2026-11-23 09:12 UTC)"
    static QString refusalText(const QString &customer, const QString &sender,
                               const ConsentLedger::Consent &consent);

private:
    bool exec(class QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};
