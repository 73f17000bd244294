// Keyword processes in the team log. A process is named by its team id (a UUID: local row ids
// differ per desktop) and its number by E.164 or short code (the same everywhere):
//  - keyword.put    the whole definition (number, type, keywords, reply, reply template);
//                   creates the process with the op's status, or updates its definition;
//  - keyword.state  started / paused / new;
//  - keyword.delete removes it.
// The op later in the log wins per process (definition and status apart). Ops from the log are
// not validated again: every desktop applies the same ops in the same order and ends the same,
// even when two admins made clashing processes at once (both are kept; KeywordMatcher's
// precedence decides, and an admin deletes one).
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class KeywordOpApplier
{
public:
    static bool handles(const QString &kind);

    explicit KeywordOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    // The op describing the stored process `processId` as it is now (after a change made here);
    // nullopt when it is not one of the account's (errorString()).
    std::optional<TeamOp> putOp(qint64 accountId, qint64 processId);
    std::optional<TeamOp> stateOp(qint64 accountId, qint64 processId);
    // Taken before the process is deleted.
    std::optional<TeamOp> deleteOp(qint64 accountId, qint64 processId);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> applyPut(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> applyState(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> applyDelete(qint64 accountId, const TeamOp &op);
    // Whether a change of ours to `field` of the op's process still waits for the log.
    bool overridden(qint64 accountId, const TeamOp &op, const QString &field,
                    TeamOpApplier::Origin origin);
    qint64 localId(qint64 accountId, const QString &teamId);
    bool audit(qint64 accountId, const TeamOp &op, const QString &action, qint64 id);
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
