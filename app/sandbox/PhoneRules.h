// Phone number facts the sandbox decides: validity and formats (libphonenumber), and the
// documented deterministic rules for line type, carrier and delivery outcome (docs/SANDBOX.md).
#pragma once

#include <QString>
#include <QStringList>

namespace sandbox {

namespace PhoneRules {

struct Parsed
{
    bool valid = false;
    QString e164;                 // normalised when it parsed, else the input
    QString nationalFormat;       // e.g. "(415) 555-0100"
    QString countryCode;          // ISO 3166-1 alpha-2, e.g. "US"
    QString callingCode;          // e.g. "1"
    QStringList validationErrors; // Twilio's Lookup values when invalid
    int libType = -1;             // libphonenumber's PhoneNumberType
};

// Parses E.164 ("+14155550100"); without '+', national format for defaultRegion.
Parsed parse(const QString &input, const QString &defaultRegion = QStringLiteral("US"));

// 5 or 6 digits: a US short code.
bool isShortCode(const QString &text);

struct LineInfo
{
    QString type; // Twilio Lookup v2 line_type_intelligence.type
    QString carrierName;
    QString mobileCountryCode;
    QString mobileNetworkCode;
};
LineInfo lineInfo(const Parsed &number);

// What the simulated carrier does with an SMS to a valid number.
struct Outcome
{
    enum Kind
    {
        Deliver,
        RejectAtCreate,
        Undelivered,
        Failed
    };
    Kind kind = Deliver;
    int errorCode = 0; // 21614 (reject), 30003/30005/30006/30007 (undelivered), 30008 (failed)
};
Outcome outcome(const Parsed &number);

// Twilio's short description of an error code, for error_message and API errors.
QString errorMessage(int code);

} // namespace PhoneRules

} // namespace sandbox
