#include "SyncItemsResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SyncResource.h"
#include "SyncStore.h"
#include "SyncWriteRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kItems = u"/v1/Services/([^/]+)/Maps/([^/]+)/Items"_s;

// If-Match as helper libraries send it: the bare revision, sometimes quoted.
QString ifMatch(const ApiRequest &request)
{
    QString value = QString::fromUtf8(request.header("if-match")).trimmed();
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

bool revisionConflicts(const ApiRequest &request, const SyncItem &item)
{
    const QString expected = ifMatch(request);
    return !expected.isEmpty() && expected != u"*"_s && expected != QString::number(item.revision);
}

ApiReply revisionMismatch(const SyncItem &item)
{
    return ApiReply::error(
        412, 54205,
        u"The revision of the Map Item does not match the expected revision (current revision %1)"_s
            .arg(item.revision));
}

// Data must be a JSON object of at most 16 KiB; compact text on success.
bool parseData(const QString &text, QByteArray *out, ApiReply *error)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > SyncItemsResource::kMaxDataBytes) {
        *error = ApiReply::error(400, 54006, u"Map Item data exceeds 16 KiB"_s);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = ApiReply::error(
            400, 54206, u"Map Item data must be a JSON object: "_s + parseError.errorString());
        return false;
    }
    *out = doc.toJson(QJsonDocument::Compact);
    return true;
}

QString tokenFor(QLatin1StringView prefix, const QString &key)
{
    return QString(prefix) + QString::fromLatin1(key.toUtf8().toHex());
}

} // namespace

SyncItemsResource::SyncItemsResource(SyncResource &maps, const SandboxClock &clock)
    : m_maps(maps)
    , m_clock(clock)
{}

void SyncItemsResource::registerRoutes(Router &router)
{
    router.add("GET", kItems, [this](const ApiRequest &r) { return list(r); });
    router.add("POST", kItems, [this](const ApiRequest &r) { return create(r); });
    router.add("GET", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return fetch(r); });
    router.add("POST", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return update(r); });
    router.add("DELETE", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return remove(r); });
}

ApiReply SyncItemsResource::create(const ApiRequest &request)
{
    ApiReply error;
    SyncMap *map = m_maps.mapFor(request, &error);
    if (!map)
        return error;
    const QString key = request.field(u"Key"_s);
    if (key.isEmpty() || key.size() > kMaxKeyLength)
        return ApiReply::error(400, 54209,
                               u"The Map Item key must be a string with length 1-256"_s);
    if (!request.hasField(u"Data"_s))
        return ApiReply::error(400, 20001, u"Missing required parameter Data"_s);
    QByteArray data;
    if (!parseData(request.field(u"Data"_s), &data, &error))
        return error;
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"ItemTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    if (map->items.count(key))
        return ApiReply::error(409, 54208,
                               u"A Map Item with key '%1' already exists in the Map"_s.arg(key));
    SyncItem item;
    item.key = key;
    item.data = data;
    item.dateCreated = item.dateUpdated = m_clock.nowMs();
    item.dateExpires = SyncWriteRules::expiryAt(item.dateCreated, ttl.value_or(0));
    ++map->revision;
    map->dateUpdated = item.dateUpdated;
    const SyncItem &stored = map->items.emplace(key, item).first->second;
    return ApiReply::json(m_maps.itemJson(*map, stored), 201);
}

ApiReply SyncItemsResource::fetch(const ApiRequest &request) const
{
    ApiReply error;
    const SyncMap *map = m_maps.mapFor(request, &error);
    if (!map)
        return error;
    const auto it = map->items.find(request.captures.value(2));
    if (it == map->items.end())
        return ApiReply::error(404, 54201, u"Map Item not found: "_s + request.captures.value(2));
    return ApiReply::json(m_maps.itemJson(*map, it->second));
}

ApiReply SyncItemsResource::update(const ApiRequest &request)
{
    ApiReply error;
    SyncMap *map = m_maps.mapFor(request, &error);
    if (!map)
        return error;
    const auto it = map->items.find(request.captures.value(2));
    if (it == map->items.end())
        return ApiReply::error(404, 54201, u"Map Item not found: "_s + request.captures.value(2));
    SyncItem &item = it->second;
    if (revisionConflicts(request, item))
        return revisionMismatch(item);
    if (request.hasField(u"Data"_s)) {
        QByteArray data;
        if (!parseData(request.field(u"Data"_s), &data, &error))
            return error;
        item.data = data;
    }
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"ItemTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    ++item.revision;
    item.dateUpdated = m_clock.nowMs();
    if (ttl)
        item.dateExpires = SyncWriteRules::expiryAt(item.dateUpdated, *ttl);
    ++map->revision;
    map->dateUpdated = item.dateUpdated;
    return ApiReply::json(m_maps.itemJson(*map, item));
}

ApiReply SyncItemsResource::remove(const ApiRequest &request)
{
    ApiReply error;
    SyncMap *map = m_maps.mapFor(request, &error);
    if (!map)
        return error;
    const auto it = map->items.find(request.captures.value(2));
    if (it == map->items.end())
        return ApiReply::error(404, 54201, u"Map Item not found: "_s + request.captures.value(2));
    if (revisionConflicts(request, it->second))
        return revisionMismatch(it->second);
    map->items.erase(it);
    ++map->revision;
    map->dateUpdated = m_clock.nowMs();
    return ApiReply::noContent();
}

ApiReply SyncItemsResource::list(const ApiRequest &request) const
{
    ApiReply error;
    const SyncMap *map = m_maps.mapFor(request, &error);
    if (!map)
        return error;
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, SyncResource::kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    PageEnvelope::Params filters;
    const QString order =
        request.param(u"Order"_s).isEmpty() ? u"asc"_s : request.param(u"Order"_s);
    const QString bounds =
        request.param(u"Bounds"_s).isEmpty() ? u"inclusive"_s : request.param(u"Bounds"_s);
    if (order != u"asc"_s && order != u"desc"_s)
        return ApiReply::error(400, 20001, u"Invalid Order '%1': use asc or desc"_s.arg(order));
    if (bounds != u"inclusive"_s && bounds != u"exclusive"_s)
        return ApiReply::error(400, 20001,
                               u"Invalid Bounds '%1': use inclusive or exclusive"_s.arg(bounds));
    for (const QString &name : {u"From"_s, u"Bounds"_s, u"Order"_s}) {
        if (request.query.hasQueryItem(name))
            filters.append({name, request.param(name)});
    }
    const bool ascending = order == u"asc"_s;

    // Where to start: the token's key (exclusive), else From (by Bounds), else the first key.
    // "PN" + hex(key) continues after key; "PP" + hex(key) is the page before key.
    QString anchor;
    bool inclusive = bounds == u"inclusive"_s;
    bool backwards = false;
    bool anchored = false;
    if (!paging.pageToken.isEmpty()) {
        const QByteArray hex = paging.pageToken.mid(2).toLatin1();
        const QByteArray raw = QByteArray::fromHex(hex);
        if ((!paging.pageToken.startsWith(u"PN"_s) && !paging.pageToken.startsWith(u"PP"_s)) ||
            raw.toHex() != hex.toLower())
            return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
        anchor = QString::fromUtf8(raw);
        anchored = true;
        inclusive = false;
        backwards = paging.pageToken.startsWith(u"PP"_s);
    } else if (request.query.hasQueryItem(u"From"_s)) {
        anchor = request.param(u"From"_s);
        anchored = true;
    }
    const bool forward = ascending != backwards; // walk keys upwards?
    std::vector<const SyncItem *> page;
    const auto take = [&](const SyncItem &item) {
        page.push_back(&item);
        return qsizetype(page.size()) > paging.pageSize;
    };
    if (forward) {
        auto it = !anchored ? map->items.begin()
                            : (inclusive ? map->items.lower_bound(anchor)
                                         : map->items.upper_bound(anchor));
        for (; it != map->items.end(); ++it) {
            if (take(it->second))
                break;
        }
    } else {
        auto it = !anchored ? map->items.end()
                            : (inclusive ? map->items.upper_bound(anchor)
                                         : map->items.lower_bound(anchor));
        while (it != map->items.begin()) {
            --it;
            if (take(it->second))
                break;
        }
    }
    bool more = qsizetype(page.size()) > paging.pageSize;
    if (more)
        page.pop_back();
    if (backwards)
        std::reverse(page.begin(), page.end());
    QJsonArray items;
    for (const SyncItem *item : page)
        items.append(m_maps.itemJson(*map, *item));
    // Going backwards, there is always a next page (the one we came from).
    const bool hasNext = backwards ? !page.empty() : more;
    const bool hasPrevious = backwards ? more : (paging.page > 0 && !page.empty());
    return ApiReply::json(PageEnvelope::v1(
        m_maps.baseUrl(),
        SyncResource::servicePath(map->serviceSid) + u"/Maps/"_s + map->sid + u"/Items"_s, filters,
        u"items"_s, items, paging, hasNext ? tokenFor("PN"_L1, page.back()->key) : QString(),
        hasPrevious ? tokenFor("PP"_L1, page.front()->key) : QString()));
}

} // namespace sandbox
