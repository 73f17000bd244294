#include "MessagingServicesResource.h"

#include "PageEnvelope.h"
#include "PhoneRules.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SandboxState.h"
#include "SidFactory.h"
#include "WireFormat.h"

using namespace Qt::StringLiterals;

namespace sandbox {

const QString MessagingServicesResource::kPrefix = u"/messaging"_s;

namespace {

QString servicePath(const QString &sid)
{
    return u"/v1/Services/"_s + sid;
}

} // namespace

MessagingServicesResource::MessagingServicesResource(SandboxState &state, SidFactory &sids,
                                                     const SandboxClock &clock,
                                                     const QString &baseUrl)
    : m_state(state)
    , m_sids(sids)
    , m_clock(clock)
    , m_baseUrl(baseUrl)
{}

void MessagingServicesResource::registerRoutes(Router &router)
{
    const QString services = kPrefix + u"/v1/Services"_s;
    router.add("GET", services, [this](const ApiRequest &r) { return listServices(r); });
    router.add("POST", services, [this](const ApiRequest &r) { return createService(r); });
    router.add("GET", services + u"/(MG[^/]+)"_s,
               [this](const ApiRequest &r) { return fetchService(r); });
    router.add("GET", services + u"/(MG[^/]+)/PhoneNumbers"_s,
               [this](const ApiRequest &r) { return listSenders(r); });
    router.add("POST", services + u"/(MG[^/]+)/PhoneNumbers"_s,
               [this](const ApiRequest &r) { return addSender(r); });
    router.add("GET", services + u"/(MG[^/]+)/PhoneNumbers/([^/]+)"_s,
               [this](const ApiRequest &r) { return fetchSender(r); });
    router.add("DELETE", services + u"/(MG[^/]+)/PhoneNumbers/([^/]+)"_s,
               [this](const ApiRequest &r) { return removeSender(r); });
}

QJsonObject MessagingServicesResource::serviceJson(const MessagingService &service) const
{
    const QString url = m_baseUrl + kPrefix + servicePath(service.sid);
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"area_code_geomatch"_s, true},
        {u"date_created"_s, WireFormat::iso8601(service.dateCreated)},
        {u"date_updated"_s, WireFormat::iso8601(service.dateUpdated)},
        {u"fallback_method"_s, u"POST"_s},
        {u"fallback_to_long_code"_s, true},
        {u"fallback_url"_s, null},
        {u"friendly_name"_s, service.friendlyName},
        {u"inbound_method"_s, u"POST"_s},
        {u"inbound_request_url"_s, null},
        {u"links"_s, QJsonObject{{u"phone_numbers"_s, QString(url + u"/PhoneNumbers"_s)},
                                 {u"short_codes"_s, QString(url + u"/ShortCodes"_s)},
                                 {u"alpha_senders"_s, QString(url + u"/AlphaSenders"_s)},
                                 {u"messages"_s, QString(url + u"/Messages"_s)}}},
        {u"mms_converter"_s, true},
        {u"scan_message_content"_s, u"inherit"_s},
        {u"sid"_s, service.sid},
        {u"smart_encoding"_s, false},
        {u"status_callback"_s, null},
        {u"sticky_sender"_s, service.stickySender},
        {u"synchronous_validation"_s, true},
        {u"url"_s, url},
        {u"us_app_to_person_registered"_s, false},
        {u"use_inbound_webhook_on_number"_s, false},
        {u"usecase"_s, service.usecase},
        {u"validity_period"_s, 14400},
    };
}

QJsonObject MessagingServicesResource::senderJson(const MessagingService &service,
                                                  const MessagingPoolSender &sender) const
{
    QJsonArray capabilities;
    if (const SenderNumber *number = m_state.numbers.find(sender.number)) {
        if (number->mms)
            capabilities.append(u"MMS"_s);
        if (number->sms)
            capabilities.append(u"SMS"_s);
        if (number->voice)
            capabilities.append(u"Voice"_s);
    }
    const PhoneRules::Parsed parsed = PhoneRules::parse(sender.number);
    return QJsonObject{
        {u"account_sid"_s, m_state.accountSid},
        {u"capabilities"_s, capabilities},
        {u"country_code"_s, parsed.valid ? parsed.countryCode : u"US"_s},
        {u"date_created"_s, WireFormat::iso8601(sender.dateCreated)},
        {u"date_updated"_s, WireFormat::iso8601(sender.dateCreated)},
        {u"phone_number"_s, sender.number},
        {u"service_sid"_s, service.sid},
        {u"sid"_s, sender.sid},
        {u"url"_s, QString(m_baseUrl + kPrefix + servicePath(service.sid) + u"/PhoneNumbers/"_s +
                           sender.sid)},
    };
}

ApiReply MessagingServicesResource::notFound(const ApiRequest &request)
{
    return ApiReply::error(404, 20404,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

ApiReply MessagingServicesResource::page(const ApiRequest &request, const QString &path,
                                         const QString &key, const QJsonArray &all) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    // Tokens are "PT<offset>": these lists are short and only grow at their end.
    qsizetype start = qsizetype(paging.page) * paging.pageSize;
    if (!paging.pageToken.isEmpty()) {
        bool ok = false;
        start = paging.pageToken.startsWith(u"PT"_s) ? paging.pageToken.mid(2).toLongLong(&ok) : 0;
        if (!ok || start < 0)
            return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
    }
    QJsonArray items;
    for (qsizetype i = start; i < all.size() && items.size() < paging.pageSize; ++i)
        items.append(all.at(i));
    const qsizetype end = start + items.size();
    const QString next = end < all.size() ? u"PT"_s + QString::number(end) : QString();
    const QString previous =
        start > 0 ? u"PT"_s + QString::number(qMax<qsizetype>(0, start - paging.pageSize))
                  : QString();
    return ApiReply::json(
        PageEnvelope::v1(m_baseUrl + kPrefix, path, {}, key, items, paging, next, previous));
}

ApiReply MessagingServicesResource::listServices(const ApiRequest &request) const
{
    QJsonArray all;
    for (const MessagingService &service : m_state.messagingServices.all())
        all.append(serviceJson(service));
    return page(request, u"/v1/Services"_s, u"services"_s, all);
}

ApiReply MessagingServicesResource::createService(const ApiRequest &request)
{
    const QString friendlyName = request.field(u"FriendlyName"_s);
    if (friendlyName.trimmed().isEmpty())
        return ApiReply::error(400, 20001,
                               u"Missing required parameter FriendlyName in the post body"_s);
    if (friendlyName.size() > kMaxFriendlyNameLength)
        return ApiReply::error(
            400, 20001, u"FriendlyName may have up to %1 characters"_s.arg(kMaxFriendlyNameLength));
    MessagingService service;
    service.sid = m_sids.make("MG"_L1);
    service.friendlyName = friendlyName;
    if (request.hasField(u"Usecase"_s))
        service.usecase = request.field(u"Usecase"_s);
    if (request.hasField(u"StickySender"_s))
        service.stickySender =
            request.field(u"StickySender"_s).compare(u"false"_s, Qt::CaseInsensitive) != 0;
    service.dateCreated = service.dateUpdated = m_clock.nowMs();
    return ApiReply::json(serviceJson(m_state.messagingServices.add(service)), 201);
}

ApiReply MessagingServicesResource::fetchService(const ApiRequest &request) const
{
    const MessagingService *service = m_state.messagingServices.find(request.captures.value(0));
    return service ? ApiReply::json(serviceJson(*service)) : notFound(request);
}

ApiReply MessagingServicesResource::listSenders(const ApiRequest &request) const
{
    const MessagingService *service = m_state.messagingServices.find(request.captures.value(0));
    if (!service)
        return notFound(request);
    QJsonArray all;
    for (const MessagingPoolSender &sender : service->senders)
        all.append(senderJson(*service, sender));
    return page(request, servicePath(service->sid) + u"/PhoneNumbers"_s, u"phone_numbers"_s, all);
}

ApiReply MessagingServicesResource::addSender(const ApiRequest &request)
{
    MessagingService *service = m_state.messagingServices.find(request.captures.value(0));
    if (!service)
        return notFound(request);
    const QString numberSid = request.field(u"PhoneNumberSid"_s);
    if (numberSid.isEmpty())
        return ApiReply::error(400, 20001,
                               u"Missing required parameter PhoneNumberSid in the post body"_s);
    const SenderNumber *number = nullptr;
    for (const SenderNumber &candidate : m_state.numbers.all()) {
        if (candidate.sid == numberSid && candidate.kind != SenderNumber::Kind::ShortCode)
            number = &candidate;
    }
    if (!number)
        return ApiReply::error(400, 21606,
                               u"%1 is not a phone number of this account"_s.arg(numberSid));
    if (service->sender(numberSid))
        return ApiReply::error(409, 21710, u"Phone Number is already in the Messaging Service."_s);
    if (const MessagingService *other = m_state.messagingServices.owning(number->number))
        return ApiReply::error(
            409, 21712,
            u"Phone Number %1 is already associated with another Messaging Service (%2)."_s.arg(
                number->number, other->sid));
    if (service->senders.size() >= kMaxPoolSize)
        return ApiReply::error(400, 21714, u"Messaging Service Number Pool size limit reached"_s);
    const MessagingPoolSender sender{number->sid, number->number, m_clock.nowMs()};
    service->senders.append(sender);
    service->dateUpdated = sender.dateCreated;
    return ApiReply::json(senderJson(*service, sender), 201);
}

ApiReply MessagingServicesResource::fetchSender(const ApiRequest &request) const
{
    const MessagingService *service = m_state.messagingServices.find(request.captures.value(0));
    const MessagingPoolSender *sender =
        service ? service->sender(request.captures.value(1)) : nullptr;
    return sender && sender->sid == request.captures.value(1)
               ? ApiReply::json(senderJson(*service, *sender))
               : notFound(request);
}

ApiReply MessagingServicesResource::removeSender(const ApiRequest &request)
{
    MessagingService *service = m_state.messagingServices.find(request.captures.value(0));
    if (!service)
        return notFound(request);
    const QString sid = request.captures.value(1);
    const qsizetype before = service->senders.size();
    service->senders.removeIf([&](const MessagingPoolSender &s) { return s.sid == sid; });
    if (service->senders.size() == before)
        return notFound(request);
    service->dateUpdated = m_clock.nowMs();
    return ApiReply::noContent();
}

} // namespace sandbox
