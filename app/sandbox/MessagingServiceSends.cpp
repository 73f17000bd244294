#include "MessagingServiceSends.h"

#include "ApiRequest.h"
#include "Carrier.h"
#include "PhoneRules.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "Scheduler.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace sandbox {

MessagingServiceSends::MessagingServiceSends(SandboxState &state, MessageDispatcher &dispatcher,
                                             Carrier &carrier, Scheduler &scheduler,
                                             const SandboxClock &clock)
    : m_state(state)
    , m_dispatcher(dispatcher)
    , m_carrier(carrier)
    , m_scheduler(scheduler)
    , m_clock(clock)
{}

MessageDispatcher::Result MessagingServiceSends::refuse(int code, const QString &message) const
{
    MessageDispatcher::Result result;
    result.httpStatus = 400;
    result.errorCode = code;
    result.errorMessage = message;
    return result;
}

MessageDispatcher::Result MessagingServiceSends::create(const ApiRequest &request)
{
    const auto field = [&](const QString &name) {
        return request.hasField(name) ? request.field(name) : QString();
    };
    QString from = field(u"From"_s).trimmed();
    QString serviceSid = field(u"MessagingServiceSid"_s).trimmed();
    if (serviceSid.isEmpty() && from.startsWith(u"MG"_s)) {
        serviceSid = from; // Twilio takes a service SID in From as well
        from.clear();
    }
    const bool scheduleTypeGiven = request.hasField(u"ScheduleType"_s);
    const QString scheduleType = field(u"ScheduleType"_s);
    const QString sendAtText = field(u"SendAt"_s).trimmed();
    if ((scheduleTypeGiven && scheduleType != u"fixed"_s) ||
        (!sendAtText.isEmpty() && !scheduleTypeGiven))
        return refuse(35126, u"The ScheduleType value provided is not supported: use 'fixed' "
                             "together with SendAt."_s);
    const bool scheduled = scheduleTypeGiven;
    if (scheduled && sendAtText.isEmpty())
        return refuse(35111, u"SendAt timestamp is missing: ScheduleType 'fixed' needs one."_s);
    if (scheduled && serviceSid.isEmpty())
        return refuse(35118, u"MessagingServiceSid is required to schedule a message."_s);
    if (serviceSid.isEmpty())
        return m_dispatcher.createOutbound(field(u"To"_s), field(u"From"_s), field(u"Body"_s));

    static const QRegularExpression pattern(u"\\AMG[0-9a-fA-F]{32}\\z"_s);
    const int serviceIndex =
        pattern.match(serviceSid).hasMatch() ? m_state.messagingServices.indexOf(serviceSid) : -1;
    if (serviceIndex < 0)
        return refuse(21705, u"The Messaging Service Sid %1 is invalid."_s.arg(serviceSid));
    MessagingService &service = m_state.messagingServices.at(serviceIndex);

    const qint64 now = m_clock.nowMs();
    qint64 sendAtMs = 0;
    if (scheduled) {
        const QDateTime sendAt = QDateTime::fromString(sendAtText, Qt::ISODateWithMs);
        if (!sendAt.isValid())
            return refuse(
                35115,
                u"SendAt '%1' is not an ISO 8601 time (YYYY-MM-DDTHH:MM:SSZ)."_s.arg(sendAtText));
        sendAtMs = sendAt.toMSecsSinceEpoch();
        if (sendAtMs - now < kMinLeadMs || sendAtMs - now > kMaxLeadMs)
            return refuse(35114, u"SendAt time must be between 300 seconds and 35 days "
                                 "(3024000 seconds) in the future, inclusive."_s);
    }

    // The sender: the one asked for (it must be in the pool), the customer's sticky sender,
    // else the pool's SMS number with the fewest segments waiting.
    const QString customer = PhoneRules::parse(field(u"To"_s).trimmed()).e164;
    QString sender;
    if (!from.isEmpty()) {
        const MessagingPoolSender *chosen = service.sender(from);
        if (!chosen)
            return refuse(21711, u"%1 is not associated with the Messaging Service %2."_s.arg(
                                     from, service.sid));
        sender = chosen->number;
    } else {
        const QString sticky =
            service.stickySender ? service.stickyByCustomer.value(customer) : QString();
        qint64 least = std::numeric_limits<qint64>::max();
        for (const MessagingPoolSender &candidate : std::as_const(service.senders)) {
            const SenderNumber *number = m_state.numbers.find(candidate.number);
            if (!number || !number->sms)
                continue;
            if (candidate.number == sticky) {
                sender = sticky;
                break;
            }
            const qint64 queued = m_carrier.queuedSegments(candidate.number);
            if (queued < least) {
                least = queued;
                sender = candidate.number;
            }
        }
        if (sender.isEmpty())
            return refuse(21703,
                          u"The Messaging Service %1 has no SMS-capable sender in its pool."_s.arg(
                              service.sid));
    }
    // Opt-outs apply per service: a STOP to any pool number stops the whole service.
    for (const MessagingPoolSender &member : std::as_const(service.senders)) {
        if (m_state.isOptedOut(member.number, customer))
            return refuse(21610, PhoneRules::errorMessage(21610));
    }

    const bool pending = from.isEmpty();
    const MessageStatus initial = scheduled ? MessageStatus::Scheduled
                                  : pending ? MessageStatus::Accepted
                                            : MessageStatus::Queued;
    MessageDispatcher::Result result =
        m_dispatcher.createOutbound(field(u"To"_s), sender, field(u"Body"_s), initial);
    if (!result.ok())
        return result;
    const quint32 id = *result.messageId;
    m_state.messagingServices.bind(id, ServiceMessage{serviceIndex, sendAtMs, pending});
    if (service.stickySender)
        service.stickyByCustomer.insert(customer, sender);
    if (initial != MessageStatus::Queued) {
        m_scheduler.at(scheduled ? sendAtMs : now + kPickDelayMs,
                       [this, id](qint64 due) { release(id, due); });
    }
    return result;
}

void MessagingServiceSends::release(quint32 messageId, qint64 dueMs)
{
    StoredMessage &message = m_state.messages.at(messageId);
    if (message.status != MessageStatus::Accepted && message.status != MessageStatus::Scheduled)
        return; // canceled meanwhile
    message.status = MessageStatus::Queued;
    message.dateUpdated = dueMs;
    if (ServiceMessage *bound = m_state.messagingServices.messageRef(messageId))
        bound->senderPending = false;
    const QString sender = m_state.messages.number(message.from);
    m_carrier.enqueue(messageId, sender, m_carrier.rateFor(m_state.numbers.find(sender)));
}

MessageDispatcher::Result MessagingServiceSends::cancel(quint32 messageId)
{
    StoredMessage &message = m_state.messages.at(messageId);
    if (message.status != MessageStatus::Scheduled)
        return refuse(30409, u"This message cannot be canceled: it is %1, not scheduled."_s.arg(
                                 statusName(message.status)));
    message.status = MessageStatus::Canceled;
    message.dateUpdated = m_clock.nowMs();
    MessageDispatcher::Result result;
    result.httpStatus = 200;
    result.messageId = messageId;
    return result;
}

void MessagingServiceSends::decorate(QJsonObject &json, quint32 messageId) const
{
    const std::optional<ServiceMessage> bound = m_state.messagingServices.message(messageId);
    if (!bound)
        return;
    json.insert(u"messaging_service_sid"_s, m_state.messagingServices.at(bound->serviceIndex).sid);
    if (bound->senderPending)
        json.insert(u"from"_s, QJsonValue(QJsonValue::Null));
}

void MessagingServiceSends::restore()
{
    const qint64 now = m_clock.nowMs();
    for (quint32 id = 0; id < quint32(m_state.messages.size()); ++id) {
        const MessageStatus status = m_state.messages.at(id).status;
        if (status != MessageStatus::Accepted && status != MessageStatus::Scheduled)
            continue;
        const std::optional<ServiceMessage> bound = m_state.messagingServices.message(id);
        const qint64 due =
            bound && status == MessageStatus::Scheduled ? bound->sendAtMs : now + kPickDelayMs;
        m_scheduler.at(due, [this, id](qint64 at) { release(id, at); });
    }
}

} // namespace sandbox
