#include "Carrier.h"

#include "PhoneRules.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "Scheduler.h"
#include "sandbox/SandboxOptions.h"

#include <cmath>

namespace sandbox {

Carrier::Carrier(SandboxState &state, Scheduler &scheduler, const SandboxClock &clock,
                 const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_options(options)
{}

double Carrier::rateFor(const SenderNumber *sender) const
{
    if (!sender)
        return m_options.longCodeRate;
    switch (sender->kind) {
    case SenderNumber::Kind::LongCode:
        return m_options.longCodeRate;
    case SenderNumber::Kind::TollFree:
        return m_options.tollFreeRate;
    case SenderNumber::Kind::ShortCode:
        return m_options.shortCodeRate;
    }
    return m_options.longCodeRate;
}

qint64 Carrier::capacityFor(const SenderNumber *sender) const
{
    return qint64(std::floor(rateFor(sender) * m_options.queueSeconds));
}

qint64 Carrier::queuedSegments(const QString &sender) const
{
    const auto it = m_queues.constFind(sender);
    return it == m_queues.constEnd() ? 0 : it->segments;
}

void Carrier::enqueue(quint32 messageId, const QString &sender, double rate)
{
    Queue &queue = m_queues[sender];
    queue.rate = rate;
    queue.pending.push_back(messageId);
    queue.segments += m_state.messages.at(messageId).numSegments;
    pump(sender, m_clock.nowMs());
}

void Carrier::restore(quint32 messageId, double rate)
{
    StoredMessage &message = m_state.messages.at(messageId);
    if (message.status == MessageStatus::Sent && !m_options.noReceipts) {
        m_scheduler.at(m_clock.nowMs() + m_options.deliveryDelayMs,
                       [this, messageId](qint64 at) { finish(messageId, at); });
    } else if (message.status == MessageStatus::Queued ||
               message.status == MessageStatus::Sending) {
        message.status = MessageStatus::Queued;
        enqueue(messageId, m_state.messages.number(message.from), rate);
    }
}

void Carrier::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused) {
        const qint64 now = m_clock.nowMs();
        for (auto it = m_queues.begin(); it != m_queues.end(); ++it)
            pump(it.key(), now);
    }
}

void Carrier::pump(const QString &sender, qint64 nowMs)
{
    Queue &queue = m_queues[sender];
    if (m_paused || queue.armed || queue.pending.empty())
        return;
    queue.armed = true;
    const double start = std::max(double(nowMs), queue.busyUntilMs);
    queue.busyUntilMs = start;
    m_scheduler.at(qint64(std::ceil(start)),
                   [this, sender](qint64 due) { startNext(sender, due); });
}

void Carrier::startNext(const QString &sender, qint64 dueMs)
{
    Queue &queue = m_queues[sender];
    queue.armed = false;
    if (m_paused || queue.pending.empty())
        return;
    const quint32 id = queue.pending.front();
    queue.pending.pop_front();
    StoredMessage &message = m_state.messages.at(id);
    queue.segments -= message.numSegments;

    const PhoneRules::Outcome outcome =
        PhoneRules::outcome(PhoneRules::parse(m_state.messages.number(message.to)));
    // Twilio counts throughput in segments: the sender is busy for segments / rate seconds.
    // The timer fires on whole milliseconds; a busy queue continues exactly where the last
    // message ended, so fractional intervals (1/3 s on toll-free) do not drift.
    const double start = std::max(queue.busyUntilMs, double(dueMs) - 1.0);
    if (outcome.kind == PhoneRules::Outcome::Failed) {
        message.status = MessageStatus::Failed;
        message.errorCode = outcome.errorCode;
        message.dateUpdated = dueMs;
    } else {
        message.status = MessageStatus::Sending;
        message.dateUpdated = dueMs;
        queue.busyUntilMs = start + double(message.numSegments) * 1000.0 / queue.rate;
        const auto sentAt = qint64(std::llround(queue.busyUntilMs));
        m_scheduler.at(sentAt, [this, id](qint64 due) {
            StoredMessage &m = m_state.messages.at(id);
            m.status = MessageStatus::Sent;
            m.dateSent = due;
            m.dateUpdated = due;
            m.priced = true;
            m.priceMicros = kPricePerSegmentMicros * m.numSegments;
            if (m_options.noReceipts)
                return;
            m_scheduler.at(due + m_options.deliveryDelayMs,
                           [this, id](qint64 at) { finish(id, at); });
        });
    }
    pump(sender, dueMs);
}

void Carrier::finish(quint32 messageId, qint64 dueMs)
{
    StoredMessage &message = m_state.messages.at(messageId);
    const PhoneRules::Outcome outcome =
        PhoneRules::outcome(PhoneRules::parse(m_state.messages.number(message.to)));
    message.dateUpdated = dueMs;
    if (outcome.kind == PhoneRules::Outcome::Undelivered) {
        message.status = MessageStatus::Undelivered;
        message.errorCode = outcome.errorCode;
        return;
    }
    message.status = MessageStatus::Delivered;
    Q_EMIT delivered(messageId, dueMs);
}

} // namespace sandbox
