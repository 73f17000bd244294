// Resolves smsdesk-cli's --account option (an account id, Account SID or name) to one account
// of the profile, so that no read command ever answers for every account at once.
#pragma once

#include "AccountRows.h"

#include <QString>

#include <optional>

class CliAccount
{
public:
    // The account `value` names. An empty value is allowed only when the profile has exactly
    // one account. nullopt and *error (naming the profile's accounts) when the value names
    // none, or several, or is empty while the profile has several accounts or none. `rows`
    // on a reader (StoreReader::make) or in a writer job (WriterContext::repo).
    static std::optional<AccountRows::Row> resolve(AccountRows rows, const QString &value,
                                                   QString *error);

    // The help text of the option, shared by every command.
    static QString optionDescription();
};
