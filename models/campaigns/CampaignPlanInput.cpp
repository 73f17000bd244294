#include "CampaignPlanInput.h"

#include "ContactValues.h"
#include "LocalTimeResolver.h"
#include "PhoneNumber.h"
#include "PhoneNumberParse.h"
#include "SegmentCounter.h"
#include "TemplateText.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

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

// What the segments callback renders from; shared so the Input can be copied.
struct Texts
{
    QList<TemplateText> variants;
    QList<QHash<QString, QString>> fields; // per recipient
};

} // namespace

CampaignPlanInput::CampaignPlanInput(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CampaignPlanInput::readSenders(const CampaignDraft &draft, const QTimeZone &zone,
                                    qint64 nowMSecs, CampaignPlanner::Input *input)
{
    // What each sender's daily cap already spent today (in the account's zone).
    const qint64 dayStart = LocalTimeResolver::toUtcMSecs(
        zone, LocalTimeResolver::localDate(zone, nowMSecs), QTime(0, 0));
    QSqlQuery q(m_db);
    q.prepare(u"SELECT s.id, s.throughput_mps, s.daily_cap, s.kind, "
              u"(SELECT coalesce(sum(m.segments), 0) FROM messages m WHERE m.account_id = "
              u"s.account_id AND m.direction = 'out' AND m.from_number = s.number AND "
              u"m.created_at >= :day) FROM sender_numbers s WHERE s.id = :id"_s);
    for (qint64 id : draft.senderIds) {
        q.bindValue(u":day"_s, dayStart);
        q.bindValue(u":id"_s, id);
        if (!q.exec()) {
            m_error =
                QCoreApplication::translate("CampaignPlanInput", "cannot read the sender pool: %1")
                    .arg(q.lastError().text());
            return false;
        }
        if (!q.next()) {
            m_error =
                QCoreApplication::translate("CampaignPlanInput", "there is no sender number %1")
                    .arg(id);
            return false;
        }
        ThroughputPlanner::Sender s;
        s.id = id;
        s.segmentsPerSecond =
            q.value(1).toDouble() > 0
                ? q.value(1).toDouble()
                : ThroughputPlanner::defaultSegmentsPerSecond(kindOf(q.value(3).toString()));
        s.dailyCap = q.value(2).isNull() ? 0 : q.value(2).toInt();
        s.capCountsSegments = true; // sender_numbers.daily_cap is in segments
        s.usedToday = q.value(4).toInt();
        input->senders.append(s);
        q.finish();
    }
    return true;
}

std::optional<CampaignPlanner::Input> CampaignPlanInput::read(qint64 campaignId,
                                                              const CampaignDraft &draft,
                                                              const QStringList &numbers,
                                                              qint64 nowMSecs)
{
    m_error.clear();
    const auto error = [this](const QString &message) {
        m_error = message;
        return std::optional<CampaignPlanner::Input>();
    };
    CampaignPlanner::Input input;
    input.campaignId = campaignId;
    input.variants = draft.variants;
    input.holdOutPercent = draft.holdOutPercent;
    input.accountZone = QTimeZone(draft.accountZone.toUtf8());
    if (!input.accountZone.isValid())
        return error(
            QCoreApplication::translate("CampaignPlanInput", "unknown account time zone '%1'")
                .arg(draft.accountZone));
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
    if (!readSenders(draft, input.accountZone, nowMSecs, &input))
        return std::nullopt;

    // The variants' texts: only approved versions go to customers.
    auto texts = std::make_shared<Texts>();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT body, state FROM template_versions WHERE id = :id"_s);
    for (const CampaignDraft::Variant &v : draft.variants) {
        q.bindValue(u":id"_s, v.templateVersionId);
        if (!q.exec() || !q.next())
            return error(QCoreApplication::translate("CampaignPlanInput",
                                                     "variant %1: there is no template version %2")
                             .arg(v.label)
                             .arg(v.templateVersionId));
        if (q.value(1).toString() != u"approved")
            return error(
                QCoreApplication::translate("CampaignPlanInput",
                                            "variant %1: template version %2 is %3, not approved")
                    .arg(v.label)
                    .arg(v.templateVersionId)
                    .arg(q.value(1).toString()));
        texts->variants.append(TemplateText(q.value(0).toString()));
        q.finish();
    }

    QSqlQuery contact(m_db);
    contact.prepare(u"SELECT id, name, attributes, time_zone FROM contacts "
                    u"WHERE account_id = :a AND number = :n"_s);
    QSqlQuery thread(m_db);
    thread.prepare(u"SELECT sender_number_id FROM threads WHERE account_id = :a AND "
                   u"customer_number = :n AND provider_keyword = '' "
                   u"ORDER BY last_message_at DESC NULLS LAST, id DESC LIMIT 1"_s);
    input.recipients.reserve(numbers.size());
    texts->fields.reserve(numbers.size());
    for (const QString &raw : numbers) {
        const PhoneNumberParse parsed = PhoneNumber::parse(raw, QString());
        if (!parsed.ok())
            return error(parsed.errorMessage);
        CampaignPlanner::Recipient r;
        r.number = parsed.number.canonical();
        r.regionZone = parsed.number.defaultTimeZoneId();
        contact.bindValue(u":a"_s, draft.accountId);
        contact.bindValue(u":n"_s, r.number);
        if (!contact.exec())
            return error(u"cannot read contact %1: %2"_s.arg(r.number, contact.lastError().text()));
        QString name, attributes;
        if (contact.next()) {
            r.contactId = contact.value(0).toLongLong();
            name = contact.value(1).toString();
            attributes = contact.value(2).toString();
            r.contactZone = contact.value(3).toString();
        }
        contact.finish();
        thread.bindValue(u":a"_s, draft.accountId);
        thread.bindValue(u":n"_s, r.number);
        if (!thread.exec())
            return error(
                u"cannot read threads of %1: %2"_s.arg(r.number, thread.lastError().text()));
        if (thread.next())
            r.stickySenderId = thread.value(0).toLongLong();
        thread.finish();
        texts->fields.append(ContactValues::forContact(name, r.number, attributes));
        input.recipients.append(r);
    }
    input.segments = [texts](qsizetype i, int variant) {
        return SegmentCounter::count(texts->variants.at(variant).render(texts->fields.at(i)).text)
            .segments;
    };
    return input;
}

CampaignPlanner::Result CampaignPlanInput::preview(const CampaignDraft &draft,
                                                   const QStringList &numbers, qint64 nowMSecs)
{
    const std::optional<CampaignPlanner::Input> input = read(0, draft, numbers, nowMSecs);
    if (!input) {
        CampaignPlanner::Result failed;
        failed.error = m_error;
        return failed;
    }
    return CampaignPlanner::plan(*input, nowMSecs);
}
