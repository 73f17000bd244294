#include "CampaignRows.h"

#include "Savepoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

CampaignRows::CampaignRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CampaignRows::fail(const QString &message)
{
    m_error = message;
    return false;
}

qint64 CampaignRows::createDraft(const CampaignDraft &draft)
{
    m_error.clear();
    if (draft.name.trimmed().isEmpty())
        return fail(u"a campaign needs a name"_s), 0;
    if (draft.variants.isEmpty())
        return fail(u"a campaign needs at least one template version"_s), 0;
    if (draft.senderIds.isEmpty())
        return fail(u"a campaign needs at least one sender number"_s), 0;
    if (draft.createdBy.isEmpty())
        return fail(u"a campaign needs its author"_s), 0;
    if (draft.schedule != CampaignDraft::ScheduleKind::Now &&
        (!draft.date.isValid() || !draft.time.isValid()))
        return fail(u"a scheduled campaign needs a valid date and time"_s), 0;
    if (!QTimeZone(draft.accountZone.toUtf8()).isValid())
        return fail(u"unknown account time zone '%1'"_s.arg(draft.accountZone)), 0;
    // A savepoint: a team change wraps this write and its ops in one transaction.
    Savepoint savepoint(m_db, u"campaign_draft"_s);
    if (!savepoint.begin())
        return fail(savepoint.errorString()), 0;
    QSqlQuery q(m_db);
    const auto abort = [&](const QString &why) {
        q.finish();
        savepoint.rollback();
        fail(why);
        return qint64(0);
    };
    for (qint64 sender : draft.senderIds) {
        q.prepare(u"SELECT 1 FROM sender_numbers WHERE id = :s AND account_id = :a"_s);
        q.bindValue(u":s"_s, sender);
        q.bindValue(u":a"_s, draft.accountId);
        if (!q.exec() || !q.next())
            return abort(u"sender number %1 is not a number of this account"_s.arg(sender));
    }
    q.prepare(
        u"INSERT INTO campaigns (account_id, name, sender_number_id, template_version_id, "
        u"status, window_start_minute, window_end_minute, created_by, schedule_kind, "
        u"schedule_local, account_zone, hold_out_percent, team_id, send_no_later_than) VALUES "
        u"(:account, :name, :sender, :version, 'draft', :ws, :we, :by, :kind, "
        u"coalesce(:local, ''), :zone, :hold, :team, :by_time) RETURNING id"_s);
    q.bindValue(u":account"_s, draft.accountId);
    q.bindValue(u":name"_s, draft.name.trimmed());
    q.bindValue(u":sender"_s, draft.senderIds.first());
    q.bindValue(u":version"_s, draft.variants.first().templateVersionId);
    q.bindValue(u":ws"_s, draft.windowStartMinute);
    q.bindValue(u":we"_s, draft.windowEndMinute);
    q.bindValue(u":by"_s, draft.createdBy);
    q.bindValue(u":kind"_s, CampaignDraft::scheduleToString(draft.schedule));
    q.bindValue(u":local"_s,
                draft.schedule == CampaignDraft::ScheduleKind::Now
                    ? QString()
                    : draft.date.toString(Qt::ISODate) + u'T' + draft.time.toString(u"HH:mm"_s));
    q.bindValue(u":zone"_s, draft.accountZone);
    q.bindValue(u":hold"_s, draft.holdOutPercent);
    q.bindValue(u":team"_s, draft.teamId.isEmpty()
                                ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                : draft.teamId);
    q.bindValue(u":by_time"_s, draft.sendNoLaterThanMSecs > 0
                                   ? QVariant(draft.sendNoLaterThanMSecs)
                                   : QVariant(QMetaType(QMetaType::LongLong)));
    if (!q.exec() || !q.next())
        return abort(u"cannot create the campaign: %1"_s.arg(q.lastError().text()));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    for (qsizetype i = 0; i < draft.variants.size(); ++i) {
        const CampaignDraft::Variant &v = draft.variants.at(i);
        q.prepare(u"INSERT INTO campaign_variants (campaign_id, label, template_version_id, "
                  u"percent, position) VALUES (:c, :label, :version, :percent, :pos)"_s);
        q.bindValue(u":c"_s, id);
        q.bindValue(u":label"_s, v.label);
        q.bindValue(u":version"_s, v.templateVersionId);
        q.bindValue(u":percent"_s, v.percent);
        q.bindValue(u":pos"_s, int(i));
        if (!q.exec())
            return abort(u"cannot store variant '%1': %2"_s.arg(v.label, q.lastError().text()));
    }
    for (qsizetype i = 0; i < draft.senderIds.size(); ++i) {
        q.prepare(u"INSERT INTO campaign_senders (campaign_id, sender_number_id, position) "
                  u"SELECT :c, id, :pos FROM sender_numbers WHERE id = :s AND account_id = :a"_s);
        q.bindValue(u":c"_s, id);
        q.bindValue(u":pos"_s, int(i));
        q.bindValue(u":s"_s, draft.senderIds.at(i));
        q.bindValue(u":a"_s, draft.accountId);
        if (!q.exec())
            return abort(u"cannot store the sender pool: %1"_s.arg(q.lastError().text()));
    }
    q.finish();
    if (!audit(draft.accountId, draft.createdBy, u"campaign.created"_s, id, u"{}"_s))
        return abort(m_error);
    if (!savepoint.release())
        return abort(savepoint.errorString());
    return id;
}

std::optional<CampaignDraft> CampaignRows::draft(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT account_id, name, schedule_kind, schedule_local, account_zone, "
              u"hold_out_percent, window_start_minute, window_end_minute, created_by, team_id, "
              u"coalesce(send_no_later_than, 0) FROM campaigns WHERE id = :id"_s);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return fail(u"cannot read campaign %1: %2"_s.arg(campaignId).arg(q.lastError().text())),
               std::nullopt;
    if (!q.next())
        return fail(u"there is no campaign %1"_s.arg(campaignId)), std::nullopt;
    CampaignDraft d;
    d.accountId = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    CampaignDraft::scheduleFromString(q.value(2).toString(), &d.schedule);
    const QString local = q.value(3).toString();
    if (!local.isEmpty()) {
        d.date = QDate::fromString(local.left(10), Qt::ISODate);
        d.time = QTime::fromString(local.mid(11), u"HH:mm"_s);
    }
    d.accountZone = q.value(4).toString();
    d.holdOutPercent = q.value(5).toInt();
    d.windowStartMinute = q.value(6).toInt();
    d.windowEndMinute = q.value(7).toInt();
    d.createdBy = q.value(8).toString();
    d.teamId = q.value(9).toString();
    d.sendNoLaterThanMSecs = q.value(10).toLongLong();
    q.prepare(u"SELECT label, template_version_id, percent FROM campaign_variants "
              u"WHERE campaign_id = :id ORDER BY position, id"_s);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return fail(q.lastError().text()), std::nullopt;
    while (q.next())
        d.variants.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt()});
    q.prepare(u"SELECT sender_number_id FROM campaign_senders WHERE campaign_id = :id "
              u"ORDER BY position"_s);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return fail(q.lastError().text()), std::nullopt;
    while (q.next())
        d.senderIds.append(q.value(0).toLongLong());
    return d;
}

std::optional<CampaignRows::PlanSummary> CampaignRows::plan(qint64 campaignId,
                                                            const QStringList &numbers,
                                                            qint64 nowMSecs, const QString &actor)
{
    m_error.clear();
    const std::optional<CampaignState::State> current = state(campaignId);
    if (!current)
        return std::nullopt;
    if (*current != CampaignState::State::Draft)
        return fail(u"campaign %1 is %2: only a draft can be planned"_s.arg(campaignId)
                        .arg(CampaignState::toString(*current))),
               std::nullopt;
    const std::optional<CampaignDraft> d = draft(campaignId);
    if (!d)
        return std::nullopt;
    CampaignPlanWriter writer(m_db);
    std::optional<PlanSummary> summary = writer.write(campaignId, *d, numbers, nowMSecs, actor);
    if (!summary)
        return fail(writer.errorString()), std::nullopt;
    return summary;
}

bool CampaignRows::audit(qint64 accountId, const QString &actor, const QString &action,
                         qint64 campaignId, const QString &detailsJson)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, subject_id, "
              u"details) VALUES (:a, :actor, :action, 'campaign', :id, :details)"_s);
    q.bindValue(u":a"_s, accountId);
    q.bindValue(u":actor"_s, actor);
    q.bindValue(u":action"_s, action);
    q.bindValue(u":id"_s, campaignId);
    q.bindValue(u":details"_s, detailsJson);
    if (!q.exec())
        return fail(u"cannot write the audit log: %1"_s.arg(q.lastError().text()));
    return true;
}

bool CampaignRows::transition(qint64 campaignId, CampaignState::State to, const QString &actor,
                              qint64 nowMSecs)
{
    m_error.clear();
    const auto from = state(campaignId);
    if (!from)
        return false;
    if (!CampaignState::canMove(*from, to))
        return fail(u"campaign %1 cannot go from %2 to %3"_s.arg(campaignId)
                        .arg(CampaignState::toString(*from), CampaignState::toString(to)));
    return write(campaignId, *from, to, actor, nowMSecs);
}

std::optional<bool> CampaignRows::applyState(qint64 campaignId, CampaignState::State to,
                                             bool automatic, const QString &actor, qint64 nowMSecs)
{
    m_error.clear();
    const auto from = state(campaignId);
    if (!from)
        return std::nullopt;
    // Finished is final whatever comes later in the log; a runner's own "running" never
    // undoes a person's pause that the log holds before it.
    if (*from == to || CampaignState::isFinished(*from) ||
        (automatic && to == CampaignState::State::Running &&
         *from != CampaignState::State::Scheduled))
        return false;
    if (!write(campaignId, *from, to, actor, nowMSecs))
        return std::nullopt;
    return true;
}

bool CampaignRows::write(qint64 campaignId, CampaignState::State from, CampaignState::State to,
                         const QString &actor, qint64 nowMSecs)
{
    Savepoint savepoint(m_db, u"campaign_state"_s);
    if (!savepoint.begin())
        return fail(savepoint.errorString());
    QSqlQuery q(m_db);
    const auto abort = [&](const QString &why) {
        q.finish();
        savepoint.rollback();
        return fail(why);
    };
    q.prepare(u"SELECT account_id FROM campaigns WHERE id = :id"_s);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec() || !q.next())
        return abort(u"there is no campaign %1"_s.arg(campaignId));
    const qint64 account = q.value(0).toLongLong();
    q.finish();
    q.prepare(u"UPDATE campaigns SET status = :to, "
              u"started_at = CASE WHEN :to = 'running' THEN coalesce(started_at, :now) "
              u"ELSE started_at END, "
              u"completed_at = CASE WHEN :to IN ('completed', 'canceled') THEN :now "
              u"ELSE completed_at END, "
              u"paused_at = CASE WHEN :to = 'paused' THEN :now ELSE NULL END WHERE id = :id"_s);
    q.bindValue(u":to"_s, CampaignState::toString(to));
    q.bindValue(u":now"_s, nowMSecs);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return abort(u"cannot update campaign %1: %2"_s.arg(campaignId).arg(q.lastError().text()));
    qint64 canceled = 0;
    qint64 withdrawn = 0;
    if (to == CampaignState::State::Canceled) {
        // Texts handed to the outbox but not yet attempted never leave: the outbox posts only
        // a message still queued, and records its attempt in the same writer job that checks.
        q.prepare(u"UPDATE messages SET status = 'canceled', updated_at = :now WHERE id IN "
                  u"(SELECT r.message_id FROM campaign_recipients r WHERE r.campaign_id = :id "
                  u"AND r.state = 'sending') AND status = 'queued' AND provider_sid IS NULL AND "
                  u"last_attempt_at IS NULL"_s);
        q.bindValue(u":now"_s, nowMSecs);
        q.bindValue(u":id"_s, campaignId);
        if (!q.exec())
            return abort(u"cannot withdraw the queued texts: %1"_s.arg(q.lastError().text()));
        withdrawn = q.numRowsAffected();
        q.prepare(u"UPDATE campaign_recipients SET state = 'skipped', reason = 'canceled', "
                  u"updated_at = :now WHERE campaign_id = :id AND (state = 'pending' OR "
                  u"(state = 'sending' AND message_id IN (SELECT id FROM messages WHERE "
                  u"status = 'canceled')))"_s);
        q.bindValue(u":now"_s, nowMSecs);
        q.bindValue(u":id"_s, campaignId);
        if (!q.exec())
            return abort(u"cannot skip the remaining recipients: %1"_s.arg(q.lastError().text()));
        canceled = q.numRowsAffected();
    }
    q.finish();
    QJsonObject details{{u"from"_s, CampaignState::toString(from)},
                        {u"to"_s, CampaignState::toString(to)}};
    if (to == CampaignState::State::Canceled) {
        details.insert(u"skipped"_s, canceled);
        details.insert(u"withdrawn"_s, withdrawn);
    }
    if (!audit(account, actor, u"campaign."_s + CampaignState::toString(to), campaignId,
               QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))))
        return abort(m_error);
    if (!savepoint.release())
        return abort(savepoint.errorString());
    return true;
}

qint64 CampaignRows::idOfTeamId(qint64 accountId, const QString &teamId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM campaigns WHERE account_id = :a AND team_id = :t"_s);
    q.bindValue(u":a"_s, accountId);
    q.bindValue(u":t"_s, teamId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<CampaignState::State> CampaignRows::state(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT status FROM campaigns WHERE id = :id"_s);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return fail(q.lastError().text()), std::nullopt;
    if (!q.next())
        return fail(u"there is no campaign %1"_s.arg(campaignId)), std::nullopt;
    const auto s = CampaignState::fromString(q.value(0).toString());
    if (!s)
        return fail(u"campaign %1 has an unknown state"_s.arg(campaignId)), std::nullopt;
    return s;
}

std::optional<QList<CampaignRows::Summary>> CampaignRows::list(qint64 accountId)
{
    return select(accountId, 0);
}

std::optional<CampaignRows::Summary> CampaignRows::summary(qint64 campaignId)
{
    const auto rows = select(0, campaignId);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty())
        return fail(u"there is no campaign %1"_s.arg(campaignId)), std::nullopt;
    return rows->first();
}

std::optional<QList<CampaignRows::Summary>> CampaignRows::select(qint64 accountId,
                                                                 qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT c.id, c.account_id, c.name, c.status, c.schedule_kind, "
              u"c.expected_finish_at, count(r.id), "
              u"coalesce(sum(r.state = 'held_out'), 0), coalesce(sum(r.state = 'pending'), 0), "
              u"coalesce(sum(r.state = 'sending'), 0), coalesce(sum(r.state = 'sent'), 0), "
              u"coalesce(sum(r.state = 'failed'), 0), coalesce(sum(r.state = 'skipped'), 0), "
              u"coalesce(sum(r.state = 'skipped' AND r.reason = 'too_late'), 0), "
              u"coalesce(sum(r.state = 'skipped' AND r.reason = 'canceled'), 0), c.team_id, "
              u"coalesce(sum(r.state = 'sent' AND EXISTS (SELECT 1 FROM messages m WHERE "
              u"m.id = r.message_id AND m.status = 'scheduled')), 0) "
              u"FROM campaigns c LEFT JOIN campaign_recipients r ON r.campaign_id = c.id "
              u"WHERE (:account = 0 OR c.account_id = :account) AND (:id = 0 OR c.id = :id) "
              u"GROUP BY c.id ORDER BY c.id DESC"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":id"_s, campaignId);
    if (!q.exec())
        return fail(u"cannot list campaigns: %1"_s.arg(q.lastError().text())), std::nullopt;
    QList<Summary> rows;
    while (q.next()) {
        Summary s;
        s.id = q.value(0).toLongLong();
        s.accountId = q.value(1).toLongLong();
        s.name = q.value(2).toString();
        s.state = CampaignState::fromString(q.value(3).toString()).value_or(s.state);
        s.scheduleKind = q.value(4).toString();
        if (!q.value(5).isNull())
            s.expectedFinishAt = q.value(5).toLongLong();
        s.total = q.value(6).toLongLong();
        s.heldOut = q.value(7).toLongLong();
        s.pending = q.value(8).toLongLong();
        s.sending = q.value(9).toLongLong();
        s.sent = q.value(10).toLongLong();
        s.failed = q.value(11).toLongLong();
        s.skipped = q.value(12).toLongLong();
        s.tooLate = q.value(13).toLongLong();
        s.canceled = q.value(14).toLongLong();
        s.teamId = q.value(15).toString();
        s.atProvider = q.value(16).toLongLong();
        rows.append(s);
    }
    return rows;
}
