#include "CampaignPlanWriter.h"

#include "CampaignPlanInput.h"
#include "CampaignPlanner.h"
#include "Savepoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CampaignPlanWriter::CampaignPlanWriter(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CampaignPlanWriter::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString CampaignPlanWriter::clientRef(qint64 campaignId, qint64 recipientId)
{
    return u"campaign:%1:%2"_s.arg(campaignId).arg(recipientId);
}

qint64 CampaignPlanWriter::sendBy(const CampaignDraft &draft, const SendTimePlanner &zones,
                                  const CampaignPlanner::Recipient &recipient,
                                  qint64 plannedAtMSecs)
{
    if (draft.sendNoLaterThanMSecs > 0)
        return draft.sendNoLaterThanMSecs;
    // The end of the day the text is planned for, where the recipient reads it.
    QTimeZone zone;
    zones.chooseZone({recipient.contactZone, recipient.regionZone}, &zone);
    const QDate day = QDateTime::fromMSecsSinceEpoch(plannedAtMSecs, zone).date();
    return QDateTime(day.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch();
}

std::optional<CampaignPlanSummary> CampaignPlanWriter::write(qint64 campaignId,
                                                             const CampaignDraft &draft,
                                                             const QStringList &numbers,
                                                             qint64 nowMSecs, const QString &actor)
{
    m_error.clear();
    // A savepoint: in a team the plan and the ops sharing it commit together.
    Savepoint savepoint(m_db, u"campaign_plan"_s);
    if (!savepoint.begin())
        return fail(savepoint.errorString()), std::nullopt;
    std::optional<CampaignPlanSummary> summary = run(campaignId, draft, numbers, nowMSecs, actor);
    if (!summary || !savepoint.release()) {
        if (summary)
            fail(savepoint.errorString());
        savepoint.rollback();
        return std::nullopt;
    }
    return summary;
}

std::optional<CampaignPlanSummary> CampaignPlanWriter::run(qint64 campaignId,
                                                           const CampaignDraft &draft,
                                                           const QStringList &numbers,
                                                           qint64 nowMSecs, const QString &actor)
{
    const auto error = [this](const QString &message) {
        fail(message);
        return std::optional<CampaignPlanSummary>();
    };
    CampaignPlanInput reader(m_db);
    const std::optional<CampaignPlanner::Input> read =
        reader.read(campaignId, draft, numbers, nowMSecs);
    if (!read)
        return error(reader.errorString());
    const CampaignPlanner::Input &input = *read;
    QSqlQuery q(m_db);
    const CampaignPlanner::Result plan = CampaignPlanner::plan(input, nowMSecs);
    if (!plan.ok())
        return error(plan.error);

    CampaignPlanSummary summary;
    summary.recipients = input.recipients.size();
    summary.perVariant = plan.perVariant;
    summary.heldOut = plan.heldOut;
    summary.finishMSecs = plan.finishMSecs;
    summary.stickyKept = plan.stickyKept;
    summary.deferredByQuietHours = plan.deferredByQuietHours;
    summary.firstAtMSecs = plan.finishMSecs;
    q.prepare(u"INSERT INTO campaign_recipients (campaign_id, contact_number, contact_id, "
              u"variant, state, sender_number_id, planned_at, updated_at, send_by) VALUES (:c, :n, "
              u":contact, :variant, :state, :sender, :at, :now, :by)"_s);
    const SendTimePlanner zones(input.accountZone, input.quietHours);
    for (qsizetype i = 0; i < plan.recipients.size(); ++i) {
        const CampaignPlanner::Planned &p = plan.recipients.at(i);
        const bool held = p.variant == CampaignPlanner::HoldOut;
        q.bindValue(u":c"_s, campaignId);
        q.bindValue(u":n"_s, input.recipients.at(i).number);
        q.bindValue(u":contact"_s, input.recipients.at(i).contactId > 0
                                       ? QVariant(input.recipients.at(i).contactId)
                                       : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(u":variant"_s, held ? u"holdout"_s : draft.variants.at(p.variant).label);
        q.bindValue(u":state"_s, held ? u"held_out"_s : u"pending"_s);
        q.bindValue(u":sender"_s,
                    held ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(p.senderId));
        q.bindValue(u":at"_s,
                    held ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(p.plannedAtMSecs));
        q.bindValue(u":now"_s, nowMSecs);
        q.bindValue(u":by"_s, held ? QVariant(QMetaType(QMetaType::LongLong))
                                   : QVariant(sendBy(draft, zones, input.recipients.at(i),
                                                     p.plannedAtMSecs)));
        if (!q.exec())
            return error(
                u"cannot queue %1: %2"_s.arg(input.recipients.at(i).number, q.lastError().text()));
        if (!held)
            summary.firstAtMSecs = std::min(summary.firstAtMSecs, p.plannedAtMSecs);
    }
    q.prepare(u"UPDATE campaign_recipients SET client_ref = 'campaign:' || campaign_id || ':' "
              u"|| id WHERE campaign_id = :c AND state = 'pending'"_s);
    q.bindValue(u":c"_s, campaignId);
    if (!q.exec())
        return error(u"cannot set client references: %1"_s.arg(q.lastError().text()));
    q.prepare(u"UPDATE campaigns SET status = 'scheduled', scheduled_at = :first, "
              u"expected_finish_at = :finish WHERE id = :c AND status = 'draft'"_s);
    q.bindValue(u":first"_s, summary.firstAtMSecs);
    q.bindValue(u":finish"_s, summary.finishMSecs);
    q.bindValue(u":c"_s, campaignId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return error(u"campaign %1 is no longer a draft"_s.arg(campaignId));
    const QJsonObject details{{u"recipients"_s, qint64(summary.recipients)},
                              {u"held_out"_s, qint64(summary.heldOut)},
                              {u"expected_finish_at"_s, summary.finishMSecs}};
    q.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, subject_id, "
              u"details) VALUES (:a, :actor, 'campaign.scheduled', 'campaign', :c, :d)"_s);
    q.bindValue(u":a"_s, draft.accountId);
    q.bindValue(u":actor"_s, actor);
    q.bindValue(u":c"_s, campaignId);
    q.bindValue(u":d"_s, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return error(u"cannot write the audit log: %1"_s.arg(q.lastError().text()));
    q.finish();
    return summary;
}
