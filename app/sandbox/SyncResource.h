// Sync v1: /v1/Services[/{Sid}] (create: SyncServicesResource) and
// /v1/Services/{ServiceSid}/Maps[/{Map}] (items: SyncItemsResource).
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxClock;
class SandboxState;
class SidFactory;
struct SandboxSyncService;
struct SyncItem;
struct SyncMap;
class SyncStore;

class SyncResource
{
public:
    SyncResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                 const QString &baseUrl);
    void registerRoutes(Router &router);

    static constexpr int kMaxPageSize = 100; // the spec's maximum for Sync lists

    // Shared with SyncItemsResource and the List and Service resources.
    SyncMap *mapFor(const ApiRequest &request, ApiReply *error) const;
    QJsonObject mapJson(const SyncMap &map) const;
    QJsonObject itemJson(const SyncMap &map, const SyncItem &item) const;
    static QString servicePath(const QString &serviceSid);
    QJsonObject serviceJson(const SandboxSyncService &service) const;
    const QString &baseUrl() const { return m_baseUrl; }

private:
    ApiReply listServices(const ApiRequest &request) const;
    ApiReply fetchService(const ApiRequest &request) const;
    ApiReply listMaps(const ApiRequest &request) const;
    ApiReply createMap(const ApiRequest &request);
    ApiReply fetchMap(const ApiRequest &request) const;
    ApiReply deleteMap(const ApiRequest &request);

    SyncStore *storeFor(const ApiRequest &request) const;

    SandboxState &m_state;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
    const QString &m_baseUrl;
};

} // namespace sandbox
