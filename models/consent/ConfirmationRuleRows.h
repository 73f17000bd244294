// The account's per-country opt-out confirmation rules (table confirmation_rules): overrides
// of ConfirmationRule's documented defaults, changed by admins with an audit entry.
#pragma once

#include "ConfirmationRule.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class ConfirmationRuleRows
{
public:
    explicit ConfirmationRuleRows(QSqlDatabase db);

    // The defaults with the account's overrides; nullopt on a read error.
    std::optional<ConfirmationRule> load(qint64 accountId);

    // Sets the rule for `countryCode` (ISO 3166 alpha-2, any case); setting the default
    // itself removes the override. Refuses an unknown-looking code.
    bool set(qint64 accountId, const QString &countryCode, ConfirmationRule::Rule rule,
             const QString &actor);

    // The region a confirmation rule is looked up under: the customer's (ISO 3166), or
    // "US" when the number cannot be parsed (short codes are read as US ones).
    static QString countryOf(const QString &customerNumber);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
