#include "TemplateOpApplier.h"

#include "StoreLogging.h"
#include "TeamOutboxRows.h"
#include "TemplateApprovalRule.h"
#include "TemplateRows.h"
#include "TemplateType.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {

const QString Put = u"template.put"_s;
const QString Version = u"template.version"_s;

QString versionField(int number)
{
    return u"version:"_s + QString::number(number);
}

} // namespace

bool TemplateOpApplier::handles(const QString &kind)
{
    return kind == Put || kind == Version;
}

TemplateOpApplier::TemplateOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> TemplateOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

QString TemplateOpApplier::deconflicted(const QString &wanted, const QString &teamId)
{
    return wanted + u" ("_s + teamId.left(4) + u')';
}

qint64 TemplateOpApplier::localId(qint64 accountId, const QString &teamId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM templates WHERE account_id = ? AND team_id = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(teamId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<Outcome> TemplateOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin)
{
    m_error.clear();
    if (op.target.isEmpty())
        return Outcome::NotApplicable;
    const QString field =
        op.kind == Put ? u"definition"_s : versionField(op.fields.value(u"number"_s).toInt());
    TeamOutboxRows outbox(m_db);
    if (origin == TeamOpApplier::Origin::Log && !outbox.contains(op.id) &&
        outbox.hasPendingField(accountId, op.target, field))
        return Outcome::Overridden; // ours comes later in the log and wins when it comes back
    return op.kind == Put ? applyPut(accountId, op) : applyVersion(accountId, op);
}

std::optional<Outcome> TemplateOpApplier::applyPut(qint64 accountId, const TeamOp &op)
{
    const QString wanted = op.fields.value(u"name"_s).toString().trimmed();
    const auto type = TemplateTypes::fromString(op.fields.value(u"type"_s).toString());
    if (wanted.isEmpty() || !type)
        return Outcome::NotApplicable;
    QString name = wanted;
    QSqlQuery holder(m_db);
    holder.prepare(u"SELECT id, team_id FROM templates WHERE account_id = ? AND name = ? "
                   u"AND team_id IS NOT ?"_s);
    holder.addBindValue(accountId);
    holder.addBindValue(wanted);
    holder.addBindValue(op.target);
    if (!holder.exec())
        return fail(u"cannot read templates: "_s + holder.lastError().text());
    if (holder.next()) {
        const QString other = holder.value(1).toString();
        if (op.target < other) {
            QSqlQuery rename(m_db);
            rename.prepare(u"UPDATE templates SET name = ? WHERE id = ?"_s);
            rename.addBindValue(deconflicted(wanted, other));
            rename.addBindValue(holder.value(0));
            if (!rename.exec())
                return fail(u"cannot rename a template: "_s + rename.lastError().text());
        } else {
            name = deconflicted(wanted, op.target);
        }
    }
    const qint64 existing = localId(accountId, op.target);
    QSqlQuery q(m_db);
    if (existing != 0) {
        q.prepare(u"UPDATE templates SET name = ?, type = ? WHERE id = ? "
                  u"AND (name IS NOT ? OR type IS NOT ?)"_s);
        q.addBindValue(name);
        q.addBindValue(TemplateTypes::toString(*type));
        q.addBindValue(existing);
        q.addBindValue(name);
        q.addBindValue(TemplateTypes::toString(*type));
    } else {
        q.prepare(u"INSERT INTO templates (account_id, name, type, team_id) VALUES (?, ?, ?, ?)"_s);
        q.addBindValue(accountId);
        q.addBindValue(name);
        q.addBindValue(TemplateTypes::toString(*type));
        q.addBindValue(op.target);
    }
    if (!q.exec())
        return fail(u"cannot store a template: "_s + q.lastError().text());
    return q.numRowsAffected() > 0 ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<Outcome> TemplateOpApplier::applyVersion(qint64 accountId, const TeamOp &op)
{
    const QJsonObject &f = op.fields;
    const int number = f.value(u"number"_s).toInt();
    const QString body = f.value(u"body"_s).toString();
    QString state = f.value(u"state"_s).toString();
    const QString author = f.value(u"author"_s).toString();
    QString approver = f.value(u"approver"_s).toString(u""_s);
    QJsonValue approvedAt = f.value(u"approved_at"_s);
    if (!author.isEmpty() && (state == u"approved"_s || state == u"retired"_s) &&
        !TemplateApprovalRule::mayApprove(author, approver)) {
        // A second person approves: an approval by the version's author is not applied, on
        // any desktop (the version stays, as a draft someone else may approve).
        qCInfo(lcStore) << "template approval by its author not applied:" << op.id;
        state = u"draft"_s;
        approver = u""_s; // NOT NULL: '' for none
        approvedAt = QJsonValue();
    }
    const bool approvedShape = !approver.isEmpty() && approvedAt.isDouble();
    const bool valid = number > 0 && !body.isEmpty() && !author.isEmpty() &&
                       (state == u"draft"_s ||
                        ((state == u"approved"_s || state == u"retired"_s) && approvedShape));
    const qint64 templateId = localId(accountId, op.target);
    if (!valid || templateId == 0)
        return Outcome::NotApplicable;
    const QVariant at =
        approvedAt.isDouble() ? QVariant(qint64(approvedAt.toDouble())) : QVariant();
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO template_versions (template_id, version, body, state, author, "
              u"approver, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
              u"ON CONFLICT (template_id, version) DO UPDATE SET body = excluded.body, "
              u"state = excluded.state, author = excluded.author, approver = excluded.approver, "
              u"approved_at = excluded.approved_at WHERE body IS NOT excluded.body "
              u"OR state IS NOT excluded.state OR author IS NOT excluded.author "
              u"OR approver IS NOT excluded.approver OR approved_at IS NOT excluded.approved_at"_s);
    q.addBindValue(templateId);
    q.addBindValue(number);
    q.addBindValue(body);
    q.addBindValue(state);
    q.addBindValue(author);
    q.addBindValue(approver);
    q.addBindValue(at);
    if (!q.exec())
        return fail(u"cannot store a template version: "_s + q.lastError().text());
    return q.numRowsAffected() > 0 ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<TeamOp> TemplateOpApplier::putOp(qint64 accountId, qint64 templateId)
{
    TemplateRows rows(m_db);
    const auto summary = rows.summary(accountId, templateId);
    if (!summary) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    TeamOp op;
    op.kind = Put;
    op.target = summary->teamId;
    op.fields = {{u"field"_s, u"definition"_s},
                 {u"name"_s, summary->name},
                 {u"type"_s, TemplateTypes::toString(summary->type)}};
    return op;
}

std::optional<TeamOp> TemplateOpApplier::versionOp(qint64 accountId, qint64 versionId)
{
    TemplateRows rows(m_db);
    const auto v = rows.version(accountId, versionId);
    const auto summary = v ? rows.summary(accountId, v->templateId) : std::nullopt;
    if (!summary) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    TeamOp op;
    op.kind = Version;
    op.target = summary->teamId;
    op.fields = {{u"field"_s, versionField(v->number)},
                 {u"number"_s, v->number},
                 {u"body"_s, v->body},
                 {u"state"_s, TemplateVersionState::toString(v->stage)},
                 {u"author"_s, v->author},
                 {u"approver"_s, v->approver},
                 {u"approved_at"_s, v->approvedAt.isValid()
                                        ? QJsonValue(double(v->approvedAt.toMSecsSinceEpoch()))
                                        : QJsonValue()}};
    return op;
}
