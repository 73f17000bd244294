#include "Outbox.h"

#include "AppLogging.h"
#include "ScheduledMessageRows.h"
#include "ScheduledSendTime.h"
#include "SegmentCounter.h"
#include "SendFailure.h"
#include "SendReconciler.h"
#include "SenderNumberRows.h"
#include "StoreWriter.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int kOptedOut = 21610;
// How long a message waits before asking again for the team's consent state.
constexpr qint64 TeamStateRetryMs = 5000;

} // namespace

Outbox::Outbox(StoreWriter *writer, ProviderClient *client, qint64 accountId, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_client(client)
    , m_accountId(accountId)
    , m_reconciler(new SendReconciler(client, writer, this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Outbox::pump);
}

Outbox::~Outbox() = default;

void Outbox::setRetrySettings(const RetryPolicy::Settings &settings, quint32 seed)
{
    m_retry = RetryPolicy(settings, seed);
}

void Outbox::setClockSkew(milliseconds skew)
{
    m_reconciler->setClockSkew(skew);
}

bool Outbox::start()
{
    if (m_started)
        return false;
    m_started = true;
    m_loading = true;
    const qint64 account = m_accountId;
    struct Pending
    {
        QList<OutboxRow> rows;
        QString error;
    };
    // Asynchronous: the desktop starts the outbox on the GUI thread, which must never wait
    // for the writer. Nothing is sent before the answer (pump() waits for it), so a message
    // queued meanwhile never overtakes an older one of its thread.
    m_writer->post(
        [account](WriterContext &context) {
            auto outbox = context.repo<OutboxRows>();
            QList<OutboxRow> rows = outbox.pending(account);
            return Pending{rows, outbox.errorString()};
        },
        this,
        [this](const Pending &pending) {
            m_loading = false;
            if (!pending.error.isEmpty()) {
                // What is queued from now on is still sent; the leftovers wait for a restart.
                m_error = u"cannot read the outbox: %1"_s.arg(pending.error);
                qCWarning(lcOutbox) << m_error;
                Q_EMIT storeFailed(m_error);
            } else {
                int resumed = 0;
                for (const OutboxRow &row : pending.rows) {
                    // Queued or adopted while the scan was on its way: already known.
                    if (!m_items.contains(row.id)) {
                        enqueue(row);
                        ++resumed;
                    }
                }
                qCInfo(lcOutbox) << "resuming" << resumed << "unsent messages";
            }
            pump();
        });
    return true;
}

OutgoingMessage Outbox::compose(qint64 threadId, const QString &body, const QString &author,
                                Purpose purpose)
{
    OutgoingMessage message;
    message.threadId = threadId;
    message.body = body;
    message.author = author;
    message.purpose = purpose;
    message.clientRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SegmentCount count = SegmentCounter::count(body);
    message.segments = count.segments;
    message.encoding = count.encoding == SegmentCount::Encoding::Gsm7 ? u"gsm7"_s : u"ucs2"_s;
    return message;
}

// On the writer thread: consent first, so a refused message leaves no trace to send later.
Outbox::Written Outbox::write(WriterContext &context, const OutgoingMessage &message,
                              std::optional<qint64> scheduledAt)
{
    auto rows = context.repo<OutboxRows>();
    const std::optional<OutboxRow> prospective =
        rows.prospective(message.threadId, message.purpose);
    if (!prospective)
        return {std::nullopt, rows.errorString()};
    const std::optional<QString> refusal = rows.consentRefusal(*prospective);
    if (!refusal)
        return {std::nullopt, u"cannot read the customer's consent: "_s + rows.errorString()};
    if (!refusal->isEmpty())
        return {std::nullopt, *refusal};
    qint64 id = 0;
    if (!context.messages->insertOutgoing(message, &id))
        return {std::nullopt, context.messages->errorString()};
    if (scheduledAt && !context.repo<ScheduledMessageRows>().schedule(id, *scheduledAt))
        return {std::nullopt, u"cannot schedule message %1"_s.arg(id)};
    std::optional<OutboxRow> row = rows.row(id);
    return {row, row ? QString() : rows.errorString()};
}

void Outbox::queued(const OutboxRow &row)
{
    enqueue(row);
    Q_EMIT messageQueued(row.id);
    QTimer::singleShot(0, this, &Outbox::pump);
}

void Outbox::queueMessageAsync(qint64 threadId, const QString &body, const QString &author,
                               QObject *context, QueueDone done, Purpose purpose)
{
    const OutgoingMessage message = compose(threadId, body, author, purpose);
    QPointer<QObject> guard(context);
    m_writer->post([message](WriterContext &writer) { return write(writer, message); }, this,
                   [this, guard, done = std::move(done)](const Written &written) {
                       if (written.row)
                           queued(*written.row);
                       if (guard && done)
                           done(written.row ? written.row->id : 0, written.error);
                   });
}

void Outbox::queueScheduledAsync(qint64 threadId, const QString &body, const QString &author,
                                 qint64 atMs, QObject *context, QueueDone done)
{
    const OutgoingMessage message = compose(threadId, body, author, Purpose::Conversation);
    QPointer<QObject> guard(context);
    m_writer->post([message, atMs](WriterContext &writer) { return write(writer, message, atMs); },
                   this,
                   [this, guard, done = std::move(done)](const Written &written) {
                       if (written.row)
                           queued(*written.row);
                       if (guard && done)
                           done(written.row ? written.row->id : 0, written.error);
                   });
}

bool Outbox::dropScheduled(qint64 messageId)
{
    const auto it = m_items.find(messageId);
    if (it == m_items.end())
        return true;
    if (it->busy)
        return false;
    m_items.erase(it);
    QTimer::singleShot(0, this, &Outbox::pump);
    return true;
}

bool Outbox::heldHere(const OutboxRow &row, qint64 nowMs)
{
    if (!row.scheduledAt || *row.scheduledAt <= nowMs)
        return false;
    return row.viaServiceSid.isEmpty() ||
           !ScheduledSendTime::providerCanHold(nowMs, *row.scheduledAt);
}

qint64 Outbox::queueMessage(qint64 threadId, const QString &body, const QString &author,
                            Purpose purpose, const QString &clientRef)
{
    OutgoingMessage message = compose(threadId, body, author, purpose);
    if (!clientRef.isEmpty())
        message.clientRef = clientRef;
    const Written written =
        m_writer->call([&message](WriterContext &context) { return write(context, message); });
    if (!written.row) {
        m_error = written.error;
        return 0;
    }
    queued(*written.row);
    return written.row->id;
}

void Outbox::retryAsync(qint64 failedMessageId, const QString &author, QObject *context,
                        QueueDone done)
{
    const qint64 account = m_accountId;
    QPointer<QObject> guard(context);
    m_writer->post(
        [failedMessageId, account, author](WriterContext &writer) {
            auto rows = writer.repo<OutboxRows>();
            const std::optional<OutboxRows::FailedMessage> failed =
                rows.failedMessage(failedMessageId, account);
            if (!failed)
                return Written{std::nullopt, rows.errorString().isEmpty()
                                                 ? tr("Message %1 is not a failed message of this "
                                                      "account; nothing to retry.")
                                                       .arg(failedMessageId)
                                                 : rows.errorString()};
            if (failed->retriedBy != 0)
                return Written{std::nullopt,
                               tr("Message %1 was already sent again.").arg(failedMessageId)};
            if (SendFailure::isPermanent(failed->errorCode))
                return Written{std::nullopt,
                               tr("Sending it again cannot help: the provider refused it for "
                                  "good (error %1).")
                                   .arg(failed->errorCode)};
            Written written =
                write(writer, compose(failed->threadId, failed->body, author, failed->purpose));
            // The copy takes the failure's place in the thread.
            if (written.row && !rows.markRetried(failedMessageId, written.row->id))
                qCWarning(lcOutbox) << "message" << failedMessageId
                                    << "stays shown beside its retry:" << rows.errorString();
            return written;
        },
        this,
        [this, guard, done = std::move(done)](const Written &written) {
            if (written.row)
                queued(*written.row);
            if (guard && done)
                done(written.row ? written.row->id : 0, written.error);
        });
}

void Outbox::adopt(const QList<qint64> &messageIds)
{
    m_writer->post(
        [messageIds](WriterContext &context) {
            auto rows = context.repo<OutboxRows>();
            QList<OutboxRow> result;
            for (qint64 id : messageIds) {
                // Only what is still waiting for the provider: a re-run may hand over a message
                // that went out long ago.
                if (std::optional<OutboxRow> row = rows.row(id); row && row->sendable)
                    result.append(*row);
            }
            return result;
        },
        this,
        [this](const QList<OutboxRow> &rows) {
            for (const OutboxRow &row : rows) {
                if (row.accountId == m_accountId && !m_items.contains(row.id))
                    enqueue(row);
            }
            QTimer::singleShot(0, this, &Outbox::pump);
        });
}

qint64 Outbox::queueMessage(const QString &from, const QString &to, const QString &body,
                            const QString &author, const QString &clientRef)
{
    const qint64 account = m_accountId;
    QString error;
    const qint64 threadId = m_writer->call([&](WriterContext &context) -> qint64 {
        // The account's own numbers and the send-only numbers lent to it: the thread (and so
        // the message and its consent check) is the sending account's either way.
        auto numbers = context.repo<SenderNumberRows>();
        const std::optional<qint64> sender = numbers.sendingNumberId(account, from);
        if (!sender) {
            error = numbers.errorString();
            return 0;
        }
        const qint64 thread = context.messages->findOrCreateThread(account, to, *sender);
        if (thread == 0)
            error = context.messages->errorString();
        return thread;
    });
    if (threadId == 0) {
        m_error = error;
        return 0;
    }
    return queueMessage(threadId, body, author, Purpose::Conversation, clientRef);
}

void Outbox::enqueue(const OutboxRow &row)
{
    Item item;
    item.row = row;
    // Attempted and no sid: the create may have reached the provider.
    item.needsReconcile = row.lastAttemptAt.has_value();
    item.dueAtMs = row.nextAttemptAt.value_or(0);
    item.retries = row.attempts;
    m_items.insert(row.id, item);
}

TokenBucket &Outbox::bucketFor(const OutboxRow &row)
{
    auto it = m_buckets.find(row.from);
    if (it == m_buckets.end()) {
        const double rate = row.throughputMps > 0 ? row.throughputMps : 1.0;
        // Paced from the first send: a campaign starting on a fresh sender does not go out
        // with a second's worth of texts at once (the carrier would count them over its rate).
        it =
            m_buckets
                .emplace(row.from, TokenBucket(rate, std::max(1.0, rate), TokenBucket::Clock::now(),
                                               TokenBucket::Start::Paced))
                .first;
    }
    return it->second;
}

void Outbox::pump()
{
    if (m_loading)
        return; // start()'s answer pumps
    if (m_items.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const qint64 now = nowMs();
    const auto steadyNow = TokenBucket::Clock::now();
    std::optional<qint64> wait;
    const auto waitAtMost = [&wait](qint64 ms) { wait = wait ? std::min(*wait, ms) : ms; };
    QSet<qint64> threadsSeen;
    const QList<qint64> ids = m_items.keys();
    for (qint64 id : ids) {
        auto it = m_items.find(id);
        if (it == m_items.end())
            continue;
        Item &item = *it;
        // Held until setClaimGate() (which pumps), or for good by a one-shot command: it does
        // not hold up the thread's other messages.
        if (m_awaitingClaimGate && OutboxClaimGate::needsClaim(item.row))
            continue;
        if (heldHere(item.row, now)) {
            // Not before its time, and meanwhile not in its thread's way. The timer is
            // capped: a wait of weeks does not fit its int, and the clock may jump.
            waitAtMost(std::min<qint64>(*item.row.scheduledAt - now, 3600 * 1000));
            continue;
        }
        if (threadsSeen.contains(item.row.threadId))
            continue; // an older message of the thread goes first
        threadsSeen.insert(item.row.threadId);
        if (item.busy)
            continue;
        if (item.dueAtMs > now) {
            waitAtMost(item.dueAtMs - now);
            continue;
        }
        if (item.needsReconcile) {
            reconcile(id);
            continue;
        }
        TokenBucket &bucket = bucketFor(item.row);
        const int segments = std::max(1, item.row.segments);
        const milliseconds delay = bucket.delayFor(segments, steadyNow);
        if (delay.count() > 0) {
            waitAtMost(delay.count());
            continue;
        }
        bucket.consume(segments, steadyNow);
        post(id);
    }
    if (wait)
        m_timer.start(static_cast<int>(std::max<qint64>(1, *wait)));
}

void Outbox::post(qint64 id)
{
    m_items[id].busy = true;
    if (!m_consentGate) {
        postClaimed(id);
        return;
    }
    m_consentGate(this, [this, id](bool fresh) {
        if (!m_items.contains(id))
            return;
        if (fresh) {
            postClaimed(id);
            return;
        }
        qCInfo(lcOutbox) << "message" << id
                         << "waits: the team's consent state cannot be read right now";
        Item &waiting = m_items[id];
        waiting.busy = false;
        waiting.dueAtMs = nowMs() + TeamStateRetryMs;
        pump();
    });
}

void Outbox::postFresh(qint64 id)
{
    Item &item = m_items[id];
    const qint64 at = nowMs();
    item.row.lastAttemptAt = at;
    // The attempt is on disk before the request leaves: after a crash, this row is
    // reconciled rather than blindly sent again.
    struct Attempt
    {
        bool recorded = false;
        QString refusal; // the customer opted out since it was queued
        QString error;   // why the attempt could not be recorded
    };
    const OutboxRow row = item.row;
    m_writer->post(
        [row, at](WriterContext &context) {
            auto rows = context.repo<OutboxRows>();
            // Withdrawn while it waited (its campaign canceled): it never leaves. Checked in the
            // job that records the attempt, so a cancel either comes first or sees the attempt.
            if (const auto current = rows.row(row.id); !current || !current->sendable)
                return Attempt{false, u"withdrawn"_s, QString()};
            // Consent may have changed while it waited (a STOP synced meanwhile); a failure to
            // read it holds the message back rather than risk texting an opted-out customer.
            const std::optional<QString> refusal = rows.consentRefusal(row);
            if (!refusal)
                return Attempt{false, QString(), rows.errorString()};
            if (!refusal->isEmpty()) {
                rows.markBlocked(row.id, *refusal, at);
                return Attempt{false, *refusal, QString()};
            }
            const bool recorded = rows.markAttempt(row.id, at);
            return Attempt{recorded, QString(), recorded ? QString() : rows.errorString()};
        },
        this,
        [this, id](const Attempt &attempt) {
            if (attempt.refusal == u"withdrawn"_s) {
                qCInfo(lcOutbox) << "message" << id << "withdrawn before it was sent";
                m_items.remove(id);
                Q_EMIT messageBlocked(id, attempt.refusal);
                pump();
                return;
            }
            if (!attempt.refusal.isEmpty()) {
                qCInfo(lcOutbox) << "message" << id << "blocked: the customer opted out";
                if (m_claimGate && OutboxClaimGate::needsClaim(m_items[id].row))
                    m_claimGate->refused(m_items[id].row, attempt.refusal);
                m_items.remove(id);
                Q_EMIT messageBlocked(id, attempt.refusal);
                pump();
                return;
            }
            if (!attempt.recorded) {
                // Nothing left: sending without the attempt on disk could duplicate it after a
                // crash. Try again later.
                qCWarning(lcOutbox)
                    << "could not record the send attempt of message" << id << ":" << attempt.error;
                Item &waiting = m_items[id];
                waiting.busy = false;
                waiting.row.lastAttemptAt.reset();
                waiting.dueAtMs = nowMs() + 1000;
                pump();
                return;
            }
            const Item &item = m_items[id];
            qCDebug(lcOutbox) << "sending message" << id;
            const auto answered = [this, id](const ProviderResult<ProviderMessage> &result) {
                onSent(id, result);
            };
            if (item.row.viaServiceSid.isEmpty()) {
                m_client->sendMessage(item.row.from, item.row.to, item.row.body, this, answered);
                return;
            }
            // Through the number's Messaging Service, From kept so the conversation stays
            // on its number; a scheduled one the provider holds until its time.
            MessageSendOptions options;
            options.messagingServiceSid = item.row.viaServiceSid;
            if (item.row.scheduledAt && *item.row.scheduledAt > nowMs())
                options.sendAt = QDateTime::fromMSecsSinceEpoch(*item.row.scheduledAt, Qt::UTC);
            m_client->sendMessageWithOptions(item.row.from, item.row.to, item.row.body, options,
                                             this, answered);
        });
}

void Outbox::reconcile(qint64 id)
{
    Item &item = m_items[id];
    item.busy = true;
    m_reconciler->reconcile(item.row, [this, id](const SendReconciler::Outcome &outcome) {
        if (!m_items.contains(id))
            return;
        if (outcome.found) {
            qCInfo(lcOutbox) << "message" << id << "had reached the provider as"
                             << outcome.found->sid;
            accepted(id, *outcome.found);
            return;
        }
        Item &item = m_items[id];
        item.busy = false;
        if (outcome.error) {
            retryLater(id, *outcome.error);
            return;
        }
        item.needsReconcile = false;
        pump();
    });
}

void Outbox::onSent(qint64 id, const ProviderResult<ProviderMessage> &result)
{
    if (!m_items.contains(id))
        return;
    if (result.ok()) {
        accepted(id, result.value());
        return;
    }
    const ProviderError &error = result.error();
    Item &item = m_items[id];
    item.busy = false;
    if (error.responseMayBeLost())
        item.needsReconcile = true;
    if (error.isTransient() || error.responseMayBeLost())
        retryLater(id, error);
    else
        failed(id, error);
}

void Outbox::accepted(qint64 id, const ProviderMessage &message)
{
    const QString ref = m_items[id].row.clientRef;
    if (m_claimGate && OutboxClaimGate::needsClaim(m_items[id].row))
        m_claimGate->posted(m_items[id].row, message.sid);
    m_writer->post(
        [ref, message](WriterContext &context) {
            return context.messages->attachSid(
                ref, message.sid, message.status.isEmpty() ? u"queued"_s : message.status);
        },
        this,
        [this, id, sid = message.sid](bool ok) {
            if (!ok)
                qCWarning(lcOutbox) << "could not attach sid" << sid << "to message" << id;
            m_items.remove(id);
            Q_EMIT messageSent(id, sid);
            pump();
        });
}

void Outbox::retryLater(qint64 id, const ProviderError &error)
{
    Item &item = m_items[id];
    ++item.retries;
    std::optional<seconds> retryAfter;
    if (error.retryAfterSeconds())
        retryAfter = seconds(*error.retryAfterSeconds());
    // Transient failures never give up: an offline desk sends once the provider is back.
    const milliseconds delay = m_retry.delay(item.retries, retryAfter);
    item.dueAtMs = nowMs() + delay.count();
    qCInfo(lcOutbox) << "message" << id << "retry" << item.retries << "in" << delay.count()
                     << "ms:" << ProviderError::kindName(error.kind()) << error.httpStatus();
    const qint64 due = item.dueAtMs;
    m_writer->post(
        [id, due](WriterContext &context) {
            return context.repo<OutboxRows>().scheduleRetry(id, due);
        },
        this, [](bool) {});
    pump();
}

void Outbox::failed(qint64 id, const ProviderError &error)
{
    const int code = error.twilioCode().value_or(error.httpStatus());
    const QString message = error.message().isEmpty() ? error.displayMessage() : error.message();
    const qint64 at = nowMs();
    if (m_claimGate && OutboxClaimGate::needsClaim(m_items[id].row))
        m_claimGate->refused(m_items[id].row, u"%1 (error %2)"_s.arg(message).arg(code));
    m_writer->post(
        [id, code, message, at](WriterContext &context) {
            auto rows = context.repo<OutboxRows>();
            bool ok = rows.markFailed(id, code, message, at);
            if (code == kOptedOut)
                ok = rows.recordProviderOptOut(id, QString::number(code), at) && ok;
            return ok;
        },
        this,
        [this, id, error](bool ok) {
            if (!ok)
                qCWarning(lcOutbox) << "could not record the failure of message" << id;
            m_items.remove(id);
            Q_EMIT messageFailed(id, error);
            pump();
        });
}
