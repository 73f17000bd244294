// What an admin does to the account's sender numbers: label, throughput and daily cap, the
// shared short code mark, send-only notifications, whether the provider answers the default
// keywords, and lending a send-only number to another account. Called by the Numbers and
// Keywords screens; every answer comes asynchronously. In a team a number's settings are also
// queued for the team log in the same transaction (number.put); lending is not shared.
#pragma once

#include "AdminCommandBase.h"

#include <optional>

class NumberCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    // What the Numbers screen's editor saves in one go.
    struct Settings
    {
        qint64 numberId = 0;
        QString label;
        double throughputMps = 1.0;
        std::optional<int> dailyCap; // nullopt: no cap
        bool sendOnly = false;
        // Short codes only: the account's provider keyword marks it a shared short code;
        // empty: an exclusive one. Ignored for other kinds.
        QString providerKeyword;
    };

    NumberCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                   QObject *parent = nullptr);

    // Saves the settings of one of the account's own numbers; a refused part (a provider
    // keyword that is not one word of letters, a cap of 0...) leaves the others unsaved when
    // it is found before the write, and the parts are saved in order (keyword, details,
    // send-only) otherwise, as the repository refuses each (in a team: all or none, with the
    // op that shares them).
    void save(const Settings &settings, Done done);
    // nullopt: what the provider does for the number's kind.
    void setProviderAnswersKeywords(qint64 numberId, std::optional<bool> setting, Done done);
    // Lends one of the account's send-only numbers to `toAccountId`, or takes it back.
    void lend(qint64 numberId, qint64 toAccountId, Done done);
    void takeBack(qint64 numberId, qint64 fromAccountId, Done done);

    // The problem of the settings found without the store; empty when none.
    static QString settingsProblem(const Settings &settings);
};
