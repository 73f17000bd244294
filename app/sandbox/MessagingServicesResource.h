// Messaging v1 (messaging.twilio.com), served under /messaging on the sandbox's one base URL
// because its /v1/Services path is also Sync's: /messaging/v1/Services[/{Sid}] and the sender
// pool /messaging/v1/Services/{Sid}/PhoneNumbers[/{PhoneNumberSid}].
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxClock;
class SandboxState;
class SidFactory;
struct MessagingPoolSender;
struct MessagingService;

class MessagingServicesResource
{
public:
    MessagingServicesResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                              const QString &baseUrl);
    void registerRoutes(Router &router);

    static constexpr int kMaxFriendlyNameLength = 64;
    static constexpr int kMaxPageSize = 1000;
    static constexpr qsizetype kMaxPoolSize = 400; // Twilio's default pool limit (21714)
    static const QString kPrefix;                  // "/messaging"

    QJsonObject serviceJson(const MessagingService &service) const;
    QJsonObject senderJson(const MessagingService &service,
                           const MessagingPoolSender &sender) const;

private:
    ApiReply listServices(const ApiRequest &request) const;
    ApiReply createService(const ApiRequest &request);
    ApiReply fetchService(const ApiRequest &request) const;
    ApiReply listSenders(const ApiRequest &request) const;
    ApiReply addSender(const ApiRequest &request);
    ApiReply fetchSender(const ApiRequest &request) const;
    ApiReply removeSender(const ApiRequest &request);

    ApiReply page(const ApiRequest &request, const QString &path, const QString &key,
                  const QJsonArray &all) const;
    static ApiReply notFound(const ApiRequest &request);

    SandboxState &m_state;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
    const QString &m_baseUrl;
};

} // namespace sandbox
