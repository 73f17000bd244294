#include "NumberCapabilities.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

bool NumberCapabilities::canText(const QString &capabilitiesJson)
{
    const QJsonObject capabilities = QJsonDocument::fromJson(capabilitiesJson.toUtf8()).object();
    const QJsonValue sms = capabilities.value(u"sms"_s);
    return !sms.isBool() || sms.toBool();
}
