#include "CampaignStats.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CampaignStats::CampaignStats(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<CampaignStats::Counts>> CampaignStats::counts(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"SELECT r.variant, count(*), "
        u"coalesce(sum(r.state IN ('pending', 'sending')), 0), "
        u"coalesce(sum(r.state = 'sent'), 0), "
        u"coalesce(sum(m.status = 'delivered'), 0), "
        u"coalesce(sum(r.state = 'failed' OR (r.state = 'sent' AND m.status IN ('failed', "
        u"'undelivered'))), 0), "
        u"coalesce(sum(r.state = 'sent' AND EXISTS (SELECT 1 FROM messages i WHERE "
        u"i.thread_id = m.thread_id AND i.direction = 'in' AND i.created_at > m.created_at)), 0), "
        u"coalesce(sum(r.reason = 'opted_out' OR (m.id IS NOT NULL AND EXISTS (SELECT 1 FROM "
        u"consent_events e WHERE e.account_id = m.account_id AND e.contact_number = "
        u"r.contact_number AND e.kind = 'opt_out' AND e.occurred_at > m.created_at))), 0), "
        u"coalesce(sum(r.state = 'skipped'), 0) "
        u"FROM campaign_recipients r LEFT JOIN messages m ON m.id = r.message_id "
        u"WHERE r.campaign_id = :c GROUP BY r.variant "
        u"ORDER BY r.variant = 'holdout', r.variant"_s);
    q.bindValue(u":c"_s, campaignId);
    if (!q.exec()) {
        m_error = u"cannot count campaign %1: %2"_s.arg(campaignId).arg(q.lastError().text());
        return std::nullopt;
    }
    QList<Counts> rows;
    Counts total;
    while (q.next()) {
        Counts c;
        c.variant = q.value(0).toString();
        c.recipients = q.value(1).toLongLong();
        c.queued = q.value(2).toLongLong();
        c.sent = q.value(3).toLongLong();
        c.delivered = q.value(4).toLongLong();
        c.failed = q.value(5).toLongLong();
        c.replied = q.value(6).toLongLong();
        c.optedOut = q.value(7).toLongLong();
        c.skipped = q.value(8).toLongLong();
        total.recipients += c.recipients;
        total.queued += c.queued;
        total.sent += c.sent;
        total.delivered += c.delivered;
        total.failed += c.failed;
        total.replied += c.replied;
        total.optedOut += c.optedOut;
        total.skipped += c.skipped;
        rows.append(c);
    }
    rows.append(total);
    return rows;
}
