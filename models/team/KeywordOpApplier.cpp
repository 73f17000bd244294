#include "KeywordOpApplier.h"

#include "AuditRows.h"
#include "KeywordProcessRows.h"
#include "StoreLogging.h"
#include "TeamOutboxRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {

const QString Put = u"keyword.put"_s;
const QString State = u"keyword.state"_s;
const QString Delete = u"keyword.delete"_s;
const QString Definition = u"definition"_s;
const QString Status = u"status"_s;

QString keywordsText(const QJsonArray &keywords)
{
    return QString::fromUtf8(QJsonDocument(keywords).toJson(QJsonDocument::Compact));
}

} // namespace

bool KeywordOpApplier::handles(const QString &kind)
{
    return kind == Put || kind == State || kind == Delete;
}

KeywordOpApplier::KeywordOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> KeywordOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

std::optional<Outcome> KeywordOpApplier::apply(qint64 accountId, const TeamOp &op,
                                               TeamOpApplier::Origin origin)
{
    m_error.clear();
    if (op.target.isEmpty())
        return Outcome::NotApplicable;
    if (overridden(accountId, op, op.kind == State ? Status : Definition, origin))
        return Outcome::Overridden;
    if (op.kind == Put)
        return applyPut(accountId, op);
    if (op.kind == State)
        return applyState(accountId, op);
    if (op.kind == Delete)
        return applyDelete(accountId, op);
    return Outcome::NotApplicable;
}

bool KeywordOpApplier::overridden(qint64 accountId, const TeamOp &op, const QString &field,
                                  TeamOpApplier::Origin origin)
{
    // Ours comes later in the log than this teammate's change: it wins when it comes back.
    TeamOutboxRows outbox(m_db);
    return origin == TeamOpApplier::Origin::Log && !outbox.contains(op.id) &&
           outbox.hasPendingField(accountId, op.target, field);
}

qint64 KeywordOpApplier::localId(qint64 accountId, const QString &teamId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM keyword_processes WHERE account_id = ? AND team_id = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(teamId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool KeywordOpApplier::audit(qint64 accountId, const TeamOp &op, const QString &action, qint64 id)
{
    QString actor = op.fields.value(u"by"_s).toString(op.agent);
    if (actor.trimmed().isEmpty())
        actor = u"team"_s;
    QJsonObject details = op.fields;
    details.insert(u"team_op"_s, op.id);
    AuditRows rows(m_db);
    if (rows.append(accountId, actor, action, u"keyword_process"_s, id, details))
        return true;
    m_error = rows.errorString();
    return false;
}

std::optional<Outcome> KeywordOpApplier::applyPut(qint64 accountId, const TeamOp &op)
{
    const QJsonObject &f = op.fields;
    const auto type = KeywordProcess::typeFromString(f.value(u"type"_s).toString());
    const auto status = KeywordProcess::statusFromString(f.value(u"status"_s).toString(u"new"_s));
    const QJsonArray keywords = f.value(u"keywords"_s).toArray();
    if (!type || !status || keywords.isEmpty()) {
        qCWarning(lcStore) << "team keyword op" << op.id << "skipped: incomplete definition";
        return Outcome::NotApplicable;
    }
    QSqlQuery number(m_db);
    number.prepare(u"SELECT id, provider_keyword FROM sender_numbers "
                   u"WHERE account_id = ? AND number = ?"_s);
    number.addBindValue(accountId);
    number.addBindValue(f.value(u"number"_s).toString());
    if (!number.exec())
        return fail(u"cannot read the account's numbers: "_s + number.lastError().text());
    if (!number.next())
        return Outcome::NotApplicable; // a number this desktop has not synced
    const qint64 senderId = number.value(0).toLongLong();
    QVariant templateId;
    if (const QString t = f.value(u"reply_template"_s).toString(); !t.isEmpty()) {
        QSqlQuery tq(m_db);
        tq.prepare(u"SELECT id FROM templates WHERE account_id = ? AND team_id = ?"_s);
        tq.addBindValue(accountId);
        tq.addBindValue(t);
        if (tq.exec() && tq.next())
            templateId = tq.value(0);
    }
    const QString words = keywordsText(keywords);
    const QString reply = f.value(u"reply"_s).toString(u""_s);
    const qint64 existing = localId(accountId, op.target);
    QSqlQuery q(m_db);
    if (existing != 0) {
        q.prepare(u"UPDATE keyword_processes SET sender_number_id = ?, provider_keyword = ?, "
                  u"type = ?, keywords = ?, reply = ?, reply_template_id = ?, updated_at = ? "
                  u"WHERE id = ? AND (sender_number_id IS NOT ? OR type IS NOT ? OR "
                  u"keywords IS NOT ? OR reply IS NOT ? OR reply_template_id IS NOT ?)"_s);
        q.addBindValue(senderId);
        q.addBindValue(number.value(1).toString());
        q.addBindValue(KeywordProcess::typeToString(*type));
        q.addBindValue(words);
        q.addBindValue(reply);
        q.addBindValue(templateId);
        q.addBindValue(op.at);
        q.addBindValue(existing);
        q.addBindValue(senderId);
        q.addBindValue(KeywordProcess::typeToString(*type));
        q.addBindValue(words);
        q.addBindValue(reply);
        q.addBindValue(templateId);
        if (!q.exec())
            return fail(u"cannot update a keyword process: "_s + q.lastError().text());
        if (q.numRowsAffected() == 0)
            return Outcome::Unchanged;
        return audit(accountId, op, u"keyword_process.edit"_s, existing)
                   ? std::optional(Outcome::Applied)
                   : fail(m_error);
    }
    q.prepare(u"INSERT INTO keyword_processes (account_id, sender_number_id, provider_keyword, "
              u"type, keywords, reply, status, reply_template_id, team_id) "
              u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(accountId);
    q.addBindValue(senderId);
    q.addBindValue(number.value(1).toString());
    q.addBindValue(KeywordProcess::typeToString(*type));
    q.addBindValue(words);
    q.addBindValue(reply);
    q.addBindValue(KeywordProcess::statusToString(*status));
    q.addBindValue(templateId);
    q.addBindValue(op.target);
    if (!q.exec())
        return fail(u"cannot store a keyword process: "_s + q.lastError().text());
    return audit(accountId, op, u"keyword_process.create"_s, q.lastInsertId().toLongLong())
               ? std::optional(Outcome::Applied)
               : fail(m_error);
}

std::optional<Outcome> KeywordOpApplier::applyState(qint64 accountId, const TeamOp &op)
{
    const auto status = KeywordProcess::statusFromString(op.fields.value(u"status"_s).toString());
    const qint64 existing = localId(accountId, op.target);
    if (!status || existing == 0)
        return Outcome::NotApplicable; // unknown status, or a process deleted since
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE keyword_processes SET status = ?, updated_at = ? "
              u"WHERE id = ? AND status IS NOT ?"_s);
    const QString text = KeywordProcess::statusToString(*status);
    q.addBindValue(text);
    q.addBindValue(op.at);
    q.addBindValue(existing);
    q.addBindValue(text);
    if (!q.exec())
        return fail(u"cannot change a keyword process: "_s + q.lastError().text());
    if (q.numRowsAffected() == 0)
        return Outcome::Unchanged;
    const QString action = *status == KeywordProcess::Status::Started ? u"keyword_process.start"_s
                                                                      : u"keyword_process.pause"_s;
    return audit(accountId, op, action, existing) ? std::optional(Outcome::Applied) : fail(m_error);
}

std::optional<Outcome> KeywordOpApplier::applyDelete(qint64 accountId, const TeamOp &op)
{
    const qint64 existing = localId(accountId, op.target);
    if (existing == 0)
        return Outcome::Unchanged;
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM keyword_processes WHERE id = ?"_s);
    q.addBindValue(existing);
    if (!q.exec())
        return fail(u"cannot delete a keyword process: "_s + q.lastError().text());
    return audit(accountId, op, u"keyword_process.delete"_s, existing)
               ? std::optional(Outcome::Applied)
               : fail(m_error);
}

std::optional<TeamOp> KeywordOpApplier::putOp(qint64 accountId, qint64 processId)
{
    KeywordProcessRows rows(m_db);
    const auto row = rows.find(accountId, processId);
    if (!row) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    QString templateTeamId;
    if (row->process.replyTemplateId) {
        QSqlQuery tq(m_db);
        tq.prepare(u"SELECT team_id FROM templates WHERE id = ?"_s);
        tq.addBindValue(*row->process.replyTemplateId);
        if (tq.exec() && tq.next())
            templateTeamId = tq.value(0).toString();
    }
    TeamOp op;
    op.kind = Put;
    op.target = row->teamId;
    op.fields = {{u"field"_s, Definition},
                 {u"number"_s, row->process.inboundNumber},
                 {u"provider_keyword"_s, row->process.providerKeyword},
                 {u"type"_s, KeywordProcess::typeToString(row->process.type)},
                 {u"keywords"_s, QJsonArray::fromStringList(row->process.keywords)},
                 {u"reply"_s, row->reply},
                 {u"reply_template"_s, templateTeamId},
                 {u"status"_s, KeywordProcess::statusToString(row->process.status)}};
    return op;
}

std::optional<TeamOp> KeywordOpApplier::stateOp(qint64 accountId, qint64 processId)
{
    KeywordProcessRows rows(m_db);
    const auto row = rows.find(accountId, processId);
    if (!row) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    TeamOp op;
    op.kind = State;
    op.target = row->teamId;
    op.fields = {{u"field"_s, Status},
                 {u"status"_s, KeywordProcess::statusToString(row->process.status)}};
    return op;
}

std::optional<TeamOp> KeywordOpApplier::deleteOp(qint64 accountId, qint64 processId)
{
    KeywordProcessRows rows(m_db);
    const auto row = rows.find(accountId, processId);
    if (!row) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    TeamOp op;
    op.kind = Delete;
    op.target = row->teamId;
    op.fields = {{u"field"_s, Definition}};
    return op;
}
