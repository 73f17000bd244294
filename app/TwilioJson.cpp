#include "TwilioJson.h"

#include "JsonFieldReader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

ProviderError parseError(const QString &message)
{
    return ProviderError::parse(message, 0, false);
}

template<typename T>
using ItemParser = std::function<ProviderResult<T>(const QJsonObject &)>;

// A list page: the items under `listKey`, each read by `parse`, and the next page's address.
template<typename T>
ProviderResult<ProviderPage<T>> page(const QJsonObject &json, QLatin1StringView listKey,
                                     const ItemParser<T> &parse, bool syncMeta)
{
    JsonFieldReader reader(json, u"list page"_s);
    if (!json.value(listKey).isArray()) {
        return parseError(u"The list page has no \"%1\" list"_s.arg(listKey));
    }
    ProviderPage<T> result;
    if (syncMeta) {
        JsonFieldReader meta(reader.object("meta"_L1), u"list page's meta"_s);
        result.nextPageUri = meta.string("next_page_url"_L1);
        if (meta.failed()) {
            return parseError(meta.error());
        }
    } else {
        result.nextPageUri = reader.string("next_page_uri"_L1);
    }
    const QJsonArray items = reader.array(listKey);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    result.items.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            return parseError(
                u"Entry %1 of the \"%2\" list is not an object"_s.arg(i).arg(listKey));
        }
        ProviderResult<T> item = parse(items.at(i).toObject());
        if (!item.ok()) {
            return parseError(u"Entry %1 of the \"%2\" list: %3"_s.arg(i).arg(listKey).arg(
                item.error().message()));
        }
        result.items.append(std::move(item.value()));
    }
    return result;
}

ProviderResult<ProviderNumber> incomingNumber(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"incoming phone number"_s);
    ProviderNumber number;
    number.kind = ProviderNumber::Kind::PhoneNumber;
    number.sid = reader.requiredString("sid"_L1);
    number.number = reader.requiredString("phone_number"_L1);
    number.friendlyName = reader.string("friendly_name"_L1);
    number.type = reader.string("type"_L1);
    number.status = reader.string("status"_L1);
    JsonFieldReader capabilities(reader.object("capabilities"_L1), u"capabilities"_s);
    number.sms = capabilities.boolean("sms"_L1);
    number.mms = capabilities.boolean("mms"_L1);
    number.voice = capabilities.boolean("voice"_L1);
    number.dateCreated = reader.rfc2822Date("date_created"_L1);
    number.dateUpdated = reader.rfc2822Date("date_updated"_L1);
    if (reader.failed() || capabilities.failed()) {
        return parseError(reader.failed() ? reader.error() : capabilities.error());
    }
    return number;
}

ProviderResult<ProviderNumber> shortCode(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"short code"_s);
    ProviderNumber number;
    number.kind = ProviderNumber::Kind::ShortCode;
    number.sid = reader.requiredString("sid"_L1);
    number.number = reader.requiredString("short_code"_L1);
    number.friendlyName = reader.string("friendly_name"_L1);
    number.sms = true;
    number.dateCreated = reader.rfc2822Date("date_created"_L1);
    number.dateUpdated = reader.rfc2822Date("date_updated"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return number;
}

} // namespace

ProviderResult<QJsonObject> TwilioJson::object(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return parseError(u"The response is not JSON: %1 at offset %2"_s.arg(error.errorString())
                              .arg(error.offset));
    }
    if (!document.isObject()) {
        return parseError(u"The response is JSON but not an object"_s);
    }
    return document.object();
}

ProviderResult<ProviderMessage> TwilioJson::message(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"message"_s);
    ProviderMessage message;
    message.sid = reader.requiredString("sid"_L1);
    message.accountSid = reader.string("account_sid"_L1);
    message.messagingServiceSid = reader.string("messaging_service_sid"_L1);
    message.from = reader.string("from"_L1);
    message.to = reader.string("to"_L1);
    message.body = reader.string("body"_L1);
    message.status = reader.string("status"_L1);
    message.direction = reader.string("direction"_L1);
    message.numSegments = reader.intFromString("num_segments"_L1);
    message.numMedia = reader.intFromString("num_media"_L1);
    message.errorCode = reader.optionalInt("error_code"_L1);
    message.errorMessage = reader.string("error_message"_L1);
    message.price = reader.optionalString("price"_L1);
    message.priceUnit = reader.string("price_unit"_L1);
    message.dateCreated = reader.rfc2822Date("date_created"_L1);
    message.dateSent = reader.rfc2822Date("date_sent"_L1);
    message.dateUpdated = reader.rfc2822Date("date_updated"_L1);
    message.uri = reader.string("uri"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return message;
}

ProviderResult<ProviderPage<ProviderMessage>> TwilioJson::messagePage(const QJsonObject &json)
{
    // One message the client cannot read must not cost the page: it travels on with the
    // reason, and the sync engine keeps it aside.
    const ItemParser<ProviderMessage> lenient = [](const QJsonObject &item) {
        ProviderResult<ProviderMessage> read = TwilioJson::message(item);
        if (read.ok()) {
            return read;
        }
        ProviderMessage unreadable;
        unreadable.sid = item.value("sid"_L1).toString();
        unreadable.direction = item.value("direction"_L1).toString();
        unreadable.status = item.value("status"_L1).toString();
        unreadable.unreadable = read.error().message();
        return ProviderResult<ProviderMessage>(std::move(unreadable));
    };
    return page<ProviderMessage>(json, "messages"_L1, lenient, false);
}

ProviderResult<ProviderPage<ProviderNumber>> TwilioJson::incomingNumberPage(const QJsonObject &json)
{
    return page<ProviderNumber>(json, "incoming_phone_numbers"_L1, &incomingNumber, false);
}

ProviderResult<ProviderPage<ProviderNumber>> TwilioJson::shortCodePage(const QJsonObject &json)
{
    return page<ProviderNumber>(json, "short_codes"_L1, &shortCode, false);
}

ProviderResult<ProviderAccount> TwilioJson::account(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"account"_s);
    ProviderAccount account;
    account.sid = reader.requiredString("sid"_L1);
    account.friendlyName = reader.string("friendly_name"_L1);
    account.status = reader.string("status"_L1);
    account.type = reader.string("type"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return account;
}

ProviderResult<LineTypeLookup> TwilioJson::lineTypeLookup(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"phone number lookup"_s);
    LineTypeLookup lookup;
    lookup.phoneNumber = reader.requiredString("phone_number"_L1);
    lookup.valid = reader.boolean("valid"_L1);
    lookup.validationErrors = reader.stringList("validation_errors"_L1);
    lookup.countryCode = reader.string("country_code"_L1);
    lookup.callingCountryCode = reader.string("calling_country_code"_L1);
    lookup.nationalFormat = reader.string("national_format"_L1);
    const QJsonValue lti = json.value("line_type_intelligence"_L1);
    lookup.hasLineTypeIntelligence = lti.isObject();
    JsonFieldReader line(reader.object("line_type_intelligence"_L1), u"line_type_intelligence"_s);
    lookup.lineType = line.string("type"_L1);
    lookup.carrierName = line.string("carrier_name"_L1);
    lookup.mobileCountryCode = line.string("mobile_country_code"_L1);
    lookup.mobileNetworkCode = line.string("mobile_network_code"_L1);
    lookup.lineTypeErrorCode = line.optionalInt("error_code"_L1);
    if (reader.failed() || line.failed()) {
        return parseError(reader.failed() ? reader.error() : line.error());
    }
    return lookup;
}

ProviderResult<SyncMapItem> TwilioJson::mapItem(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"map item"_s);
    SyncMapItem item;
    item.key = reader.requiredString("key"_L1);
    item.revision = reader.string("revision"_L1);
    item.data = reader.object("data"_L1);
    item.accountSid = reader.string("account_sid"_L1);
    item.serviceSid = reader.string("service_sid"_L1);
    item.mapSid = reader.string("map_sid"_L1);
    item.url = reader.string("url"_L1);
    item.createdBy = reader.string("created_by"_L1);
    item.dateCreated = reader.isoDate("date_created"_L1);
    item.dateUpdated = reader.isoDate("date_updated"_L1);
    item.dateExpires = reader.isoDate("date_expires"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return item;
}

ProviderResult<ProviderPage<SyncMapItem>> TwilioJson::mapItemPage(const QJsonObject &json)
{
    return page<SyncMapItem>(json, "items"_L1, &TwilioJson::mapItem, true);
}

ProviderResult<ProviderPage<SyncService>> TwilioJson::servicePage(const QJsonObject &json)
{
    return page<SyncService>(json, "services"_L1, &TwilioJson::service, true);
}

ProviderResult<SyncService> TwilioJson::service(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"Sync service"_s);
    SyncService service;
    service.sid = reader.requiredString("sid"_L1);
    service.uniqueName = reader.string("unique_name"_L1);
    service.friendlyName = reader.string("friendly_name"_L1);
    service.accountSid = reader.string("account_sid"_L1);
    service.dateCreated = reader.isoDate("date_created"_L1);
    service.dateUpdated = reader.isoDate("date_updated"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return service;
}

ProviderResult<SyncList> TwilioJson::syncList(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"Sync list"_s);
    SyncList list;
    list.sid = reader.requiredString("sid"_L1);
    list.uniqueName = reader.string("unique_name"_L1);
    list.accountSid = reader.string("account_sid"_L1);
    list.serviceSid = reader.string("service_sid"_L1);
    list.url = reader.string("url"_L1);
    list.revision = reader.string("revision"_L1);
    list.createdBy = reader.string("created_by"_L1);
    list.dateCreated = reader.isoDate("date_created"_L1);
    list.dateUpdated = reader.isoDate("date_updated"_L1);
    list.dateExpires = reader.isoDate("date_expires"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return list;
}

ProviderResult<SyncListItem> TwilioJson::listItem(const QJsonObject &json)
{
    // `index` is the one field the schema does not declare nullable: it is the item's identity.
    const QJsonValue index = json.value("index"_L1);
    if (!index.isDouble() || index.toDouble() < 0 ||
        index.toDouble() != double(index.toInteger())) {
        return parseError(u"The list item has no usable \"index\" (a non-negative integer)"_s);
    }
    JsonFieldReader reader(json, u"list item"_s);
    SyncListItem item;
    item.index = index.toInteger();
    item.revision = reader.string("revision"_L1);
    item.data = reader.object("data"_L1);
    item.accountSid = reader.string("account_sid"_L1);
    item.serviceSid = reader.string("service_sid"_L1);
    item.listSid = reader.string("list_sid"_L1);
    item.url = reader.string("url"_L1);
    item.createdBy = reader.string("created_by"_L1);
    item.dateCreated = reader.isoDate("date_created"_L1);
    item.dateUpdated = reader.isoDate("date_updated"_L1);
    item.dateExpires = reader.isoDate("date_expires"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return item;
}

ProviderResult<ProviderPage<SyncListItem>> TwilioJson::listItemPage(const QJsonObject &json)
{
    return page<SyncListItem>(json, "items"_L1, &TwilioJson::listItem, true);
}

ProviderResult<ApiKey> TwilioJson::apiKey(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"API key"_s);
    ApiKey key;
    key.sid = reader.requiredString("sid"_L1);
    key.friendlyName = reader.string("friendly_name"_L1);
    key.dateCreated = reader.rfc2822Date("date_created"_L1);
    key.dateUpdated = reader.rfc2822Date("date_updated"_L1);
    if (reader.failed()) {
        return parseError(reader.error());
    }
    return key;
}

ProviderResult<NewApiKey> TwilioJson::newApiKey(const QJsonObject &json)
{
    ProviderResult<ApiKey> key = apiKey(json);
    if (!key.ok()) {
        return key.error();
    }
    // Read by hand: JsonFieldReader quotes a wrong value in its error, and this one is secret.
    const QJsonValue secret = json.value("secret"_L1);
    if (!secret.isString() || secret.toString().isEmpty()) {
        return parseError(u"The new API key has no \"secret\" text"_s);
    }
    return NewApiKey{key.value(), secret.toString()};
}

ProviderResult<ProviderPage<ApiKey>> TwilioJson::apiKeyPage(const QJsonObject &json)
{
    return page<ApiKey>(json, "keys"_L1, &TwilioJson::apiKey, false);
}
