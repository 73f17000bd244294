#include "KeywordProblemText.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Error = KeywordValidator::Error;
using Problem = KeywordValidator::Problem;

// Lower first. A problem that makes the others moot (a second Unsubscribe process, no number)
// comes before what follows from it (its keywords being taken, defaults missing).
int rank(Error error)
{
    switch (error) {
    case Error::NoInboundNumber:
        return 0;
    case Error::SecondUnsubscribeProcess:
    case Error::SecondHelpProcess:
        return 1;
    case Error::NoKeywords:
        return 2;
    case Error::EmptyKeyword:
    case Error::ContainsSpace:
    case Error::NotALetter:
        return 3;
    case Error::OptOutKeywordOutsideUnsubscribe:
        return 4;
    case Error::KeywordTakenByOtherProcess:
        return 5;
    case Error::DuplicateInProcess:
        return 6;
    case Error::MissingDefaultKeyword:
        return 7;
    case Error::ReplyRequired:
    case Error::ReplyRequiredByCountry:
        return 8;
    }
    return 9;
}

QString quotedList(const QStringList &keywords)
{
    QStringList quoted;
    for (const QString &keyword : keywords)
        quoted.append(u"“"_s + keyword + u"”"_s);
    if (quoted.size() == 1)
        return quoted.first();
    const QString last = quoted.takeLast();
    return quoted.join(u", "_s) + u" and "_s + last;
}

// Several "must keep the default keyword “X”." become one sentence naming every keyword.
QString mergedMissingDefaults(const QList<Problem> &problems)
{
    QStringList keywords;
    for (const Problem &problem : problems)
        keywords.append(problem.keyword);
    const QString first = problems.first().message;
    const qsizetype cut = first.indexOf(u" must keep"_s);
    const QString who = cut > 0 ? first.left(cut) : u"This process"_s;
    return who + u" must keep the default keywords "_s + quotedList(keywords) + u"."_s;
}

} // namespace

QStringList KeywordProblemText::lines(const QList<Problem> &problems)
{
    QList<Problem> ordered = problems;
    std::stable_sort(ordered.begin(), ordered.end(), [](const Problem &a, const Problem &b) {
        return rank(a.error) < rank(b.error);
    });
    QList<Problem> missing;
    for (const Problem &problem : std::as_const(ordered)) {
        if (problem.error == Error::MissingDefaultKeyword && !problem.keyword.isEmpty())
            missing.append(problem);
    }
    QStringList out;
    for (const Problem &problem : std::as_const(ordered)) {
        QString line = problem.message;
        if (problem.error == Error::MissingDefaultKeyword && missing.size() > 1)
            line = mergedMissingDefaults(missing); // the same line for each: kept once
        if (!out.contains(line))
            out.append(line);
    }
    return out;
}
