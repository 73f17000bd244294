#include "TeamCompactionRows.h"

#include "StoreLogging.h"
#include "TeamOpApplier.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

TeamCompactionRows::TeamCompactionRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamCompactionRows::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

QString TeamCompactionRows::slotOf(const TeamOp &op)
{
    const QString field = TeamOpApplier::threadField(op.kind);
    if (!field.isEmpty())
        return u"thread."_s + field + u'|' + op.target;
    // Notes, consent events, roster changes (a join's outcome depends on the invitations and
    // role changes around it), what admins and marketers define, and kinds this version does
    // not know: each keeps its op, so replaying them in log order gives what the log gave.
    return u"op|"_s + op.id;
}

bool TeamCompactionRows::record(qint64 accountId, qint64 index, const TeamOp &op)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO team_compacted (account_id, slot, log_index, op) VALUES (?, ?, ?, ?) "
              u"ON CONFLICT (account_id, slot) DO UPDATE SET log_index = excluded.log_index, "
              u"op = excluded.op WHERE excluded.log_index > team_compacted.log_index"_s);
    q.addBindValue(accountId);
    q.addBindValue(slotOf(op));
    q.addBindValue(index);
    q.addBindValue(QString::fromUtf8(QJsonDocument(op.toJson()).toJson(QJsonDocument::Compact)));
    return q.exec() || fail(u"cannot keep a team log op: "_s + q.lastError().text());
}

std::optional<QList<TeamCompactionRows::Entry>> TeamCompactionRows::entries(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT log_index, op FROM team_compacted WHERE account_id = ? "
              u"ORDER BY log_index"_s);
    q.addBindValue(accountId);
    if (!q.exec()) {
        fail(u"cannot read the compacted team log: "_s + q.lastError().text());
        return std::nullopt;
    }
    QList<Entry> result;
    while (q.next()) {
        result.append({q.value(0).toLongLong(),
                       QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()});
    }
    return result;
}

qint64 TeamCompactionRows::count(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT count(*) FROM team_compacted WHERE account_id = ?"_s);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        fail(u"cannot count the compacted team log: "_s + q.lastError().text());
        return -1;
    }
    return q.value(0).toLongLong();
}
