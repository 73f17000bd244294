#include "ThreadActions.h"

#include "StoreLogging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ThreadActions::ThreadActions(QSqlDatabase db, const QString &actor)
    : m_db(std::move(db))
    , m_actor(actor)
{}

std::optional<QList<qint64>> ThreadActions::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

std::optional<QList<qint64>> ThreadActions::resolve(qint64 accountId, qint64 threadId)
{
    // A resolved thread has nothing to wake up for.
    return change(accountId, threadId, u"status = 'resolved', snoozed_until = NULL"_s,
                  u"status <> 'resolved'"_s, {}, ResolveAction, {});
}

std::optional<QList<qint64>> ThreadActions::reopen(qint64 accountId, qint64 threadId)
{
    return change(accountId, threadId, u"status = 'open'"_s, u"status <> 'open'"_s, {},
                  ReopenAction, {});
}

std::optional<QList<qint64>> ThreadActions::setFlagged(qint64 accountId, qint64 threadId,
                                                       bool flagged)
{
    return change(accountId, threadId, u"flagged = :flagged"_s, u"flagged <> :flagged"_s,
                  {{u":flagged"_s, flagged ? 1 : 0}}, flagged ? FlagAction : UnflagAction, {});
}

std::optional<QList<qint64>> ThreadActions::assign(qint64 accountId, qint64 threadId,
                                                   const QString &agent)
{
    // Never a null string: bound as NULL, "assignee <> NULL" would match no row.
    const QString who = agent.trimmed().isEmpty() ? u""_s : agent.trimmed();
    QString previous;
    {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT assignee FROM threads WHERE id = ? AND account_id = ?"_s);
        q.addBindValue(threadId);
        q.addBindValue(accountId);
        if (q.exec() && q.next())
            previous = q.value(0).toString();
    }
    return change(accountId, threadId, u"assignee = :agent"_s, u"assignee <> :agent"_s,
                  {{u":agent"_s, who}}, AssignAction,
                  {{u"assignee"_s, who}, {u"previous"_s, previous}});
}

std::optional<QList<qint64>> ThreadActions::snoozeUntil(qint64 accountId, qint64 threadId,
                                                        std::optional<qint64> untilMs)
{
    if (!untilMs)
        return change(accountId, threadId, u"snoozed_until = NULL"_s,
                      u"snoozed_until IS NOT NULL"_s, {}, UnsnoozeAction, {});
    if (*untilMs <= 0)
        return fail(u"a snooze needs a time to wake up at, got "_s + QString::number(*untilMs));
    return change(
        accountId, threadId, u"snoozed_until = :until"_s, u"snoozed_until IS NOT :until"_s,
        {{u":until"_s, *untilMs}}, SnoozeAction,
        {{u"until"_s, *untilMs},
         {u"untilIso"_s,
          QDateTime::fromMSecsSinceEpoch(*untilMs, Qt::UTC).toString(Qt::ISODateWithMs)}});
}

bool ThreadActions::threadExists(qint64 accountId, qint64 threadId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM threads WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(threadId);
    q.addBindValue(accountId);
    return q.exec() && q.next();
}

std::optional<QList<qint64>> ThreadActions::change(qint64 accountId, qint64 threadId,
                                                   const QString &assignments,
                                                   const QString &differs,
                                                   const QVariantMap &values, const QString &action,
                                                   const QJsonObject &details)
{
    m_error.clear();
    if (m_actor.trimmed().isEmpty())
        return fail(u"a thread action needs the agent who takes it"_s);
    if (!threadExists(accountId, threadId))
        return fail(u"thread "_s + QString::number(threadId) + u" is not in account "_s +
                    QString::number(accountId));

    // A savepoint works both inside a job's transaction and on its own.
    QSqlQuery tx(m_db);
    if (!tx.exec(u"SAVEPOINT thread_action"_s))
        return fail(u"cannot start the thread action: "_s + tx.lastError().text());
    const auto rollback = [&](const QString &message) {
        QSqlQuery undo(m_db);
        undo.exec(u"ROLLBACK TO thread_action"_s);
        undo.exec(u"RELEASE thread_action"_s);
        return fail(message);
    };

    QSqlQuery update(m_db);
    update.prepare(u"UPDATE threads SET "_s + assignments +
                   u" WHERE id = :thread AND account_id = :account AND ("_s + differs + u')');
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        update.bindValue(it.key(), it.value());
    update.bindValue(u":thread"_s, threadId);
    update.bindValue(u":account"_s, accountId);
    if (!update.exec())
        return rollback(u"cannot "_s + action + u" thread "_s + QString::number(threadId) +
                        u": "_s + update.lastError().text());
    if (update.numRowsAffected() == 0) {
        QSqlQuery release(m_db);
        release.exec(u"RELEASE thread_action"_s);
        return QList<qint64>{};
    }

    QSqlQuery audit(m_db);
    audit.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, subject_id, "
                  u"details, occurred_at) VALUES (?, ?, ?, 'thread', ?, ?, ?)"_s);
    audit.addBindValue(accountId);
    audit.addBindValue(m_actor);
    audit.addBindValue(action);
    audit.addBindValue(threadId);
    audit.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    audit.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!audit.exec())
        return rollback(u"cannot write the audit row for "_s + action + u": "_s +
                        audit.lastError().text());
    QSqlQuery release(m_db);
    if (!release.exec(u"RELEASE thread_action"_s))
        return rollback(u"cannot finish the thread action: "_s + release.lastError().text());
    return QList<qint64>{threadId};
}

std::optional<QList<qint64>> ThreadActions::markRead(qint64 accountId, qint64 threadId)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE threads SET unread_count = 0 WHERE id = ? AND account_id = ? "
              u"AND unread_count > 0"_s);
    q.addBindValue(threadId);
    q.addBindValue(accountId);
    if (!q.exec())
        return fail(u"cannot mark the thread read: "_s + q.lastError().text());
    return q.numRowsAffected() > 0 ? QList<qint64>{threadId} : QList<qint64>{};
}
