#include "KeywordValidator.h"

#include "KeywordMatcher.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

using Problem = KeywordValidator::Problem;
using Error = KeywordValidator::Error;
using Type = KeywordProcess::Type;

QString quoted(QStringView text)
{
    return u"“"_s % text % u"”"_s;
}

// How to show a character in a message: itself when it is visible, its code point when it
// would print as nothing (controls, format characters, lone marks).
QString describe(char32_t c)
{
    const auto category = QChar::category(c);
    const bool invisible = category == QChar::Other_Control || category == QChar::Other_Format ||
                           category == QChar::Other_NotAssigned ||
                           category == QChar::Other_Surrogate || QChar::isMark(c);
    if (invisible)
        return u"U+"_s % QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
    return u"‘"_s % QString::fromUcs4(&c, 1) % u"’"_s;
}

// "an Unsubscribe", "a Help": the type's name with the article English wants.
QString withArticle(Type type)
{
    const QString name = KeywordProcess::displayName(type);
    const bool vowel = type == Type::Unsubscribe || type == Type::AutoReply;
    return (vowel ? u"an "_s : u"a "_s) % name;
}

// The same at the start of a sentence.
QString withCapitalArticle(Type type)
{
    QString text = withArticle(type);
    text[0] = text.at(0).toUpper();
    return text;
}

bool isProcessOf(const KeywordProcess &process, const KeywordProcess &other)
{
    return process.id != 0 && process.id == other.id;
}

void checkKeywords(const KeywordProcess &process, QList<Problem> &problems)
{
    QSet<QString> seen;
    for (const QString &keyword : process.keywords) {
        if (const auto problem = KeywordValidator::checkKeyword(keyword)) {
            problems.append(*problem);
            continue;
        }
        const QString folded = KeywordMatcher::fold(keyword);
        if (seen.contains(folded)) {
            problems.append({Error::DuplicateInProcess,
                             quoted(keyword) % u" is listed twice in this process."_s, keyword});
        }
        seen.insert(folded);
        if (process.type != Type::Unsubscribe &&
            KeywordMatcher::providerDefaultType(keyword, KeywordMatcher::NumberKind::LongCode) ==
                Type::Unsubscribe) {
            problems.append({Error::OptOutKeywordOutsideUnsubscribe,
                             quoted(keyword) % u" is an opt-out keyword: only an Unsubscribe "
                                               u"process may use it."_s,
                             keyword});
        }
    }
}

void checkDefaultsKept(const KeywordProcess &process, QList<Problem> &problems)
{
    // Subscribe's defaults may go (a team can give YES to an Auto-reply); STOP and HELP are
    // what carriers audit for, so those processes keep every default.
    if (process.type != Type::Unsubscribe && process.type != Type::Help)
        return;
    QSet<QString> present;
    for (const QString &keyword : process.keywords)
        present.insert(KeywordMatcher::fold(keyword));
    for (const QString &keyword : KeywordProcess::defaultKeywords(process.type)) {
        if (present.contains(KeywordMatcher::fold(keyword)))
            continue;
        problems.append({Error::MissingDefaultKeyword,
                         withCapitalArticle(process.type) %
                             u" process must keep the default keyword "_s % quoted(keyword) %
                             u"."_s,
                         keyword});
    }
}

void checkAgainstOthers(const KeywordProcess &process, const QList<KeywordProcess> &others,
                        QList<Problem> &problems)
{
    QSet<QString> mine;
    for (const QString &keyword : process.keywords)
        mine.insert(KeywordMatcher::fold(keyword));
    for (const KeywordProcess &other : others) {
        if (isProcessOf(process, other) || !process.sharesInboundWith(other))
            continue;
        if (other.type == process.type &&
            (process.type == Type::Unsubscribe || process.type == Type::Help)) {
            problems.append(
                {process.type == Type::Unsubscribe ? Error::SecondUnsubscribeProcess
                                                   : Error::SecondHelpProcess,
                 process.inboundLabel() % u" already has "_s % withArticle(process.type) %
                     u" process; each number or provider keyword can have only "
                     u"one."_s,
                 {}});
        }
        for (const QString &keyword : other.keywords) {
            if (!mine.contains(KeywordMatcher::fold(keyword)))
                continue;
            problems.append({Error::KeywordTakenByOtherProcess,
                             quoted(keyword) % u" already belongs to the "_s %
                                 KeywordProcess::displayName(other.type) % u" process of "_s %
                                 other.inboundLabel() % u"."_s,
                             keyword});
        }
    }
}

void checkReply(const KeywordProcess &process, ConfirmationRule::Rule unsubscribeRule,
                QList<Problem> &problems)
{
    if (process.hasReply())
        return;
    if (process.type == Type::Help || process.type == Type::AutoReply) {
        problems.append({Error::ReplyRequired,
                         withCapitalArticle(process.type) % u" process needs a reply message."_s,
                         {}});
    } else if (process.type == Type::Unsubscribe &&
               unsubscribeRule == ConfirmationRule::Rule::Required) {
        problems.append({Error::ReplyRequiredByCountry,
                         u"This number's country requires a confirmation after an opt-out: "
                         u"choose a reply message for the Unsubscribe process."_s,
                         {}});
    }
}

} // namespace

std::optional<Problem> KeywordValidator::checkKeyword(QStringView keyword)
{
    if (keyword.isEmpty())
        return Problem{Error::EmptyKeyword, u"A keyword cannot be empty."_s, {}};
    const QString text = keyword.toString();
    const QList<uint> codePoints = text.toUcs4();
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints.at(i);
        if (QChar::isLetter(c))
            continue;
        const bool markAfterLetter =
            i > 0 && QChar::isMark(c) &&
            (QChar::isLetter(codePoints.at(i - 1)) || QChar::isMark(codePoints.at(i - 1)));
        if (markAfterLetter)
            continue;
        if (QChar::isSpace(c)) {
            return Problem{Error::ContainsSpace,
                           quoted(text) %
                               u" contains a space: a keyword is a single word of letters."_s,
                           text};
        }
        return Problem{
            Error::NotALetter,
            quoted(text) % u" contains "_s % describe(c) % u": keywords are letters only."_s, text};
    }
    return std::nullopt;
}

QList<Problem> KeywordValidator::validate(const KeywordProcess &process,
                                          const QList<KeywordProcess> &others,
                                          ConfirmationRule::Rule unsubscribeRule)
{
    QList<Problem> problems;
    if (process.inboundNumber.trimmed().isEmpty()) {
        problems.append(
            {Error::NoInboundNumber, u"Choose the inbound number this process listens on."_s, {}});
    }
    if (process.keywords.isEmpty()) {
        problems.append(
            {Error::NoKeywords,
             withCapitalArticle(process.type) % u" process needs at least one keyword."_s,
             {}});
    }
    checkKeywords(process, problems);
    checkDefaultsKept(process, problems);
    checkAgainstOthers(process, others, problems);
    checkReply(process, unsubscribeRule, problems);
    return problems;
}
