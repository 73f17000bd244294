// Message creates that name a Messaging Service or a SendAt, as Twilio handles them: the
// service's sender pool picks the sender (Sticky Sender first, else the least busy pool
// number) shortly after the create, so the answer says `accepted` with `from` null; a
// `ScheduleType=fixed` message stays `scheduled` (from null) until its SendAt, 5 minutes to
// 35 days ahead, and may be canceled until then. Plain creates pass straight through.
#pragma once

#include "MessageDispatcher.h"

#include <QJsonObject>

namespace sandbox {

class Carrier;
class SandboxClock;
class SandboxState;
class Scheduler;
struct ApiRequest;

class MessagingServiceSends
{
public:
    MessagingServiceSends(SandboxState &state, MessageDispatcher &dispatcher, Carrier &carrier,
                          Scheduler &scheduler, const SandboxClock &clock);

    // POST Messages.json with its To, From, Body, MessagingServiceSid, SendAt, ScheduleType.
    MessageDispatcher::Result create(const ApiRequest &request);
    // Status=canceled on a message: only a scheduled one may be (else 30409).
    MessageDispatcher::Result cancel(quint32 messageId);
    // messaging_service_sid, and `from` null while the pool has not picked the sender yet.
    void decorate(QJsonObject &json, quint32 messageId) const;
    // After loading state: scheduled messages wait for their time again, accepted ones get
    // their sender.
    void restore();

    static constexpr qint64 kMinLeadMs = 300'000;                 // SendAt at least 5 minutes
    static constexpr qint64 kMaxLeadMs = 35LL * 24 * 3600 * 1000; // and at most 35 days ahead
    static constexpr qint64 kPickDelayMs = 1000; // accepted -> queued: the pool picks a sender

private:
    MessageDispatcher::Result refuse(int code, const QString &message) const;
    void release(quint32 messageId, qint64 dueMs);

    SandboxState &m_state;
    MessageDispatcher &m_dispatcher;
    Carrier &m_carrier;
    Scheduler &m_scheduler;
    const SandboxClock &m_clock;
};

} // namespace sandbox
