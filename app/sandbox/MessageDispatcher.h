// Creating messages the way Twilio does: validation and error codes for outbound creates,
// inbound messages with keyword handling, and the automatic keyword replies.
#pragma once

#include "KeywordResponder.h"
#include "StoredMessage.h"

#include <QString>

#include <optional>

namespace sandbox {

class Carrier;
class SandboxClock;
class SandboxState;
class SidFactory;

class MessageDispatcher
{
public:
    struct Result
    {
        std::optional<quint32> messageId;
        int httpStatus = 201;
        int errorCode = 0;
        QString errorMessage;
        bool ok() const { return messageId.has_value(); }
    };

    MessageDispatcher(SandboxState &state, Carrier &carrier, SidFactory &sids,
                      const SandboxClock &clock);

    // POST Messages.json. A missing parameter is a null QString (empty counts as given).
    // `initial` other than Queued (accepted, scheduled: a Messaging Service's) stores the
    // message without handing it to the carrier; MessagingServiceSends releases it later.
    Result createOutbound(const QString &to, const QString &from, const QString &body,
                          MessageStatus initial = MessageStatus::Queued);
    // A customer's message to one of our numbers. Runs keyword handling; routed == false for
    // a shared short code message without this account's provider keyword. With media (an
    // MMS) the body may be empty.
    Result receiveInbound(const QString &from, const QString &to, const QString &body,
                          bool *routed = nullptr, bool hasMedia = false);

    // What a trial account and Smart Encoding do to outbound bodies (BodyRewriter).
    void setBodyRewrites(bool trialAccount, bool smartEncoding)
    {
        m_trialAccount = trialAccount;
        m_smartEncoding = smartEncoding;
    }

    static constexpr int kMaxBodyCharacters = 1600;
    static const QString kMagicValidFrom; // +15005550006

private:
    Result error(int code, const QString &message, int httpStatus = 400) const;
    quint32 store(MessageDirection direction, const QString &from, const QString &to,
                  const QString &body, MessageStatus status, qint64 atMs);
    void sendReply(const QString &from, const QString &to, const QString &body);

    SandboxState &m_state;
    Carrier &m_carrier;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
    KeywordResponder m_keywords;
    bool m_trialAccount = false;
    bool m_smartEncoding = false;
};

} // namespace sandbox
