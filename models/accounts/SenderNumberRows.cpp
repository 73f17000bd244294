#include "SenderNumberRows.h"

#include "AuditRows.h"
#include "ConfirmationRule.h"
#include "KeywordMatcher.h"
#include "KeywordValidator.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
// A savepoint rather than a transaction: a team change wraps these writes with its queued op
// in one transaction (finish() releases it).
const QString ChangeSavepoint = u"sender_number_change"_s;

bool beginChange(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(u"SAVEPOINT "_s + ChangeSavepoint);
}
} // namespace

SenderNumberRows::SenderNumberRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool SenderNumberRows::finish(QString error)
{
    QSqlQuery q(m_db);
    if (error.isEmpty() && q.exec(u"RELEASE "_s + ChangeSavepoint))
        return true;
    if (error.isEmpty())
        error = u"cannot commit: "_s + q.lastError().text();
    q.exec(u"ROLLBACK TO "_s + ChangeSavepoint);
    q.exec(u"RELEASE "_s + ChangeSavepoint);
    return fail(error);
}

bool SenderNumberRows::fail(const QString &message)
{
    m_error = message;
    return false;
}

std::optional<QList<SenderNumberRows::Row>> SenderNumberRows::list(qint64 accountId)
{
    return select(accountId, std::nullopt);
}

std::optional<SenderNumberRows::Row> SenderNumberRows::find(qint64 accountId, qint64 numberId)
{
    auto rows = select(accountId, numberId);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        fail(u"sender number %1 is not a number of this account"_s.arg(numberId));
        return std::nullopt;
    }
    return rows->first();
}

std::optional<QList<SenderNumberRows::Row>> SenderNumberRows::select(qint64 accountId,
                                                                     std::optional<qint64> numberId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT s.id, s.account_id, a.name, s.number, s.kind, s.provider_keyword, s.label, "
        u"s.throughput_mps, s.daily_cap, s.capabilities, s.send_only_notifications, "
        u"s.provider_answers_keywords, (SELECT group_concat(sh.account_id) FROM "
        u"sender_number_shares sh WHERE sh.sender_number_id = s.id) "
        u"FROM sender_numbers s JOIN accounts a ON a.id = s.account_id "
        u"WHERE (s.account_id = :account OR EXISTS (SELECT 1 FROM sender_number_shares sh "
        u"WHERE sh.sender_number_id = s.id AND sh.account_id = :account)) "
        u"AND (:id IS NULL OR s.id = :id) ORDER BY s.number"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":id"_s,
                    numberId ? QVariant(*numberId) : QVariant(QMetaType::fromType<qint64>()));
    if (!query.exec()) {
        fail(u"cannot read sender numbers: "_s + query.lastError().text());
        return std::nullopt;
    }
    QList<Row> rows;
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.accountId = query.value(1).toLongLong();
        row.accountName = query.value(2).toString();
        row.number = query.value(3).toString();
        row.kind = query.value(4).toString();
        row.providerKeyword = query.value(5).toString();
        row.label = query.value(6).toString();
        row.throughputMps = query.value(7).toDouble();
        if (!query.value(8).isNull())
            row.dailyCap = query.value(8).toInt();
        row.capabilities = query.value(9).toString();
        row.sendOnly = query.value(10).toInt() == 1;
        if (!query.value(11).isNull())
            row.providerAnswersSetting = query.value(11).toInt() == 1;
        const auto kind = KeywordMatcher::numberKindFromString(row.kind);
        if (kind) {
            const bool byDefault = *kind == KeywordMatcher::NumberKind::LongCode ||
                                   *kind == KeywordMatcher::NumberKind::TollFree;
            row.providerAnswersKeywords = ConfirmationRule::providerHandlesDefaultKeywords(
                *kind, row.providerAnswersSetting.value_or(byDefault));
        }
        row.sharedIn = row.accountId != accountId;
        // A borrower sees who owns the number, never who else borrows it.
        if (!row.sharedIn) {
            for (const QString &id : query.value(12).toString().split(u',', Qt::SkipEmptyParts))
                row.sharedWithAccountIds.append(id.toLongLong());
        }
        rows.append(row);
    }
    return rows;
}

bool SenderNumberRows::change(qint64 accountId, qint64 numberId, const QString &action,
                              const QString &sql, const QVariantList &values, const QString &actor)
{
    m_error.clear();
    if (actor.trimmed().isEmpty())
        return fail(u"a change to a number needs who made it"_s);
    if (!beginChange(m_db))
        return fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
    QSqlQuery query(m_db);
    query.prepare(sql + u" WHERE id = ? AND account_id = ?"_s);
    for (const QVariant &value : values)
        query.addBindValue(value);
    query.addBindValue(numberId);
    query.addBindValue(accountId);
    QString error;
    AuditRows audit(m_db);
    // The audit row names each new value by its column ("label", "daily_cap"), read from the
    // statement's "SET a = ?, b = ?" list, so the log says what changed to what.
    const QStringList assignments = sql.section(u" SET "_s, 1).split(u',');
    QJsonObject details;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString column =
            i < assignments.size() ? assignments.at(i).section(u'=', 0, 0) : QString::number(i);
        details.insert(column.trimmed(), QJsonValue::fromVariant(values.at(i)));
    }
    if (!query.exec())
        error = u"cannot change the number: "_s + query.lastError().text();
    else if (query.numRowsAffected() != 1)
        error = u"sender number %1 is not a number of this account"_s.arg(numberId);
    else if (!audit.append(accountId, actor, action, u"sender_number"_s, numberId, details))
        error = audit.errorString();
    return finish(error);
}

bool SenderNumberRows::setDetails(qint64 accountId, qint64 numberId, const QString &label,
                                  double throughputMps, std::optional<int> dailyCap,
                                  const QString &actor)
{
    if (!(throughputMps > 0))
        return fail(u"the throughput must be more than 0 messages per second"_s);
    if (dailyCap && *dailyCap <= 0)
        return fail(u"a daily cap must be at least 1 message; leave it empty for no cap"_s);
    return change(accountId, numberId, u"sender_number.edit"_s,
                  u"UPDATE sender_numbers SET label = ?, throughput_mps = ?, daily_cap = ?"_s,
                  {label.trimmed(), throughputMps, dailyCap ? QVariant(*dailyCap) : QVariant()},
                  actor);
}

bool SenderNumberRows::setProviderAnswersKeywords(qint64 accountId, qint64 numberId,
                                                  std::optional<bool> setting, const QString &actor)
{
    return change(accountId, numberId, u"sender_number.provider_answers_keywords"_s,
                  u"UPDATE sender_numbers SET provider_answers_keywords = ?"_s,
                  {setting ? QVariant(*setting ? 1 : 0) : QVariant()}, actor);
}

bool SenderNumberRows::setSendOnly(qint64 accountId, qint64 numberId, bool sendOnly,
                                   const QString &actor)
{
    if (!sendOnly) {
        const auto row = find(accountId, numberId);
        if (!row)
            return false;
        if (!row->sharedWithAccountIds.isEmpty())
            return fail(u"%1 is lent to %2 other account(s) as a send-only number: stop sharing "
                        u"it before it takes replies again"_s.arg(
                            row->number, QString::number(row->sharedWithAccountIds.size())));
    }
    return change(accountId, numberId, u"sender_number.send_only"_s,
                  u"UPDATE sender_numbers SET send_only_notifications = ?"_s, {sendOnly ? 1 : 0},
                  actor);
}

bool SenderNumberRows::assign(qint64 numberId, qint64 toAccountId, const QString &actor)
{
    m_error.clear();
    if (actor.trimmed().isEmpty())
        return fail(u"a change to a number needs who made it"_s);
    QSqlQuery query(m_db);
    query.prepare(u"SELECT s.number, s.account_id, a.name, s.send_only_notifications "
                  u"FROM sender_numbers s JOIN accounts a ON a.id = s.account_id WHERE s.id = ?"_s);
    query.addBindValue(numberId);
    if (!query.exec() || !query.next())
        return fail(u"no sender number %1"_s.arg(numberId));
    const QString number = query.value(0).toString();
    const qint64 owner = query.value(1).toLongLong();
    const QString ownerName = query.value(2).toString();
    const bool sendOnly = query.value(3).toInt() == 1;
    query.finish();
    if (owner == toAccountId)
        return true;
    if (!sendOnly) {
        return fail(u"%1 already belongs to the account “%2”. A number belongs to exactly one "
                    u"account; only a send-only notification number (whose replies reach no "
                    u"inbox) can be used by several."_s.arg(number, ownerName));
    }
    if (!beginChange(m_db))
        return fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
    query.prepare(u"INSERT INTO sender_number_shares (sender_number_id, account_id, shared_by, "
                  u"shared_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
    query.addBindValue(numberId);
    query.addBindValue(toAccountId);
    query.addBindValue(actor);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    AuditRows audit(m_db);
    QString error;
    if (!query.exec())
        error = u"cannot share the number: "_s + query.lastError().text();
    else if (!audit.append(owner, actor, u"sender_number.share"_s, u"sender_number"_s, numberId,
                           {{u"account"_s, toAccountId}}))
        error = audit.errorString();
    else if (!audit.append(toAccountId, actor, u"sender_number.borrow"_s, u"sender_number"_s,
                           numberId, {{u"number"_s, number}}))
        error = audit.errorString();
    return finish(error);
}

bool SenderNumberRows::unshare(qint64 numberId, qint64 fromAccountId, const QString &actor)
{
    m_error.clear();
    if (actor.trimmed().isEmpty())
        return fail(u"a change to a number needs who made it"_s);
    if (!beginChange(m_db))
        return fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
    QSqlQuery query(m_db);
    query.prepare(
        u"DELETE FROM sender_number_shares WHERE sender_number_id = ? AND account_id = ?"_s);
    query.addBindValue(numberId);
    query.addBindValue(fromAccountId);
    AuditRows audit(m_db);
    QString error;
    if (!query.exec())
        error = u"cannot stop sharing the number: "_s + query.lastError().text();
    else if (query.numRowsAffected() != 1)
        error = u"sender number %1 is not shared with that account"_s.arg(numberId);
    else if (!audit.append(fromAccountId, actor, u"sender_number.unshare"_s, u"sender_number"_s,
                           numberId))
        error = audit.errorString();
    return finish(error);
}

bool SenderNumberRows::setSharedShortCode(qint64 accountId, qint64 numberId,
                                          const QString &providerKeyword, const QString &actor)
{
    m_error.clear();
    if (actor.trimmed().isEmpty())
        return fail(u"a change to a number needs who made it"_s);
    const QString keyword = providerKeyword.trimmed().toUpper();
    if (!keyword.isEmpty()) {
        if (const auto problem = KeywordValidator::checkKeyword(keyword))
            return fail(u"Provider keyword "_s + problem->message);
    }
    const auto row = find(accountId, numberId);
    if (!row)
        return false;
    if (row->sharedIn)
        return fail(u"%1 is lent by “%2”: only its owner can change it"_s.arg(row->number,
                                                                              row->accountName));
    if (row->kind != u"short_code"_s && row->kind != u"shared_short_code"_s)
        return fail(u"%1 is not a short code: only a short code can be a shared short code"_s.arg(
            row->number));
    const QString kind = keyword.isEmpty() ? u"short_code"_s : u"shared_short_code"_s;
    if (!beginChange(m_db))
        return fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE sender_numbers SET kind = ?, provider_keyword = ? "
                  u"WHERE id = ? AND account_id = ?"_s);
    query.addBindValue(kind);
    query.addBindValue(keyword.isNull() ? u""_s : keyword);
    query.addBindValue(numberId);
    query.addBindValue(accountId);
    QString error;
    if (!query.exec() || query.numRowsAffected() != 1)
        error = u"cannot change the number: "_s + query.lastError().text();
    QSqlQuery processes(m_db);
    processes.prepare(
        u"UPDATE keyword_processes SET provider_keyword = ? WHERE sender_number_id = ?"_s);
    processes.addBindValue(keyword.isNull() ? u""_s : keyword);
    processes.addBindValue(numberId);
    if (error.isEmpty() && !processes.exec())
        error = u"cannot move the number's keyword processes: "_s + processes.lastError().text();
    AuditRows audit(m_db);
    if (error.isEmpty() && !audit.append(accountId, actor, u"sender_number.shared_short_code"_s,
                                         u"sender_number"_s, numberId,
                                         {{u"kind"_s, kind},
                                          {u"provider_keyword"_s, keyword},
                                          {u"previous_kind"_s, row->kind},
                                          {u"previous_provider_keyword"_s, row->providerKeyword}}))
        error = audit.errorString();
    return finish(error);
}

std::optional<qint64> SenderNumberRows::sendingNumberId(qint64 accountId, const QString &number)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT s.id, s.account_id, s.send_only_notifications, EXISTS (SELECT 1 FROM "
                  u"sender_number_shares sh WHERE sh.sender_number_id = s.id AND "
                  u"sh.account_id = ?) FROM sender_numbers s WHERE s.number = ?"_s);
    query.addBindValue(accountId);
    query.addBindValue(number);
    if (!query.exec()) {
        fail(u"cannot read sender numbers: "_s + query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        fail(u"%1 is not a sender number of this account"_s.arg(number));
        return std::nullopt;
    }
    const bool own = query.value(1).toLongLong() == accountId;
    // A share row only ever exists for a send-only number; checked again in case it was
    // turned back into a two-way number behind the sharing's back.
    const bool borrowed = query.value(3).toBool() && query.value(2).toInt() == 1;
    if (!own && !borrowed) {
        fail(u"%1 belongs to another account and is not lent to this one"_s.arg(number));
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<QList<SenderNumberRows::UnroutedReply>>
SenderNumberRows::unroutedReplies(qint64 accountId, int limit)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, from_number, to_number, body, created_at FROM messages "
                  u"WHERE account_id = ? AND thread_id IS NULL AND direction = 'in' "
                  u"ORDER BY created_at DESC, id DESC LIMIT ?"_s);
    query.addBindValue(accountId);
    query.addBindValue(limit);
    if (!query.exec()) {
        fail(u"cannot read unrouted replies: "_s + query.lastError().text());
        return std::nullopt;
    }
    QList<UnroutedReply> replies;
    while (query.next()) {
        replies.append({query.value(0).toLongLong(), query.value(1).toString(),
                        query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toLongLong()});
    }
    return replies;
}

std::optional<qint64> SenderNumberRows::undecidedShortCode(qint64 accountId, const QString &number)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT s.id FROM sender_numbers s WHERE s.account_id = ? AND "
                  u"s.number = ? AND s.kind = 'short_code' AND NOT EXISTS (SELECT 1 FROM "
                  u"audit_log a WHERE a.subject_type = 'sender_number' AND "
                  u"a.subject_id = s.id AND a.action = 'sender_number.shared_short_code')"_s);
    query.addBindValue(accountId);
    query.addBindValue(number);
    if (!query.exec()) {
        fail(u"cannot read sender numbers: "_s + query.lastError().text());
        return std::nullopt;
    }
    return query.next() ? query.value(0).toLongLong() : 0;
}
