#include "DraftRows.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

DraftRows::DraftRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QString> DraftRows::draft(qint64 threadId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT body FROM drafts WHERE thread_id = :thread"_s);
    q.bindValue(u":thread"_s, threadId);
    if (!q.exec()) {
        m_error = u"Cannot read the draft of thread "_s + QString::number(threadId) + u": "_s +
                  q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    m_error.clear();
    return q.next() ? q.value(0).toString() : QString(u""_s);
}

bool DraftRows::save(qint64 threadId, const QString &body, qint64 nowMs)
{
    QSqlQuery q(m_db);
    if (body.trimmed().isEmpty()) {
        q.prepare(u"DELETE FROM drafts WHERE thread_id = :thread"_s);
        q.bindValue(u":thread"_s, threadId);
    } else {
        q.prepare(u"INSERT INTO drafts (thread_id, body, updated_at) VALUES (:thread, :body, :at) "
                  u"ON CONFLICT (thread_id) DO UPDATE SET body = excluded.body, "
                  u"updated_at = excluded.updated_at"_s);
        q.bindValue(u":thread"_s, threadId);
        q.bindValue(u":body"_s, body);
        q.bindValue(u":at"_s, nowMs);
    }
    if (!q.exec()) {
        m_error = u"Cannot save the draft of thread "_s + QString::number(threadId) + u": "_s +
                  q.lastError().text();
        qCWarning(lcModels) << m_error;
        return false;
    }
    m_error.clear();
    return true;
}
