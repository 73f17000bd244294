#include "MessagesResource.h"

#include "MessageDispatcher.h"
#include "MessageJson.h"
#include "MessagingServiceSends.h"
#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxState.h"
#include "WireFormat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kAccountPrefix = u"/2010-04-01/Accounts/([^/]+)"_s;

QString messagesPath(const QString &accountSid)
{
    return u"/2010-04-01/Accounts/"_s + accountSid + u"/Messages.json"_s;
}

} // namespace

MessagesResource::MessagesResource(SandboxState &state, MessageDispatcher &dispatcher,
                                   MessagingServiceSends &serviceSends)
    : m_state(state)
    , m_dispatcher(dispatcher)
    , m_serviceSends(serviceSends)
{}

QJsonObject MessagesResource::json(quint32 id) const
{
    QJsonObject object =
        MessageJson::toJson(m_state.messages, m_state.messages.at(id), m_state.accountSid);
    m_serviceSends.decorate(object, id);
    return object;
}

void MessagesResource::registerRoutes(Router &router)
{
    router.add("POST", kAccountPrefix + u"/Messages\\.json"_s,
               [this](const ApiRequest &r) { return create(r); });
    router.add("GET", kAccountPrefix + u"/Messages\\.json"_s,
               [this](const ApiRequest &r) { return list(r); });
    router.add("GET", kAccountPrefix + u"/Messages/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return fetch(r); });
    router.add("POST", kAccountPrefix + u"/Messages/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return update(r); });
}

ApiReply MessagesResource::create(const ApiRequest &request)
{
    // MessagingServiceSid, SendAt and ScheduleType are handled there; plain creates pass
    // through to the dispatcher.
    const MessageDispatcher::Result result = m_serviceSends.create(request);
    if (!result.ok())
        return ApiReply::error(result.httpStatus, result.errorCode, result.errorMessage);
    return ApiReply::json(json(*result.messageId), 201);
}

ApiReply MessagesResource::update(const ApiRequest &request)
{
    const QString sid = request.captures.value(1);
    const auto id = m_state.messages.find(Sid128::fromString(sid, "SM"_L1));
    if (!id) {
        return ApiReply::error(404, 20404,
                               u"The requested resource "_s + request.path + u" was not found"_s);
    }
    if (request.hasField(u"Body"_s))
        return ApiReply::error(400, 20001, u"Redacting a message body is not simulated"_s);
    if (request.field(u"Status"_s) != u"canceled"_s)
        return ApiReply::error(400, 20001,
                               u"Status may only be 'canceled' (on a scheduled message)"_s);
    const MessageDispatcher::Result result = m_serviceSends.cancel(*id);
    if (!result.ok())
        return ApiReply::error(result.httpStatus, result.errorCode, result.errorMessage);
    return ApiReply::json(json(*id));
}

ApiReply MessagesResource::fetch(const ApiRequest &request) const
{
    const QString sid = request.captures.value(1);
    const auto id = m_state.messages.find(Sid128::fromString(sid, "SM"_L1));
    if (!id) {
        return ApiReply::error(404, 20404,
                               u"The requested resource "_s + request.path + u" was not found"_s);
    }
    return ApiReply::json(json(*id));
}

ApiReply MessagesResource::list(const ApiRequest &request) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);

    SandboxMessageStore::Filter filter;
    PageEnvelope::Params filters;
    const SandboxMessageStore &store = m_state.messages;
    for (const QString &name : {u"To"_s, u"From"_s}) {
        if (!request.query.hasQueryItem(name))
            continue;
        const QString value = request.param(name);
        filters.append({name, value});
        const auto id = store.findNumber(value);
        if (!id)
            filter.impossible = true;
        else if (name == u"To"_s)
            filter.to = id;
        else
            filter.from = id;
    }
    // DateSent filters: day granularity in UTC for YYYY-MM-DD (inclusive), exact for a date-time.
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    for (const QString &name : {u"DateSent"_s, u"DateSent<"_s, u"DateSent>"_s}) {
        if (!request.query.hasQueryItem(name))
            continue;
        const QString value = request.param(name);
        filters.append({name, value});
        qint64 ms = 0;
        bool dateOnly = false;
        if (!WireFormat::parseDateFilter(value, &ms, &dateOnly)) {
            return ApiReply::error(
                400, 20001,
                u"Invalid %1 '%2': use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)"_s.arg(name,
                                                                                       value));
        }
        filter.sentRange = true;
        const qint64 endOfDay = dateOnly ? ms + kDayMs - 1 : ms;
        if (name == u"DateSent"_s) {
            filter.sentMin = qMax(filter.sentMin, ms);
            filter.sentMax = qMin(filter.sentMax, endOfDay);
        } else if (name == u"DateSent<"_s) {
            filter.sentMax = qMin(filter.sentMax, endOfDay);
        } else {
            filter.sentMin = qMax(filter.sentMin, ms);
        }
    }

    // PageToken: "PA" + the sid of the previous page's last message (older ones follow), or
    // "PB" + the sid of the next page's first message (newer ones precede it).
    std::vector<quint32> ids;
    const qsizetype limit = paging.pageSize;
    if (!paging.pageToken.isEmpty()) {
        const bool after = paging.pageToken.startsWith(u"PA"_s);
        const bool before = paging.pageToken.startsWith(u"PB"_s);
        const auto anchor =
            (after || before)
                ? store.find(Sid128::fromString(QStringView(paging.pageToken).mid(2), "SM"_L1))
                : std::nullopt;
        if (!anchor)
            return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
        ids = after ? store.list(filter, anchor, 0, limit + 1)
                    : store.listNewer(filter, *anchor, limit);
    } else {
        ids = store.list(filter, std::nullopt, qsizetype(paging.page) * limit, limit + 1);
    }
    bool hasNext = qsizetype(ids.size()) > limit;
    if (hasNext)
        ids.resize(size_t(limit));
    if (!paging.pageToken.startsWith(u"PA"_s) && !paging.pageToken.isEmpty() && !ids.empty())
        hasNext = !store.list(filter, ids.back(), 0, 1).empty();

    QJsonArray items;
    for (quint32 id : ids)
        items.append(json(id));
    const QString next = hasNext ? u"PA"_s + store.at(ids.back()).sid.toString("SM"_L1) : QString();
    const QString previous =
        ids.empty() ? QString() : u"PB"_s + store.at(ids.front()).sid.toString("SM"_L1);
    return ApiReply::json(PageEnvelope::v2010(messagesPath(m_state.accountSid), filters,
                                              u"messages"_s, items, paging, next, previous));
}

} // namespace sandbox
