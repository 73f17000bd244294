#include "NumbersResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxState.h"
#include "WireFormat.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kAccountPrefix = u"/2010-04-01/Accounts/([^/]+)"_s;

} // namespace

NumbersResource::NumbersResource(const SandboxState &state)
    : m_state(state)
{}

void NumbersResource::registerRoutes(Router &router)
{
    router.add("GET", kAccountPrefix + u"/IncomingPhoneNumbers\\.json"_s,
               [this](const ApiRequest &r) { return listNumbers(r, false); });
    router.add("GET", kAccountPrefix + u"/IncomingPhoneNumbers/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return fetchNumber(r, false); });
    router.add("GET", kAccountPrefix + u"/SMS/ShortCodes\\.json"_s,
               [this](const ApiRequest &r) { return listNumbers(r, true); });
    router.add("GET", kAccountPrefix + u"/SMS/ShortCodes/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return fetchNumber(r, true); });
}

QJsonObject NumbersResource::phoneNumberJson(const SenderNumber &n, const QString &accountSid)
{
    const QJsonValue null(QJsonValue::Null);
    const QString date = WireFormat::rfc2822(n.dateCreated);
    return QJsonObject{
        {u"account_sid"_s, accountSid},
        {u"address_requirements"_s, u"none"_s},
        {u"address_sid"_s, null},
        {u"api_version"_s, u"2010-04-01"_s},
        {u"beta"_s, false},
        {u"bundle_sid"_s, null},
        {u"capabilities"_s,
         QJsonObject{
             {u"voice"_s, n.voice}, {u"sms"_s, n.sms}, {u"mms"_s, n.mms}, {u"fax"_s, false}}},
        {u"date_created"_s, date},
        {u"date_updated"_s, date},
        {u"emergency_address_sid"_s, null},
        {u"emergency_address_status"_s, u"unregistered"_s},
        {u"emergency_status"_s, u"Inactive"_s},
        {u"friendly_name"_s, n.friendlyName},
        {u"identity_sid"_s, null},
        {u"origin"_s, u"twilio"_s},
        {u"phone_number"_s, n.number},
        {u"sid"_s, n.sid},
        {u"sms_application_sid"_s, null},
        {u"sms_fallback_method"_s, u"POST"_s},
        {u"sms_fallback_url"_s, u""_s},
        {u"sms_method"_s, u"POST"_s},
        {u"sms_url"_s, u""_s},
        {u"status"_s, u"in-use"_s},
        {u"status_callback"_s, u""_s},
        {u"status_callback_method"_s, u"POST"_s},
        {u"trunk_sid"_s, null},
        {u"type"_s, n.kind == SenderNumber::Kind::TollFree ? u"tollfree"_s : u"local"_s},
        {u"uri"_s, QString(u"/2010-04-01/Accounts/"_s + accountSid + u"/IncomingPhoneNumbers/"_s +
                           n.sid + u".json"_s)},
        {u"voice_application_sid"_s, null},
        {u"voice_caller_id_lookup"_s, false},
        {u"voice_fallback_method"_s, u"POST"_s},
        {u"voice_fallback_url"_s, null},
        {u"voice_method"_s, u"POST"_s},
        {u"voice_receive_mode"_s, u"voice"_s},
        {u"voice_url"_s, null},
    };
}

QJsonObject NumbersResource::shortCodeJson(const SenderNumber &n, const QString &accountSid)
{
    const QString date = WireFormat::rfc2822(n.dateCreated);
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {u"account_sid"_s, accountSid},
        {u"api_version"_s, u"2010-04-01"_s},
        {u"date_created"_s, date},
        {u"date_updated"_s, date},
        {u"friendly_name"_s, n.friendlyName},
        {u"short_code"_s, n.number},
        {u"sid"_s, n.sid},
        {u"sms_fallback_method"_s, u"POST"_s},
        {u"sms_fallback_url"_s, null},
        {u"sms_method"_s, u"POST"_s},
        {u"sms_url"_s, null},
        {u"uri"_s, QString(u"/2010-04-01/Accounts/"_s + accountSid + u"/SMS/ShortCodes/"_s + n.sid +
                           u".json"_s)},
    };
}

ApiReply NumbersResource::listNumbers(const ApiRequest &request, bool shortCodes) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, 1000);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    if (!paging.pageToken.isEmpty() && !paging.pageToken.startsWith(u"PA"_s) &&
        !paging.pageToken.startsWith(u"PB"_s))
        return ApiReply::error(400, 20001, u"Invalid PageToken '%1'"_s.arg(paging.pageToken));
    // Few numbers: offset paging is exact here; the token only carries the page index.
    PageEnvelope::Params filters;
    const QString numberKey = shortCodes ? u"ShortCode"_s : u"PhoneNumber"_s;
    for (const QString &name : {u"FriendlyName"_s, numberKey}) {
        if (request.query.hasQueryItem(name))
            filters.append({name, request.param(name)});
    }
    QList<const SenderNumber *> matching;
    for (const SenderNumber &n : m_state.numbers.all()) {
        if ((n.kind == SenderNumber::Kind::ShortCode) != shortCodes)
            continue;
        bool ok = true;
        for (const auto &[name, value] : filters) {
            // Twilio matches PhoneNumber and FriendlyName on a substring.
            if (name == u"FriendlyName"_s && !n.friendlyName.contains(value, Qt::CaseInsensitive))
                ok = false;
            if (name == numberKey && !n.number.contains(value))
                ok = false;
        }
        if (ok)
            matching.append(&n);
    }
    QJsonArray items;
    const qsizetype start = qsizetype(paging.page) * paging.pageSize;
    for (qsizetype i = start; i < matching.size() && i < start + paging.pageSize; ++i) {
        items.append(shortCodes ? shortCodeJson(*matching[i], m_state.accountSid)
                                : phoneNumberJson(*matching[i], m_state.accountSid));
    }
    const bool hasNext = matching.size() > start + paging.pageSize;
    const QString path = u"/2010-04-01/Accounts/"_s + m_state.accountSid +
                         (shortCodes ? u"/SMS/ShortCodes.json"_s : u"/IncomingPhoneNumbers.json"_s);
    const QString key = shortCodes ? u"short_codes"_s : u"incoming_phone_numbers"_s;
    return ApiReply::json(PageEnvelope::v2010(
        path, filters, key, items, paging,
        hasNext ? u"PA"_s + QString::number(paging.page + 1) : QString(),
        paging.page > 0 ? u"PB"_s + QString::number(paging.page - 1) : QString()));
}

ApiReply NumbersResource::fetchNumber(const ApiRequest &request, bool shortCodes) const
{
    const QString sid = request.captures.value(1);
    for (const SenderNumber &n : m_state.numbers.all()) {
        if (n.sid == sid && (n.kind == SenderNumber::Kind::ShortCode) == shortCodes) {
            return ApiReply::json(shortCodes ? shortCodeJson(n, m_state.accountSid)
                                             : phoneNumberJson(n, m_state.accountSid));
        }
    }
    return ApiReply::error(404, 20404,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

} // namespace sandbox
