// POST /v1/Services: creates a Sync service. The OpenAPI file takes FriendlyName (and webhook
// settings the sandbox does not act on) but no UniqueName: unique_name is read-only over REST,
// so a created service has none and is found again by its SID or friendly name.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SandboxClock;
class SandboxState;
class SidFactory;
class SyncResource;

class SyncServicesResource
{
public:
    SyncServicesResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                         const SyncResource &sync);
    void registerRoutes(Router &router);

    static constexpr int kMaxFriendlyNameLength = 255;

private:
    ApiReply create(const ApiRequest &request);

    SandboxState &m_state;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
    const SyncResource &m_sync;
};

} // namespace sandbox
