// Canned replies in the team log: canned.put carries a reply's name and body, named by its team
// id (a UUID). The op later in the log wins; a name two desktops chose at once is settled as
// for templates (TemplateOpApplier::deconflicted).
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class CannedReplyOpApplier
{
public:
    static bool handles(const QString &kind);

    explicit CannedReplyOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);
    // The op describing the stored reply `replyId`; nullopt when not one of the account's.
    std::optional<TeamOp> putOp(qint64 accountId, qint64 replyId);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
