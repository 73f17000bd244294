#include "SyncResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "SidFactory.h"
#include "WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kService = u"/v1/Services/([^/]+)"_s;

ApiReply notFound(const ApiRequest &request, int code = 20404)
{
    return ApiReply::error(404, code,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

} // namespace

SyncResource::SyncResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                           const QString &baseUrl)
    : m_state(state)
    , m_sids(sids)
    , m_clock(clock)
    , m_baseUrl(baseUrl)
{}

void SyncResource::registerRoutes(Router &router)
{
    router.add("GET", u"/v1/Services"_s, [this](const ApiRequest &r) { return listServices(r); });
    router.add("GET", kService, [this](const ApiRequest &r) { return fetchService(r); });
    router.add("GET", kService + u"/Maps"_s, [this](const ApiRequest &r) { return listMaps(r); });
    router.add("POST", kService + u"/Maps"_s, [this](const ApiRequest &r) { return createMap(r); });
    router.add("GET", kService + u"/Maps/([^/]+)"_s,
               [this](const ApiRequest &r) { return fetchMap(r); });
    router.add("DELETE", kService + u"/Maps/([^/]+)"_s,
               [this](const ApiRequest &r) { return deleteMap(r); });
}

QString SyncResource::servicePath(const QString &serviceSid)
{
    return u"/v1/Services/"_s + serviceSid;
}

SyncStore *SyncResource::storeFor(const ApiRequest &request) const
{
    return m_state.syncService(request.captures.value(0));
}

QJsonObject SyncResource::serviceJson(const SandboxSyncService &s) const
{
    const QString url = m_baseUrl + servicePath(s.sid);
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"acl_enabled"_s, false},
        {u"date_created"_s, WireFormat::iso8601(s.dateCreated)},
        {u"date_updated"_s, WireFormat::iso8601(s.dateUpdated)},
        {u"friendly_name"_s, s.friendlyName},
        {u"links"_s, QJsonObject{{u"documents"_s, QString(url + u"/Documents"_s)},
                                 {u"lists"_s, QString(url + u"/Lists"_s)},
                                 {u"maps"_s, QString(url + u"/Maps"_s)},
                                 {u"streams"_s, QString(url + u"/Streams"_s)}}},
        {u"reachability_debouncing_enabled"_s, false},
        {u"reachability_debouncing_window"_s, 5000},
        {u"reachability_webhooks_enabled"_s, false},
        {u"sid"_s, s.sid},
        {u"unique_name"_s,
         s.uniqueName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.uniqueName)},
        {u"url"_s, url},
        {u"webhook_url"_s, QJsonValue(QJsonValue::Null)},
        {u"webhooks_from_rest_enabled"_s, false},
    };
}

QJsonObject SyncResource::mapJson(const SyncMap &map) const
{
    const QString url = m_baseUrl + servicePath(map.serviceSid) + u"/Maps/"_s + map.sid;
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"created_by"_s, u"system"_s},
        {u"date_created"_s, WireFormat::iso8601(map.dateCreated)},
        {u"date_expires"_s, QJsonValue(QJsonValue::Null)},
        {u"date_updated"_s, WireFormat::iso8601(map.dateUpdated)},
        {u"links"_s, QJsonObject{{u"items"_s, QString(url + u"/Items"_s)},
                                 {u"permissions"_s, QString(url + u"/Permissions"_s)}}},
        {u"revision"_s, QString::number(map.revision)},
        {u"service_sid"_s, map.serviceSid},
        {u"sid"_s, map.sid},
        {u"unique_name"_s,
         map.uniqueName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(map.uniqueName)},
        {u"url"_s, url},
    };
}

QJsonObject SyncResource::itemJson(const SyncMap &map, const SyncItem &item) const
{
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"created_by"_s, u"system"_s},
        {u"data"_s, QJsonDocument::fromJson(item.data).object()},
        {u"date_created"_s, WireFormat::iso8601(item.dateCreated)},
        {u"date_expires"_s, item.dateExpires > 0 ? QJsonValue(WireFormat::iso8601(item.dateExpires))
                                                 : QJsonValue(QJsonValue::Null)},
        {u"date_updated"_s, WireFormat::iso8601(item.dateUpdated)},
        {u"key"_s, item.key},
        {u"map_sid"_s, map.sid},
        {u"revision"_s, QString::number(item.revision)},
        {u"service_sid"_s, map.serviceSid},
        {u"url"_s, QString(m_baseUrl + servicePath(map.serviceSid) + u"/Maps/"_s + map.sid +
                           u"/Items/"_s + QString::fromLatin1(QUrl::toPercentEncoding(item.key)))},
    };
}

ApiReply SyncResource::listServices(const ApiRequest &request) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    // Few services per account: the default one, then those created, on one page.
    QJsonArray items;
    if (paging.page == 0) {
        items.append(serviceJson(m_state.sync.service));
        for (const auto &[sid, store] : m_state.syncServices.services())
            items.append(serviceJson(store.service));
    }
    return ApiReply::json(
        PageEnvelope::v1(m_baseUrl, u"/v1/Services"_s, {}, u"services"_s, items, paging, {}, {}));
}

ApiReply SyncResource::fetchService(const ApiRequest &request) const
{
    const SyncStore *store = storeFor(request);
    return store ? ApiReply::json(serviceJson(store->service)) : notFound(request);
}

ApiReply SyncResource::listMaps(const ApiRequest &request) const
{
    const SyncStore *store = storeFor(request);
    if (!store)
        return notFound(request);
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    QJsonArray items;
    qsizetype index = 0;
    const qsizetype start = qsizetype(paging.page) * paging.pageSize;
    for (const auto &[sid, map] : store->maps()) {
        if (index >= start && index < start + paging.pageSize)
            items.append(mapJson(map));
        ++index;
    }
    const bool hasNext = index > start + paging.pageSize;
    return ApiReply::json(PageEnvelope::v1(
        m_baseUrl, servicePath(store->service.sid) + u"/Maps"_s, {}, u"maps"_s, items, paging,
        hasNext ? u"PA"_s + QString::number(paging.page + 1) : QString(),
        paging.page > 0 ? u"PB"_s + QString::number(paging.page - 1) : QString()));
}

ApiReply SyncResource::createMap(const ApiRequest &request)
{
    SyncStore *store = storeFor(request);
    if (!store)
        return notFound(request);
    const QString uniqueName = request.field(u"UniqueName"_s);
    if (!uniqueName.isEmpty() && store->findMap(uniqueName))
        return ApiReply::error(409, 54301, u"Unique name already exists: "_s + uniqueName);
    SyncMap map;
    map.sid = m_sids.make("MP"_L1);
    map.uniqueName = uniqueName;
    map.dateCreated = map.dateUpdated = m_clock.nowMs();
    return ApiReply::json(mapJson(store->addMap(map)), 201);
}

SyncMap *SyncResource::mapFor(const ApiRequest &request, ApiReply *error) const
{
    SyncStore *store = storeFor(request);
    if (!store) {
        *error = notFound(request);
        return nullptr;
    }
    SyncMap *map = store->findMap(request.captures.value(1));
    if (!map)
        *error = ApiReply::error(404, 54200, u"Map not found: "_s + request.captures.value(1));
    return map;
}

ApiReply SyncResource::fetchMap(const ApiRequest &request) const
{
    ApiReply error;
    const SyncMap *map = mapFor(request, &error);
    return map ? ApiReply::json(mapJson(*map)) : error;
}

ApiReply SyncResource::deleteMap(const ApiRequest &request)
{
    ApiReply error;
    const SyncMap *map = mapFor(request, &error);
    if (!map)
        return error;
    storeFor(request)->removeMap(map->sid);
    return ApiReply::noContent();
}

} // namespace sandbox
