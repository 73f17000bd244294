// What the team workspace needs from the sandbox, wired in one place so SandboxServer only
// registers it: Sync service create, Lists and their Items, item TTLs by the sandbox clock,
// per-object rate limits, API keys (and the Basic auth they allow), and their control calls.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QString>

#include <memory>
#include <optional>

namespace sandbox {

class KeysResource;
class Router;
class SandboxClock;
class SandboxServer;
class SandboxState;
class SidFactory;
class SyncControlResource;
class SyncExpiry;
class SyncListItemsResource;
class SyncListResource;
class SyncRateLimiter;
class SyncResource;
class SyncServicesResource;
struct SyncRateLimits;

class TeamSyncResources
{
public:
    TeamSyncResources(SandboxServer &server, SandboxState &state, SidFactory &sids,
                      const SandboxClock &clock, const SyncResource &sync, const QString &baseUrl,
                      bool rateLimits);
    ~TeamSyncResources();

    void registerRoutes(Router &api, Router &control);

    // Before an authorised API request: drops what expired, then the rate limit's 429 or
    // nullopt. After it: notes writes that set a TTL.
    std::optional<ApiReply> before(const ApiRequest &request);
    void after(const ApiRequest &request);

    bool authorisesKey(const QString &user, const QString &password, const QString &path) const;
    void setRateLimits(const SyncRateLimits &limits);
    SyncRateLimits rateLimits() const;

private:
    const SandboxClock &m_clock;
    std::unique_ptr<SyncServicesResource> m_services;
    std::unique_ptr<SyncListResource> m_lists;
    std::unique_ptr<SyncListItemsResource> m_items;
    std::unique_ptr<KeysResource> m_keys;
    std::unique_ptr<SyncRateLimiter> m_limiter;
    std::unique_ptr<SyncExpiry> m_expiry;
    std::unique_ptr<SyncControlResource> m_control;
};

} // namespace sandbox
