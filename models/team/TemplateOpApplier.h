// Templates in the team log, named by their team id (a UUID):
//  - template.put     the template's name and type (created when new here);
//  - template.version one version in full (number, body, state, author, approval), so drafts,
//                     new versions, approvals and retirements travel the same way.
// The op later in the log wins per template (name and type) and per version number. Two
// templates given one name at once on two desktops: the one with the smaller team id keeps the
// name, the other is shown as "name (abcd)" on every desktop (template names are unique).
// A version over Sync's 16 KiB per item is refused when it is made (TeamShare), never split.
// An approval by the version's author is applied as a draft (TemplateApprovalRule).
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class TemplateOpApplier
{
public:
    static bool handles(const QString &kind);

    explicit TemplateOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    // The ops describing the template / the version as stored now (after a change made here);
    // nullopt when not one of the account's (errorString()).
    std::optional<TeamOp> putOp(qint64 accountId, qint64 templateId);
    std::optional<TeamOp> versionOp(qint64 accountId, qint64 versionId);

    // The name a template or canned reply with `teamId` takes when `wanted` is held by another
    // one (`holderTeamId`): the smaller team id keeps it, whichever desktop applies first.
    static QString deconflicted(const QString &wanted, const QString &teamId);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> applyPut(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> applyVersion(qint64 accountId, const TeamOp &op);
    qint64 localId(qint64 accountId, const QString &teamId);
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
