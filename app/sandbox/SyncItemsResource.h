// Sync v1 Map Items: create (409/54208 on an existing key), fetch, update and delete with
// If-Match revisions (412/54205 when stale), list ordered by key with Order, From, Bounds.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SandboxClock;
class SyncResource;

class SyncItemsResource
{
public:
    SyncItemsResource(SyncResource &maps, const SandboxClock &clock);
    void registerRoutes(Router &router);

    static constexpr int kMaxKeyLength = 256;
    static constexpr int kMaxDataBytes = 16 * 1024;

private:
    ApiReply list(const ApiRequest &request) const;
    ApiReply create(const ApiRequest &request);
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply update(const ApiRequest &request);
    ApiReply remove(const ApiRequest &request);

    SyncResource &m_maps;
    const SandboxClock &m_clock;
};

} // namespace sandbox
