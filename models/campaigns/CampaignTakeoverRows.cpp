#include "CampaignTakeoverRows.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Clocks of desktops and the provider differ a little: look a bit further back.
constexpr qint64 SkewMs = 2 * 60 * 1000;

} // namespace

CampaignTakeoverRows::CampaignTakeoverRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<CampaignTakeoverRows::Open> CampaignTakeoverRows::open(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT coalesce(started_at, scheduled_at, created_at), (SELECT count(*) FROM "
              u"campaign_recipients WHERE campaign_id = c.id AND state IN ('pending', "
              u"'sending')) FROM campaigns c WHERE id = ?"_s);
    q.addBindValue(campaignId);
    if (!q.exec() || !q.next()) {
        m_error = u"there is no campaign %1"_s.arg(campaignId);
        return std::nullopt;
    }
    Open open;
    open.sinceMs = q.value(0).toLongLong() - SkewMs;
    open.pending = q.value(1).toLongLong();
    q.prepare(u"SELECT s.number FROM campaign_senders cs JOIN sender_numbers s ON s.id = "
              u"cs.sender_number_id WHERE cs.campaign_id = ? ORDER BY cs.position"_s);
    q.addBindValue(campaignId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    while (q.next())
        open.senders.append(q.value(0).toString());
    return open;
}

std::optional<int> CampaignTakeoverRows::recordFound(qint64 campaignId,
                                                     const QHash<QString, QString> &sidByTo,
                                                     qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE campaign_recipients SET state = 'sent', reason = '', provider_sid = :sid, "
              u"report_pending = 1, updated_at = :now WHERE campaign_id = :c AND "
              u"contact_number = :n AND state = 'pending'"_s);
    int found = 0;
    for (auto it = sidByTo.cbegin(); it != sidByTo.cend(); ++it) {
        q.bindValue(u":sid"_s, it.value());
        q.bindValue(u":now"_s, nowMs);
        q.bindValue(u":c"_s, campaignId);
        q.bindValue(u":n"_s, it.key());
        if (!q.exec()) {
            m_error = u"cannot record a text found at the provider: "_s + q.lastError().text();
            return std::nullopt;
        }
        found += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return found;
}
