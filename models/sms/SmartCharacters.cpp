#include "SmartCharacters.h"

#include <algorithm>
#include <array>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

struct Replacement
{
    char32_t codePoint;
    const char16_t *text;
};

// The character set follows Twilio's "List of characters replaced by Smart Encoding" (and the
// map in its open-source segment calculator), so a body cleaned here is what a Twilio
// Messaging Service with Smart Encoding would send. Where that list is odd we chose the
// plain reading and say so: every kind of space and the tab become ONE space (the
// calculator writes several), U+2028/U+2029 become a line feed, '‹' and '›' become '<' and
// '>' (the calculator swaps them), U+2017 (double low line) becomes '_'. Added beyond the
// list: U+2011 non-breaking hyphen, U+2012 figure dash and U+2212 minus sign, all '-'.
// Sorted by code point for binary search (checked at compile time below).
constexpr Replacement kReplacements[] = {
    {0x0000, u""},   {0x0003, u""},    {0x0004, u""},    {0x0009, u" "},   {0x0010, u""},
    {0x0011, u""},   {0x0012, u""},    {0x0013, u""},    {0x0014, u""},    {0x0017, u""},
    {0x0019, u""},   {0x0060, u"'"},   {0x0080, u" "},   {0x008D, u" "},   {0x0090, u" "},
    {0x009B, u" "},  {0x009F, u" "},   {0x00A0, u" "},   {0x00AB, u"\""},  {0x00B4, u"'"},
    {0x00BB, u"\""}, {0x00BC, u"1/4"}, {0x00BD, u"1/2"}, {0x00BE, u"3/4"}, {0x00F7, u"/"},
    {0x01C3, u"!"},  {0x0262, u"G"},   {0x026A, u"I"},   {0x0274, u"N"},   {0x0280, u"R"},
    {0x028F, u"Y"},  {0x0299, u"B"},   {0x029C, u"H"},   {0x029F, u"L"},   {0x02B9, u"'"},
    {0x02BA, u"\""}, {0x02BB, u"'"},   {0x02BC, u"'"},   {0x02BD, u"'"},   {0x02C6, u"^"},
    {0x02C8, u"'"},  {0x02CA, u"'"},   {0x02CB, u"'"},   {0x02D0, u":"},   {0x02D6, u"+"},
    {0x02DC, u"~"},  {0x02EE, u"\""},  {0x02F7, u"~"},   {0x02F8, u":"},   {0x0302, u"^"},
    {0x0303, u"~"},  {0x0313, u"'"},   {0x0314, u"'"},   {0x0326, u","},   {0x0330, u"~"},
    {0x0332, u"_"},  {0x0334, u"~"},   {0x0337, u"/"},   {0x0338, u"/"},   {0x0347, u"="},
    {0x1D00, u"A"},  {0x1D04, u"C"},   {0x1D05, u"D"},   {0x1D07, u"E"},   {0x1D0A, u"J"},
    {0x1D0B, u"K"},  {0x1D0D, u"M"},   {0x1D0F, u"O"},   {0x1D18, u"P"},   {0x1D1B, u"T"},
    {0x1D1C, u"U"},  {0x1D20, u"V"},   {0x1D21, u"W"},   {0x1D22, u"Z"},   {0x1DCD, u"^"},
    {0x2000, u" "},  {0x2001, u" "},   {0x2002, u" "},   {0x2003, u" "},   {0x2004, u" "},
    {0x2005, u" "},  {0x2006, u" "},   {0x2007, u" "},   {0x2008, u" "},   {0x2009, u" "},
    {0x200A, u" "},  {0x200B, u""},    {0x2010, u"-"},   {0x2011, u"-"},   {0x2012, u"-"},
    {0x2013, u"-"},  {0x2014, u"-"},   {0x2015, u"-"},   {0x2017, u"_"},   {0x2018, u"'"},
    {0x2019, u"'"},  {0x201A, u","},   {0x201B, u"'"},   {0x201C, u"\""},  {0x201D, u"\""},
    {0x201E, u"\""}, {0x201F, u"\""},  {0x2022, u"-"},   {0x2026, u"..."}, {0x2028, u"\n"},
    {0x2029, u"\n"}, {0x202F, u" "},   {0x2039, u"<"},   {0x203A, u">"},   {0x203C, u"!!"},
    {0x2043, u"-"},  {0x2044, u"/"},   {0x204E, u"*"},   {0x204F, u";"},   {0x205F, u" "},
    {0x2060, u""},   {0x20D2, u"|"},   {0x20D3, u"|"},   {0x20E5, u"\\"},  {0x2212, u"-"},
    {0x2215, u"/"},  {0x2217, u"*"},   {0x2223, u"|"},   {0x223C, u"~"},   {0x229B, u"*"},
    {0x239C, u"|"},  {0x239F, u"|"},   {0x23B8, u"|"},   {0x23B9, u"|"},   {0x23BC, u"-"},
    {0x23BD, u"-"},  {0x23D0, u"|"},   {0x2722, u"*"},   {0x2723, u"*"},   {0x2724, u"*"},
    {0x2725, u"*"},  {0x2731, u"*"},   {0x2732, u"*"},   {0x2733, u"*"},   {0x273A, u"*"},
    {0x273B, u"*"},  {0x273C, u"*"},   {0x273D, u"*"},   {0x2743, u"*"},   {0x2749, u"*"},
    {0x274A, u"*"},  {0x274B, u"*"},   {0x275B, u"'"},   {0x275C, u"'"},   {0x275D, u"\""},
    {0x275E, u"\""}, {0x2768, u"("},   {0x2769, u")"},   {0x276A, u"("},   {0x276B, u")"},
    {0x2774, u"{"},  {0x2775, u"}"},   {0x27EE, u"("},   {0x27EF, u")"},   {0x2982, u":"},
    {0x2985, u"("},  {0x2986, u")"},   {0x29C6, u"*"},   {0x29F5, u"\\"},  {0x29F8, u"/"},
    {0x29F9, u"\\"}, {0x3000, u" "},   {0x3001, u","},   {0x3002, u"."},   {0x301D, u"\""},
    {0x301E, u"\""}, {0xA730, u"F"},   {0xA731, u"S"},   {0xA789, u":"},   {0xA78A, u"="},
    {0xFE10, u"'"},  {0xFE11, u"'"},   {0xFE13, u":"},   {0xFE14, u";"},   {0xFE15, u"!"},
    {0xFE16, u"?"},  {0xFE50, u","},   {0xFE51, u","},   {0xFE52, u"."},   {0xFE54, u";"},
    {0xFE56, u"?"},  {0xFE57, u"!"},   {0xFE59, u"("},   {0xFE5A, u")"},   {0xFE5B, u"{"},
    {0xFE5C, u"}"},  {0xFE5F, u"#"},   {0xFE60, u"&"},   {0xFE61, u"*"},   {0xFE62, u"+"},
    {0xFE63, u"-"},  {0xFE64, u"<"},   {0xFE65, u">"},   {0xFE66, u"="},   {0xFE68, u"\\"},
    {0xFE69, u"$"},  {0xFE6A, u"%"},   {0xFE6B, u"@"},   {0xFEFF, u""},    {0xFF01, u"!"},
    {0xFF02, u"\""}, {0xFF03, u"#"},   {0xFF04, u"$"},   {0xFF05, u"%"},   {0xFF06, u"&"},
    {0xFF07, u"'"},  {0xFF08, u"("},   {0xFF09, u")"},   {0xFF0A, u"*"},   {0xFF0B, u"+"},
    {0xFF0C, u","},  {0xFF0D, u"-"},   {0xFF0E, u"."},   {0xFF0F, u"/"},   {0xFF10, u"0"},
    {0xFF11, u"1"},  {0xFF12, u"2"},   {0xFF13, u"3"},   {0xFF14, u"4"},   {0xFF15, u"5"},
    {0xFF16, u"6"},  {0xFF17, u"7"},   {0xFF18, u"8"},   {0xFF19, u"9"},   {0xFF1A, u":"},
    {0xFF1B, u";"},  {0xFF1C, u"<"},   {0xFF1D, u"="},   {0xFF1E, u">"},   {0xFF1F, u"?"},
    {0xFF20, u"@"},  {0xFF21, u"A"},   {0xFF22, u"B"},   {0xFF23, u"C"},   {0xFF24, u"D"},
    {0xFF25, u"E"},  {0xFF26, u"F"},   {0xFF27, u"G"},   {0xFF28, u"H"},   {0xFF29, u"I"},
    {0xFF2A, u"J"},  {0xFF2B, u"K"},   {0xFF2C, u"L"},   {0xFF2D, u"M"},   {0xFF2E, u"N"},
    {0xFF2F, u"O"},  {0xFF30, u"P"},   {0xFF31, u"Q"},   {0xFF32, u"R"},   {0xFF33, u"S"},
    {0xFF34, u"T"},  {0xFF35, u"U"},   {0xFF36, u"V"},   {0xFF37, u"W"},   {0xFF38, u"X"},
    {0xFF39, u"Y"},  {0xFF3A, u"Z"},   {0xFF3B, u"["},   {0xFF3C, u"\\"},  {0xFF3D, u"]"},
    {0xFF3E, u"^"},  {0xFF3F, u"_"},   {0xFF5B, u"{"},   {0xFF5C, u"|"},   {0xFF5D, u"}"},
    {0xFF5E, u"~"},  {0xFF61, u"."},   {0xFF64, u","},
};

constexpr bool isSortedTable()
{
    return std::is_sorted(
        std::begin(kReplacements), std::end(kReplacements),
        [](const Replacement &a, const Replacement &b) { return a.codePoint < b.codePoint; });
}
static_assert(isSortedTable(), "kReplacements must be sorted by code point");

const Replacement *find(char32_t codePoint)
{
    const auto it =
        std::lower_bound(std::begin(kReplacements), std::end(kReplacements), codePoint,
                         [](const Replacement &r, char32_t cp) { return r.codePoint < cp; });
    if (it == std::end(kReplacements) || it->codePoint != codePoint) {
        return nullptr;
    }
    return it;
}

// Calls f(codePoint, utf16Start, utf16Length) for each code point of the text; a lone
// surrogate is passed as itself.
template<typename F>
void forEachCodePoint(const QString &text, F f)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < size && text[i + 1].isLowSurrogate()) {
            f(QChar::surrogateToUcs4(c, text[i + 1]), i, 2);
            ++i;
        } else {
            f(char32_t(c.unicode()), i, 1);
        }
    }
}

} // namespace

QString SmartCharacters::replaceWithGsm(const QString &text)
{
    QString result;
    result.reserve(text.size());
    forEachCodePoint(text, [&](char32_t cp, qsizetype start, qsizetype length) {
        if (const Replacement *r = find(cp)) {
            result.append(QStringView(r->text));
        } else {
            result.append(QStringView(text).sliced(start, length));
        }
    });
    return result;
}

bool SmartCharacters::isReplaceable(char32_t codePoint)
{
    return find(codePoint) != nullptr;
}

QString SmartCharacters::replacementFor(char32_t codePoint)
{
    const Replacement *r = find(codePoint);
    if (!r) {
        return {};
    }
    // An empty replacement must still be distinguishable from "not replaceable".
    QString text = QString::fromUtf16(r->text);
    if (text.isNull()) {
        text = u""_s;
    }
    return text;
}

QStringList SmartCharacters::findReplaceable(const QString &text)
{
    QStringList found;
    forEachCodePoint(text, [&](char32_t cp, qsizetype start, qsizetype length) {
        if (find(cp)) {
            const QString character = text.sliced(start, length);
            if (!found.contains(character)) {
                found.append(character);
            }
        }
    });
    return found;
}

QList<char32_t> SmartCharacters::replaceableCodePoints()
{
    QList<char32_t> result;
    result.reserve(qsizetype(std::size(kReplacements)));
    for (const Replacement &r : kReplacements) {
        result.append(r.codePoint);
    }
    return result;
}
