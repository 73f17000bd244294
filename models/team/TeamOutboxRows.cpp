#include "TeamOutboxRows.h"

#include "StoreLogging.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

TeamOutboxRows::TeamOutboxRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamOutboxRows::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

bool TeamOutboxRows::enqueue(qint64 accountId, const TeamOp &op, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO team_outbox (account_id, op_id, op, created_at) VALUES (?, ?, ?, ?) "
              u"ON CONFLICT (op_id) DO NOTHING"_s);
    q.addBindValue(accountId);
    q.addBindValue(op.id);
    q.addBindValue(QString::fromUtf8(QJsonDocument(op.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(nowMs);
    return q.exec() || fail(u"cannot queue the change for the team: "_s + q.lastError().text());
}

std::optional<QList<TeamOutboxRows::Pending>> TeamOutboxRows::pending(qint64 accountId, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT op, appended_index FROM team_outbox WHERE account_id = ? ORDER BY id "
              u"LIMIT ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(u"cannot read the changes waiting for the team: "_s + q.lastError().text());
        return std::nullopt;
    }
    QList<Pending> list;
    while (q.next()) {
        const auto op =
            TeamOp::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
        if (!op)
            continue; // written by this program: cannot happen short of a corrupt file
        Pending p{*op, std::nullopt};
        if (!q.value(1).isNull())
            p.appendedIndex = q.value(1).toLongLong();
        list.append(p);
    }
    return list;
}

qint64 TeamOutboxRows::count(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT count(*) FROM team_outbox WHERE account_id = ?"_s);
    q.addBindValue(accountId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool TeamOutboxRows::markAppended(const QString &opId, qint64 index)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE team_outbox SET appended_index = ? WHERE op_id = ?"_s);
    q.addBindValue(index);
    q.addBindValue(opId);
    return q.exec() || fail(u"cannot mark the change as shared: "_s + q.lastError().text());
}

bool TeamOutboxRows::contains(const QString &opId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM team_outbox WHERE op_id = ?"_s);
    q.addBindValue(opId);
    return q.exec() && q.next();
}

bool TeamOutboxRows::remove(const QString &opId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM team_outbox WHERE op_id = ?"_s);
    q.addBindValue(opId);
    return q.exec() || fail(u"cannot remove a shared change: "_s + q.lastError().text());
}

bool TeamOutboxRows::removeAppendedThrough(qint64 accountId, qint64 index)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM team_outbox WHERE account_id = ? AND appended_index <= ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(index);
    return q.exec() || fail(u"cannot remove shared changes: "_s + q.lastError().text());
}

bool TeamOutboxRows::hasPendingField(qint64 accountId, const QString &target, const QString &field)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM team_outbox WHERE account_id = ? "
              u"AND json_extract(op, '$.target') = ? "
              u"AND json_extract(op, '$.fields.field') = ? LIMIT 1"_s);
    q.addBindValue(accountId);
    q.addBindValue(target);
    q.addBindValue(field);
    return q.exec() && q.next();
}
