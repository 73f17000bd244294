#include "MediaResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxState.h"
#include "WireFormat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kMessagePrefix = u"/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)"_s;

ApiReply notFound(const ApiRequest &request)
{
    return ApiReply::error(404, 20404,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

} // namespace

MediaResource::MediaResource(SandboxState &state)
    : m_state(state)
{}

void MediaResource::registerRoutes(Router &router)
{
    router.add("GET", kMessagePrefix + u"/Media\\.json"_s,
               [this](const ApiRequest &r) { return list(r); });
    router.add("GET", kMessagePrefix + u"/Media/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return fetch(r); });
    router.add("GET", kMessagePrefix + u"/Media/([^/.]+)"_s,
               [this](const ApiRequest &r) { return content(r); });
}

std::optional<quint32> MediaResource::messageId(const QString &sid) const
{
    // Both prefixes name a message: Twilio gives MMS messages MM sids.
    const QString prefix = sid.left(2);
    if (prefix != u"SM"_s && prefix != u"MM"_s)
        return std::nullopt;
    const QString asSm = u"SM"_s + sid.mid(2);
    return m_state.messages.find(Sid128::fromString(asSm, "SM"_L1));
}

std::optional<MediaLibrary::Item> MediaResource::item(const ApiRequest &request) const
{
    const auto id = messageId(request.captures.value(1));
    if (!id)
        return std::nullopt;
    return m_state.media.find(*id, Sid128::fromString(request.captures.value(2), "ME"_L1));
}

QJsonObject MediaResource::json(const MediaLibrary::Item &item) const
{
    const QString parent = m_state.messages.at(item.messageId).sid.toString("SM"_L1);
    const QString sid = item.sid.toString("ME"_L1);
    const QString date = WireFormat::rfc2822(item.dateCreated);
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"content_type"_s, item.contentType},
        {u"date_created"_s, date},
        {u"date_updated"_s, date},
        {u"parent_sid"_s, parent},
        {u"sid"_s, sid},
        {u"uri"_s, QString(u"/2010-04-01/Accounts/"_s + m_state.accountSid + u"/Messages/"_s +
                           parent + u"/Media/"_s + sid + u".json"_s)},
    };
}

ApiReply MediaResource::list(const ApiRequest &request) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    const auto id = messageId(request.captures.value(1));
    if (!id)
        return notFound(request);
    const QList<MediaLibrary::Item> all = m_state.media.forMessage(*id);
    // PageToken "PA" + the index of the next page's first item; Page alone otherwise.
    qsizetype first = qsizetype(paging.page) * paging.pageSize;
    if (!paging.pageToken.isEmpty()) {
        bool ok = false;
        first = paging.pageToken.startsWith(u"PA"_s) ? paging.pageToken.mid(2).toLongLong(&ok) : 0;
        if (!ok || first < 0)
            return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
    }
    QJsonArray items;
    for (qsizetype i = first; i < all.size() && i < first + paging.pageSize; ++i)
        items.append(json(all[i]));
    const qsizetype end = first + paging.pageSize;
    const QString next = end < all.size() ? u"PA"_s + QString::number(end) : QString();
    const QString previous =
        first > 0 ? u"PA"_s + QString::number(qMax<qsizetype>(0, first - paging.pageSize))
                  : QString();
    const QString path = u"/2010-04-01/Accounts/"_s + m_state.accountSid + u"/Messages/"_s +
                         m_state.messages.at(*id).sid.toString("SM"_L1) + u"/Media.json"_s;
    return ApiReply::json(
        PageEnvelope::v2010(path, {}, u"media_list"_s, items, paging, next, previous));
}

ApiReply MediaResource::fetch(const ApiRequest &request) const
{
    const auto found = item(request);
    if (!found)
        return notFound(request);
    return ApiReply::json(json(*found));
}

ApiReply MediaResource::content(const ApiRequest &request) const
{
    const auto found = item(request);
    if (!found)
        return notFound(request);
    return ApiReply::bytes(found->contentType.toLatin1(), found->bytes);
}

} // namespace sandbox
