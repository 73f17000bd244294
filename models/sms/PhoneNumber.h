// A phone number or SMS short code, parsed and validated with libphonenumber.
#pragma once

#include <QMetaType>
#include <QString>

struct PhoneNumberParse;

class PhoneNumber
{
public:
    enum class Kind
    {
        Invalid,   // default-constructed; every accessor returns empty/0/Unknown
        Number,    // a full international number with an E.164 form
        ShortCode, // an SMS short code: only meaningful within its region, no E.164 form
    };

    enum class Type
    {
        Mobile,
        FixedLine,
        FixedLineOrMobile, // the number plan cannot tell (all of NANP: US, CA...)
        Voip,
        TollFree,
        Premium,
        SharedCost,
        Pager,
        Uan,
        Voicemail,
        PersonalNumber,
        ShortCode,
        Unknown,
    };

    enum class ParseError
    {
        None,
        Empty,
        NotANumber,         // letters or other characters that are no part of a number
        UnknownRegion,      // the default region is not a known ISO 3166 region code
        InvalidCountryCode, // "+999...", or no '+' and no default region to read it in
        TooShort,
        TooLong,
        InvalidForRegion, // right shape, but no number of that region looks like it
    };

    // What parse() works out beyond validity and the canonical form. Full also formats the
    // number for display and asks its type, which is most of the cost (libphonenumber's
    // regular expressions); Canonical leaves formatNational() and formatInternational() equal
    // to canonical() and type() Unknown, for bulk work (imports) that stores E.164 only.
    enum class Detail
    {
        Full,
        Canonical,
    };

    // Limits checked before libphonenumber sees the text: E.164 has at most 15 digits, and
    // an international prefix (011) or a trunk prefix adds a few; spaces and punctuation
    // in "+1 (415) 555-0100" roughly double the length.
    static constexpr qsizetype MaxInputChars = 64;
    static constexpr qsizetype MaxDigits = 20;

    PhoneNumber() = default;

    // Parses what a user typed (or an E.164 string) in the context of defaultRegion (ISO
    // 3166 alpha-2, e.g. "US"; may be empty when the input starts with '+').
    // - Accepted characters: digits (any script), spaces, '-', '.', '(', ')', '/', and one
    //   leading '+'. Letters are refused, so vanity numbers (1-800-FLOWERS), extensions and
    //   tel: URIs are errors rather than guesses.
    // - Short codes: input without '+' of digits only is a short code of defaultRegion when
    //   it is no full number there and either (US, CA) it has 5 or 6 digits, the length of
    //   common short codes there, or (elsewhere) libphonenumber's short-number metadata
    //   says it is a valid short number of the region and not an emergency number.
    // - Everything else must be a valid number (IsValidNumber), never a "possible" one.
    static PhoneNumberParse parse(const QString &input, const QString &defaultRegion,
                                  Detail detail = Detail::Full);

    // Stable lower-case name of an error for JSON and logs: "empty", "not_a_number",
    // "unknown_region", "invalid_country_code", "too_short", "too_long", "invalid_for_region".
    static QString errorName(ParseError error);

    Kind kind() const { return m_kind; }
    bool isValid() const { return m_kind != Kind::Invalid; }
    bool isShortCode() const { return m_kind == Kind::ShortCode; }

    // "+14155550134"; empty for a short code, which has no E.164 form.
    QString e164() const { return m_kind == Kind::Number ? m_canonical : QString(); }
    // The key to store and compare: E.164 for numbers, the digits for short codes. Two short
    // codes of different regions with the same digits have the same key; store the region
    // beside it where that matters.
    QString canonical() const { return m_canonical; }
    // "(415) 555-0134"; the digits for a short code.
    QString formatNational() const { return m_national; }
    // "+1 415-555-0134"; the digits for a short code (it cannot be dialled from abroad).
    QString formatInternational() const { return m_international; }
    // ISO 3166 alpha-2 region of the number ("US", "CA", "GB"...), or the short code's region.
    QString regionCode() const { return m_region; }
    // Country calling code, e.g. 1 or 44 (also for short codes: that of their region).
    int countryCode() const { return m_countryCode; }
    Type type() const { return m_type; }

    // A default IANA time zone for the number's region (see defaultTimeZoneIdForRegion).
    QString defaultTimeZoneId() const { return defaultTimeZoneIdForRegion(m_region); }

    // A default IANA time zone id for an ISO 3166 region: its only zone, or for regions with
    // several zones the most populous one (US: America/New_York, CA: America/Toronto,
    // AU: Australia/Sydney, RU: Europe/Moscow...). libphonenumber's C++ build has no time-zone
    // mapper, so a Los Angeles area code still gets America/New_York: treat this as a default
    // for the user to confirm, not a fact. Empty when the region is unknown.
    static QString defaultTimeZoneIdForRegion(const QString &regionCode);

    // Stable lower-case names for storage, JSON and logs: "mobile", "fixed_line",
    // "fixed_line_or_mobile", "voip", "toll_free", "premium", "shared_cost", "pager", "uan",
    // "voicemail", "personal_number", "short_code", "unknown".
    static QString typeName(Type type);

    // How a stored (canonical) number reads for people: "+1 415-555-0134" for a number, the
    // digits for a short code, and the text as it is when it does not parse.
    static QString displayForm(const QString &canonical);

    friend bool operator==(const PhoneNumber &a, const PhoneNumber &b)
    {
        return a.m_kind == b.m_kind && a.m_canonical == b.m_canonical && a.m_region == b.m_region;
    }

private:
    Kind m_kind = Kind::Invalid;
    QString m_canonical;
    QString m_national;
    QString m_international;
    QString m_region;
    int m_countryCode = 0;
    Type m_type = Type::Unknown;
};

Q_DECLARE_METATYPE(PhoneNumber)

// PhoneNumberParse needs the complete PhoneNumber and parse() returns it: including it here
// lets callers include PhoneNumber.h alone.
#include "PhoneNumberParse.h"
