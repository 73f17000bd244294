#include "TeamAgentOps.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

using Outcome = TeamOpApplier::Outcome;

namespace {
const QString AgentJoin = u"agent.join"_s;
const QString AgentInvite = u"agent.invite"_s;
const QString AgentRole = u"agent.role"_s;
const QString AgentRemove = u"agent.remove"_s;
} // namespace

TeamAgentOps::TeamAgentOps(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamAgentOps::isAgentKind(const QString &kind)
{
    return kind == AgentJoin || kind == AgentInvite || kind == AgentRole || kind == AgentRemove;
}

bool TeamAgentOps::isRole(const QString &role)
{
    return role == u"agent" || role == u"marketer" || role == u"admin";
}

std::optional<Outcome> TeamAgentOps::apply(qint64 accountId, const TeamOp &op)
{
    m_error.clear();
    if (op.target.isEmpty())
        return Outcome::NotApplicable;
    if (op.kind == AgentJoin)
        return join(accountId, op);
    // The rest is an admin's to decide, as the roster stands at this point of the log.
    if (!isAdmin(accountId, op.agent)) {
        qCInfo(lcStore) << "team op" << op.kind << "of a non-admin skipped:" << op.id;
        return Outcome::NotApplicable;
    }
    if (op.kind == AgentInvite)
        return invite(accountId, op);
    if (op.kind == AgentRole)
        return setRole(accountId, op);
    if (op.kind == AgentRemove)
        return remove(accountId, op);
    return Outcome::NotApplicable;
}

std::optional<Outcome> TeamAgentOps::exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec()) {
        m_error = u"cannot %1: %2"_s.arg(what, q.lastError().text());
        qCWarning(lcStore) << m_error;
        return std::nullopt;
    }
    return q.numRowsAffected() > 0 ? Outcome::Applied : Outcome::Unchanged;
}

bool TeamAgentOps::isAdmin(qint64 accountId, const QString &agentId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM team_agents WHERE account_id = ? AND agent_id = ? AND active = 1 "
              u"AND role = 'admin'"_s);
    q.addBindValue(accountId);
    q.addBindValue(agentId);
    return q.exec() && q.next();
}

std::optional<Outcome> TeamAgentOps::join(qint64 accountId, const TeamOp &op)
{
    QString name = op.fields.value(u"name"_s).toString().trimmed();
    QString role = op.fields.value(u"role"_s).toString();
    QSqlQuery invited(m_db);
    invited.prepare(u"SELECT name, role, invite_code FROM team_agents WHERE account_id = ? AND "
                    u"agent_id = ? AND invite_code IS NOT NULL"_s);
    invited.addBindValue(accountId);
    invited.addBindValue(op.target);
    if (!invited.exec()) {
        m_error = u"cannot read the team roster: "_s + invited.lastError().text();
        return std::nullopt;
    }
    if (invited.next()) {
        // Joining an invitation: only with its code, and as the admin chose (name and role),
        // whatever the joining desktop says.
        if (op.fields.value(u"invite"_s).toString() != invited.value(2).toString())
            return Outcome::NotApplicable;
        name = invited.value(0).toString();
        role = invited.value(1).toString();
    }
    if (name.isEmpty() || !isRole(role))
        return Outcome::NotApplicable;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO team_agents (account_id, agent_id, name, role, active, joined_at) "
              u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, agent_id) DO UPDATE SET "
              u"name = excluded.name, role = excluded.role, active = excluded.active, "
              u"invite_code = NULL, joined_at = CASE WHEN invite_code IS NULL THEN joined_at "
              u"ELSE excluded.joined_at END "
              u"WHERE name IS NOT excluded.name OR role IS NOT excluded.role "
              u"OR active IS NOT excluded.active OR invite_code IS NOT NULL"_s);
    q.addBindValue(accountId);
    q.addBindValue(op.target);
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(op.fields.value(u"active"_s).toBool(true) ? 1 : 0);
    q.addBindValue(op.at);
    return exec(q, u"store a team member"_s);
}

std::optional<Outcome> TeamAgentOps::invite(qint64 accountId, const TeamOp &op)
{
    const QString name = op.fields.value(u"name"_s).toString().trimmed();
    const QString role = op.fields.value(u"role"_s).toString();
    const QString code = op.fields.value(u"code"_s).toString();
    if (name.isEmpty() || !isRole(role) || code.isEmpty())
        return Outcome::NotApplicable;
    // The invited person's desktop may have joined (and applied its join) before it reads the
    // invitation from the log: a member already there stays as it is.
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO team_agents (account_id, agent_id, name, role, active, joined_at, "
              u"invite_code) VALUES (?, ?, ?, ?, 0, ?, ?) "
              u"ON CONFLICT (account_id, agent_id) DO NOTHING"_s);
    q.addBindValue(accountId);
    q.addBindValue(op.target);
    q.addBindValue(name);
    q.addBindValue(role);
    q.addBindValue(op.at);
    q.addBindValue(code);
    return exec(q, u"store an invitation"_s);
}

std::optional<Outcome> TeamAgentOps::setRole(qint64 accountId, const TeamOp &op)
{
    const QString role = op.fields.value(u"role"_s).toString();
    if (!isRole(role))
        return Outcome::NotApplicable;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE team_agents SET role = ? WHERE account_id = ? AND agent_id = ? "
              u"AND (active = 1 OR invite_code IS NOT NULL) AND role IS NOT ?"_s);
    q.addBindValue(role);
    q.addBindValue(accountId);
    q.addBindValue(op.target);
    q.addBindValue(role);
    return exec(q, u"change a team member's role"_s);
}

std::optional<Outcome> TeamAgentOps::remove(qint64 accountId, const TeamOp &op)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE team_agents SET active = 0, invite_code = NULL WHERE account_id = ? "
              u"AND agent_id = ? AND (active = 1 OR invite_code IS NOT NULL)"_s);
    q.addBindValue(accountId);
    q.addBindValue(op.target);
    return exec(q, u"remove a team member"_s);
}
