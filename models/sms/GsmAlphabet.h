// The GSM 03.38 default alphabet and its extension table, as SMS carriers (and Twilio) use them.
#pragma once

#include <QChar>
#include <QList>
#include <QStringView>

class GsmAlphabet
{
public:
    enum class CharClass
    {
        Basic,     // one septet
        Extension, // escape + character: two septets
        NonGsm,    // not representable: the message must be sent as UCS-2
    };

    static CharClass classify(char32_t codePoint);
    static CharClass classify(QChar c) { return classify(char32_t(c.unicode())); }

    static bool isBasic(char32_t codePoint) { return classify(codePoint) == CharClass::Basic; }
    static bool isExtension(char32_t codePoint)
    {
        return classify(codePoint) == CharClass::Extension;
    }
    static bool isGsm(char32_t codePoint) { return classify(codePoint) != CharClass::NonGsm; }

    // Septets the code point costs in a GSM-7 message: 1, 2, or 0 when it is not GSM at all.
    static int septets(char32_t codePoint);

    // True when every code point of the text is in the basic or extension table.
    static bool isGsmText(QStringView text);

    // Every code point of the basic table (127: the escape code is not a character) and of the
    // extension table (10), in table order; for tests and documentation.
    static QList<char32_t> basicCodePoints();
    static QList<char32_t> extensionCodePoints();
};
