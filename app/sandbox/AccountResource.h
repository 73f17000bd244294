// GET /2010-04-01/Accounts/{Sid}.json: the account itself, which clients fetch to test
// their credentials.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SandboxState;

class AccountResource
{
public:
    explicit AccountResource(const SandboxState &state);
    void registerRoutes(Router &router);

private:
    ApiReply fetchAccount(const ApiRequest &request) const;

    const SandboxState &m_state;
};

} // namespace sandbox
