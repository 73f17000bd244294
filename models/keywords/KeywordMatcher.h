// Decides whether an inbound text is one of a number's keywords, the way the provider
// decides it: the whole trimmed message is the keyword, never a word inside a sentence.
#pragma once

#include "KeywordProcess.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

class KeywordMatcher
{
    Q_GADGET

public:
    enum class NumberKind
    {
        LongCode,
        TollFree,
        ShortCode,
        SharedShortCode
    };
    Q_ENUM(NumberKind)

    struct Match
    {
        std::optional<KeywordProcess> process; // the started process the text triggers
        QString keyword;                       // the process's keyword as the team typed it
        // Shared short code: the provider keyword the text starts with, as configured, set
        // even when nothing matched (routing still knows whose text it is).
        QString providerKeyword;
        // True when the provider would itself have acted on the whole message (one of its
        // defaults on a number that is not a shared short code).
        bool isProviderDefault = false;
        // Set only when nothing matched but the text is a keyword wrapped in punctuation or
        // symbols ("STOP.", "stop!!"): not processed, but worth showing to an agent.
        QString nearMissKeyword;

        bool matched() const { return process.has_value(); }
    };

    // `processes` are the processes of the inbound number (any status; only Started ones
    // match). `providerKeywords` lists every provider keyword of a shared short code
    // (ignored for other kinds): the first word of the text must be one of them.
    static Match match(QStringView body, NumberKind kind, const QStringList &providerKeywords,
                       const QList<KeywordProcess> &processes);

    // The process type the provider itself applies when the whole text is one of its default
    // keywords (it opts out on STOP even if our Unsubscribe process is paused). A shared
    // short code carries a provider keyword first, so the provider's defaults never apply.
    static std::optional<KeywordProcess::Type> providerDefaultType(QStringView body,
                                                                   NumberKind kind);

    // Canonical caseless form (Unicode D145: NFD, full case folding, NFD): "STRASSE",
    // "straße" and "STRAẞE" fold alike; so do "ΣΤΑΜΑΤΑ" and "σταματα". Qt's toCaseFolded()
    // is only the simple folding, hence the work in the .cpp.
    static QString fold(QStringView text);

    // The sender_numbers.kind column values: long_code, toll_free, short_code,
    // shared_short_code. Unknown text gives nullopt.
    static QString numberKindToString(NumberKind kind);
    static std::optional<NumberKind> numberKindFromString(QStringView text);

    // The text split at whitespace runs, after trimming (QChar::isSpace: any Unicode space).
    static QStringList words(QStringView text);
};
