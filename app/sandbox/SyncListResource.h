// Sync v1 Lists: /v1/Services/{ServiceSid}/Lists[/{List}] (create with UniqueName and
// CollectionTtl, fetch and delete by SID or unique name, read, update the TTL). Items are
// SyncListItemsResource's; the JSON of both is written here.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxClock;
class SandboxState;
class SidFactory;
struct SandboxSyncList;
struct SandboxSyncListItem;

class SyncListResource
{
public:
    SyncListResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                     const QString &baseUrl);
    void registerRoutes(Router &router);

    static constexpr int kMaxPageSize = 100;
    static constexpr int kMaxUniqueNameLength = 320;

    // The List named by captures 0 (service) and 1 (SID or unique name); 404 otherwise.
    SandboxSyncList *listFor(const ApiRequest &request, ApiReply *error) const;
    QString listPath(const SandboxSyncList &list) const;
    QJsonObject listJson(const SandboxSyncList &list) const;
    QJsonObject itemJson(const SandboxSyncList &list, const SandboxSyncListItem &item) const;
    const QString &baseUrl() const { return m_baseUrl; }
    const SandboxClock &clock() const { return m_clock; }

private:
    ApiReply list(const ApiRequest &request) const;
    ApiReply create(const ApiRequest &request);
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply update(const ApiRequest &request);
    ApiReply remove(const ApiRequest &request);

    SandboxState &m_state;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
    const QString &m_baseUrl;
};

} // namespace sandbox
