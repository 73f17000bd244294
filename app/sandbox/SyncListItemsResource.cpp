#include "SyncListItemsResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SyncListResource.h"
#include "SyncListStore.h"
#include "SyncWriteRules.h"

#include <QJsonArray>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kItems = u"/v1/Services/([^/]+)/Lists/([^/]+)/Items"_s;

// Twilio answers Sync resources with their revision as ETag, for the next If-Match.
ApiReply withEtag(ApiReply reply, const SandboxSyncListItem &item)
{
    reply.headers.append(qMakePair(QByteArray("ETag"), QByteArray::number(item.revision)));
    return reply;
}

ApiReply revisionMismatch(const SandboxSyncListItem &item)
{
    return ApiReply::error(
        412, 54155,
        u"The revision of the List Item does not match the expected revision (current revision "
        u"%1)"_s.arg(item.revision));
}

bool parseIndex(const QString &text, qint64 *index)
{
    bool ok = false;
    *index = text.toLongLong(&ok);
    return ok && *index >= 0;
}

// The item named by capture 2, with its list; a 404 in *error otherwise.
SandboxSyncListItem *itemFor(const SyncListResource &lists, const ApiRequest &request,
                             SandboxSyncList **list, ApiReply *error)
{
    *list = lists.listFor(request, error);
    if (!*list)
        return nullptr;
    qint64 index = 0;
    const auto it = parseIndex(request.captures.value(2), &index) ? (*list)->items.find(index)
                                                                  : (*list)->items.end();
    if (it == (*list)->items.end()) {
        *error =
            ApiReply::error(404, 54151, u"List Item not found: "_s + request.captures.value(2));
        return nullptr;
    }
    return &it->second;
}

// CollectionTtl on an item write moves the parent List's expiry.
bool applyCollectionTtl(const ApiRequest &request, SandboxSyncList *list, qint64 nowMs,
                        ApiReply *error)
{
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"CollectionTtl"_s, QString(), &ttl, error))
        return false;
    if (ttl)
        list->dateExpires = SyncWriteRules::expiryAt(nowMs, *ttl);
    return true;
}

} // namespace

SyncListItemsResource::SyncListItemsResource(SyncListResource &lists)
    : m_lists(lists)
{}

void SyncListItemsResource::registerRoutes(Router &router)
{
    router.add("GET", kItems, [this](const ApiRequest &r) { return list(r); });
    router.add("POST", kItems, [this](const ApiRequest &r) { return append(r); });
    router.add("GET", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return fetch(r); });
    router.add("POST", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return update(r); });
    router.add("DELETE", kItems + u"/([^/]+)"_s, [this](const ApiRequest &r) { return remove(r); });
}

ApiReply SyncListItemsResource::append(const ApiRequest &request)
{
    ApiReply error;
    SandboxSyncList *list = m_lists.listFor(request, &error);
    if (!list)
        return error;
    if (!request.hasField(u"Data"_s))
        return ApiReply::error(400, 20001, u"Missing required parameter Data"_s);
    QByteArray data;
    if (!SyncWriteRules::parseData(request.field(u"Data"_s), u"List Item"_s, &data, &error))
        return error;
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"ItemTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    const qint64 now = m_lists.clock().nowMs();
    if (!applyCollectionTtl(request, list, now, &error))
        return error;
    SandboxSyncListItem item;
    item.index = list->nextIndex++;
    item.data = data;
    item.dateCreated = item.dateUpdated = now;
    item.dateExpires = SyncWriteRules::expiryAt(now, ttl.value_or(0));
    ++list->revision;
    list->dateUpdated = now;
    const SandboxSyncListItem &stored = list->items.emplace(item.index, item).first->second;
    return withEtag(ApiReply::json(m_lists.itemJson(*list, stored), 201), stored);
}

ApiReply SyncListItemsResource::fetch(const ApiRequest &request) const
{
    ApiReply error;
    SandboxSyncList *list = nullptr;
    const SandboxSyncListItem *item = itemFor(m_lists, request, &list, &error);
    return item ? withEtag(ApiReply::json(m_lists.itemJson(*list, *item)), *item) : error;
}

ApiReply SyncListItemsResource::update(const ApiRequest &request)
{
    ApiReply error;
    SandboxSyncList *list = nullptr;
    SandboxSyncListItem *item = itemFor(m_lists, request, &list, &error);
    if (!item)
        return error;
    if (SyncWriteRules::revisionConflicts(request, item->revision))
        return revisionMismatch(*item);
    QByteArray data;
    if (request.hasField(u"Data"_s) &&
        !SyncWriteRules::parseData(request.field(u"Data"_s), u"List Item"_s, &data, &error))
        return error;
    std::optional<qint64> ttl;
    if (!SyncWriteRules::parseTtl(request, u"ItemTtl"_s, u"Ttl"_s, &ttl, &error))
        return error;
    const qint64 now = m_lists.clock().nowMs();
    if (!applyCollectionTtl(request, list, now, &error))
        return error;
    if (!data.isEmpty())
        item->data = data;
    if (ttl)
        item->dateExpires = SyncWriteRules::expiryAt(now, *ttl);
    ++item->revision;
    item->dateUpdated = now;
    ++list->revision;
    list->dateUpdated = now;
    return withEtag(ApiReply::json(m_lists.itemJson(*list, *item)), *item);
}

ApiReply SyncListItemsResource::remove(const ApiRequest &request)
{
    ApiReply error;
    SandboxSyncList *list = nullptr;
    const SandboxSyncListItem *item = itemFor(m_lists, request, &list, &error);
    if (!item)
        return error;
    if (SyncWriteRules::revisionConflicts(request, item->revision))
        return revisionMismatch(*item);
    list->items.erase(item->index);
    ++list->revision;
    list->dateUpdated = m_lists.clock().nowMs();
    return ApiReply::noContent();
}

ApiReply SyncListItemsResource::list(const ApiRequest &request) const
{
    ApiReply error;
    const SandboxSyncList *list = m_lists.listFor(request, &error);
    if (!list)
        return error;
    const PageEnvelope::Paging paging =
        PageEnvelope::parse(request, SyncListResource::kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    const QString order =
        request.param(u"Order"_s).isEmpty() ? u"asc"_s : request.param(u"Order"_s);
    const QString bounds =
        request.param(u"Bounds"_s).isEmpty() ? u"inclusive"_s : request.param(u"Bounds"_s);
    if (order != u"asc"_s && order != u"desc"_s)
        return ApiReply::error(400, 20001, u"Invalid Order '%1': use asc or desc"_s.arg(order));
    if (bounds != u"inclusive"_s && bounds != u"exclusive"_s)
        return ApiReply::error(400, 20001,
                               u"Invalid Bounds '%1': use inclusive or exclusive"_s.arg(bounds));
    PageEnvelope::Params filters;
    for (const QString &name : {u"From"_s, u"Bounds"_s, u"Order"_s}) {
        if (request.query.hasQueryItem(name))
            filters.append({name, request.param(name)});
    }

    // Where to start: the token's index (exclusive), else From (by Bounds), else the first
    // index in the Order. "PN<i>" continues after index i; "PP<i>" is the page before i.
    qint64 anchor = 0;
    bool anchored = false;
    bool inclusive = bounds == u"inclusive"_s;
    bool backwards = false;
    if (!paging.pageToken.isEmpty()) {
        const bool next = paging.pageToken.startsWith(u"PN"_s);
        if ((!next && !paging.pageToken.startsWith(u"PP"_s)) ||
            !parseIndex(paging.pageToken.mid(2), &anchor))
            return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
        anchored = true;
        inclusive = false;
        backwards = !next;
    } else if (request.query.hasQueryItem(u"From"_s)) {
        if (!parseIndex(request.param(u"From"_s), &anchor))
            return ApiReply::error(
                400, 20001,
                u"Invalid From '%1': a List Item index"_s.arg(request.param(u"From"_s)));
        anchored = true;
    }
    const bool forward = (order == u"asc"_s) != backwards; // walk indexes upwards?
    std::vector<const SandboxSyncListItem *> page;
    const auto full = [&] { return qsizetype(page.size()) > paging.pageSize; };
    const auto &items = list->items;
    if (forward) {
        auto it = !anchored ? items.begin()
                            : (inclusive ? items.lower_bound(anchor) : items.upper_bound(anchor));
        for (; it != items.end() && !full(); ++it)
            page.push_back(&it->second);
    } else {
        auto it = !anchored ? items.end()
                            : (inclusive ? items.upper_bound(anchor) : items.lower_bound(anchor));
        while (it != items.begin() && !full()) {
            --it;
            page.push_back(&it->second);
        }
    }
    const bool more = full();
    if (more)
        page.pop_back();
    if (backwards)
        std::reverse(page.begin(), page.end());
    QJsonArray json;
    for (const SandboxSyncListItem *item : page)
        json.append(m_lists.itemJson(*list, *item));
    const bool hasNext = backwards ? !page.empty() : more;
    const bool hasPrevious = backwards ? more : (paging.page > 0 && !page.empty());
    return ApiReply::json(PageEnvelope::v1(
        m_lists.baseUrl(), m_lists.listPath(*list) + u"/Items"_s, filters, u"items"_s, json, paging,
        hasNext ? u"PN"_s + QString::number(page.back()->index) : QString(),
        hasPrevious ? u"PP"_s + QString::number(page.front()->index) : QString()));
}

} // namespace sandbox
