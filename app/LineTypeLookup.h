// The answer of Lookup v2 with Fields=line_type_intelligence.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

struct LineTypeLookup
{
    QString phoneNumber; // E.164 as the provider normalised it
    bool valid = false;
    QStringList validationErrors; // e.g. TOO_LONG, when !valid
    QString countryCode;          // ISO 3166 alpha-2
    QString callingCountryCode;
    QString nationalFormat;

    // False when the provider returned no line_type_intelligence object at all.
    bool hasLineTypeIntelligence = false;
    // landline, mobile, fixedVoip, nonFixedVoip, personal, tollFree, premium, sharedCost, uan,
    // voicemail, pager, unknown. A line type, not an "SMS capable" flag.
    QString lineType;
    QString carrierName;
    QString mobileCountryCode;
    QString mobileNetworkCode;
    std::optional<int> lineTypeErrorCode;
};
