#include "ConfirmationRule.h"

using namespace Qt::StringLiterals;

namespace {

QString quoted(QStringView keyword)
{
    return keyword.isEmpty() ? u"the keyword"_s : u"“"_s % keyword % u"”"_s;
}

} // namespace

ConfirmationRule::ConfirmationRule(QHash<QString, Rule> accountOverrides)
{
    // Keys are compared in upper case so "us" and "US" are one country, not two entries.
    for (auto it = accountOverrides.cbegin(); it != accountOverrides.cend(); ++it)
        m_overrides.insert(it.key().toUpper(), it.value());
}

ConfirmationRule::Rule ConfirmationRule::ruleFor(QStringView countryCode) const
{
    const QString key = countryCode.toString().toUpper();
    const auto it = m_overrides.constFind(key);
    return it != m_overrides.cend() ? it.value() : defaultRuleFor(key);
}

// Defaults, deliberately few:
// - US and its NANP territories (PR, VI, GU, AS, MP): the CTIA Messaging Principles and
//   Best Practices ask for one confirmation message after an opt-out, and carriers audit
//   short codes for it.
// - CA: the CWTA Canadian Common Short Code guidelines ask the same.
// Everything else is Optional: no authoritative list of countries that prohibit or require
// a confirmation was found, so the account decides per country (overrides), including
// Prohibited where its counsel says so.
const QHash<QString, ConfirmationRule::Rule> &ConfirmationRule::defaultTable()
{
    static const QHash<QString, Rule> table{
        {u"US"_s, Rule::Required}, {u"PR"_s, Rule::Required}, {u"VI"_s, Rule::Required},
        {u"GU"_s, Rule::Required}, {u"AS"_s, Rule::Required}, {u"MP"_s, Rule::Required},
        {u"CA"_s, Rule::Required},
    };
    return table;
}

ConfirmationRule::Rule ConfirmationRule::defaultRuleFor(QStringView countryCode)
{
    return defaultTable().value(countryCode.toString().toUpper(), Rule::Optional);
}

QString ConfirmationRule::ruleToString(Rule rule)
{
    switch (rule) {
    case Rule::Required:
        return u"required"_s;
    case Rule::Optional:
        return u"optional"_s;
    case Rule::Prohibited:
        return u"prohibited"_s;
    }
    return {};
}

std::optional<ConfirmationRule::Rule> ConfirmationRule::ruleFromString(QStringView text)
{
    for (const Rule rule : {Rule::Required, Rule::Optional, Rule::Prohibited}) {
        if (text == ruleToString(rule))
            return rule;
    }
    return std::nullopt;
}

ConfirmationRule::Decision
ConfirmationRule::shouldSendConfirmation(bool processHasReply, Rule countryRule,
                                         bool providerHandlesDefaultKeywords,
                                         bool matchedKeywordIsProviderDefault, QStringView keyword)
{
    return shouldSendReply(KeywordProcess::Type::Unsubscribe, processHasReply, countryRule,
                           providerHandlesDefaultKeywords, matchedKeywordIsProviderDefault,
                           keyword);
}

ConfirmationRule::Decision ConfirmationRule::shouldSendReply(KeywordProcess::Type type,
                                                             bool processHasReply, Rule countryRule,
                                                             bool providerHandlesDefaultKeywords,
                                                             bool matchedKeywordIsProviderDefault,
                                                             QStringView keyword)
{
    // First, because a second text after the provider's own answer to STOP is refused with
    // 21610, and the provider's confirmation already satisfies a Required rule.
    if (providerHandlesDefaultKeywords && matchedKeywordIsProviderDefault) {
        return {false, Reason::ProviderAlreadyReplied,
                u"The provider already answered "_s % quoted(keyword) %
                    u"; SMS Desk recorded it and sends no second reply."_s};
    }
    const bool unsubscribe = type == KeywordProcess::Type::Unsubscribe;
    if (unsubscribe && countryRule == Rule::Prohibited) {
        return {false, Reason::CountryProhibits,
                u"No confirmation after "_s % quoted(keyword) %
                    u": the recipient's country does not allow one."_s};
    }
    if (!processHasReply) {
        if (unsubscribe && countryRule == Rule::Required) {
            return {false, Reason::NoReplyButCountryRequires,
                    u"The recipient's country requires a confirmation after "_s % quoted(keyword) %
                        u", but the Unsubscribe process has no reply message."_s};
        }
        return {false, Reason::NoReplyMessage,
                u"The "_s % KeywordProcess::displayName(type) %
                    u" process has no reply message."_s};
    }
    return {true, Reason::Send,
            u"Sending the "_s % KeywordProcess::displayName(type) % u" reply to "_s %
                quoted(keyword) % u"."_s};
}

bool ConfirmationRule::providerHandlesDefaultKeywords(KeywordMatcher::NumberKind kind,
                                                      bool numberSetting)
{
    switch (kind) {
    case KeywordMatcher::NumberKind::TollFree:
        return true;
    case KeywordMatcher::NumberKind::SharedShortCode:
        return false;
    case KeywordMatcher::NumberKind::LongCode:
    case KeywordMatcher::NumberKind::ShortCode:
        return numberSetting;
    }
    return numberSetting;
}
