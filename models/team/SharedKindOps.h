// The kinds of team op that carry what admins and marketers decide (keyword processes,
// templates, canned replies, confirmation rules, number settings, campaigns), dispatched to their
// appliers.
// TeamOpApplier hands them here.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class SharedKindOps
{
public:
    static bool handles(const QString &kind);
    // nullopt on a store error, with `error` set.
    static std::optional<TeamOpApplier::Outcome> apply(QSqlDatabase db, qint64 accountId,
                                                       const TeamOp &op,
                                                       TeamOpApplier::Origin origin,
                                                       QString *error);
};
