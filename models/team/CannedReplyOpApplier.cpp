#include "CannedReplyOpApplier.h"

#include "StoreLogging.h"
#include "TeamOutboxRows.h"
#include "TemplateOpApplier.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {
const QString Put = u"canned.put"_s;
const QString Definition = u"definition"_s;
} // namespace

bool CannedReplyOpApplier::handles(const QString &kind)
{
    return kind == Put;
}

CannedReplyOpApplier::CannedReplyOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> CannedReplyOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

std::optional<Outcome> CannedReplyOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                   TeamOpApplier::Origin origin)
{
    m_error.clear();
    const QString wanted = op.fields.value(u"name"_s).toString().trimmed();
    const QString body = op.fields.value(u"body"_s).toString();
    if (op.target.isEmpty() || wanted.isEmpty() || body.trimmed().isEmpty())
        return Outcome::NotApplicable;
    TeamOutboxRows outbox(m_db);
    if (origin == TeamOpApplier::Origin::Log && !outbox.contains(op.id) &&
        outbox.hasPendingField(accountId, op.target, Definition))
        return Outcome::Overridden; // ours comes later in the log and wins when it comes back
    QString name = wanted;
    QSqlQuery holder(m_db);
    holder.prepare(u"SELECT id, team_id FROM canned_replies WHERE account_id = ? AND name = ? "
                   u"AND team_id IS NOT ?"_s);
    holder.addBindValue(accountId);
    holder.addBindValue(wanted);
    holder.addBindValue(op.target);
    if (!holder.exec())
        return fail(u"cannot read canned replies: "_s + holder.lastError().text());
    if (holder.next()) {
        const QString other = holder.value(1).toString();
        if (op.target < other) {
            QSqlQuery rename(m_db);
            rename.prepare(u"UPDATE canned_replies SET name = ? WHERE id = ?"_s);
            rename.addBindValue(TemplateOpApplier::deconflicted(wanted, other));
            rename.addBindValue(holder.value(0));
            if (!rename.exec())
                return fail(u"cannot rename a canned reply: "_s + rename.lastError().text());
        } else {
            name = TemplateOpApplier::deconflicted(wanted, op.target);
        }
    }
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO canned_replies (account_id, name, body, team_id) VALUES (?, ?, ?, ?) "
              u"ON CONFLICT (account_id, team_id) WHERE team_id IS NOT NULL DO UPDATE SET "
              u"name = excluded.name, body = excluded.body "
              u"WHERE name IS NOT excluded.name OR body IS NOT excluded.body"_s);
    q.addBindValue(accountId);
    q.addBindValue(name);
    q.addBindValue(body);
    q.addBindValue(op.target);
    if (!q.exec())
        return fail(u"cannot store a canned reply: "_s + q.lastError().text());
    return q.numRowsAffected() > 0 ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<TeamOp> CannedReplyOpApplier::putOp(qint64 accountId, qint64 replyId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT name, body, team_id FROM canned_replies WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(replyId);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        m_error = u"no canned reply %1 in this account"_s.arg(replyId);
        return std::nullopt;
    }
    TeamOp op;
    op.kind = Put;
    op.target = q.value(2).toString();
    op.fields = {{u"field"_s, Definition},
                 {u"name"_s, q.value(0).toString()},
                 {u"body"_s, q.value(1).toString()}};
    return op;
}
