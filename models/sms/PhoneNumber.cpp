#include "PhoneNumber.h"

#include <QHash>

#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

#include <string>

using namespace Qt::StringLiterals;
using i18n::phonenumbers::PhoneNumberUtil;
using LibPhoneNumber = i18n::phonenumbers::PhoneNumber;

namespace {

const PhoneNumberUtil &util()
{
    // libphonenumber's own process-wide instance; it holds only immutable metadata.
    return *PhoneNumberUtil::GetInstance();
}

const i18n::phonenumbers::ShortNumberInfo &shortNumberInfo()
{
    // Built once: it parses the short-number metadata, and it is immutable afterwards.
    static const i18n::phonenumbers::ShortNumberInfo info;
    return info;
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

PhoneNumber::Type mapType(PhoneNumberUtil::PhoneNumberType type)
{
    using T = PhoneNumber::Type;
    switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
        return T::FixedLine;
    case PhoneNumberUtil::MOBILE:
        return T::Mobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
        return T::FixedLineOrMobile;
    case PhoneNumberUtil::TOLL_FREE:
        return T::TollFree;
    case PhoneNumberUtil::PREMIUM_RATE:
        return T::Premium;
    case PhoneNumberUtil::SHARED_COST:
        return T::SharedCost;
    case PhoneNumberUtil::VOIP:
        return T::Voip;
    case PhoneNumberUtil::PERSONAL_NUMBER:
        return T::PersonalNumber;
    case PhoneNumberUtil::PAGER:
        return T::Pager;
    case PhoneNumberUtil::UAN:
        return T::Uan;
    case PhoneNumberUtil::VOICEMAIL:
        return T::Voicemail;
    case PhoneNumberUtil::UNKNOWN:
        break;
    }
    return T::Unknown;
}

// US and Canadian common short codes have 5 or 6 digits; libphonenumber's short-number
// metadata for them lists only service numbers (911, 611...), so the length rule decides.
bool isShortCodeOf(const QString &digits, const QString &region)
{
    if (region == u"US"_s || region == u"CA"_s) {
        return digits.size() == 5 || digits.size() == 6;
    }
    LibPhoneNumber number;
    if (util().Parse(toStd(digits), toStd(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        return false;
    }
    return shortNumberInfo().IsValidShortNumberForRegion(number, toStd(region)) &&
           !shortNumberInfo().IsEmergencyNumber(toStd(digits), toStd(region));
}

// Regions with several IANA zones, mapped to the zone most of their people live in. Regions
// with one zone take it from Qt's (CLDR) territory table; AC, TA and XK have none there.
struct PreferredZone
{
    const char16_t *region;
    const char16_t *zone;
};
constexpr PreferredZone kPreferredZones[] = {
    {u"AC", u"Atlantic/St_Helena"}, {u"AR", u"America/Argentina/Buenos_Aires"},
    {u"AU", u"Australia/Sydney"},   {u"BR", u"America/Sao_Paulo"},
    {u"CA", u"America/Toronto"},    {u"CD", u"Africa/Kinshasa"},
    {u"CL", u"America/Santiago"},   {u"CN", u"Asia/Shanghai"},
    {u"CY", u"Asia/Nicosia"},       {u"DE", u"Europe/Berlin"},
    {u"EC", u"America/Guayaquil"},  {u"ES", u"Europe/Madrid"},
    {u"FM", u"Pacific/Pohnpei"},    {u"GL", u"America/Nuuk"},
    {u"ID", u"Asia/Jakarta"},       {u"KI", u"Pacific/Tarawa"},
    {u"KZ", u"Asia/Almaty"},        {u"MH", u"Pacific/Majuro"},
    {u"MN", u"Asia/Ulaanbaatar"},   {u"MX", u"America/Mexico_City"},
    {u"MY", u"Asia/Kuala_Lumpur"},  {u"NZ", u"Pacific/Auckland"},
    {u"PF", u"Pacific/Tahiti"},     {u"PG", u"Pacific/Port_Moresby"},
    {u"PS", u"Asia/Hebron"},        {u"PT", u"Europe/Lisbon"},
    {u"RU", u"Europe/Moscow"},      {u"TA", u"Atlantic/St_Helena"},
    {u"UA", u"Europe/Kyiv"},        {u"US", u"America/New_York"},
    {u"UZ", u"Asia/Tashkent"},      {u"XK", u"Europe/Belgrade"},
};

class ParseFailure
{
public:
    ParseFailure(PhoneNumberParse &result, const QString &input)
        : m_result(result)
        , m_input(input)
    {}

    PhoneNumberParse &operator()(PhoneNumber::ParseError error, const QString &what)
    {
        m_result.error = error;
        // A pasted novel is named by its start, not repeated whole in every error.
        const QString shown =
            m_input.size() > PhoneNumber::MaxInputChars ? m_input.left(24) + u"…"_s : m_input;
        m_result.errorMessage = u"'"_s + shown + u"' "_s + what;
        return m_result;
    }

private:
    PhoneNumberParse &m_result;
    QString m_input;
};

} // namespace

PhoneNumberParse PhoneNumber::parse(const QString &input, const QString &defaultRegion,
                                    Detail detail)
{
    PhoneNumberParse result;
    const QString trimmed = input.trimmed();
    ParseFailure fail(result, trimmed);
    if (trimmed.isEmpty()) {
        result.error = ParseError::Empty;
        result.errorMessage = u"the phone number is empty"_s;
        return result;
    }

    const QString region = defaultRegion.trimmed().toUpper();
    if (!region.isEmpty() && util().GetCountryCodeForRegion(toStd(region)) == 0) {
        result.error = ParseError::UnknownRegion;
        result.errorMessage =
            u"'"_s + defaultRegion + u"' is not a known region code (ISO 3166 alpha-2, e.g. US)"_s;
        return result;
    }

    // libphonenumber's Parse is quadratic in its input (14.7 s for 32,000 digits), so
    // anything longer than a number written generously never reaches it.
    if (trimmed.size() > MaxInputChars) {
        return fail(
            ParseError::TooLong,
            u"is too long for a phone number: %1 characters, at most %2"_s.arg(trimmed.size())
                .arg(MaxInputChars));
    }
    QString digits;
    bool plus = false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed[i];
        if (c.isDigit()) {
            digits.append(QChar(u'0' + c.digitValue()));
        } else if (c == u'+' && i == 0) {
            plus = true;
        } else if (!c.isSpace() && !QStringView(u"-.()/").contains(c)) {
            return fail(ParseError::NotANumber,
                        u"is not a phone number: '"_s + c + u"' is not allowed in one"_s);
        }
    }
    if (digits.isEmpty()) {
        return fail(ParseError::NotANumber, u"is not a phone number: it has no digits"_s);
    }
    if (digits.size() > MaxDigits) {
        return fail(ParseError::TooLong,
                    u"is too long for a phone number: %1 digits, at most %2 (an international "
                    u"prefix and 15 digits of E.164)"_s.arg(digits.size())
                        .arg(MaxDigits));
    }

    const QString normalized = plus ? u"+"_s + digits : digits;
    LibPhoneNumber number;
    const auto parseError = util().Parse(toStd(normalized), toStd(region), &number);
    // IsValidNumber() is GetRegionCodeForNumber() then IsValidNumberForRegion(): asked
    // separately, the region (a third of the cost) is worked out once and kept.
    std::string numberRegionCode;
    if (parseError == PhoneNumberUtil::NO_PARSING_ERROR)
        util().GetRegionCodeForNumber(number, &numberRegionCode);
    if (parseError == PhoneNumberUtil::NO_PARSING_ERROR &&
        util().IsValidNumberForRegion(number, numberRegionCode)) {
        PhoneNumber &n = result.number;
        n.m_kind = Kind::Number;
        std::string text;
        util().Format(number, PhoneNumberUtil::E164, &text);
        n.m_canonical = fromStd(text);
        n.m_region = fromStd(numberRegionCode);
        n.m_countryCode = number.country_code();
        if (detail == Detail::Canonical) {
            n.m_national = n.m_canonical;
            n.m_international = n.m_canonical;
            return result;
        }
        util().Format(number, PhoneNumberUtil::NATIONAL, &text);
        n.m_national = fromStd(text);
        util().Format(number, PhoneNumberUtil::INTERNATIONAL, &text);
        n.m_international = fromStd(text);
        n.m_type = mapType(util().GetNumberType(number));
        return result;
    }

    if (!plus && !region.isEmpty() && isShortCodeOf(digits, region)) {
        PhoneNumber &n = result.number;
        n.m_kind = Kind::ShortCode;
        n.m_canonical = digits;
        n.m_national = digits;
        n.m_international = digits;
        n.m_region = region;
        n.m_countryCode = util().GetCountryCodeForRegion(toStd(region));
        n.m_type = Type::ShortCode;
        return result;
    }

    switch (parseError) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        if (!plus && region.isEmpty()) {
            return fail(ParseError::InvalidCountryCode,
                        u"has no country code: start it with '+' or give a region"_s);
        }
        return fail(ParseError::InvalidCountryCode, u"does not start with a valid country code"_s);
    case PhoneNumberUtil::NOT_A_NUMBER:
        // The characters were checked above, so libphonenumber only refuses it for having
        // fewer digits than any number could ("1", "+1").
        return fail(ParseError::TooShort, u"is too short for a phone number"_s);
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return fail(ParseError::TooShort, u"is too short for a phone number"_s);
    case PhoneNumberUtil::TOO_LONG_NSN:
        return fail(ParseError::TooLong, u"is too long for a phone number"_s);
    }

    std::string numberRegionStd;
    util().GetRegionCodeForCountryCode(number.country_code(), &numberRegionStd);
    const QString numberRegion = fromStd(numberRegionStd);
    switch (util().IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
        return fail(ParseError::TooShort,
                    u"is too short for a phone number of region "_s + numberRegion);
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
        return fail(ParseError::TooShort, u"is too short for a phone number of region "_s +
                                              numberRegion +
                                              u" (a local number without its area code?)"_s);
    case PhoneNumberUtil::TOO_LONG:
        return fail(ParseError::TooLong,
                    u"is too long for a phone number of region "_s + numberRegion);
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return fail(ParseError::InvalidCountryCode, u"does not start with a valid country code"_s);
    case PhoneNumberUtil::INVALID_LENGTH:
        return fail(ParseError::InvalidForRegion,
                    u"does not have the length of any number of region "_s + numberRegion);
    case PhoneNumberUtil::IS_POSSIBLE:
        break;
    }
    return fail(ParseError::InvalidForRegion,
                u"is not a valid number for region "_s + numberRegion);
}

QString PhoneNumber::errorName(ParseError error)
{
    switch (error) {
    case ParseError::None:
        return u"none"_s;
    case ParseError::Empty:
        return u"empty"_s;
    case ParseError::NotANumber:
        return u"not_a_number"_s;
    case ParseError::UnknownRegion:
        return u"unknown_region"_s;
    case ParseError::InvalidCountryCode:
        return u"invalid_country_code"_s;
    case ParseError::TooShort:
        return u"too_short"_s;
    case ParseError::TooLong:
        return u"too_long"_s;
    case ParseError::InvalidForRegion:
        return u"invalid_for_region"_s;
    }
    return u"unknown"_s;
}

QString PhoneNumber::typeName(Type type)
{
    switch (type) {
    case Type::Mobile:
        return u"mobile"_s;
    case Type::FixedLine:
        return u"fixed_line"_s;
    case Type::FixedLineOrMobile:
        return u"fixed_line_or_mobile"_s;
    case Type::Voip:
        return u"voip"_s;
    case Type::TollFree:
        return u"toll_free"_s;
    case Type::Premium:
        return u"premium"_s;
    case Type::SharedCost:
        return u"shared_cost"_s;
    case Type::Pager:
        return u"pager"_s;
    case Type::Uan:
        return u"uan"_s;
    case Type::Voicemail:
        return u"voicemail"_s;
    case Type::PersonalNumber:
        return u"personal_number"_s;
    case Type::ShortCode:
        return u"short_code"_s;
    case Type::Unknown:
        break;
    }
    return u"unknown"_s;
}

QString PhoneNumber::defaultTimeZoneIdForRegion(const QString &regionCode)
{
    const QString region = regionCode.trimmed().toUpper();
    if (region.size() != 2) {
        return {};
    }
    for (const PreferredZone &preferred : kPreferredZones) {
        if (region == QStringView(preferred.region)) {
            const QByteArray zone = QStringView(preferred.zone).toLatin1();
            return QTimeZone::isTimeZoneIdAvailable(zone) ? QString::fromLatin1(zone) : QString();
        }
    }
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory) {
        return {};
    }
    const QList<QByteArray> zones = QTimeZone::availableTimeZoneIds(territory);
    return zones.isEmpty() ? QString() : QString::fromLatin1(zones.constFirst());
}

QString PhoneNumber::displayForm(const QString &canonical)
{
    // Parsing and formatting costs tens of microseconds, and lists show the same few numbers
    // (our senders, a page of customers) again and again: remembered per thread, bounded.
    thread_local QHash<QString, QString> cache;
    constexpr qsizetype MaxCached = 20'000;
    if (const auto it = cache.constFind(canonical); it != cache.constEnd())
        return *it;
    // Stored numbers are canonical: E.164 parses without a region; short codes stay digits.
    const PhoneNumber parsed = parse(canonical, QString()).number;
    const QString shown =
        parsed.isValid() && !parsed.isShortCode() ? parsed.formatInternational() : canonical;
    if (cache.size() >= MaxCached)
        cache.clear();
    cache.insert(canonical, shown);
    return shown;
}
