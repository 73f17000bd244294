#include "MessageJson.h"

#include "PhoneRules.h"
#include "SandboxMessageStore.h"
#include "WireFormat.h"

using namespace Qt::StringLiterals;

namespace sandbox {

namespace MessageJson {

QJsonObject toJson(const SandboxMessageStore &store, const StoredMessage &message,
                   const QString &accountSid)
{
    const QString sid = message.sid.toString("SM"_L1);
    const QString base = u"/2010-04-01/Accounts/"_s + accountSid + u"/Messages/"_s + sid;
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {u"account_sid"_s, accountSid},
        {u"api_version"_s, u"2010-04-01"_s},
        {u"body"_s, store.body(message)},
        {u"date_created"_s, WireFormat::rfc2822(message.dateCreated)},
        {u"date_sent"_s,
         message.dateSent ? QJsonValue(WireFormat::rfc2822(message.dateSent)) : null},
        {u"date_updated"_s, WireFormat::rfc2822(message.dateUpdated)},
        {u"direction"_s, QString(directionName(message.direction))},
        {u"error_code"_s, message.errorCode ? QJsonValue(message.errorCode) : null},
        {u"error_message"_s,
         message.errorCode ? QJsonValue(PhoneRules::errorMessage(message.errorCode)) : null},
        {u"from"_s, store.number(message.from)},
        {u"messaging_service_sid"_s, null},
        {u"num_media"_s, QString::number(message.numMedia)},
        {u"num_segments"_s, QString::number(message.numSegments)},
        {u"price"_s, message.priced ? QJsonValue(WireFormat::price(message.priceMicros)) : null},
        {u"price_unit"_s, u"USD"_s},
        {u"sid"_s, sid},
        {u"status"_s, QString(statusName(message.status))},
        {u"subresource_uris"_s, QJsonObject{{u"media"_s, QString(base + u"/Media.json"_s)},
                                            {u"feedback"_s, QString(base + u"/Feedback.json"_s)}}},
        {u"to"_s, store.number(message.to)},
        {u"uri"_s, QString(base + u".json"_s)},
    };
}

} // namespace MessageJson

} // namespace sandbox
