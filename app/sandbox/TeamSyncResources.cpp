#include "TeamSyncResources.h"

#include "KeysResource.h"
#include "SandboxClock.h"
#include "SyncControlResource.h"
#include "SyncExpiry.h"
#include "SyncListItemsResource.h"
#include "SyncListResource.h"
#include "SyncRateLimiter.h"
#include "SyncServicesResource.h"

using namespace Qt::StringLiterals;

namespace sandbox {

TeamSyncResources::TeamSyncResources(SandboxServer &server, SandboxState &state, SidFactory &sids,
                                     const SandboxClock &clock, const SyncResource &sync,
                                     const QString &baseUrl, bool rateLimits)
    : m_clock(clock)
    , m_services(std::make_unique<SyncServicesResource>(state, sids, clock, sync))
    , m_lists(std::make_unique<SyncListResource>(state, sids, clock, baseUrl))
    , m_items(std::make_unique<SyncListItemsResource>(*m_lists))
    , m_keys(std::make_unique<KeysResource>(state, sids, clock))
    , m_limiter(std::make_unique<SyncRateLimiter>(state, clock))
    , m_expiry(std::make_unique<SyncExpiry>(state))
    , m_control(std::make_unique<SyncControlResource>(server))
{
    SyncRateLimits limits;
    limits.enabled = rateLimits;
    m_limiter->setLimits(limits);
}

TeamSyncResources::~TeamSyncResources() = default;

void TeamSyncResources::registerRoutes(Router &api, Router &control)
{
    m_services->registerRoutes(api);
    m_lists->registerRoutes(api);
    m_items->registerRoutes(api);
    m_keys->registerRoutes(api);
    m_control->registerRoutes(control);
}

std::optional<ApiReply> TeamSyncResources::before(const ApiRequest &request)
{
    if (!request.path.startsWith(u"/v1/Services/"_s))
        return std::nullopt;
    m_expiry->purge(m_clock.nowMs());
    return m_limiter->admit(request);
}

void TeamSyncResources::after(const ApiRequest &request)
{
    // Only a TTL can bring the next expiry forward; other writes leave it where it was.
    if (request.method != "GET" && request.path.startsWith(u"/v1/Services/"_s) &&
        (request.hasField(u"ItemTtl"_s) || request.hasField(u"Ttl"_s) ||
         request.hasField(u"CollectionTtl"_s)))
        m_expiry->markDirty();
}

bool TeamSyncResources::authorisesKey(const QString &user, const QString &password,
                                      const QString &path) const
{
    return m_keys->authorisesKey(user, password, path);
}

void TeamSyncResources::setRateLimits(const SyncRateLimits &limits)
{
    m_limiter->setLimits(limits);
}

SyncRateLimits TeamSyncResources::rateLimits() const
{
    return m_limiter->limits();
}

} // namespace sandbox
