#include "CampaignPlanWriter.h"

#include "CampaignPlanner.h"
#include "ContactValues.h"
#include "LocalTimeResolver.h"
#include "PhoneNumber.h"
#include "PhoneNumberParse.h"
#include "SegmentCounter.h"
#include "TemplateText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

ThroughputPlanner::SenderKind kindOf(const QString &kind)
{
    if (kind == u"toll_free")
        return ThroughputPlanner::SenderKind::TollFree;
    if (kind == u"short_code" || kind == u"shared_short_code")
        return ThroughputPlanner::SenderKind::ShortCode;
    return ThroughputPlanner::SenderKind::LongCode;
}

} // namespace

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

std::optional<CampaignPlanSummary> CampaignPlanWriter::write(qint64 campaignId,
                                                             const CampaignDraft &draft,
                                                             const QStringList &numbers,
                                                             qint64 nowMSecs, const QString &actor)
{
    m_error.clear();
    if (!m_db.transaction())
        return fail(u"cannot begin a transaction: %1"_s.arg(m_db.lastError().text())), std::nullopt;
    std::optional<CampaignPlanSummary> summary = run(campaignId, draft, numbers, nowMSecs, actor);
    if (!summary || !m_db.commit()) {
        if (summary)
            fail(u"cannot commit the plan: %1"_s.arg(m_db.lastError().text()));
        m_db.rollback();
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
    CampaignPlanner::Input input;
    input.campaignId = campaignId;
    input.variants = draft.variants;
    input.holdOutPercent = draft.holdOutPercent;
    input.accountZone = QTimeZone(draft.accountZone.toUtf8());
    if (!input.accountZone.isValid())
        return error(u"unknown account time zone '%1'"_s.arg(draft.accountZone));
    QString quietError;
    const auto quiet =
        QuietHours::fromSendWindow(draft.windowStartMinute, draft.windowEndMinute, &quietError);
    if (!quiet)
        return error(quietError);
    input.quietHours = *quiet;
    switch (draft.schedule) {
    case CampaignDraft::ScheduleKind::Now:
        input.schedule.mode = SendTimePlanner::Mode::Now;
        break;
    case CampaignDraft::ScheduleKind::AccountTime:
        input.schedule.mode = SendTimePlanner::Mode::AccountLocalTime;
        break;
    case CampaignDraft::ScheduleKind::RecipientLocal:
        input.schedule.mode = SendTimePlanner::Mode::RecipientLocalTime;
        break;
    }
    input.schedule.date = draft.date;
    input.schedule.time = draft.time;

    QSqlQuery q(m_db);
    // Senders, with what their daily cap already spent today (in the account's zone).
    const qint64 dayStart = LocalTimeResolver::toUtcMSecs(
        input.accountZone, LocalTimeResolver::localDate(input.accountZone, nowMSecs), QTime(0, 0));
    q.prepare(u"SELECT s.id, s.throughput_mps, s.daily_cap, s.kind, "
              u"(SELECT coalesce(sum(m.segments), 0) FROM messages m WHERE m.account_id = "
              u"s.account_id AND m.direction = 'out' AND m.from_number = s.number AND "
              u"m.created_at >= :day) FROM campaign_senders cs JOIN sender_numbers s ON s.id = "
              u"cs.sender_number_id WHERE cs.campaign_id = :c ORDER BY cs.position"_s);
    q.bindValue(u":day"_s, dayStart);
    q.bindValue(u":c"_s, campaignId);
    if (!q.exec())
        return error(u"cannot read the sender pool: %1"_s.arg(q.lastError().text()));
    while (q.next()) {
        ThroughputPlanner::Sender s;
        s.id = q.value(0).toLongLong();
        s.segmentsPerSecond =
            q.value(1).toDouble() > 0
                ? q.value(1).toDouble()
                : ThroughputPlanner::defaultSegmentsPerSecond(kindOf(q.value(3).toString()));
        s.dailyCap = q.value(2).isNull() ? 0 : q.value(2).toInt();
        s.capCountsSegments = true; // sender_numbers.daily_cap is in segments
        s.usedToday = q.value(4).toInt();
        input.senders.append(s);
    }

    // The variants' texts: only approved versions go to customers.
    QList<TemplateText> texts;
    for (const CampaignDraft::Variant &v : draft.variants) {
        q.prepare(u"SELECT body, state FROM template_versions WHERE id = :id"_s);
        q.bindValue(u":id"_s, v.templateVersionId);
        if (!q.exec() || !q.next())
            return error(u"variant %1: there is no template version %2"_s.arg(v.label).arg(
                v.templateVersionId));
        if (q.value(1).toString() != u"approved")
            return error(u"variant %1: template version %2 is %3, not approved"_s.arg(v.label)
                             .arg(v.templateVersionId)
                             .arg(q.value(1).toString()));
        texts.append(TemplateText(q.value(0).toString()));
    }

    QList<QHash<QString, QString>> fields;
    for (const QString &raw : numbers) {
        const PhoneNumberParse parsed = PhoneNumber::parse(raw, QString());
        if (!parsed.ok())
            return error(parsed.errorMessage);
        CampaignPlanner::Recipient r;
        r.number = parsed.number.canonical();
        r.regionZone = parsed.number.defaultTimeZoneId();
        q.prepare(u"SELECT id, name, attributes, time_zone FROM contacts "
                  u"WHERE account_id = :a AND number = :n"_s);
        q.bindValue(u":a"_s, draft.accountId);
        q.bindValue(u":n"_s, r.number);
        if (!q.exec())
            return error(u"cannot read contact %1: %2"_s.arg(r.number, q.lastError().text()));
        QString name, attributes;
        if (q.next()) {
            r.contactId = q.value(0).toLongLong();
            name = q.value(1).toString();
            attributes = q.value(2).toString();
            r.contactZone = q.value(3).toString();
        }
        q.prepare(u"SELECT sender_number_id FROM threads WHERE account_id = :a AND "
                  u"customer_number = :n AND provider_keyword = '' "
                  u"ORDER BY last_message_at DESC NULLS LAST, id DESC LIMIT 1"_s);
        q.bindValue(u":a"_s, draft.accountId);
        q.bindValue(u":n"_s, r.number);
        if (!q.exec())
            return error(u"cannot read threads of %1: %2"_s.arg(r.number, q.lastError().text()));
        if (q.next())
            r.stickySenderId = q.value(0).toLongLong();
        fields.append(ContactValues::forContact(name, r.number, attributes));
        input.recipients.append(r);
    }
    input.segments = [&texts, &fields](qsizetype i, int variant) {
        return SegmentCounter::count(texts.at(variant).render(fields.at(i)).text).segments;
    };

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
              u"variant, state, sender_number_id, planned_at, updated_at) VALUES (:c, :n, "
              u":contact, :variant, :state, :sender, :at, :now)"_s);
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
