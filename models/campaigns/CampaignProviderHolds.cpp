#include "CampaignProviderHolds.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CampaignProviderHolds::CampaignProviderHolds(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<CampaignProviderHolds::Held>> CampaignProviderHolds::toCancel(qint64 accountId,
                                                                                  int limit)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT m.id, r.campaign_id, m.provider_sid, CASE WHEN c.status = 'canceled' "
              u"THEN 'canceled' ELSE 'opted_out' END FROM campaign_recipients r "
              u"JOIN campaigns c ON c.id = r.campaign_id JOIN messages m ON m.id = r.message_id "
              u"WHERE c.account_id = :a AND m.status = 'scheduled' AND m.provider_sid IS NOT NULL "
              u"AND (c.status = 'canceled' OR EXISTS (SELECT 1 FROM consent_events e WHERE "
              u"e.account_id = c.account_id AND e.contact_number = r.contact_number AND e.kind = "
              u"'opt_out' AND e.sender_number IN ('', m.from_number) AND e.occurred_at > "
              u"m.created_at)) ORDER BY m.id LIMIT :n"_s);
    q.bindValue(u":a"_s, accountId);
    q.bindValue(u":n"_s, limit);
    if (!q.exec()) {
        m_error = u"cannot read the texts to cancel: %1"_s.arg(q.lastError().text());
        return std::nullopt;
    }
    QList<Held> held;
    while (q.next())
        held.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString()});
    return held;
}

bool CampaignProviderHolds::canceled(qint64 messageId, const QString &reason, qint64 nowMSecs)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE messages SET status = 'canceled', next_attempt_at = NULL, "
              u"updated_at = :now WHERE id = :id AND status = 'scheduled'"_s);
    q.bindValue(u":now"_s, nowMSecs);
    q.bindValue(u":id"_s, messageId);
    if (!q.exec()) {
        m_error = u"cannot cancel message %1: %2"_s.arg(messageId).arg(q.lastError().text());
        return false;
    }
    q.prepare(u"UPDATE campaign_recipients SET state = 'skipped', reason = :r, "
              u"report_pending = 1, updated_at = :now WHERE message_id = :id AND state = 'sent'"_s);
    q.bindValue(u":r"_s, reason);
    q.bindValue(u":now"_s, nowMSecs);
    q.bindValue(u":id"_s, messageId);
    if (!q.exec()) {
        m_error = u"cannot skip the recipient of message %1: %2"_s.arg(messageId).arg(
            q.lastError().text());
        return false;
    }
    return true;
}
