#include "TwilioMessagingJson.h"

#include "JsonFieldReader.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace {

ProviderError parseError(const QString &message)
{
    return ProviderError::parse(message, 0, false);
}

template<typename T>
ProviderResult<ProviderPage<T>>
v1Page(const QJsonObject &json, QLatin1StringView key,
       const std::function<ProviderResult<T>(const QJsonObject &)> &parse)
{
    JsonFieldReader reader(json, u"list page"_s);
    if (!json.value(key).isArray())
        return parseError(u"The list page has no \"%1\" list"_s.arg(key));
    ProviderPage<T> result;
    JsonFieldReader meta(reader.object("meta"_L1), u"list page's meta"_s);
    result.nextPageUri = meta.string("next_page_url"_L1);
    const QJsonArray items = reader.array(key);
    if (reader.failed() || meta.failed())
        return parseError(reader.failed() ? reader.error() : meta.error());
    for (qsizetype i = 0; i < items.size(); ++i) {
        ProviderResult<T> item = parse(items.at(i).toObject());
        if (!items.at(i).isObject() || !item.ok())
            return parseError(
                u"Entry %1 of the \"%2\" list is not a readable %2 entry"_s.arg(i).arg(key));
        result.items.append(std::move(item.value()));
    }
    return result;
}

} // namespace

ProviderResult<MessagingService> TwilioMessagingJson::service(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"messaging service"_s);
    MessagingService service;
    service.sid = reader.requiredString("sid"_L1);
    service.friendlyName = reader.string("friendly_name"_L1);
    service.usecase = reader.string("usecase"_L1);
    service.stickySender = reader.boolean("sticky_sender"_L1);
    service.usAppToPersonRegistered = reader.boolean("us_app_to_person_registered"_L1);
    service.dateCreated = reader.isoDate("date_created"_L1);
    if (reader.failed())
        return parseError(reader.error());
    if (!service.sid.startsWith(u"MG"_s))
        return parseError(u"\"%1\" is not a Messaging Service SID"_s.arg(service.sid));
    return service;
}

ProviderResult<ProviderPage<MessagingService>>
TwilioMessagingJson::servicePage(const QJsonObject &json)
{
    return v1Page<MessagingService>(json, "services"_L1, &TwilioMessagingJson::service);
}

ProviderResult<MessagingServiceSender> TwilioMessagingJson::sender(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"messaging service phone number"_s);
    MessagingServiceSender sender;
    sender.sid = reader.requiredString("sid"_L1);
    sender.serviceSid = reader.string("service_sid"_L1);
    sender.phoneNumber = reader.requiredString("phone_number"_L1);
    sender.countryCode = reader.string("country_code"_L1);
    sender.capabilities = reader.stringList("capabilities"_L1);
    if (reader.failed())
        return parseError(reader.error());
    return sender;
}

ProviderResult<ProviderPage<MessagingServiceSender>>
TwilioMessagingJson::senderPage(const QJsonObject &json)
{
    return v1Page<MessagingServiceSender>(json, "phone_numbers"_L1, &TwilioMessagingJson::sender);
}
