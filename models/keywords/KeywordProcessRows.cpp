#include "KeywordProcessRows.h"

#include "AuditRows.h"
#include "ConfirmationRuleRows.h"
#include "KeywordProblemText.h"
#include "PhoneNumber.h"
#include "Savepoint.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString keywordsJson(const QStringList &keywords)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(keywords)).toJson(QJsonDocument::Compact));
}

QJsonObject describe(const KeywordProcessRows::Row &row)
{
    return {{u"type"_s, KeywordProcess::typeToString(row.process.type)},
            {u"number"_s, row.process.inboundLabel()},
            {u"keywords"_s, QJsonArray::fromStringList(row.process.keywords)},
            {u"status"_s, KeywordProcess::statusToString(row.process.status)},
            {u"has_reply"_s, !row.reply.isEmpty()}};
}

} // namespace

KeywordProcessRows::KeywordProcessRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool KeywordProcessRows::fail(const QString &message)
{
    m_error = message;
    return false;
}

KeywordProcess KeywordProcessRows::forValidation(const Row &row)
{
    KeywordProcess process = row.process;
    // The validator only asks whether there is a reply; free text (no template) is one too.
    if (!row.reply.trimmed().isEmpty() && !process.replyTemplateId)
        process.replyTemplateId = 0;
    if (row.reply.trimmed().isEmpty())
        process.replyTemplateId.reset();
    return process;
}

std::optional<KeywordProcessRows::Number> KeywordProcessRows::numberOf(qint64 accountId,
                                                                       qint64 senderNumberId)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT number, provider_keyword FROM sender_numbers "
                  u"WHERE id = ? AND account_id = ?"_s);
    query.addBindValue(senderNumberId);
    query.addBindValue(accountId);
    if (!query.exec() || !query.next()) {
        fail(u"sender number %1 is not a number of this account"_s.arg(senderNumberId));
        return std::nullopt;
    }
    return Number{query.value(0).toString(), query.value(1).toString()};
}

std::optional<QList<KeywordProcessRows::Row>> KeywordProcessRows::list(qint64 accountId)
{
    return select(accountId, {}, {});
}

std::optional<QList<KeywordProcessRows::Row>> KeywordProcessRows::listFor(qint64 accountId,
                                                                          qint64 senderNumberId)
{
    return select(accountId, u"AND p.sender_number_id = ?"_s, {senderNumberId});
}

std::optional<KeywordProcessRows::Row> KeywordProcessRows::find(qint64 accountId, qint64 processId)
{
    auto rows = select(accountId, u"AND p.id = ?"_s, {processId});
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        fail(u"no keyword process %1 in this account"_s.arg(processId));
        return std::nullopt;
    }
    return rows->first();
}

std::optional<QList<KeywordProcessRows::Row>>
KeywordProcessRows::select(qint64 accountId, const QString &where, const QVariantList &values)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // `where` is one of this file's fixed fragments, never data.
    query.prepare(
        u"SELECT p.id, p.sender_number_id, s.number, s.provider_keyword, p.type, "
        u"p.keywords, p.reply, p.status, p.reply_template_id, p.team_id FROM keyword_processes p "
        u"JOIN sender_numbers s ON s.id = p.sender_number_id "
        u"WHERE p.account_id = ? AND s.account_id = p.account_id "_s +
        where +
        u" ORDER BY s.number, s.provider_keyword, CASE p.type WHEN 'unsubscribe' THEN 0 "
        u"WHEN 'help' THEN 1 WHEN 'subscribe' THEN 2 ELSE 3 END, p.id"_s);
    query.addBindValue(accountId);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        fail(u"cannot read keyword processes: "_s + query.lastError().text());
        return std::nullopt;
    }
    QList<Row> rows;
    while (query.next()) {
        const auto type = KeywordProcess::typeFromString(query.value(4).toString());
        const auto status = KeywordProcess::statusFromString(query.value(7).toString());
        if (!type || !status) {
            fail(u"keyword process %1 has an unknown type or status"_s.arg(
                query.value(0).toLongLong()));
            return std::nullopt;
        }
        Row row;
        row.process.id = query.value(0).toLongLong();
        row.senderNumberId = query.value(1).toLongLong();
        row.process.inboundNumber = query.value(2).toString();
        row.process.providerKeyword = query.value(3).toString();
        row.process.type = *type;
        row.process.status = *status;
        for (const QJsonValue &keyword :
             QJsonDocument::fromJson(query.value(5).toString().toUtf8()).array())
            row.process.keywords.append(keyword.toString());
        row.reply = query.value(6).toString();
        if (!query.value(8).isNull())
            row.process.replyTemplateId = query.value(8).toLongLong();
        row.teamId = query.value(9).toString();
        rows.append(row);
    }
    return rows;
}

bool KeywordProcessRows::validate(qint64 accountId, const Row &row, const Number &number)
{
    m_problems.clear();
    auto others = listFor(accountId, row.senderNumberId);
    if (!others)
        return false;
    QList<KeywordProcess> processes;
    for (const Row &other : std::as_const(*others))
        processes.append(forValidation(other));
    ConfirmationRuleRows ruleRows(m_db);
    const auto rules = ruleRows.load(accountId);
    if (!rules)
        return fail(ruleRows.errorString());
    // The process answers customers of the number's country; a short code is read as US.
    const QString country = ConfirmationRuleRows::countryOf(number.number);
    m_problems = KeywordValidator::validate(forValidation(row), processes, rules->ruleFor(country));
    if (m_problems.isEmpty())
        return true;
    return fail(KeywordProblemText::lines(m_problems).join(u'\n'));
}

qint64 KeywordProcessRows::create(qint64 accountId, const Row &input, const QString &actor)
{
    m_error.clear();
    m_problems.clear();
    const auto number = numberOf(accountId, input.senderNumberId);
    if (!number)
        return 0;
    Row row = input;
    row.process.id = 0;
    row.process.inboundNumber = number->number;
    row.process.providerKeyword = number->providerKeyword;
    if (!validate(accountId, row, *number))
        return 0;
    qint64 id = 0;
    return save(accountId, row, actor, &id) ? id : 0;
}

bool KeywordProcessRows::update(qint64 accountId, const Row &input, const QString &actor)
{
    m_error.clear();
    m_problems.clear();
    const auto stored = find(accountId, input.process.id);
    if (!stored)
        return false;
    if (input.senderNumberId != stored->senderNumberId)
        return fail(u"a keyword process cannot move to another number: create a new one"_s);
    Row row = input;
    row.process.inboundNumber = stored->process.inboundNumber;
    row.process.providerKeyword = stored->process.providerKeyword;
    row.process.status = stored->process.status; // status changes go through apply()
    const auto outcome =
        KeywordProcessLifecycle::apply(KeywordProcessLifecycle::Action::Edit, row.process.status);
    if (!outcome.allowed)
        return fail(outcome.reason);
    const auto number = numberOf(accountId, row.senderNumberId);
    if (!number || !validate(accountId, row, *number))
        return false;
    qint64 id = row.process.id;
    return save(accountId, row, actor, &id);
}

bool KeywordProcessRows::save(qint64 accountId, const Row &row, const QString &actor, qint64 *id)
{
    if (actor.trimmed().isEmpty())
        return fail(u"a keyword process change needs who made it"_s);
    Savepoint tx(m_db, u"keyword_process_save"_s);
    if (!tx.begin())
        return fail(tx.errorString());
    QSqlQuery query(m_db);
    const bool creating = *id == 0;
    if (creating) {
        query.prepare(u"INSERT INTO keyword_processes (account_id, sender_number_id, "
                      u"provider_keyword, type, keywords, reply, status, reply_template_id, "
                      u"team_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
        query.addBindValue(accountId);
        query.addBindValue(row.senderNumberId);
        query.addBindValue(row.process.providerKeyword.isNull() ? u""_s
                                                                : row.process.providerKeyword);
        query.addBindValue(KeywordProcess::typeToString(row.process.type));
    } else {
        query.prepare(u"UPDATE keyword_processes SET keywords = ?, reply = ?, status = ?, "
                      u"reply_template_id = ?, updated_at = ? WHERE id = ? AND account_id = ?"_s);
    }
    query.addBindValue(keywordsJson(row.process.keywords));
    query.addBindValue(row.reply.isNull() ? u""_s : row.reply);
    query.addBindValue(KeywordProcess::statusToString(row.process.status));
    query.addBindValue(row.process.replyTemplateId && *row.process.replyTemplateId > 0
                           ? QVariant(*row.process.replyTemplateId)
                           : QVariant());
    if (creating) {
        // The team-wide id: the same process on every desktop, whatever its local id.
        query.addBindValue(row.teamId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                : row.teamId);
    } else {
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        query.addBindValue(*id);
        query.addBindValue(accountId);
    }
    if (!query.exec() || (creating && !query.next())) {
        const QString why = query.lastError().text();
        query.finish();
        return fail(u"cannot save the keyword process: "_s + why);
    }
    if (creating)
        *id = query.value(0).toLongLong();
    query.finish();
    AuditRows audit(m_db);
    if (!audit.append(accountId, actor,
                      creating ? u"keyword_process.create"_s : u"keyword_process.edit"_s,
                      u"keyword_process"_s, *id, describe(row)))
        return fail(audit.errorString());
    return tx.release() || fail(tx.errorString());
}

bool KeywordProcessRows::apply(qint64 accountId, qint64 processId,
                               KeywordProcessLifecycle::Action action, const QString &actor)
{
    m_error.clear();
    m_problems.clear();
    if (action == KeywordProcessLifecycle::Action::Edit)
        return fail(u"edit a keyword process with update()"_s);
    if (actor.trimmed().isEmpty())
        return fail(u"a keyword process change needs who made it"_s);
    const auto row = find(accountId, processId);
    if (!row)
        return false;
    QList<KeywordValidator::Problem> problems;
    if (action == KeywordProcessLifecycle::Action::Start) {
        // An incomplete process cannot start (a Help without its reply, say).
        const auto number = numberOf(accountId, row->senderNumberId);
        if (!number)
            return false;
        if (!validate(accountId, *row, *number))
            problems = m_problems;
        m_error.clear();
    }
    const auto outcome = KeywordProcessLifecycle::apply(action, row->process.status, problems);
    if (!outcome.allowed)
        return fail(outcome.reason);
    Savepoint tx(m_db, u"keyword_process_apply"_s);
    if (!tx.begin())
        return fail(tx.errorString());
    QSqlQuery query(m_db);
    if (outcome.status) {
        query.prepare(u"UPDATE keyword_processes SET status = ?, updated_at = ? "
                      u"WHERE id = ? AND account_id = ?"_s);
        query.addBindValue(KeywordProcess::statusToString(*outcome.status));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    } else {
        query.prepare(u"DELETE FROM keyword_processes WHERE id = ? AND account_id = ?"_s);
    }
    query.addBindValue(processId);
    query.addBindValue(accountId);
    QString actionName;
    switch (action) {
    case KeywordProcessLifecycle::Action::Start:
        actionName = u"keyword_process.start"_s;
        break;
    case KeywordProcessLifecycle::Action::Pause:
        actionName = u"keyword_process.pause"_s;
        break;
    case KeywordProcessLifecycle::Action::Delete:
        actionName = u"keyword_process.delete"_s;
        break;
    case KeywordProcessLifecycle::Action::Edit:
        break;
    }
    AuditRows audit(m_db);
    if (!query.exec()) {
        m_error = u"cannot change the keyword process: "_s + query.lastError().text();
    } else if (!audit.append(accountId, actor, actionName, u"keyword_process"_s, processId,
                             describe(*row))) {
        m_error = audit.errorString();
    }
    if (!m_error.isEmpty())
        return false;
    return tx.release() || fail(tx.errorString());
}

std::optional<QList<KeywordProcessRows::ReplyTemplate>>
KeywordProcessRows::replyTemplates(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT t.id, t.name, v.body FROM templates t JOIN template_versions v "
                  u"ON v.template_id = t.id AND v.state = 'approved' WHERE t.account_id = ? "
                  u"AND v.version = (SELECT max(version) FROM template_versions w "
                  u"WHERE w.template_id = t.id AND w.state = 'approved') ORDER BY t.name"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        fail(u"cannot read templates: "_s + query.lastError().text());
        return std::nullopt;
    }
    QList<ReplyTemplate> templates;
    while (query.next())
        templates.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return templates;
}
