#include "KeywordMatcher.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr char16_t DotlessI = u'\u0131';

// Qt's toUpper() applies the full special casings (ß→SS, ﬀ→FF, ᾈ→ἈΙ) that its simple
// toCaseFolded() lacks; lowering and folding again lands on the full case folding. Checked
// against Python's str.casefold() for every code point (Unicode 14): the only difference is
// the dotless ı, which this chain would turn into i, so it is passed through untouched.
QString fullFoldWithoutDotlessI(const QString &text)
{
    return text.toCaseFolded().toUpper().toLower().toCaseFolded();
}

// Punctuation, symbols (emoji included) and what glues emoji together (ZWJ, variation
// selectors); digits and letters are never stripped: "STOP2" is not a near miss.
bool isDecoration(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
    case QChar::Other_Format:
        return true;
    default:
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }
}

// The code point that starts at `i`, and how many UTF-16 units it takes.
std::pair<char32_t, qsizetype> codePointAt(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text.at(i + 1)), 2};
    return {c.unicode(), 1};
}

// The code point that ends just before `end`, and how many UTF-16 units it takes.
std::pair<char32_t, qsizetype> codePointBefore(const QString &text, qsizetype end)
{
    const QChar c = text.at(end - 1);
    if (c.isLowSurrogate() && end >= 2 && text.at(end - 2).isHighSurrogate())
        return {QChar::surrogateToUcs4(text.at(end - 2), c), 2};
    return {c.unicode(), 1};
}

// Decoration stripped from both ends, a whole code point at a time, so that
// an emoji (a surrogate pair) goes whole.
QString stripDecoration(const QString &word)
{
    qsizetype first = 0;
    qsizetype last = word.size();
    while (first < last) {
        const auto [c, length] = codePointAt(word, first);
        if (!isDecoration(c))
            break;
        first += length;
    }
    while (last > first) {
        const auto [c, length] = codePointBefore(word, last);
        if (!isDecoration(c))
            break;
        last -= length;
    }
    return word.mid(first, last - first);
}

const QString *findFolded(const QStringList &keywords, const QString &foldedWord)
{
    for (const QString &keyword : keywords) {
        if (KeywordMatcher::fold(keyword) == foldedWord)
            return &keyword;
    }
    return nullptr;
}

// Unsubscribe before Help before Subscribe before Auto-reply, then list order.
QList<KeywordProcess> byPrecedence(QList<KeywordProcess> processes)
{
    std::stable_sort(
        processes.begin(), processes.end(),
        [](const KeywordProcess &a, const KeywordProcess &b) { return int(a.type) < int(b.type); });
    return processes;
}

} // namespace

QString KeywordMatcher::fold(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    qsizetype runStart = 0;
    for (qsizetype i = 0; i <= decomposed.size(); ++i) {
        if (i < decomposed.size() && decomposed.at(i) != QChar(DotlessI))
            continue;
        folded += fullFoldWithoutDotlessI(decomposed.mid(runStart, i - runStart));
        if (i < decomposed.size())
            folded += QChar(DotlessI);
        runStart = i + 1;
    }
    return folded.normalized(QString::NormalizationForm_D);
}

QStringList KeywordMatcher::words(QStringView text)
{
    QStringList result;
    QString current;
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (!current.isEmpty())
                result.append(std::exchange(current, QString()));
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

KeywordMatcher::Match KeywordMatcher::match(QStringView body, NumberKind kind,
                                            const QStringList &providerKeywords,
                                            const QList<KeywordProcess> &processes)
{
    Match result;
    const QStringList parts = words(body);
    QString serviceWord;
    QString foldedProvider;
    if (kind == NumberKind::SharedShortCode) {
        // "baby stop": the provider routes by the first word; alone, "stop" belongs to no
        // one on a shared code.
        if (parts.isEmpty())
            return result;
        foldedProvider = fold(parts.at(0));
        const auto known =
            std::find_if(providerKeywords.cbegin(), providerKeywords.cend(),
                         [&](const QString &keyword) { return fold(keyword) == foldedProvider; });
        if (known == providerKeywords.cend())
            return result;
        result.providerKeyword = *known;
        if (parts.size() != 2)
            return result;
        serviceWord = parts.at(1);
    } else {
        if (parts.size() != 1)
            return result;
        serviceWord = parts.at(0);
    }

    QList<KeywordProcess> candidates;
    for (const KeywordProcess &process : processes) {
        if (fold(process.providerKeyword) == foldedProvider)
            candidates.append(process);
    }
    candidates = byPrecedence(candidates);

    const QString foldedWord = fold(serviceWord);
    for (const KeywordProcess &process : std::as_const(candidates)) {
        if (process.status != KeywordProcess::Status::Started)
            continue;
        if (const QString *keyword = findFolded(process.keywords, foldedWord)) {
            result.process = process;
            result.keyword = *keyword;
            result.isProviderDefault = providerDefaultType(serviceWord, kind).has_value();
            return result;
        }
    }

    // Twilio acts on "STOP" with surrounding whitespace only, never on "STOP."; so do we,
    // but say so, because a person wrote it meaning to opt out.
    const QString stripped = stripDecoration(serviceWord);
    if (stripped.isEmpty() || stripped == serviceWord)
        return result;
    const QString foldedStripped = fold(stripped);
    for (const KeywordProcess &process : std::as_const(candidates)) {
        if (const QString *keyword = findFolded(process.keywords, foldedStripped)) {
            result.nearMissKeyword = *keyword;
            return result;
        }
    }
    if (const auto type = providerDefaultType(stripped, kind)) {
        const QStringList defaults = KeywordProcess::defaultKeywords(*type);
        result.nearMissKeyword = *findFolded(defaults, foldedStripped);
    }
    return result;
}

std::optional<KeywordProcess::Type> KeywordMatcher::providerDefaultType(QStringView body,
                                                                        NumberKind kind)
{
    if (kind == NumberKind::SharedShortCode)
        return std::nullopt;
    const QStringList parts = words(body);
    if (parts.size() != 1)
        return std::nullopt;
    const QString folded = fold(parts.at(0));
    for (const auto type : {KeywordProcess::Type::Unsubscribe, KeywordProcess::Type::Help,
                            KeywordProcess::Type::Subscribe}) {
        const QStringList defaults = KeywordProcess::defaultKeywords(type);
        if (std::any_of(defaults.cbegin(), defaults.cend(),
                        [&](const QString &keyword) { return fold(keyword) == folded; }))
            return type;
    }
    return std::nullopt;
}

QString KeywordMatcher::numberKindToString(NumberKind kind)
{
    switch (kind) {
    case NumberKind::LongCode:
        return u"long_code"_s;
    case NumberKind::TollFree:
        return u"toll_free"_s;
    case NumberKind::ShortCode:
        return u"short_code"_s;
    case NumberKind::SharedShortCode:
        return u"shared_short_code"_s;
    }
    return {};
}

std::optional<KeywordMatcher::NumberKind> KeywordMatcher::numberKindFromString(QStringView text)
{
    for (const auto kind : {NumberKind::LongCode, NumberKind::TollFree, NumberKind::ShortCode,
                            NumberKind::SharedShortCode}) {
        if (text == numberKindToString(kind))
            return kind;
    }
    return std::nullopt;
}
