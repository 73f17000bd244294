#include "ScheduledMessageRows.h"

#include "PhoneNumber.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

ScheduledMessageRows::ScheduledMessageRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool ScheduledMessageRows::schedule(qint64 messageId, qint64 atMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET scheduled_at = :at WHERE id = :id AND direction = 'out'"_s);
    query.bindValue(u":at"_s, atMs);
    query.bindValue(u":id"_s, messageId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

std::optional<ScheduledMessage> ScheduledMessageRows::pending(qint64 accountId, qint64 messageId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, account_id, COALESCE(thread_id, 0), body, status, "
                  u"COALESCE(provider_sid, ''), scheduled_at, to_number, from_number "
                  u"FROM messages WHERE id = :id AND account_id = :account AND "
                  u"direction = 'out' AND scheduled_at IS NOT NULL AND "
                  u"status IN ('queued', 'scheduled')"_s);
    query.bindValue(u":id"_s, messageId);
    query.bindValue(u":account"_s, accountId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    ScheduledMessage m;
    m.id = query.value(0).toLongLong();
    m.accountId = query.value(1).toLongLong();
    m.threadId = query.value(2).toLongLong();
    m.body = query.value(3).toString();
    m.status = query.value(4).toString();
    m.providerSid = query.value(5).toString();
    m.scheduledAt = query.value(6).toLongLong();
    m.customer = query.value(7).toString();
    m.from = query.value(8).toString();
    return m;
}

bool ScheduledMessageRows::markCanceled(qint64 messageId, qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET status = 'canceled', next_attempt_at = NULL, "
                  u"updated_at = :now WHERE id = :id AND status IN ('queued', 'scheduled') "
                  u"AND scheduled_at IS NOT NULL"_s);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 1;
}

QString ScheduledMessageRows::customerZone(qint64 threadId)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT t.customer_number, COALESCE(c.time_zone, '') FROM threads t "
                  u"LEFT JOIN contacts c ON c.account_id = t.account_id AND "
                  u"c.number = t.customer_number WHERE t.id = :thread"_s);
    query.bindValue(u":thread"_s, threadId);
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().text();
        return {};
    }
    if (!query.value(1).toString().isEmpty())
        return query.value(1).toString();
    const PhoneNumberParse parsed = PhoneNumber::parse(query.value(0).toString(), QString());
    return parsed.ok() ? parsed.number.defaultTimeZoneId() : QString();
}
