// /2010-04-01/Accounts/{AccountSid}/Messages.json and /Messages/{Sid}.json: create, fetch, list.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class MessageDispatcher;
class Router;
class SandboxState;

class MessagesResource
{
public:
    MessagesResource(SandboxState &state, MessageDispatcher &dispatcher);
    void registerRoutes(Router &router);

    ApiReply create(const ApiRequest &request);
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply list(const ApiRequest &request) const;

    static constexpr int kMaxPageSize = 1000;

private:
    SandboxState &m_state;
    MessageDispatcher &m_dispatcher;
};

} // namespace sandbox
