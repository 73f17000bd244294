// Reads Messaging v1 resources (messaging.twilio.com): Messaging Services and the phone
// numbers of their sender pools, in the v1 "meta" page envelope.
#pragma once

#include "MessagingService.h"
#include "ProviderPage.h"
#include "ProviderResult.h"

#include <QJsonObject>

namespace TwilioMessagingJson {

ProviderResult<MessagingService> service(const QJsonObject &json);
ProviderResult<ProviderPage<MessagingService>> servicePage(const QJsonObject &json);
ProviderResult<MessagingServiceSender> sender(const QJsonObject &json);
ProviderResult<ProviderPage<MessagingServiceSender>> senderPage(const QJsonObject &json);

} // namespace TwilioMessagingJson
