#include "SyncListResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "SidFactory.h"
#include "SyncWriteRules.h"
#include "WireFormat.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kLists = u"/v1/Services/([^/]+)/Lists"_s;

QJsonValue dateOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(WireFormat::iso8601(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

SyncListResource::SyncListResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock,
                                   const QString &baseUrl)
    : m_state(state)
    , m_sids(sids)
    , m_clock(clock)
    , m_baseUrl(baseUrl)
{}

void SyncListResource::registerRoutes(Router &router)
{
    router.add("GET", kLists, [this](const ApiRequest &r) { return list(r); });
    router.add("POST", kLists, [this](const ApiRequest &r) { return create(r); });
    router.add("GET", kLists + u"/([^/]+)"_s, [this](const ApiRequest &r) { return fetch(r); });
    router.add("POST", kLists + u"/([^/]+)"_s, [this](const ApiRequest &r) { return update(r); });
    router.add("DELETE", kLists + u"/([^/]+)"_s, [this](const ApiRequest &r) { return remove(r); });
}

SandboxSyncList *SyncListResource::listFor(const ApiRequest &request, ApiReply *error) const
{
    const SyncStore *service = m_state.syncService(request.captures.value(0));
    if (!service) {
        *error = ApiReply::error(404, 20404,
                                 u"The requested resource "_s + request.path + u" was not found"_s);
        return nullptr;
    }
    SandboxSyncList *list = m_state.syncLists.find(service->service.sid, request.captures.value(1));
    if (!list)
        *error = ApiReply::error(404, 54100, u"List not found: "_s + request.captures.value(1));
    return list;
}

QString SyncListResource::listPath(const SandboxSyncList &list) const
{
    return u"/v1/Services/"_s + list.serviceSid + u"/Lists/"_s + list.sid;
}

QJsonObject SyncListResource::listJson(const SandboxSyncList &list) const
{
    const QString url = m_baseUrl + listPath(list);
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"created_by"_s, u"system"_s},
        {u"date_created"_s, WireFormat::iso8601(list.dateCreated)},
        {u"date_expires"_s, dateOrNull(list.dateExpires)},
        {u"date_updated"_s, WireFormat::iso8601(list.dateUpdated)},
        {u"links"_s, QJsonObject{{u"items"_s, QString(url + u"/Items"_s)},
                                 {u"permissions"_s, QString(url + u"/Permissions"_s)}}},
        {u"revision"_s, QString::number(list.revision)},
        {u"service_sid"_s, list.serviceSid},
        {u"sid"_s, list.sid},
        {u"unique_name"_s,
         list.uniqueName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(list.uniqueName)},
        {u"url"_s, url},
    };
}

QJsonObject SyncListResource::itemJson(const SandboxSyncList &list,
                                       const SandboxSyncListItem &item) const
{
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"created_by"_s, u"system"_s},
        {u"data"_s, QJsonDocument::fromJson(item.data).object()},
        {u"date_created"_s, WireFormat::iso8601(item.dateCreated)},
        {u"date_expires"_s, dateOrNull(item.dateExpires)},
        {u"date_updated"_s, WireFormat::iso8601(item.dateUpdated)},
        {u"index"_s, double(item.index)},
        {u"list_sid"_s, list.sid},
        {u"revision"_s, QString::number(item.revision)},
        {u"service_sid"_s, list.serviceSid},
        {u"url"_s,
         QString(m_baseUrl + listPath(list) + u"/Items/"_s + QString::number(item.index))},
    };
}

ApiReply SyncListResource::list(const ApiRequest &request) const
{
    const SyncStore *service = m_state.syncService(request.captures.value(0));
    if (!service)
        return ApiReply::error(404, 20404,
                               u"The requested resource "_s + request.path + u" was not found"_s);
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    QJsonArray items;
    qsizetype index = 0;
    const qsizetype start = qsizetype(paging.page) * paging.pageSize;
    for (const auto &[sid, list] : m_state.syncLists.lists()) {
        if (list.serviceSid != service->service.sid)
            continue;
        if (index >= start && index < start + paging.pageSize)
            items.append(listJson(list));
        ++index;
    }
    const bool hasNext = index > start + paging.pageSize;
    return ApiReply::json(PageEnvelope::v1(
        m_baseUrl, u"/v1/Services/"_s + service->service.sid + u"/Lists"_s, {}, u"lists"_s, items,
        paging, hasNext ? u"PA"_s + QString::number(paging.page + 1) : QString(),
        paging.page > 0 ? u"PB"_s + QString::number(paging.page - 1) : QString()));
}

ApiReply SyncListResource::create(const ApiRequest &request)
{
    const SyncStore *service = m_state.syncService(request.captures.value(0));
    if (!service)
        return ApiReply::error(404, 20404,
                               u"The requested resource "_s + request.path + u" was not found"_s);
    const QString uniqueName = request.field(u"UniqueName"_s);
    if (uniqueName.size() > kMaxUniqueNameLength)
        return ApiReply::error(
            400, 20001, u"UniqueName may have up to %1 characters"_s.arg(kMaxUniqueNameLength));
    ApiReply error;
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"CollectionTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    if (!uniqueName.isEmpty() && m_state.syncLists.find(service->service.sid, uniqueName))
        return ApiReply::error(409, 54301, u"Unique name already exists: "_s + uniqueName);
    SandboxSyncList list;
    list.sid = m_sids.make("ES"_L1);
    list.serviceSid = service->service.sid;
    list.uniqueName = uniqueName;
    list.dateCreated = list.dateUpdated = m_clock.nowMs();
    list.dateExpires = SyncWriteRules::expiryAt(list.dateCreated, ttl.value_or(0));
    return ApiReply::json(listJson(m_state.syncLists.add(list)), 201);
}

ApiReply SyncListResource::fetch(const ApiRequest &request) const
{
    ApiReply error;
    const SandboxSyncList *list = listFor(request, &error);
    return list ? ApiReply::json(listJson(*list)) : error;
}

ApiReply SyncListResource::update(const ApiRequest &request)
{
    ApiReply error;
    SandboxSyncList *list = listFor(request, &error);
    if (!list)
        return error;
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"CollectionTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    list->dateUpdated = m_clock.nowMs();
    if (ttl)
        list->dateExpires = SyncWriteRules::expiryAt(list->dateUpdated, *ttl);
    ++list->revision;
    return ApiReply::json(listJson(*list));
}

ApiReply SyncListResource::remove(const ApiRequest &request)
{
    ApiReply error;
    const SandboxSyncList *list = listFor(request, &error);
    if (!list)
        return error;
    m_state.syncLists.remove(list->sid);
    return ApiReply::noContent();
}

} // namespace sandbox
