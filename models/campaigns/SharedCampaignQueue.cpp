#include "SharedCampaignQueue.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SharedCampaignQueue::SharedCampaignQueue(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool SharedCampaignQueue::exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return true;
    m_error = u"cannot %1: %2"_s.arg(what, query.lastError().text());
    return false;
}

std::optional<QHash<QString, qint64>>
SharedCampaignQueue::dueTeamCampaigns(qint64 accountId, qint64 horizonMs, qint64 providerHorizonMs)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT c.team_id, c.id FROM campaigns c WHERE c.account_id = :a AND c.status "
              u"IN ('scheduled', 'running') AND c.team_id IS NOT NULL AND EXISTS (SELECT 1 FROM "
              u"campaign_recipients r WHERE r.campaign_id = c.id AND (r.state = 'sending' OR "
              u"(r.state = 'pending' AND r.planned_at <= :h) OR (r.state = 'pending' AND "
              u"r.planned_at <= :ph AND EXISTS (SELECT 1 FROM sender_numbers s JOIN "
              u"messaging_service_numbers ms ON ms.number = s.number AND ms.account_id = "
              u"c.account_id AND ms.send_through = 1 WHERE s.id = r.sender_number_id))))"_s);
    q.bindValue(u":a"_s, accountId);
    q.bindValue(u":h"_s, horizonMs);
    q.bindValue(u":ph"_s, providerHorizonMs);
    if (!exec(q, u"list the campaigns with work due"_s))
        return std::nullopt;
    QHash<QString, qint64> due;
    while (q.next())
        due.insert(q.value(0).toString(), q.value(1).toLongLong());
    return due;
}

std::optional<QString> SharedCampaignQueue::teamIdOf(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT coalesce(team_id, '') FROM campaigns WHERE id = :c"_s);
    q.bindValue(u":c"_s, campaignId);
    if (!exec(q, u"read the campaign's team id"_s) || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

std::optional<int> SharedCampaignQueue::withdrawUnposted(qint64 accountId, qint64 campaignId)
{
    m_error.clear();
    QSqlQuery q(m_db);
    // Renamed, not reused: the recipient gets a new message (same client reference) from
    // whichever desktop sends it next.
    q.prepare(u"UPDATE messages SET status = 'canceled', client_ref = client_ref || ':withdrawn:' "
              u"|| id WHERE id IN (SELECT r.message_id FROM campaign_recipients r JOIN campaigns c "
              u"ON c.id = r.campaign_id WHERE c.account_id = :a AND c.team_id IS NOT NULL AND "
              u"(:c = 0 OR c.id = :c) AND r.state = 'sending') AND status = 'queued' AND "
              u"provider_sid IS NULL AND last_attempt_at IS NULL RETURNING id"_s);
    q.bindValue(u":a"_s, accountId);
    q.bindValue(u":c"_s, campaignId);
    if (!exec(q, u"withdraw the campaigns' queued texts"_s))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    q.prepare(u"UPDATE campaign_recipients SET state = 'pending', message_id = NULL "
              u"WHERE message_id = :m AND state = 'sending'"_s);
    for (qint64 id : std::as_const(ids)) {
        q.bindValue(u":m"_s, id);
        if (!exec(q, u"put a recipient back in the queue"_s))
            return std::nullopt;
    }
    return int(ids.size());
}
