// Checks a custom keyword and a whole keyword process against the other processes of the
// same inbound number / provider keyword, with messages a team member can act on.
#pragma once

#include "ConfirmationRule.h"
#include "KeywordProcess.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class KeywordValidator
{
    Q_GADGET

public:
    enum class Error
    {
        EmptyKeyword,
        ContainsSpace, // keywords are one word
        NotALetter,    // digits, punctuation, symbols, emoji
        NoInboundNumber,
        NoKeywords,
        DuplicateInProcess,
        KeywordTakenByOtherProcess,
        SecondUnsubscribeProcess,
        SecondHelpProcess,
        MissingDefaultKeyword,           // Unsubscribe and Help keep the provider's defaults
        OptOutKeywordOutsideUnsubscribe, // STOP and friends always mean opt-out
        ReplyRequired,                   // Help and Auto-reply
        ReplyRequiredByCountry,          // Unsubscribe where a confirmation is Required
    };
    Q_ENUM(Error)

    struct Problem
    {
        Error error = Error::EmptyKeyword;
        QString message; // names the keyword and the character or process at fault
        QString keyword; // the keyword concerned, when there is one
    };

    // Letters only (QChar::isLetter, any script); a combining mark is accepted after a
    // letter because many scripts (Devanagari, decomposed accents) need them.
    static std::optional<Problem> checkKeyword(QStringView keyword);

    // Every problem of `process`, in a stable order. `others` may hold any processes of the
    // account: only those on the same number / provider keyword (and not `process` itself,
    // by id) count. `unsubscribeRule` is the confirmation rule of the number's country.
    static QList<Problem>
    validate(const KeywordProcess &process, const QList<KeywordProcess> &others,
             ConfirmationRule::Rule unsubscribeRule = ConfirmationRule::Rule::Optional);
};
