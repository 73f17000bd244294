// Reads the JSON resources of the Twilio 2010, Lookup v2 and Sync v1 APIs into SMS Desk's
// value types. A field of the wrong type or an unreadable date is an error naming the field;
// null is accepted wherever the OpenAPI files declare a field nullable.
#pragma once

#include "ApiKey.h"
#include "LineTypeLookup.h"
#include "NewApiKey.h"
#include "ProviderAccount.h"
#include "ProviderMessage.h"
#include "ProviderNumber.h"
#include "ProviderPage.h"
#include "ProviderResult.h"
#include "SyncList.h"
#include "SyncListItem.h"
#include "SyncMapItem.h"
#include "SyncService.h"

#include <QByteArray>
#include <QJsonObject>

namespace TwilioJson {

// The top-level object of a response body; a Parse error for anything else.
ProviderResult<QJsonObject> object(const QByteArray &body);

ProviderResult<ProviderMessage> message(const QJsonObject &json);
ProviderResult<ProviderPage<ProviderMessage>> messagePage(const QJsonObject &json);
ProviderResult<ProviderPage<ProviderNumber>> incomingNumberPage(const QJsonObject &json);
ProviderResult<ProviderPage<ProviderNumber>> shortCodePage(const QJsonObject &json);
ProviderResult<ProviderAccount> account(const QJsonObject &json);
ProviderResult<LineTypeLookup> lineTypeLookup(const QJsonObject &json);
ProviderResult<SyncMapItem> mapItem(const QJsonObject &json);
ProviderResult<ProviderPage<SyncMapItem>> mapItemPage(const QJsonObject &json);
ProviderResult<SyncService> service(const QJsonObject &json);
ProviderResult<ProviderPage<SyncService>> servicePage(const QJsonObject &json);
ProviderResult<SyncList> syncList(const QJsonObject &json);
ProviderResult<SyncListItem> listItem(const QJsonObject &json);
ProviderResult<ProviderPage<SyncListItem>> listItemPage(const QJsonObject &json);
ProviderResult<ApiKey> apiKey(const QJsonObject &json);
ProviderResult<NewApiKey> newApiKey(const QJsonObject &json);
ProviderResult<ProviderPage<ApiKey>> apiKeyPage(const QJsonObject &json);

} // namespace TwilioJson
