// A number's settings in the team log: number.put carries them all (label, throughput, daily
// cap, send-only, the shared short code's provider keyword, whether the provider answers the
// default keywords), named by the number (E.164 or short code, the same on every desktop).
// The op later in the log wins per number. It also carries the accounts a send-only number is
// lent to, by provider SID (lent_to): a desktop that has such an account lends it there too,
// and takes back a lending the op does not list (docs/TEAM.md).
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class NumberSettingsOpApplier
{
public:
    static bool handles(const QString &kind);

    explicit NumberSettingsOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);
    // The op describing the account's number `numberId` as stored now.
    std::optional<TeamOp> putOp(qint64 accountId, qint64 numberId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
