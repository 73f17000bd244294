// Sends the messages composed here for one account, exactly once: each is written as
// 'queued' before any network call, then sent per thread in order, paced per sender number
// by its throughput, retried on transient errors and reconciled with the provider whenever a
// create may have been carried out although its answer was lost (also after a crash).
#pragma once

#include "OutboxClaimGate.h"
#include "OutboxRows.h"
#include "OutgoingMessage.h"
#include "ProviderClient.h"
#include "RetryPolicy.h"
#include "TokenBucket.h"

#include <QMap>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>

class SendReconciler;
class StoreWriter;
struct WriterContext;

class Outbox : public QObject
{
    Q_OBJECT

public:
    Outbox(StoreWriter *writer, ProviderClient *client, qint64 accountId,
           QObject *parent = nullptr);
    ~Outbox() override;

    qint64 accountId() const { return m_accountId; }
    void setRetrySettings(const RetryPolicy::Settings &settings, quint32 seed = 0);
    // How far the provider's clock may lag ours when matching a lost create.
    void setClockSkew(std::chrono::milliseconds skew);

    // Loads the account's unsent messages (resuming after a restart: the ones that were in
    // flight are reconciled first) and starts sending. Asynchronous (it never waits for the
    // writer): nothing is sent before the load answers; a failure is reported by
    // storeFailed(), and what is queued afterwards is still sent. False, doing nothing, when
    // it was already started.
    bool start();

    using Purpose = ConsentLedger::MessagePurpose;
    // messageId 0 and a reason when the message was refused (the customer opted out, no
    // such thread, the store failed).
    using QueueDone = std::function<void(qint64 messageId, const QString &error)>;

    // Writes the message as 'queued' on the writer thread, then calls `done` on this thread
    // (unless `context` is gone); sending starts in the background. Refused, with nothing
    // written, when the customer's consent does not allow a message of this purpose.
    void queueMessageAsync(qint64 threadId, const QString &body, const QString &author,
                           QObject *context, QueueDone done,
                           Purpose purpose = Purpose::Conversation);
    // The same, blocking on the writer: the id, or 0 (see errorString()). For the CLI and
    // tests only, never from the GUI thread (StoreWriter::call aborts there).
    // `clientRef`: the caller's own idempotency key (smsdesk-cli send --ref); the same key
    // again finds the message it queued.
    qint64 queueMessage(qint64 threadId, const QString &body, const QString &author,
                        Purpose purpose = Purpose::Conversation, const QString &clientRef = {});
    // The same in the thread of (sender number `from`, customer `to`), created when missing.
    // Blocking too: the CLI and tests only, never from the GUI thread.
    qint64 queueMessage(const QString &from, const QString &to, const QString &body,
                        const QString &author, const QString &clientRef = {});

    // "Send later…": like queueMessageAsync, but the message leaves at atMs (ms, UTC), not
    // before. When its number sends through a Messaging Service and atMs is inside the
    // provider's SendAt window, it is created at the provider at once with SendAt (it then
    // leaves with every desktop closed); otherwise it waits here, without holding back the
    // thread's other messages.
    void queueScheduledAsync(qint64 threadId, const QString &body, const QString &author,
                             qint64 atMs, QObject *context, QueueDone done);
    // Drops a scheduled message held here (it was canceled). False when it is being posted
    // right now (then it leaves).
    bool dropScheduled(qint64 messageId);

    // Sends a failed or undelivered message again, as a new message in the same thread (the
    // failed one stays, with its error). Same answer as queueMessageAsync.
    void retryAsync(qint64 failedMessageId, const QString &author, QObject *context,
                    QueueDone done);

    // Messages another writer job stored as 'queued' (keyword confirmations, campaign
    // batches): sends them like its own. Ids already known or already sent are ignored.
    void adopt(const QList<qint64> &messageIds);

    // Asked before each send whether this desktop's view of the team's consent is fresh (in a
    // team, TeamLog::ensureFresh reads the team log first): "no" holds the message back and
    // asks again a little later, so a customer a teammate just unsubscribed is not texted.
    using ConsentGate = std::function<void(QObject *context, std::function<void(bool fresh)>)>;
    void setConsentGate(ConsentGate gate) { m_consentGate = std::move(gate); }

    // In a team, a keyword reply is posted only by the desktop holding its claim (see
    // OutboxClaimGate); `gate` (not owned) must outlive the outbox or be unset first. Null:
    // sent as before (no team).
    void setClaimGate(OutboxClaimGate *gate);
    // Keyword replies wait until setClaimGate() says whether there is a gate: a team desktop
    // learns it from the profile after the outbox started, and must not send before.
    void awaitClaimGate() { m_awaitingClaimGate = true; }
    // The keyword replies held by awaitClaimGate() (a one-shot command that never sets a gate
    // leaves them to the team's desktops and services).
    int heldForClaimGate() const;
    // A keyword reply whose inbound message is older than this when its turn comes is not
    // sent: it is recorded as unanswered (UnansweredKeywords) and reported by messageBlocked.
    void setKeywordReplyWindow(std::chrono::milliseconds window) { m_keywordReplyWindow = window; }

    int pendingCount() const { return static_cast<int>(m_items.size()); }
    QString errorString() const { return m_error; }

Q_SIGNALS:
    void messageQueued(qint64 messageId);
    void messageSent(qint64 messageId, const QString &sid);
    void messageFailed(qint64 messageId, const ProviderError &error);
    // Not sent because the customer opted out after it was queued; never reached the provider.
    void messageBlocked(qint64 messageId, const QString &reason);
    // Not sent from here: another desktop of the team answered (its reply is `sid`), or its
    // attempt was refused for good (`sid` empty).
    void messageSettledByTeam(qint64 messageId, const QString &sid);
    // Nothing is left to send.
    void idle();
    // The profile could not be read (the unsent messages at start()); errorString() too.
    void storeFailed(const QString &message);

private:
    struct Item
    {
        OutboxRow row;
        bool needsReconcile = false;
        bool busy = false;
        qint64 dueAtMs = 0; // wall clock
        int retries = 0;
    };

    struct Written
    {
        std::optional<OutboxRow> row;
        QString error;
    };
    static OutgoingMessage compose(qint64 threadId, const QString &body, const QString &author,
                                   Purpose purpose);
    static Written write(WriterContext &context, const OutgoingMessage &message,
                         std::optional<qint64> scheduledAt = std::nullopt);
    // Held here until its scheduled time (no provider SendAt for it).
    static bool heldHere(const OutboxRow &row, qint64 nowMs);
    void queued(const OutboxRow &row);
    void enqueue(const OutboxRow &row);
    void pump();
    void post(qint64 id);
    void postClaimed(qint64 id);
    void postFresh(qint64 id);
    void postUnlessStale(qint64 id);
    void settleByTeam(qint64 id, const OutboxClaimGate::Verdict &verdict);
    void reconcile(qint64 id);
    void onSent(qint64 id, const ProviderResult<ProviderMessage> &result);
    void accepted(qint64 id, const ProviderMessage &message);
    void retryLater(qint64 id, const ProviderError &error);
    void failed(qint64 id, const ProviderError &error);
    TokenBucket &bucketFor(const OutboxRow &row);

    StoreWriter *m_writer;
    ProviderClient *m_client;
    qint64 m_accountId;
    SendReconciler *m_reconciler;
    RetryPolicy m_retry;
    QMap<qint64, Item> m_items;               // by message id: per thread, the lowest id goes first
    std::map<QString, TokenBucket> m_buckets; // by sender number
    QTimer m_timer;
    ConsentGate m_consentGate;
    OutboxClaimGate *m_claimGate = nullptr;
    bool m_awaitingClaimGate = false;
    std::chrono::milliseconds m_keywordReplyWindow{24 * 3600 * 1000};
    bool m_started = false;
    bool m_loading = false; // start()'s load has not answered yet: nothing is sent
    QString m_error;
};
