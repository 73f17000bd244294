#include "ThreadMessageQuery.h"

#include "PhoneNumber.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Column order read by readRow().
const QString SelectColumns =
    u"SELECT m.id, m.direction, m.body, m.status, COALESCE(m.error_code, 0), m.error_message, "
    u"m.author, COALESCE(m.campaign_id, 0), COALESCE(c.name, ''), m.created_at, m.segments, "
    u"COALESCE(m.scheduled_at, 0), m.to_number, "
    u"CASE WHEN m.scheduled_at IS NULL THEN '' ELSE COALESCE((SELECT ct.time_zone FROM "
    u"contacts ct WHERE ct.account_id = m.account_id AND ct.number = m.to_number), '') END, "
    // MMS media (0017), as one JSON array; NULL for the many messages without.
    u"(SELECT json_group_array(json_object('sid', mm.media_sid, 'type', mm.content_type, "
    u"'state', mm.state, 'size', mm.size_bytes, 'path', mm.file_path, 'error', mm.error)) "
    u"FROM message_media mm WHERE mm.account_id = m.account_id AND mm.message_sid = "
    u"m.provider_sid ORDER BY mm.position) "
    u"FROM messages m LEFT JOIN campaigns c ON c.id = m.campaign_id "_s;

MessageRow readRow(const QSqlQuery &q)
{
    MessageRow r;
    r.id = q.value(0).toLongLong();
    r.direction = q.value(1).toString();
    r.body = q.value(2).toString();
    r.status = q.value(3).toString();
    r.errorCode = q.value(4).toInt();
    r.errorMessage = q.value(5).toString();
    r.author = q.value(6).toString();
    r.campaignId = q.value(7).toLongLong();
    r.campaignName = q.value(8).toString();
    r.createdAt = q.value(9).toLongLong();
    r.segments = q.value(10).toInt();
    r.scheduledAt = q.value(11).toLongLong();
    if (r.scheduledAt != 0) {
        r.customerZone = q.value(13).toString();
        if (r.customerZone.isEmpty()) {
            const PhoneNumberParse parsed = PhoneNumber::parse(q.value(12).toString(), QString());
            r.customerZone = parsed.ok() ? parsed.number.defaultTimeZoneId() : QString();
        }
    }
    r.media = q.value(14).toString();
    return r;
}

} // namespace

ThreadMessageQuery::ThreadMessageQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ThreadMessageQuery::pageSql(bool withCursor)
{
    // A failure sent again shows as its copy (retried_by), not beside it.
    QString sql = SelectColumns + u"WHERE m.thread_id = :thread AND m.account_id = :account "
                                  u"AND m.retried_by IS NULL"_s;
    if (withCursor)
        sql += u" AND (m.created_at, m.id) < (:at, :id)"_s;
    // Newest first so LIMIT takes the page next to the cursor; the caller reverses it.
    sql += u" ORDER BY m.created_at DESC, m.id DESC LIMIT :limit"_s;
    return sql;
}

bool ThreadMessageQuery::sortsBefore(const MessageRow &a, const MessageRow &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

QList<MessageRow> ThreadMessageQuery::pageBefore(qint64 accountId, qint64 threadId,
                                                 std::optional<Cursor> before, int limit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(pageSql(before.has_value()))) {
        m_error = u"Cannot prepare the thread's message query: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    q.bindValue(u":thread"_s, threadId);
    q.bindValue(u":account"_s, accountId);
    if (before) {
        q.bindValue(u":at"_s, before->createdAt);
        q.bindValue(u":id"_s, before->id);
    }
    q.bindValue(u":limit"_s, limit);
    if (!q.exec()) {
        m_error = u"Cannot read the messages of thread "_s + QString::number(threadId) + u": "_s +
                  q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    QList<MessageRow> rows;
    while (q.next())
        rows.append(readRow(q));
    std::reverse(rows.begin(), rows.end());
    m_error.clear();
    return rows;
}

QList<MessageRow> ThreadMessageQuery::rows(qint64 accountId, qint64 threadId,
                                           const QList<qint64> &ids)
{
    QList<MessageRow> result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(SelectColumns +
              u"WHERE m.id = :id AND m.thread_id = :thread AND m.account_id = :account "
              u"AND m.retried_by IS NULL"_s);
    for (const qint64 id : ids) {
        q.bindValue(u":id"_s, id);
        q.bindValue(u":thread"_s, threadId);
        q.bindValue(u":account"_s, accountId);
        if (!q.exec()) {
            m_error =
                u"Cannot read message "_s + QString::number(id) + u": "_s + q.lastError().text();
            qCWarning(lcModels) << m_error;
            continue;
        }
        if (q.next())
            result.append(readRow(q));
        q.finish();
    }
    std::sort(result.begin(), result.end(), &ThreadMessageQuery::sortsBefore);
    return result;
}
