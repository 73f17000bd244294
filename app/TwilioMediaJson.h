// Parses the 2010 API's Media resources (a message's Media list).
#pragma once

#include "ProviderMedia.h"
#include "ProviderPage.h"
#include "ProviderResult.h"

#include <QJsonObject>

namespace TwilioMediaJson {

ProviderResult<ProviderMedia> media(const QJsonObject &json);
ProviderResult<ProviderPage<ProviderMedia>> mediaPage(const QJsonObject &json);

} // namespace TwilioMediaJson
