// /2010-04-01/Accounts/{AccountSid}/Messages.json and /Messages/{Sid}.json: create, fetch, list,
// and update (Status=canceled on a scheduled message).
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class MessageDispatcher;
class MessagingServiceSends;
class Router;
class SandboxState;

class MessagesResource
{
public:
    MessagesResource(SandboxState &state, MessageDispatcher &dispatcher,
                     MessagingServiceSends &serviceSends);
    void registerRoutes(Router &router);

    ApiReply create(const ApiRequest &request);
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply list(const ApiRequest &request) const;
    ApiReply update(const ApiRequest &request);

    static constexpr int kMaxPageSize = 1000;

private:
    SandboxState &m_state;
    MessageDispatcher &m_dispatcher;
    MessagingServiceSends &m_serviceSends;

    QJsonObject json(quint32 id) const;
};

} // namespace sandbox
