#include "CampaignOpApplier.h"

#include "AuditRows.h"
#include "CampaignOps.h"
#include "CampaignRows.h"
#include "StoreLogging.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {

QVariant nullableInt(const QJsonValue &value)
{
    return value.isDouble() ? QVariant(qint64(value.toDouble()))
                            : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

bool CampaignOpApplier::handles(const QString &kind)
{
    return kind == CampaignOps::Put || kind == CampaignOps::Recipients ||
           kind == CampaignOps::State || kind == CampaignOps::Progress;
}

CampaignOpApplier::CampaignOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> CampaignOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

QString CampaignOpApplier::actorOf(const TeamOp &op) const
{
    const QString actor = op.fields.value(u"by"_s).toString(op.agent);
    return actor.trimmed().isEmpty() ? u"team"_s : actor;
}

qint64 CampaignOpApplier::senderId(qint64 accountId, const QString &number)
{
    if (const qint64 known = m_senders.value(number); known != 0)
        return known;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM sender_numbers WHERE account_id = ? AND number = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(number);
    const qint64 id = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    if (id != 0)
        m_senders.insert(number, id);
    return id;
}

std::optional<Outcome> CampaignOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin)
{
    m_error.clear();
    if (op.target.isEmpty())
        return Outcome::NotApplicable;
    if (op.kind == CampaignOps::Put)
        return applyPut(accountId, op);
    const qint64 campaign = CampaignRows(m_db).idOfTeamId(accountId, op.target);
    if (campaign == 0)
        return Outcome::NotApplicable; // its definition was skipped here
    if (op.kind == CampaignOps::Recipients)
        return applyRecipients(accountId, campaign, op);
    if (op.kind == CampaignOps::State)
        return applyState(accountId, campaign, op, origin);
    if (op.kind == CampaignOps::Progress)
        return applyProgress(campaign, op);
    return Outcome::NotApplicable;
}

std::optional<Outcome> CampaignOpApplier::applyPut(qint64 accountId, const TeamOp &op)
{
    const QJsonObject &f = op.fields;
    if (CampaignRows(m_db).idOfTeamId(accountId, op.target) != 0)
        return Outcome::Unchanged;
    const auto status = CampaignState::fromString(f.value(u"status"_s).toString());
    const QJsonArray variants = f.value(u"variants"_s).toArray();
    const QJsonArray senders = f.value(u"senders"_s).toArray();
    if (!status || variants.isEmpty() || senders.isEmpty() ||
        f.value(u"name"_s).toString().trimmed().isEmpty()) {
        qCWarning(lcStore) << "team campaign op" << op.id << "skipped: incomplete definition";
        return Outcome::NotApplicable;
    }
    QList<qint64> versions;
    QSqlQuery q(m_db);
    for (const QJsonValue &variant : variants) {
        q.prepare(u"SELECT v.id FROM template_versions v JOIN templates t ON t.id = "
                  u"v.template_id WHERE t.account_id = ? AND t.team_id = ? AND v.version = ?"_s);
        q.addBindValue(accountId);
        q.addBindValue(variant[u"template"_s].toString());
        q.addBindValue(variant[u"version"_s].toInt());
        if (!q.exec())
            return fail(u"cannot read the templates: "_s + q.lastError().text());
        if (!q.next())
            return Outcome::NotApplicable; // a template version this desktop has not got
        versions.append(q.value(0).toLongLong());
    }
    QList<qint64> senderIds;
    for (const QJsonValue &number : senders) {
        const qint64 id = senderId(accountId, number.toString());
        if (id == 0)
            return Outcome::NotApplicable; // a number this desktop has not synced
        senderIds.append(id);
    }
    q.prepare(u"INSERT INTO campaigns (account_id, name, sender_number_id, template_version_id, "
              u"status, window_start_minute, window_end_minute, created_by, schedule_kind, "
              u"schedule_local, account_zone, hold_out_percent, team_id, send_no_later_than, "
              u"expected_finish_at, scheduled_at, team_recipients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
              u"?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(accountId);
    q.addBindValue(f.value(u"name"_s).toString().trimmed());
    q.addBindValue(senderIds.first());
    q.addBindValue(versions.first());
    q.addBindValue(CampaignState::toString(*status));
    q.addBindValue(f.value(u"window_start"_s).toInt(8 * 60));
    q.addBindValue(f.value(u"window_end"_s).toInt(21 * 60));
    q.addBindValue(f.value(u"created_by"_s).toString(actorOf(op)));
    q.addBindValue(f.value(u"schedule_kind"_s).toString(u"now"_s));
    q.addBindValue(f.value(u"schedule_local"_s).toString(u""_s));
    q.addBindValue(f.value(u"account_zone"_s).toString(u"UTC"_s));
    q.addBindValue(f.value(u"hold_out"_s).toInt());
    q.addBindValue(op.target);
    q.addBindValue(nullableInt(f.value(u"send_no_later_than"_s)));
    q.addBindValue(nullableInt(f.value(u"expected_finish_at"_s)));
    q.addBindValue(nullableInt(f.value(u"scheduled_at"_s)));
    q.addBindValue(f.value(u"recipients"_s).toInteger());
    if (!q.exec())
        return fail(u"cannot store a team campaign: "_s + q.lastError().text());
    const qint64 campaign = q.lastInsertId().toLongLong();
    for (qsizetype i = 0; i < variants.size(); ++i) {
        q.prepare(u"INSERT INTO campaign_variants (campaign_id, label, template_version_id, "
                  u"percent, position) VALUES (?, ?, ?, ?, ?)"_s);
        q.addBindValue(campaign);
        q.addBindValue(variants.at(i)[u"label"_s].toString());
        q.addBindValue(versions.at(i));
        q.addBindValue(variants.at(i)[u"percent"_s].toInt());
        q.addBindValue(int(i));
        if (!q.exec())
            return fail(u"cannot store a team campaign's variant: "_s + q.lastError().text());
    }
    for (qsizetype i = 0; i < senderIds.size(); ++i) {
        q.prepare(u"INSERT INTO campaign_senders (campaign_id, sender_number_id, position) "
                  u"VALUES (?, ?, ?)"_s);
        q.addBindValue(campaign);
        q.addBindValue(senderIds.at(i));
        q.addBindValue(int(i));
        if (!q.exec())
            return fail(u"cannot store a team campaign's senders: "_s + q.lastError().text());
    }
    QJsonObject details{{u"team_op"_s, op.id}, {u"team_id"_s, op.target}};
    AuditRows audit(m_db);
    if (!audit.append(accountId, actorOf(op), u"campaign.created"_s, u"campaign"_s, campaign,
                      details))
        return fail(audit.errorString());
    return Outcome::Applied;
}

std::optional<Outcome> CampaignOpApplier::applyRecipients(qint64 accountId, qint64 campaignId,
                                                          const TeamOp &op)
{
    const QJsonArray rows = op.fields.value(u"rows"_s).toArray();
    // Every sender first: a part is applied whole or not at all.
    for (const QJsonValue &row : rows) {
        const QString sender = row[2].toString();
        if (row[1].toString() != u"holdout" && senderId(accountId, sender) == 0)
            return Outcome::NotApplicable;
    }
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO campaign_recipients (campaign_id, contact_number, contact_id, "
              u"variant, state, sender_number_id, planned_at, send_by, client_ref) VALUES (?, ?, "
              u"(SELECT id FROM contacts WHERE account_id = ? AND number = ?), ?, ?, ?, ?, ?, ?) "
              u"ON CONFLICT (campaign_id, contact_number) DO NOTHING"_s);
    int added = 0;
    for (const QJsonValue &row : rows) {
        const QString number = row[0].toString();
        const QString variant = row[1].toString();
        const bool held = variant == u"holdout";
        if (number.isEmpty() || variant.isEmpty())
            continue;
        q.addBindValue(campaignId);
        q.addBindValue(number);
        q.addBindValue(accountId);
        q.addBindValue(number);
        q.addBindValue(variant);
        q.addBindValue(held ? u"held_out"_s : u"pending"_s);
        q.addBindValue(held ? QVariant(QMetaType(QMetaType::LongLong))
                            : QVariant(senderId(accountId, row[2].toString())));
        q.addBindValue(nullableInt(row[3]));
        q.addBindValue(nullableInt(row[4]));
        // The same on every desktop: whoever runs it names the text alike.
        q.addBindValue(held ? QVariant(QMetaType(QMetaType::QString))
                            : QVariant(u"campaign:%1:%2"_s.arg(op.target, number)));
        if (!q.exec())
            return fail(u"cannot queue a team campaign's recipient: "_s + q.lastError().text());
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return added > 0 ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<Outcome> CampaignOpApplier::applyState(qint64 accountId, qint64 campaignId,
                                                     const TeamOp &op, TeamOpApplier::Origin origin)
{
    const auto to = CampaignState::fromString(op.fields.value(u"status"_s).toString());
    if (!to)
        return Outcome::NotApplicable;
    // No "ours waits, so theirs is overridden" here: every desktop applies every state op in
    // the log's order (ours again when it comes back), and since a finished campaign stays
    // finished and a runner's "running" only starts a scheduled one, they all end alike.
    Q_UNUSED(accountId);
    Q_UNUSED(origin);
    CampaignRows rows(m_db);
    const auto changed =
        rows.applyState(campaignId, *to, op.fields.value(u"auto"_s).toBool(), actorOf(op), op.at);
    if (!changed)
        return fail(rows.errorString());
    return *changed ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<Outcome> CampaignOpApplier::applyProgress(qint64 campaignId, const TeamOp &op)
{
    QSqlQuery q(m_db);
    // The provider's word (sent, failed) over anything; a skip only over a text not yet out.
    q.prepare(u"UPDATE campaign_recipients SET state = :s, reason = :r, provider_sid = "
              u"coalesce(nullif(:sid, ''), provider_sid), report_pending = 0, updated_at = :at "
              u"WHERE campaign_id = :c AND contact_number = :n AND state != 'held_out' AND "
              u"((:s IN ('sent', 'failed') AND state NOT IN ('sent', 'failed')) OR "
              u"(:s = 'skipped' AND state IN ('pending', 'sending')))"_s);
    int changed = 0;
    for (const QJsonValue &row : op.fields.value(u"rows"_s).toArray()) {
        const QString state = row[1].toString();
        if (state != u"sent" && state != u"failed" && state != u"skipped")
            continue; // a state a newer version reports
        q.bindValue(u":s"_s, state);
        q.bindValue(u":r"_s, row[2].toString());
        q.bindValue(u":sid"_s, row[3].toString());
        q.bindValue(u":at"_s, op.at);
        q.bindValue(u":c"_s, campaignId);
        q.bindValue(u":n"_s, row[0].toString());
        if (!q.exec())
            return fail(u"cannot record a team campaign's progress: "_s + q.lastError().text());
        changed += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return changed > 0 ? Outcome::Applied : Outcome::Unchanged;
}
