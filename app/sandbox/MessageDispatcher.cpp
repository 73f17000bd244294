#include "MessageDispatcher.h"

#include "BodyRewriter.h"
#include "Carrier.h"
#include "NumSegments.h"
#include "PhoneRules.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "SidFactory.h"

using namespace Qt::StringLiterals;

namespace sandbox {

const QString MessageDispatcher::kMagicValidFrom = u"+15005550006"_s;

namespace {

int codePoints(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate()))
            ++count;
    }
    return count;
}

} // namespace

MessageDispatcher::MessageDispatcher(SandboxState &state, Carrier &carrier, SidFactory &sids,
                                     const SandboxClock &clock)
    : m_state(state)
    , m_carrier(carrier)
    , m_sids(sids)
    , m_clock(clock)
    , m_keywords(state)
{}

MessageDispatcher::Result MessageDispatcher::error(int code, const QString &message,
                                                   int httpStatus) const
{
    Result result;
    result.httpStatus = httpStatus;
    result.errorCode = code;
    result.errorMessage = message;
    return result;
}

MessageDispatcher::Result MessageDispatcher::createOutbound(const QString &to, const QString &from,
                                                            const QString &body,
                                                            MessageStatus initial)
{
    if (to.isNull() || to.trimmed().isEmpty())
        return error(21604, PhoneRules::errorMessage(21604));
    if (from.isNull() || from.trimmed().isEmpty())
        return error(21603, PhoneRules::errorMessage(21603));
    if (body.isNull() || body.isEmpty())
        return error(21602, PhoneRules::errorMessage(21602));
    if (codePoints(body) > kMaxBodyCharacters)
        return error(21617, PhoneRules::errorMessage(21617));

    // The sender: Twilio's magic test numbers first, then the account's own numbers.
    const QString fromText = from.trimmed();
    if (fromText == u"+15005550001"_s)
        return error(
            21212,
            u"The 'From' number %1 is not a valid phone number, shortcode, or alphanumeric sender ID."_s
                .arg(fromText));
    if (fromText == u"+15005550007"_s)
        return error(
            21606,
            u"The 'From' phone number provided (%1) is not a valid message-capable phone number for this account."_s
                .arg(fromText));
    if (fromText == u"+15005550008"_s)
        return error(21611, PhoneRules::errorMessage(21611));
    const SenderNumber *sender = nullptr;
    QString senderNumber = fromText;
    if (fromText != kMagicValidFrom) {
        if (!PhoneRules::isShortCode(fromText)) {
            const PhoneRules::Parsed parsed = PhoneRules::parse(fromText);
            if (!parsed.valid) {
                return error(
                    21212,
                    u"The 'From' number %1 is not a valid phone number, shortcode, or alphanumeric sender ID."_s
                        .arg(fromText));
            }
            senderNumber = parsed.e164;
        }
        sender = m_state.numbers.find(senderNumber);
        if (!sender || !sender->sms)
            return error(
                21606,
                u"The 'From' phone number provided (%1) is not a valid message-capable phone number for this account."_s
                    .arg(fromText));
    }

    // The recipient: magic test numbers, then validity and the documented line rules.
    const QString toText = to.trimmed();
    if (toText == u"+15005550001"_s)
        return error(21211, u"The 'To' number %1 is not a valid phone number."_s.arg(toText));
    if (toText == u"+15005550002"_s)
        return error(
            21612,
            u"The 'To' phone number: %1, is not currently reachable using the 'From' phone number: %2 via SMS."_s
                .arg(toText, fromText));
    if (toText == u"+15005550003"_s)
        return error(
            21408,
            u"Permission to send an SMS has not been enabled for the region indicated by the 'To' number: %1."_s
                .arg(toText));
    if (toText == u"+15005550004"_s)
        return error(21610, PhoneRules::errorMessage(21610));
    if (toText == u"+15005550009"_s)
        return error(21614, u"'To' number %1 is not a valid mobile number"_s.arg(toText));
    const PhoneRules::Parsed recipient = PhoneRules::parse(toText);
    if (!recipient.valid)
        return error(21211, u"The 'To' number %1 is not a valid phone number."_s.arg(toText));
    if (PhoneRules::outcome(recipient).kind == PhoneRules::Outcome::RejectAtCreate)
        return error(21614, u"'To' number %1 is not a valid mobile number"_s.arg(toText));
    if (m_state.isOptedOut(senderNumber, recipient.e164))
        return error(21610, PhoneRules::errorMessage(21610));

    const QString sent = BodyRewriter::rewrite(body, m_trialAccount, m_smartEncoding);
    const int segments = NumSegments::count(sent).segments;
    if (m_carrier.queuedSegments(senderNumber) + segments > m_carrier.capacityFor(sender))
        return error(21611, PhoneRules::errorMessage(21611));

    Result result;
    result.messageId = store(MessageDirection::OutboundApi, senderNumber, recipient.e164, sent,
                             initial, m_clock.nowMs());
    if (initial == MessageStatus::Queued)
        m_carrier.enqueue(*result.messageId, senderNumber, m_carrier.rateFor(sender));
    return result;
}

MessageDispatcher::Result MessageDispatcher::receiveInbound(const QString &from, const QString &to,
                                                            const QString &body, bool *routed,
                                                            bool hasMedia)
{
    if (routed)
        *routed = true;
    const PhoneRules::Parsed customer = PhoneRules::parse(from.trimmed());
    if (!customer.valid)
        return error(21211, u"The customer number %1 is not a valid phone number."_s.arg(from));
    QString ourNumber = to.trimmed();
    if (!PhoneRules::isShortCode(ourNumber))
        ourNumber = PhoneRules::parse(ourNumber).e164;
    const SenderNumber *ours = m_state.numbers.find(ourNumber);
    if (!ours || !ours->sms)
        return error(21606, u"%1 is not an SMS-capable number of this account."_s.arg(to));
    if (body.isEmpty() && !hasMedia)
        return error(21602, PhoneRules::errorMessage(21602));
    if (ours->shared) {
        const QString first = body.simplified().section(u' ', 0, 0).toUpper();
        if (!ours->providerKeywords.contains(first)) {
            // Another client's keyword on the shared code: the message is not ours.
            if (routed)
                *routed = false;
            return error(
                0,
                u"The message does not start with a provider keyword of this account (%1)."_s.arg(
                    ours->providerKeywords.join(u", "_s)),
                200);
        }
    }
    const qint64 now = m_clock.nowMs();
    Result result;
    result.messageId = store(MessageDirection::Inbound, customer.e164, ourNumber, body,
                             MessageStatus::Received, now);
    const KeywordResponder::Action action = m_keywords.handle(*ours, customer.e164, body);
    if (!action.reply.isEmpty())
        sendReply(ourNumber, customer.e164, action.reply);
    return result;
}

quint32 MessageDispatcher::store(MessageDirection direction, const QString &from, const QString &to,
                                 const QString &body, MessageStatus status, qint64 atMs)
{
    StoredMessage message;
    message.sid = m_sids.next128();
    message.dateCreated = atMs;
    message.dateUpdated = atMs;
    message.from = m_state.messages.intern(from);
    message.to = m_state.messages.intern(to);
    message.numSegments = quint16(NumSegments::count(body).segments);
    message.direction = direction;
    message.status = status;
    if (status == MessageStatus::Received) {
        message.dateSent = atMs;
        message.priced = true;
        message.priceMicros = Carrier::kPricePerSegmentMicros * message.numSegments;
    }
    return m_state.messages.add(message, body);
}

void MessageDispatcher::sendReply(const QString &from, const QString &to, const QString &body)
{
    // Twilio sends its keyword confirmations itself, past the opt-out it just recorded.
    const quint32 id = store(MessageDirection::OutboundReply, from, to, body, MessageStatus::Queued,
                             m_clock.nowMs());
    m_carrier.enqueue(id, from, m_carrier.rateFor(m_state.numbers.find(from)));
}

} // namespace sandbox
