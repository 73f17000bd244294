// Opt-out confirmation rules in the team log: rule.put carries a country's rule, named by its
// ISO 3166 code (the same on every desktop). The op later in the log wins per country.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class ConfirmationRuleOpApplier
{
public:
    static bool handles(const QString &kind);
    // The op saying `countryCode` (any case) has `rule` (ConfirmationRule's text form).
    static TeamOp putOp(const QString &countryCode, const QString &rule);

    explicit ConfirmationRuleOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
