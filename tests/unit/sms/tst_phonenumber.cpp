// PhoneNumber: parsing, validation, short codes, formats and default time zones.
#include "PhoneNumber.h"

#include <QtTest>

#include <QTimeZone>

#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

using namespace Qt::StringLiterals;
using Type = PhoneNumber::Type;
using ParseError = PhoneNumber::ParseError;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // How a stored number reads: the international form of what it parses to, short codes
    // and unparseable text as stored.
    void displayForm_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("number") << QStringLiteral("+14155550134");
        QTest::newRow("UK number") << QStringLiteral("+447911123456");
        QTest::newRow("short code") << QStringLiteral("33733");
        QTest::newRow("not a number") << QStringLiteral("unknown");
    }
    void displayForm()
    {
        QFETCH(QString, stored);
        const PhoneNumber parsed = PhoneNumber::parse(stored, QString()).number;
        const QString expected =
            parsed.isValid() && !parsed.isShortCode() ? parsed.formatInternational() : stored;
        QCOMPARE(PhoneNumber::displayForm(stored), expected);
        if (stored.startsWith(u'+'))
            QVERIFY(PhoneNumber::displayForm(stored) != stored); // formatted for people
    }

    void parseValid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("national");
        QTest::addColumn<QString>("international");
        QTest::addColumn<QString>("regionCode");
        QTest::addColumn<int>("countryCode");

        // NANP numbers cannot be told apart as mobile or landline from the number.
        QTest::newRow("US plain") << u"4155550134"_s << u"US"_s << u"+14155550134"_s
                                  << Type::FixedLineOrMobile << u"(415) 555-0134"_s
                                  << u"+1 415-555-0134"_s << u"US"_s << 1;
        QTest::newRow("US formatted, no region")
            << u"+1 (415) 555-0134"_s << QString() << u"+14155550134"_s << Type::FixedLineOrMobile
            << u"(415) 555-0134"_s << u"+1 415-555-0134"_s << u"US"_s << 1;
        QTest::newRow("US with trunk 1 and dots")
            << u" 1.415.555.0134 "_s << u"us"_s << u"+14155550134"_s << Type::FixedLineOrMobile
            << u"(415) 555-0134"_s << u"+1 415-555-0134"_s << u"US"_s << 1;
        QTest::newRow("US toll-free")
            << u"800-555-0199"_s << u"US"_s << u"+18005550199"_s << Type::TollFree
            << u"(800) 555-0199"_s << u"+1 800-555-0199"_s << u"US"_s << 1;
        QTest::newRow("CA from US default")
            << u"416 555 0134"_s << u"US"_s << u"+14165550134"_s << Type::FixedLineOrMobile
            << u"(416) 555-0134"_s << u"+1 416-555-0134"_s << u"CA"_s << 1;
        QTest::newRow("US fullwidth digits")
            << u"\uFF14\uFF11\uFF15\uFF15\uFF15\uFF15\uFF10\uFF11\uFF13\uFF14"_s << u"US"_s
            << u"+14155550134"_s << Type::FixedLineOrMobile << u"(415) 555-0134"_s
            << u"+1 415-555-0134"_s << u"US"_s << 1;

        QTest::newRow("GB mobile")
            << u"07400 123456"_s << u"GB"_s << u"+447400123456"_s << Type::Mobile
            << u"07400 123456"_s << u"+44 7400 123456"_s << u"GB"_s << 44;
        QTest::newRow("GB landline")
            << u"020 7946 0000"_s << u"GB"_s << u"+442079460000"_s << Type::FixedLine
            << u"020 7946 0000"_s << u"+44 20 7946 0000"_s << u"GB"_s << 44;
        QTest::newRow("GB toll-free")
            << u"0800 111 1111"_s << u"GB"_s << u"+448001111111"_s << Type::TollFree
            << u"0800 111 1111"_s << u"+44 800 111 1111"_s << u"GB"_s << 44;

        QTest::newRow("DE mobile")
            << u"01512 3456789"_s << u"DE"_s << u"+4915123456789"_s << Type::Mobile
            << u"01512 3456789"_s << u"+49 1512 3456789"_s << u"DE"_s << 49;
        QTest::newRow("DE landline")
            << u"030 12345678"_s << u"DE"_s << u"+493012345678"_s << Type::FixedLine
            << u"030 12345678"_s << u"+49 30 12345678"_s << u"DE"_s << 49;
        QTest::newRow("DE toll-free")
            << u"0800 1234567"_s << u"DE"_s << u"+498001234567"_s << Type::TollFree
            << u"0800 1234567"_s << u"+49 800 1234567"_s << u"DE"_s << 49;

        QTest::newRow("FR mobile")
            << u"06 12 34 56 78"_s << u"FR"_s << u"+33612345678"_s << Type::Mobile
            << u"06 12 34 56 78"_s << u"+33 6 12 34 56 78"_s << u"FR"_s << 33;
        QTest::newRow("FR landline")
            << u"01 45 67 89 01"_s << u"FR"_s << u"+33145678901"_s << Type::FixedLine
            << u"01 45 67 89 01"_s << u"+33 1 45 67 89 01"_s << u"FR"_s << 33;
        QTest::newRow("FR toll-free")
            << u"0800 12 34 56"_s << u"FR"_s << u"+33800123456"_s << Type::TollFree
            << u"0 800 12 34 56"_s << u"+33 800 12 34 56"_s << u"FR"_s << 33;
        QTest::newRow("FR number with US default")
            << u"+33 6 12 34 56 78"_s << u"US"_s << u"+33612345678"_s << Type::Mobile
            << u"06 12 34 56 78"_s << u"+33 6 12 34 56 78"_s << u"FR"_s << 33;
    }

    void parseValid()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        QFETCH(Type, type);
        QFETCH(QString, national);
        QFETCH(QString, international);
        QFETCH(QString, regionCode);
        QFETCH(int, countryCode);

        const PhoneNumberParse parsed = PhoneNumber::parse(input, region);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage));
        QVERIFY(parsed.errorMessage.isEmpty());
        const PhoneNumber &n = parsed.number;
        QCOMPARE(n.kind(), PhoneNumber::Kind::Number);
        QVERIFY(n.isValid());
        QVERIFY(!n.isShortCode());
        QCOMPARE(n.e164(), e164);
        QCOMPARE(n.canonical(), e164);
        QCOMPARE(n.type(), type);
        QCOMPARE(n.formatNational(), national);
        QCOMPARE(n.formatInternational(), international);
        QCOMPARE(n.regionCode(), regionCode);
        QCOMPARE(n.countryCode(), countryCode);
        // The E.164 form parses back to the same number from any region.
        QCOMPARE(PhoneNumber::parse(e164, u"DE"_s).number, n);
        // The bulk path agrees on everything it works out, and skips display and type.
        const PhoneNumberParse lean =
            PhoneNumber::parse(input, region, PhoneNumber::Detail::Canonical);
        QVERIFY(lean.ok());
        QCOMPARE(lean.number, n);
        QCOMPARE(lean.number.e164(), e164);
        QCOMPARE(lean.number.regionCode(), regionCode);
        QCOMPARE(lean.number.countryCode(), countryCode);
        QCOMPARE(lean.number.type(), Type::Unknown);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<ParseError>("error");
        QTest::addColumn<QString>("mentions"); // a word the message must contain

        QTest::newRow("empty") << QString() << u"US"_s << ParseError::Empty << u"empty"_s;
        QTest::newRow("blank") << u"   "_s << u"US"_s << ParseError::Empty << u"empty"_s;
        QTest::newRow("letters") << u"abc"_s << u"US"_s << ParseError::NotANumber << u"abc"_s;
        QTest::newRow("vanity") << u"1-800-FLOWERS"_s << u"US"_s << ParseError::NotANumber
                                << u"'F'"_s;
        QTest::newRow("extension")
            << u"415 555 0134 ext 5"_s << u"US"_s << ParseError::NotANumber << u"'e'"_s;
        QTest::newRow("hash") << u"4155550134#"_s << u"US"_s << ParseError::NotANumber << u"'#'"_s;
        QTest::newRow("inner plus")
            << u"41+55550134"_s << u"US"_s << ParseError::NotANumber << u"'+'"_s;
        QTest::newRow("no digits")
            << u"(-)"_s << u"US"_s << ParseError::NotANumber << u"no digits"_s;
        QTest::newRow("unknown region")
            << u"4155550134"_s << u"XX"_s << ParseError::UnknownRegion << u"XX"_s;
        QTest::newRow("three-letter region")
            << u"4155550134"_s << u"USA"_s << ParseError::UnknownRegion << u"USA"_s;
        QTest::newRow("bad country code")
            << u"+999 123456"_s << u"US"_s << ParseError::InvalidCountryCode << u"country code"_s;
        QTest::newRow("no region, no plus")
            << u"4155550134"_s << QString() << ParseError::InvalidCountryCode << u"region"_s;
        QTest::newRow("one digit") << u"1"_s << u"US"_s << ParseError::TooShort << u"short"_s;
        QTest::newRow("US 4 digits") << u"1234"_s << u"US"_s << ParseError::TooShort << u"US"_s;
        QTest::newRow("US local 7 digits")
            << u"555-0134"_s << u"US"_s << ParseError::TooShort << u"area code"_s;
        QTest::newRow("US missing digit")
            << u"+1 415 555"_s << QString() << ParseError::TooShort << u"short"_s;
        QTest::newRow("FR missing digits")
            << u"06 12 34 56"_s << u"FR"_s << ParseError::TooShort << u"FR"_s;
        QTest::newRow("US extra digit")
            << u"415 555 01345"_s << u"US"_s << ParseError::TooLong << u"long"_s;
        QTest::newRow("GB extra digits")
            << u"+44 20 7946 00000"_s << u"US"_s << ParseError::TooLong << u"GB"_s;
        QTest::newRow("US unassigned area code")
            << u"555 555 0134"_s << u"US"_s << ParseError::InvalidForRegion << u"region US"_s;
        QTest::newRow("GB invalid from US")
            << u"+44 20 7946 000"_s << u"US"_s << ParseError::InvalidForRegion << u"region GB"_s;
        QTest::newRow("plus short code")
            << u"+11221"_s << u"US"_s << ParseError::TooShort << u"short"_s;
        QTest::newRow("US emergency is no short code")
            << u"911"_s << u"US"_s << ParseError::TooShort << u"short"_s;
        QTest::newRow("GB emergency is no short code")
            << u"999"_s << u"GB"_s << ParseError::TooShort << u"short"_s;
        QTest::newRow("US 7-digit is no short code")
            << u"1234567"_s << u"US"_s << ParseError::TooShort << u"short"_s;
        QTest::newRow("more digits than any number")
            << QString(PhoneNumber::MaxDigits + 1, u'5') << u"US"_s << ParseError::TooLong
            << u"at most %1"_s.arg(PhoneNumber::MaxDigits);
    }

    // Input over the limits is refused before libphonenumber (quadratic in its input) sees
    // it, and the error names the start of the text rather than repeating all of it.
    void longInputIsRefusedWithAShortMessage()
    {
        const QString huge(100000, u'9');
        const PhoneNumberParse parsed = PhoneNumber::parse(huge, u"US"_s);
        QCOMPARE(parsed.error, ParseError::TooLong);
        QVERIFY2(parsed.errorMessage.size() < 200, qPrintable(parsed.errorMessage.left(300)));
        QVERIFY(parsed.errorMessage.contains(u"100000 characters"_s));
        const QString padded =
            u"+1 "_s + QString(PhoneNumber::MaxInputChars, u' ') + u"4155550134"_s;
        QCOMPARE(PhoneNumber::parse(padded, u"US"_s).error, ParseError::TooLong);
        // The longest input a person types with punctuation still parses.
        const QString spaced = u"+1  (415)  555 - 0134"_s.leftJustified(PhoneNumber::MaxInputChars);
        QVERIFY(PhoneNumber::parse(spaced, QString()).ok());
    }

    void parseErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(ParseError, error);
        QFETCH(QString, mentions);

        const PhoneNumberParse parsed = PhoneNumber::parse(input, region);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error, error);
        const PhoneNumberParse lean =
            PhoneNumber::parse(input, region, PhoneNumber::Detail::Canonical);
        QCOMPARE(lean.error, error);
        QCOMPARE(lean.errorMessage, parsed.errorMessage);
        QVERIFY(!parsed.number.isValid());
        QCOMPARE(parsed.number.kind(), PhoneNumber::Kind::Invalid);
        QVERIFY(parsed.number.e164().isEmpty());
        QVERIFY2(parsed.errorMessage.contains(mentions), qPrintable(parsed.errorMessage));
        if (error != ParseError::Empty && error != ParseError::UnknownRegion) {
            QVERIFY2(parsed.errorMessage.contains(input.trimmed()),
                     qPrintable(parsed.errorMessage));
        }
    }

    void shortCodes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<int>("countryCode");

        QTest::newRow("US 5 digits") << u"11221"_s << u"US"_s << u"11221"_s << 1;
        QTest::newRow("US 6 digits") << u"112210"_s << u"US"_s << u"112210"_s << 1;
        QTest::newRow("US spaced") << u"22 395"_s << u"US"_s << u"22395"_s << 1;
        QTest::newRow("CA 5 digits") << u"30303"_s << u"CA"_s << u"30303"_s << 1;
        QTest::newRow("GB (short-number metadata)") << u"61000"_s << u"GB"_s << u"61000"_s << 44;
        QTest::newRow("FR (short-number metadata)") << u"36180"_s << u"FR"_s << u"36180"_s << 33;
    }

    void shortCodes()
    {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, digits);
        QFETCH(int, countryCode);

        const PhoneNumberParse parsed = PhoneNumber::parse(input, region);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage));
        const PhoneNumber &n = parsed.number;
        QCOMPARE(n.kind(), PhoneNumber::Kind::ShortCode);
        QVERIFY(n.isShortCode());
        QCOMPARE(PhoneNumber::parse(input, region, PhoneNumber::Detail::Canonical).number, n);
        QVERIFY(n.isValid());
        QVERIFY(n.e164().isEmpty());
        QCOMPARE(n.canonical(), digits);
        QCOMPARE(n.formatNational(), digits);
        QCOMPARE(n.formatInternational(), digits);
        QCOMPARE(n.type(), Type::ShortCode);
        QCOMPARE(n.regionCode(), region);
        QCOMPARE(n.countryCode(), countryCode);
    }

    void shortCodeNeedsItsRegion()
    {
        // Five digits are a US short code, but nothing in Germany.
        QVERIFY(PhoneNumber::parse(u"11221"_s, u"US"_s).ok());
        const PhoneNumberParse de = PhoneNumber::parse(u"11221"_s, u"DE"_s);
        QVERIFY(!de.ok());
        QVERIFY(!de.number.isShortCode());
    }

    void equality()
    {
        const PhoneNumber a = PhoneNumber::parse(u"4155550134"_s, u"US"_s).number;
        const PhoneNumber b = PhoneNumber::parse(u"+1 (415) 555-0134"_s, QString()).number;
        const PhoneNumber c = PhoneNumber::parse(u"4155550135"_s, u"US"_s).number;
        QCOMPARE(a, b);
        QVERIFY(!(a == c));
        QCOMPARE(PhoneNumber(), PhoneNumber());
    }

    void names()
    {
        QSet<QString> typeNames;
        for (Type t : {Type::Mobile, Type::FixedLine, Type::FixedLineOrMobile, Type::Voip,
                       Type::TollFree, Type::Premium, Type::SharedCost, Type::Pager, Type::Uan,
                       Type::Voicemail, Type::PersonalNumber, Type::ShortCode, Type::Unknown}) {
            typeNames.insert(PhoneNumber::typeName(t));
        }
        QCOMPARE(typeNames.size(), 13);
        QCOMPARE(PhoneNumber::typeName(Type::FixedLineOrMobile), u"fixed_line_or_mobile"_s);

        QSet<QString> errorNames;
        for (ParseError e :
             {ParseError::None, ParseError::Empty, ParseError::NotANumber,
              ParseError::UnknownRegion, ParseError::InvalidCountryCode, ParseError::TooShort,
              ParseError::TooLong, ParseError::InvalidForRegion}) {
            errorNames.insert(PhoneNumber::errorName(e));
        }
        QCOMPARE(errorNames.size(), 8);
        QCOMPARE(PhoneNumber::errorName(ParseError::TooShort), u"too_short"_s);
    }

    void defaultTimeZone_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("zone");

        // Several zones: the one most people of the region live in.
        QTest::newRow("US") << u"US"_s << u"America/New_York"_s;
        QTest::newRow("CA") << u"CA"_s << u"America/Toronto"_s;
        QTest::newRow("AU") << u"AU"_s << u"Australia/Sydney"_s;
        QTest::newRow("ES") << u"ES"_s << u"Europe/Madrid"_s;
        QTest::newRow("PT") << u"PT"_s << u"Europe/Lisbon"_s;
        QTest::newRow("RU") << u"RU"_s << u"Europe/Moscow"_s;
        // One zone.
        QTest::newRow("GB") << u"GB"_s << u"Europe/London"_s;
        QTest::newRow("FR") << u"FR"_s << u"Europe/Paris"_s;
        QTest::newRow("DE") << u"DE"_s << u"Europe/Berlin"_s;
        QTest::newRow("lower case") << u"gb"_s << u"Europe/London"_s;
        QTest::newRow("unknown") << u"XX"_s << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("not a code") << u"USA"_s << QString();
    }

    void defaultTimeZone()
    {
        QFETCH(QString, region);
        QFETCH(QString, zone);
        QCOMPARE(PhoneNumber::defaultTimeZoneIdForRegion(region), zone);
    }

    void defaultTimeZoneOfNumbers()
    {
        QCOMPARE(PhoneNumber::parse(u"+442079460000"_s, QString()).number.defaultTimeZoneId(),
                 u"Europe/London"_s);
        QCOMPARE(PhoneNumber::parse(u"416 555 0134"_s, u"US"_s).number.defaultTimeZoneId(),
                 u"America/Toronto"_s);
        // Documented limitation: a California area code still gets the US default.
        QCOMPARE(PhoneNumber::parse(u"415 555 0134"_s, u"US"_s).number.defaultTimeZoneId(),
                 u"America/New_York"_s);
        QCOMPARE(PhoneNumber::parse(u"11221"_s, u"US"_s).number.defaultTimeZoneId(),
                 u"America/New_York"_s);
        QVERIFY(PhoneNumber().defaultTimeZoneId().isEmpty());
    }

    void everyRegionHasAZone()
    {
        std::set<std::string> regions;
        i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
        QVERIFY(regions.size() > 200);
        for (const std::string &r : regions) {
            const QString region = QString::fromStdString(r);
            const QString zone = PhoneNumber::defaultTimeZoneIdForRegion(region);
            QVERIFY2(!zone.isEmpty(), qPrintable(region));
            QVERIFY2(QTimeZone(zone.toLatin1()).isValid(), qPrintable(region + u' ' + zone));
        }
    }
};

QTEST_APPLESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
