#include "CampaignSendHistory.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CampaignSendHistory::CampaignSendHistory(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QHash<QString, QList<qint64>>> CampaignSendHistory::sends(qint64 accountId,
                                                                        qint64 sinceMs)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // A recipient's text: when its message left here, else when the team heard it was sent
    // (the progress op), else when it is planned; failed, skipped and held-out ones never
    // reached the customer, nor do pending ones of a paused or finished campaign.
    q.prepare(u"SELECT r.contact_number, coalesce(m.sent_at, m.created_at, CASE WHEN r.state = "
              u"'pending' THEN r.planned_at ELSE r.updated_at END) FROM campaign_recipients r "
              u"JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN messages m ON m.id = "
              u"r.message_id WHERE c.account_id = ? AND (r.state IN ('sent', 'sending') OR "
              u"(r.state = 'pending' AND c.status IN ('scheduled', 'running'))) "
              u"UNION ALL "
              u"SELECT m.customer_number, coalesce(m.sent_at, m.created_at) FROM messages m "
              u"WHERE m.account_id = ? AND m.campaign_id IS NOT NULL AND m.direction = 'out' "
              u"AND m.status NOT IN ('failed', 'blocked', 'canceled') AND NOT EXISTS (SELECT 1 "
              u"FROM campaign_recipients r WHERE r.message_id = m.id)"_s);
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    if (!q.exec()) {
        m_error = u"cannot read the team's campaign texts: "_s + q.lastError().text();
        return std::nullopt;
    }
    QHash<QString, QList<qint64>> sends;
    while (q.next()) {
        const qint64 at = q.value(1).toLongLong();
        if (at >= sinceMs)
            sends[q.value(0).toString()].append(at);
    }
    return sends;
}
