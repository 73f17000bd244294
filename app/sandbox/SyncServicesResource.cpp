#include "SyncServicesResource.h"

#include "Router.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "SidFactory.h"
#include "SyncResource.h"

using namespace Qt::StringLiterals;

namespace sandbox {

SyncServicesResource::SyncServicesResource(SandboxState &state, SidFactory &sids,
                                           const SandboxClock &clock, const SyncResource &sync)
    : m_state(state)
    , m_sids(sids)
    , m_clock(clock)
    , m_sync(sync)
{}

void SyncServicesResource::registerRoutes(Router &router)
{
    router.add("POST", u"/v1/Services"_s, [this](const ApiRequest &r) { return create(r); });
}

ApiReply SyncServicesResource::create(const ApiRequest &request)
{
    const QString friendlyName = request.field(u"FriendlyName"_s);
    if (friendlyName.size() > kMaxFriendlyNameLength)
        return ApiReply::error(
            400, 20001, u"FriendlyName may have up to %1 characters"_s.arg(kMaxFriendlyNameLength));
    SandboxSyncService service;
    service.sid = m_sids.make("IS"_L1);
    service.friendlyName = friendlyName;
    service.dateCreated = service.dateUpdated = m_clock.nowMs();
    return ApiReply::json(m_sync.serviceJson(m_state.syncServices.add(service).service), 201);
}

} // namespace sandbox
