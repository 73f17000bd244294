#include "PhoneRules.h"

#include <QHash>

#include <phonenumbers/phonenumberutil.h>

using namespace Qt::StringLiterals;

namespace sandbox {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace PhoneRules {

namespace {

// The last two digits of the national number drive the documented rules.
int lastTwoDigits(const QString &e164)
{
    if (e164.size() < 2)
        return -1;
    return e164.right(2).toInt();
}

bool nanpLike(int libType)
{
    return libType == PhoneNumberUtil::FIXED_LINE_OR_MOBILE || libType == PhoneNumberUtil::MOBILE;
}

} // namespace

Parsed parse(const QString &input, const QString &defaultRegion)
{
    Parsed result;
    result.e164 = input;
    // libphonenumber's Parse is quadratic in its input: a 20,000-digit To stalled every
    // client of this single-threaded server for seconds. No number is this long.
    if (input.size() > 64) {
        result.validationErrors << u"TOO_LONG"_s;
        return result;
    }
    const auto *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const std::string text = input.trimmed().toStdString();
    const auto error = util->Parse(
        text, input.startsWith(u'+') ? std::string("ZZ") : defaultRegion.toStdString(), &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        result.validationErrors << (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR
                                        ? u"INVALID_COUNTRY_CODE"_s
                                        : u"NOT_A_NUMBER"_s);
        return result;
    }
    std::string out;
    util->Format(number, PhoneNumberUtil::E164, &out);
    result.e164 = QString::fromStdString(out);
    result.valid = util->IsValidNumber(number);
    if (!result.valid) {
        switch (util->IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            result.validationErrors << u"TOO_SHORT"_s;
            break;
        case PhoneNumberUtil::TOO_LONG:
            result.validationErrors << u"TOO_LONG"_s;
            break;
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            result.validationErrors << u"INVALID_COUNTRY_CODE"_s;
            break;
        case PhoneNumberUtil::INVALID_LENGTH:
            result.validationErrors << u"INVALID_LENGTH"_s;
            break;
        default:
            result.validationErrors << u"INVALID_BUT_POSSIBLE"_s;
            break;
        }
        return result;
    }
    util->Format(number, PhoneNumberUtil::NATIONAL, &out);
    result.nationalFormat = QString::fromStdString(out);
    std::string region;
    util->GetRegionCodeForNumber(number, &region);
    result.countryCode = QString::fromStdString(region);
    result.callingCode = QString::number(number.country_code());
    result.libType = util->GetNumberType(number);
    return result;
}

bool isShortCode(const QString &text)
{
    if (text.size() < 5 || text.size() > 6)
        return false;
    for (QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

LineInfo lineInfo(const Parsed &number)
{
    LineInfo info;
    if (!number.valid) {
        info.type = u"unknown"_s;
        return info;
    }
    const int xy = lastTwoDigits(number.e164);
    switch (number.libType) {
    case PhoneNumberUtil::FIXED_LINE:
        info.type = u"landline"_s;
        break;
    case PhoneNumberUtil::TOLL_FREE:
        info.type = u"tollFree"_s;
        break;
    case PhoneNumberUtil::PREMIUM_RATE:
        info.type = u"premium"_s;
        break;
    case PhoneNumberUtil::SHARED_COST:
        info.type = u"sharedCost"_s;
        break;
    case PhoneNumberUtil::VOIP:
        info.type = u"nonFixedVoip"_s;
        break;
    case PhoneNumberUtil::PERSONAL_NUMBER:
        info.type = u"personal"_s;
        break;
    case PhoneNumberUtil::PAGER:
        info.type = u"pager"_s;
        break;
    case PhoneNumberUtil::UAN:
        info.type = u"uan"_s;
        break;
    case PhoneNumberUtil::VOICEMAIL:
        info.type = u"voicemail"_s;
        break;
    case PhoneNumberUtil::MOBILE:
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
        if (xy >= 90 && xy <= 93)
            info.type = u"landline"_s;
        else if (xy == 94 || xy == 95)
            info.type = u"fixedVoip"_s;
        else if (xy >= 80 && xy <= 84)
            info.type = u"nonFixedVoip"_s;
        else
            info.type = u"mobile"_s;
        break;
    default:
        info.type = u"unknown"_s;
        break;
    }
    // Mobile country codes of a few countries; network codes are the sandbox's own (fictional
    // carriers). Strings always, as the spec types them.
    static const QHash<QString, QString> mccByCountry = {{u"US"_s, u"310"_s}, {u"CA"_s, u"302"_s},
                                                         {u"GB"_s, u"234"_s}, {u"DE"_s, u"262"_s},
                                                         {u"FR"_s, u"208"_s}, {u"AU"_s, u"505"_s}};
    info.mobileCountryCode = mccByCountry.value(number.countryCode, u"901"_s);
    if (info.type == u"mobile"_s) {
        static const char *const names[] = {"Bluebird Mobile", "Northwind Wireless",
                                            "Summit Cellular"};
        static const char *const mncs[] = {"260", "480", "410"};
        const int pick = (xy < 0 ? 0 : xy) % 3;
        info.carrierName = QString::fromLatin1(names[pick]);
        info.mobileNetworkCode = QString::fromLatin1(mncs[pick]);
    } else if (info.type == u"landline"_s) {
        info.carrierName = u"Harbor Telephone Co."_s;
        info.mobileNetworkCode = u"910"_s;
    } else if (info.type == u"fixedVoip"_s) {
        info.carrierName = u"Lattice Voice"_s;
        info.mobileNetworkCode = u"920"_s;
    } else if (info.type == u"nonFixedVoip"_s) {
        info.carrierName = u"Cloudline VoIP"_s;
        info.mobileNetworkCode = u"930"_s;
    } else {
        info.carrierName = u"Sandbox Numbering Registry"_s;
        info.mobileNetworkCode = u"940"_s;
    }
    return info;
}

Outcome outcome(const Parsed &number)
{
    Outcome result;
    if (!nanpLike(number.libType)) {
        if (number.libType == PhoneNumberUtil::FIXED_LINE ||
            number.libType == PhoneNumberUtil::PREMIUM_RATE ||
            number.libType == PhoneNumberUtil::SHARED_COST ||
            number.libType == PhoneNumberUtil::UAN ||
            number.libType == PhoneNumberUtil::VOICEMAIL ||
            number.libType == PhoneNumberUtil::PAGER) {
            result = {Outcome::RejectAtCreate, 21614};
        }
        return result;
    }
    switch (lastTwoDigits(number.e164)) {
    case 90:
    case 91:
        return {Outcome::RejectAtCreate, 21614};
    case 92:
    case 93:
    case 94:
    case 95:
        return {Outcome::Undelivered, 30006};
    case 96:
        return {Outcome::Failed, 30008};
    case 97:
        return {Outcome::Undelivered, 30003};
    case 98:
        return {Outcome::Undelivered, 30005};
    case 99:
        return {Outcome::Undelivered, 30007};
    default:
        return result;
    }
}

QString errorMessage(int code)
{
    switch (code) {
    case 21211:
        return u"Invalid 'To' Phone Number"_s;
    case 21212:
        return u"Invalid 'From' Phone Number"_s;
    case 21408:
        return u"Permission to send an SMS has not been enabled for the region indicated by the 'To' number"_s;
    case 21602:
        return u"Message body is required."_s;
    case 21603:
        return u"A 'From' phone number is required."_s;
    case 21604:
        return u"A 'To' phone number is required."_s;
    case 21606:
        return u"The 'From' phone number provided is not a valid message-capable phone number for this account."_s;
    case 21610:
        return u"Attempt to send to unsubscribed recipient"_s;
    case 21611:
        return u"This 'From' number has exceeded the maximum number of queued messages"_s;
    case 21612:
        return u"The 'To' phone number is not currently reachable via SMS"_s;
    case 21614:
        return u"'To' number is not a valid mobile number"_s;
    case 21617:
        return u"The concatenated message body exceeds the 1600 character limit."_s;
    case 30003:
        return u"Unreachable destination handset"_s;
    case 30005:
        return u"Unknown destination handset"_s;
    case 30006:
        return u"Landline or unreachable carrier"_s;
    case 30007:
        return u"Message filtered"_s;
    case 30008:
        return u"Unknown error"_s;
    default:
        return u"Error "_s + QString::number(code);
    }
}

} // namespace PhoneRules

} // namespace sandbox
