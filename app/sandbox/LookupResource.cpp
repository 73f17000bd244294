#include "LookupResource.h"

#include "PhoneRules.h"
#include "Router.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sandbox {

LookupResource::LookupResource(const QString &baseUrl)
    : m_baseUrl(baseUrl)
{}

void LookupResource::registerRoutes(Router &router)
{
    router.add("GET", u"/v2/PhoneNumbers/([^/]+)"_s,
               [this](const ApiRequest &r) { return fetch(r); });
}

ApiReply LookupResource::fetch(const ApiRequest &request) const
{
    const QStringList fields = request.param(u"Fields"_s).split(u',', Qt::SkipEmptyParts);
    bool lineType = false;
    for (const QString &f : fields)
        lineType = lineType || f.trimmed() == u"line_type_intelligence"_s;
    QString country = request.param(u"CountryCode"_s).toUpper();
    if (country.isEmpty())
        country = u"US"_s;
    return ApiReply::json(lookup(request.captures.value(0), country, lineType, m_baseUrl));
}

QJsonObject LookupResource::lookup(const QString &number, const QString &countryCode, bool lineType,
                                   const QString &baseUrl)
{
    const PhoneRules::Parsed parsed = PhoneRules::parse(number, countryCode);
    const QJsonValue null(QJsonValue::Null);
    QJsonValue lineInfo = null;
    if (lineType && parsed.valid) {
        const PhoneRules::LineInfo info = PhoneRules::lineInfo(parsed);
        const auto orNull = [&](const QString &s) { return s.isEmpty() ? null : QJsonValue(s); };
        lineInfo = QJsonObject{{u"carrier_name"_s, orNull(info.carrierName)},
                               {u"error_code"_s, null},
                               {u"mobile_country_code"_s, orNull(info.mobileCountryCode)},
                               {u"mobile_network_code"_s, orNull(info.mobileNetworkCode)},
                               {u"type"_s, info.type}};
    }
    const auto validOr = [&](const QString &s) { return parsed.valid ? QJsonValue(s) : null; };
    return QJsonObject{
        {u"calling_country_code"_s, validOr(parsed.callingCode)},
        {u"country_code"_s, validOr(parsed.countryCode)},
        {u"phone_number"_s, parsed.e164},
        {u"national_format"_s, validOr(parsed.nationalFormat)},
        {u"valid"_s, parsed.valid},
        {u"validation_errors"_s, QJsonArray::fromStringList(parsed.validationErrors)},
        {u"caller_name"_s, null},
        {u"sim_swap"_s, null},
        {u"call_forwarding"_s, null},
        {u"line_type_intelligence"_s, lineInfo},
        {u"line_status"_s, null},
        {u"identity_match"_s, null},
        {u"reassigned_number"_s, null},
        {u"sms_pumping_risk"_s, null},
        {u"phone_number_quality_score"_s, null},
        {u"pre_fill"_s, null},
        {u"url"_s, QString(baseUrl + u"/v2/PhoneNumbers/"_s + parsed.e164)},
    };
}

} // namespace sandbox
