#include "TeamRosterRows.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString MemberColumns = u"agent_id, name, role, active, invite_code IS NOT NULL, joined_at, "
                              u"COALESCE(last_seen_at, 0), last_desk"_s;

TeamRosterRows::Member memberAt(const QSqlQuery &q)
{
    TeamRosterRows::Member m;
    m.agentId = q.value(0).toString();
    m.name = q.value(1).toString();
    m.role = q.value(2).toString();
    m.active = q.value(3).toInt() == 1;
    m.invited = q.value(4).toBool();
    m.joinedAt = q.value(5).toLongLong();
    m.lastSeenAt = q.value(6).toLongLong();
    m.lastDesk = q.value(7).toString();
    return m;
}

} // namespace

TeamRosterRows::TeamRosterRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamRosterRows::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

std::optional<QList<TeamRosterRows::Member>> TeamRosterRows::list(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MemberColumns +
              u" FROM team_agents WHERE account_id = ? AND (active = 1 OR invite_code IS NOT "
              u"NULL) ORDER BY name COLLATE NOCASE, agent_id"_s);
    q.addBindValue(accountId);
    if (!q.exec()) {
        fail(u"cannot read the team roster: "_s + q.lastError().text());
        return std::nullopt;
    }
    QList<Member> members;
    while (q.next())
        members.append(memberAt(q));
    return members;
}

std::optional<TeamRosterRows::Member> TeamRosterRows::member(qint64 accountId,
                                                             const QString &agentId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MemberColumns +
              u" FROM team_agents WHERE account_id = ? AND agent_id = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(agentId);
    if (!q.exec()) {
        fail(u"cannot read the team roster: "_s + q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return memberAt(q);
}

std::optional<TeamRosterRows::Member> TeamRosterRows::byName(qint64 accountId, const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + MemberColumns +
              u" FROM team_agents WHERE account_id = ? AND active = 1 AND name = ? "
              u"ORDER BY joined_at LIMIT 1"_s);
    q.addBindValue(accountId);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return memberAt(q);
}

bool TeamRosterRows::touch(qint64 accountId, const QString &agent, const QString &desk, qint64 atMs)
{
    if (agent.isEmpty())
        return true;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE team_agents SET last_seen_at = ?, last_desk = ? WHERE account_id = ? "
              u"AND (agent_id = ? OR (name = ? AND active = 1)) "
              u"AND COALESCE(last_seen_at, 0) < ?"_s);
    q.addBindValue(atMs);
    q.addBindValue(desk.isEmpty() ? u""_s : desk); // a null QString would bind NULL
    q.addBindValue(accountId);
    q.addBindValue(agent);
    q.addBindValue(agent);
    q.addBindValue(atMs);
    return q.exec() || fail(u"cannot note when a team member was seen: "_s + q.lastError().text());
}
