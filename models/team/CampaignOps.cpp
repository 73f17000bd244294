#include "CampaignOps.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

qsizetype jsonSize(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).size();
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).size() - 2;
}

QJsonValue optionalInt(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
}

} // namespace

CampaignOps::CampaignOps(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool CampaignOps::fail(const QString &message)
{
    m_error = message;
    return false;
}

QList<QJsonArray> CampaignOps::pack(const QJsonArray &rows, qsizetype bytes)
{
    QList<QJsonArray> parts;
    QJsonArray part;
    qsizetype size = 2; // []
    for (const QJsonValue &row : rows) {
        const qsizetype rowSize = jsonSize(row) + 1; // and its comma
        if (!part.isEmpty() && size + rowSize > bytes) {
            parts.append(part);
            part = {};
            size = 2;
        }
        part.append(row);
        size += rowSize;
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

std::optional<QList<TeamOp>> CampaignOps::define(qint64 accountId, qint64 campaignId)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT team_id, name, status, schedule_kind, schedule_local, account_zone, "
              u"hold_out_percent, window_start_minute, window_end_minute, created_by, "
              u"send_no_later_than, expected_finish_at, scheduled_at FROM campaigns "
              u"WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(campaignId);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return fail(u"there is no campaign %1 in this account"_s.arg(campaignId)), std::nullopt;
    const QString teamId = q.value(0).toString();
    const QString status = q.value(2).toString();
    if (status == u"draft")
        return QList<TeamOp>();
    if (teamId.isEmpty())
        return fail(u"campaign %1 has no team id"_s.arg(campaignId)), std::nullopt;
    TeamOp put;
    put.kind = Put;
    put.target = teamId;
    put.fields = {{u"field"_s, u"definition"_s},
                  {u"name"_s, q.value(1).toString()},
                  {u"status"_s, status},
                  {u"schedule_kind"_s, q.value(3).toString()},
                  {u"schedule_local"_s, q.value(4).toString()},
                  {u"account_zone"_s, q.value(5).toString()},
                  {u"hold_out"_s, q.value(6).toInt()},
                  {u"window_start"_s, q.value(7).toInt()},
                  {u"window_end"_s, q.value(8).toInt()},
                  {u"created_by"_s, q.value(9).toString()},
                  {u"send_no_later_than"_s, optionalInt(q.value(10))},
                  {u"expected_finish_at"_s, optionalInt(q.value(11))},
                  {u"scheduled_at"_s, optionalInt(q.value(12))}};
    q.finish();
    QSqlQuery v(m_db);
    v.prepare(u"SELECT cv.label, t.team_id, tv.version, cv.percent, t.name FROM campaign_variants "
              u"cv JOIN template_versions tv ON tv.id = cv.template_version_id JOIN templates t "
              u"ON t.id = tv.template_id WHERE cv.campaign_id = ? ORDER BY cv.position, cv.id"_s);
    v.addBindValue(campaignId);
    if (!v.exec())
        return fail(u"cannot read the variants: "_s + v.lastError().text()), std::nullopt;
    QJsonArray variants;
    while (v.next()) {
        if (v.value(1).toString().isEmpty())
            return fail(u"the template '%1' is not shared with the team"_s.arg(
                       v.value(4).toString())),
                   std::nullopt;
        variants.append(QJsonObject{{u"label"_s, v.value(0).toString()},
                                    {u"template"_s, v.value(1).toString()},
                                    {u"version"_s, v.value(2).toInt()},
                                    {u"percent"_s, v.value(3).toInt()}});
    }
    v.prepare(u"SELECT s.number FROM campaign_senders cs JOIN sender_numbers s ON s.id = "
              u"cs.sender_number_id WHERE cs.campaign_id = ? ORDER BY cs.position"_s);
    v.addBindValue(campaignId);
    if (!v.exec())
        return fail(u"cannot read the senders: "_s + v.lastError().text()), std::nullopt;
    QJsonArray senders;
    while (v.next())
        senders.append(v.value(0).toString());
    v.prepare(u"SELECT r.contact_number, r.variant, coalesce(s.number, ''), r.planned_at, "
              u"r.send_by FROM campaign_recipients r LEFT JOIN sender_numbers s ON s.id = "
              u"r.sender_number_id WHERE r.campaign_id = ? ORDER BY r.id"_s);
    v.addBindValue(campaignId);
    if (!v.exec())
        return fail(u"cannot read the recipients: "_s + v.lastError().text()), std::nullopt;
    QJsonArray rows;
    while (v.next()) {
        rows.append(QJsonArray{v.value(0).toString(), v.value(1).toString(), v.value(2).toString(),
                               optionalInt(v.value(3)), optionalInt(v.value(4))});
    }
    const QList<QJsonArray> parts = pack(rows, RowBytes);
    put.fields.insert(u"variants"_s, variants);
    put.fields.insert(u"senders"_s, senders);
    put.fields.insert(u"recipients"_s, rows.size());
    put.fields.insert(u"parts"_s, parts.size());
    QList<TeamOp> ops{put};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        TeamOp part;
        part.kind = Recipients;
        part.target = teamId;
        part.fields = {{u"field"_s, u"recipients"_s},
                       {u"part"_s, int(i)},
                       {u"parts"_s, int(parts.size())},
                       {u"rows"_s, parts.at(i)}};
        ops.append(part);
    }
    return ops;
}

std::optional<TeamOp> CampaignOps::state(qint64 accountId, qint64 campaignId, bool automatic)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT team_id, status FROM campaigns WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(campaignId);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next() || q.value(0).toString().isEmpty())
        return fail(u"there is no shared campaign %1 in this account"_s.arg(campaignId)),
               std::nullopt;
    TeamOp op;
    op.kind = State;
    op.target = q.value(0).toString();
    // A runner's own move is a field apart: waiting for the log, it never holds back a
    // person's pause or cancel read from the log (TeamOutboxRows::hasPendingField).
    op.fields = {{u"field"_s, automatic ? u"status.auto"_s : u"status"_s},
                 {u"status"_s, q.value(1).toString()}};
    if (automatic)
        op.fields.insert(u"auto"_s, true);
    return op;
}

std::optional<QList<TeamOp>> CampaignOps::takeProgress(qint64 accountId, int limit)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT r.id, c.team_id, r.contact_number, r.state, r.reason, "
              u"coalesce(r.provider_sid, m.provider_sid, '') FROM campaign_recipients r "
              u"JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN messages m ON m.id = "
              u"r.message_id WHERE c.account_id = ? AND r.report_pending = 1 AND c.team_id IS "
              u"NOT NULL AND r.state IN ('sent', 'failed', 'skipped') ORDER BY c.id, r.id "
              u"LIMIT ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(limit);
    if (!q.exec())
        return fail(u"cannot read the campaigns' progress: "_s + q.lastError().text()),
               std::nullopt;
    QList<QString> order;
    QHash<QString, QJsonArray> rows;
    QList<qint64> ids;
    while (q.next()) {
        const QString team = q.value(1).toString();
        if (!rows.contains(team))
            order.append(team);
        rows[team].append(QJsonArray{q.value(2).toString(), q.value(3).toString(),
                                     q.value(4).toString(), q.value(5).toString()});
        ids.append(q.value(0).toLongLong());
    }
    q.finish();
    QList<TeamOp> ops;
    for (const QString &team : std::as_const(order)) {
        QSqlQuery counts(m_db);
        counts.prepare(u"SELECT coalesce(sum(r.state = 'sent'), 0), coalesce(sum(r.state = "
                       u"'failed'), 0), coalesce(sum(r.state = 'skipped'), 0), count(*) FROM "
                       u"campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id WHERE "
                       u"c.account_id = ? AND c.team_id = ? AND r.state != 'held_out'"_s);
        counts.addBindValue(accountId);
        counts.addBindValue(team);
        QJsonObject total;
        if (counts.exec() && counts.next())
            total = {{u"sent"_s, counts.value(0).toLongLong()},
                     {u"failed"_s, counts.value(1).toLongLong()},
                     {u"skipped"_s, counts.value(2).toLongLong()},
                     {u"planned"_s, counts.value(3).toLongLong()}};
        for (const QJsonArray &part : pack(rows.value(team), RowBytes)) {
            TeamOp op;
            op.kind = Progress;
            op.target = team;
            op.fields = {{u"field"_s, u"progress"_s}, {u"rows"_s, part}, {u"counts"_s, total}};
            ops.append(op);
        }
    }
    QSqlQuery mark(m_db);
    mark.prepare(u"UPDATE campaign_recipients SET report_pending = 0 WHERE id = ?"_s);
    for (qint64 id : std::as_const(ids)) {
        mark.addBindValue(id);
        if (!mark.exec())
            return fail(u"cannot mark the progress reported: "_s + mark.lastError().text()),
                   std::nullopt;
    }
    return ops;
}
