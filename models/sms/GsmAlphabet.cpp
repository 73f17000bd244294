#include "GsmAlphabet.h"

#include <QList>

#include <array>

namespace {

// GSM 03.38 basic table in septet order (0x00-0x7F). 0x1B is the escape to the extension table
// and no character of its own; it is written as U+0000 here and skipped. 0x09 is mapped to
// U+00C7 (capital C cedilla) as Unicode's GSM0338 table and Twilio do: a small 'ç' is not GSM.
constexpr std::array<char16_t, 128> kBasicTable = {
    u'@',      u'\u00A3', u'$',      u'\u00A5', u'\u00E8', u'\u00E9', u'\u00F9', u'\u00EC',
    u'\u00F2', u'\u00C7', u'\n',     u'\u00D8', u'\u00F8', u'\r',     u'\u00C5', u'\u00E5',
    u'\u0394', u'_',      u'\u03A6', u'\u0393', u'\u039B', u'\u03A9', u'\u03A0', u'\u03A8',
    u'\u03A3', u'\u0398', u'\u039E', u'\0',     u'\u00C6', u'\u00E6', u'\u00DF', u'\u00C9',
    u' ',      u'!',      u'"',      u'#',      u'\u00A4', u'%',      u'&',      u'\'',
    u'(',      u')',      u'*',      u'+',      u',',      u'-',      u'.',      u'/',
    u'0',      u'1',      u'2',      u'3',      u'4',      u'5',      u'6',      u'7',
    u'8',      u'9',      u':',      u';',      u'<',      u'=',      u'>',      u'?',
    u'\u00A1', u'A',      u'B',      u'C',      u'D',      u'E',      u'F',      u'G',
    u'H',      u'I',      u'J',      u'K',      u'L',      u'M',      u'N',      u'O',
    u'P',      u'Q',      u'R',      u'S',      u'T',      u'U',      u'V',      u'W',
    u'X',      u'Y',      u'Z',      u'\u00C4', u'\u00D6', u'\u00D1', u'\u00DC', u'\u00A7',
    u'\u00BF', u'a',      u'b',      u'c',      u'd',      u'e',      u'f',      u'g',
    u'h',      u'i',      u'j',      u'k',      u'l',      u'm',      u'n',      u'o',
    u'p',      u'q',      u'r',      u's',      u't',      u'u',      u'v',      u'w',
    u'x',      u'y',      u'z',      u'\u00E4', u'\u00F6', u'\u00F1', u'\u00FC', u'\u00E0',
};
constexpr std::size_t kEscapeIndex = 0x1B;

// Extension table: each costs the escape septet plus its own. Form feed is the page break.
constexpr std::array<char16_t, 10> kExtensionTable = {
    u'\f', u'^', u'{', u'}', u'\\', u'[', u'~', u']', u'|', u'\u20AC',
};

// Lookup for U+0000..U+03FF (Latin-1 and Greek); only U+20AC lies above it.
struct ClassTable
{
    std::array<GsmAlphabet::CharClass, 0x400> classes{};

    constexpr ClassTable()
    {
        for (auto &c : classes) {
            c = GsmAlphabet::CharClass::NonGsm;
        }
        for (std::size_t i = 0; i < kBasicTable.size(); ++i) {
            if (i != kEscapeIndex) {
                classes[kBasicTable[i]] = GsmAlphabet::CharClass::Basic;
            }
        }
        for (char16_t c : kExtensionTable) {
            if (c < classes.size()) {
                classes[c] = GsmAlphabet::CharClass::Extension;
            }
        }
    }
};

constexpr ClassTable kClassTable;

} // namespace

GsmAlphabet::CharClass GsmAlphabet::classify(char32_t codePoint)
{
    if (codePoint < kClassTable.classes.size()) {
        return kClassTable.classes[codePoint];
    }
    return codePoint == U'\u20AC' ? CharClass::Extension : CharClass::NonGsm;
}

int GsmAlphabet::septets(char32_t codePoint)
{
    switch (classify(codePoint)) {
    case CharClass::Basic:
        return 1;
    case CharClass::Extension:
        return 2;
    case CharClass::NonGsm:
        break;
    }
    return 0;
}

bool GsmAlphabet::isGsmText(QStringView text)
{
    // A surrogate is never GSM, so checking UTF-16 units one by one is exact.
    for (QChar c : text) {
        if (classify(c) == CharClass::NonGsm) {
            return false;
        }
    }
    return true;
}

QList<char32_t> GsmAlphabet::basicCodePoints()
{
    QList<char32_t> result;
    result.reserve(int(kBasicTable.size()) - 1);
    for (std::size_t i = 0; i < kBasicTable.size(); ++i) {
        if (i != kEscapeIndex) {
            result.append(kBasicTable[i]);
        }
    }
    return result;
}

QList<char32_t> GsmAlphabet::extensionCodePoints()
{
    return QList<char32_t>(kExtensionTable.begin(), kExtensionTable.end());
}
