// Control calls for the team workspace's tests, under /sandbox/ like ControlResource's:
// move the sandbox clock forward (TTL expiry) and switch Sync's per-object rate limits.
//   POST /sandbox/clock        Advance=<seconds>
//   GET|POST /sandbox/sync-limits  Enabled, ReadsPerSecond, WritesPerSecond, BurstSeconds
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SandboxServer;

class SyncControlResource
{
public:
    explicit SyncControlResource(SandboxServer &server);
    void registerRoutes(Router &router);

private:
    ApiReply advanceClock(const ApiRequest &request);
    ApiReply limits() const;
    ApiReply setLimits(const ApiRequest &request);

    SandboxServer &m_server;
};

} // namespace sandbox
