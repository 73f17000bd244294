// Whether a keyword's reply goes out: per-country opt-out confirmation rules (documented
// defaults, account overrides) and the provider's own replies to its default keywords.
#pragma once

#include "KeywordMatcher.h"
#include "KeywordProcess.h"

#include <QHash>
#include <QMetaType>
#include <QString>

#include <optional>

class ConfirmationRule
{
    Q_GADGET

public:
    // What a country expects after an opt-out: one confirmation text, either, or none.
    enum class Rule
    {
        Required,
        Optional,
        Prohibited
    };
    Q_ENUM(Rule)

    enum class Reason
    {
        Send,                      // the process's reply goes out
        ProviderAlreadyReplied,    // the provider answered its own default keyword
        CountryProhibits,          // no confirmation after an opt-out in this country
        NoReplyMessage,            // the process has none (allowed for this type)
        NoReplyButCountryRequires, // a compliance gap to show, not a silent skip
    };
    Q_ENUM(Reason)

    struct Decision
    {
        bool send = false;
        Reason reason = Reason::NoReplyMessage;
        QString explanation; // a sentence for the activity log / a warning
    };

    // Country codes are ISO 3166-1 alpha-2 ("US"), as libphonenumber gives them.
    explicit ConfirmationRule(QHash<QString, Rule> accountOverrides = {});

    // The account's override, else the default table, else Optional.
    Rule ruleFor(QStringView countryCode) const;
    const QHash<QString, Rule> &overrides() const { return m_overrides; }

    // The documented defaults (see the .cpp for sources): only countries that differ from
    // Optional are listed.
    static const QHash<QString, Rule> &defaultTable();
    static Rule defaultRuleFor(QStringView countryCode);

    // Settings values: required, optional, prohibited. Unknown text gives nullopt.
    static QString ruleToString(Rule rule);
    static std::optional<Rule> ruleFromString(QStringView text);

    // The opt-out confirmation decision (an Unsubscribe process matched). `keyword` only
    // words the explanation ("the provider already confirmed STOP").
    static Decision shouldSendConfirmation(bool processHasReply, Rule countryRule,
                                           bool providerHandlesDefaultKeywords,
                                           bool matchedKeywordIsProviderDefault,
                                           QStringView keyword = {});

    // The same decision for any process type; the country rule applies to Unsubscribe only.
    static Decision shouldSendReply(KeywordProcess::Type type, bool processHasReply,
                                    Rule countryRule, bool providerHandlesDefaultKeywords,
                                    bool matchedKeywordIsProviderDefault, QStringView keyword = {});

    // The per-number setting as it really applies: US toll-free opt-outs are handled by the
    // carrier whatever the setting; a shared short code never sees the provider's defaults.
    static bool providerHandlesDefaultKeywords(KeywordMatcher::NumberKind kind, bool numberSetting);

private:
    QHash<QString, Rule> m_overrides;
};
