#include "TeamStateRows.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

TeamStateRows::TeamStateRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamStateRows::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

std::optional<TeamStateRows::State> TeamStateRows::state(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT s.agent_id, s.desk_id, s.applied_index, COALESCE(a.name, ''), "
              u"COALESCE(a.role, '') FROM team_state s "
              u"LEFT JOIN team_agents a ON a.account_id = s.account_id AND a.agent_id = s.agent_id "
              u"WHERE s.account_id = ?"_s);
    q.addBindValue(accountId);
    if (!q.exec()) {
        fail(u"cannot read the team state: "_s + q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    State s;
    s.agentId = q.value(0).toString();
    s.deskId = q.value(1).toString();
    s.appliedIndex = q.value(2).toLongLong();
    s.agentName = q.value(3).toString();
    s.role = q.value(4).toString();
    return s;
}

bool TeamStateRows::join(qint64 accountId, const QString &agentId, const QString &deskId)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO team_state (account_id, agent_id, desk_id) VALUES (?, ?, ?) "
              u"ON CONFLICT (account_id) DO UPDATE SET agent_id = excluded.agent_id, "
              u"desk_id = excluded.desk_id"_s);
    q.addBindValue(accountId);
    q.addBindValue(agentId);
    q.addBindValue(deskId);
    return q.exec() || fail(u"cannot join the team: "_s + q.lastError().text());
}

bool TeamStateRows::setApplied(qint64 accountId, qint64 appliedIndex)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"UPDATE team_state SET applied_index = max(applied_index, ?) WHERE account_id = ?"_s);
    q.addBindValue(appliedIndex);
    q.addBindValue(accountId);
    return q.exec() || fail(u"cannot store the team log position: "_s + q.lastError().text());
}

int TeamStateRows::rosterSize(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT count(*) FROM team_agents WHERE account_id = ? AND active = 1"_s);
    q.addBindValue(accountId);
    return q.exec() && q.next() ? qMax(1, q.value(0).toInt()) : 1;
}
