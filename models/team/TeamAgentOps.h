// The roster's ops: a person joins (by themselves, or with an admin's invitation), an admin
// invites someone, changes a member's role or removes a member. Every desktop applies them in
// the log's order; an invitation, role change or removal counts only when its maker is an
// active admin of the roster at that point of the log, so every desktop agrees on who may.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamAgentOps
{
public:
    explicit TeamAgentOps(QSqlDatabase db);

    // agent.join, agent.invite, agent.role, agent.remove.
    static bool isAgentKind(const QString &kind);
    static bool isRole(const QString &role);

    // Inside the caller's transaction; nullopt on a store error (errorString()).
    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> join(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> invite(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> setRole(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> remove(qint64 accountId, const TeamOp &op);
    bool isAdmin(qint64 accountId, const QString &agentId);
    std::optional<TeamOpApplier::Outcome> exec(class QSqlQuery &q, const QString &what);

    QSqlDatabase m_db;
    QString m_error;
};
