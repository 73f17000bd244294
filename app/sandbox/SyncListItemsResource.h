// Sync v1 List Items: append (the next index, never reused), read by index with Order, From,
// Bounds and PageSize, fetch, update and delete with If-Match revisions (412/54155 when
// stale), ItemTtl and CollectionTtl by the sandbox clock.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SyncListResource;

class SyncListItemsResource
{
public:
    explicit SyncListItemsResource(SyncListResource &lists);
    void registerRoutes(Router &router);

private:
    ApiReply list(const ApiRequest &request) const;
    ApiReply append(const ApiRequest &request);
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply update(const ApiRequest &request);
    ApiReply remove(const ApiRequest &request);

    SyncListResource &m_lists;
};

} // namespace sandbox
