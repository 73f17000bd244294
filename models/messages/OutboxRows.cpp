#include "OutboxRows.h"

#include "ConsentRows.h"
#include "OutgoingMessage.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const auto kSelect =
    u"SELECT m.id, m.thread_id, m.from_number, m.to_number, m.body, "
    u"m.client_ref, m.segments, m.send_attempts, m.last_attempt_at, "
    u"m.next_attempt_at, coalesce(s.throughput_mps, 1.0), m.account_id, m.purpose, "
    u"(m.status = 'queued' AND m.provider_sid IS NULL), m.scheduled_at, "
    u"(SELECT v.service_sid FROM messaging_service_numbers v WHERE v.account_id = m.account_id "
    u"AND v.number = m.from_number AND v.send_through = 1) "
    u"FROM messages m "
    u"LEFT JOIN threads t ON t.id = m.thread_id "
    u"LEFT JOIN sender_numbers s ON s.id = t.sender_number_id "_s;

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

OutboxRow rowOf(const QSqlQuery &query)
{
    OutboxRow row;
    row.id = query.value(0).toLongLong();
    row.threadId = query.value(1).toLongLong();
    row.from = query.value(2).toString();
    row.to = query.value(3).toString();
    row.body = query.value(4).toString();
    row.clientRef = query.value(5).toString();
    row.segments = query.value(6).toInt();
    row.attempts = query.value(7).toInt();
    row.lastAttemptAt = optionalInt(query.value(8));
    row.nextAttemptAt = optionalInt(query.value(9));
    row.throughputMps = query.value(10).toDouble();
    row.accountId = query.value(11).toLongLong();
    row.purpose = OutgoingMessage::purposeFromString(query.value(12).toString())
                      .value_or(ConsentLedger::MessagePurpose::Conversation);
    row.sendable = query.value(13).toBool();
    row.scheduledAt = optionalInt(query.value(14));
    row.viaServiceSid = query.value(15).toString();
    return row;
}

} // namespace

OutboxRows::OutboxRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool OutboxRows::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    return false;
}

QList<OutboxRow> OutboxRows::pending(qint64 accountId)
{
    QSqlQuery query(m_db);
    query.prepare(kSelect + u"WHERE m.account_id = :account AND m.status = 'queued' "
                            u"AND m.client_ref IS NOT NULL AND m.provider_sid IS NULL "
                            u"ORDER BY m.id"_s);
    query.bindValue(u":account"_s, accountId);
    QList<OutboxRow> rows;
    if (!exec(query))
        return rows;
    while (query.next())
        rows.append(rowOf(query));
    return rows;
}

std::optional<OutboxRow> OutboxRows::row(qint64 messageId)
{
    QSqlQuery query(m_db);
    query.prepare(kSelect + u"WHERE m.id = :id"_s);
    query.bindValue(u":id"_s, messageId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    return rowOf(query);
}

bool OutboxRows::markAttempt(qint64 messageId, qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET send_attempts = send_attempts + 1, last_attempt_at = :now, "
                  u"next_attempt_at = NULL, updated_at = :now WHERE id = :id"_s);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

bool OutboxRows::scheduleRetry(qint64 messageId, qint64 atMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET next_attempt_at = :at WHERE id = :id"_s);
    query.bindValue(u":at"_s, atMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

bool OutboxRows::markFailed(qint64 messageId, int errorCode, const QString &errorMessage,
                            qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET status = 'failed', error_code = :code, "
                  u"error_message = :message, next_attempt_at = NULL, updated_at = :now "
                  u"WHERE id = :id"_s);
    query.bindValue(u":code"_s, errorCode);
    query.bindValue(u":message"_s, errorMessage);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

bool OutboxRows::recordProviderOptOut(qint64 messageId, const QString &detail, qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO consent_events (account_id, contact_number, sender_number, kind, "
                  u"source, detail, actor, occurred_at) SELECT account_id, to_number, "
                  u"from_number, 'opt_out', 'provider_error', :detail, 'system', :now "
                  u"FROM messages WHERE id = :id"_s);
    query.bindValue(u":detail"_s, detail);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

bool OutboxRows::sidTakenByOther(const QString &sid, const QString &clientRef)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT 1 FROM messages WHERE provider_sid = :sid AND client_ref IS NOT NULL "
                  u"AND client_ref <> :ref"_s);
    query.bindValue(u":sid"_s, sid);
    query.bindValue(u":ref"_s, clientRef);
    return exec(query) && query.next();
}

bool OutboxRows::markBlocked(qint64 messageId, const QString &reason, qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET status = 'blocked', error_message = :reason, "
                  u"next_attempt_at = NULL, updated_at = :now WHERE id = :id"_s);
    query.bindValue(u":reason"_s, reason);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

bool OutboxRows::markSentElsewhere(qint64 messageId, const QString &sentBy, qint64 nowMs)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET author = :author, next_attempt_at = NULL, "
                  u"updated_at = :now WHERE id = :id"_s);
    query.bindValue(u":author"_s, sentBy);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":id"_s, messageId);
    return exec(query);
}

std::optional<QString> OutboxRows::consentRefusal(const OutboxRow &row)
{
    ConsentRows consent(m_db);
    const auto ledger = consent.ledgerFor(row.accountId, row.to);
    if (!ledger) {
        m_error = consent.errorString();
        return std::nullopt;
    }
    if (ledger->maySend(row.to, row.from, row.purpose))
        return QString();
    return refusalText(row.to, row.from, ledger->consent(row.to, row.from));
}

QString OutboxRows::refusalText(const QString &customer, const QString &sender,
                                const ConsentLedger::Consent &consent)
{
    QString text = u"%1 opted out of texts from %2"_s.arg(customer, sender);
    if (consent.decidingEvent) {
        const ConsentEvent &event = *consent.decidingEvent;
        const QString how = event.detail.isEmpty()
                                ? ConsentEvent::sourceToString(event.source)
                                : ConsentEvent::sourceToString(event.source) + u' ' + event.detail;
        text +=
            u" (%1, %2)"_s.arg(how, event.occurredAt.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s));
    }
    return text;
}

std::optional<OutboxRow> OutboxRows::prospective(qint64 threadId,
                                                 ConsentLedger::MessagePurpose purpose)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT t.account_id, s.number, t.customer_number, s.throughput_mps "
                  u"FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
                  u"WHERE t.id = :thread"_s);
    query.bindValue(u":thread"_s, threadId);
    if (!exec(query))
        return std::nullopt;
    if (!query.next()) {
        m_error = u"no thread %1 to send in"_s.arg(threadId);
        return std::nullopt;
    }
    OutboxRow row;
    row.threadId = threadId;
    row.accountId = query.value(0).toLongLong();
    row.from = query.value(1).toString();
    row.to = query.value(2).toString();
    row.throughputMps = query.value(3).toDouble();
    row.purpose = purpose;
    return row;
}

std::optional<OutboxRows::FailedMessage> OutboxRows::failedMessage(qint64 messageId,
                                                                   qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT thread_id, body, purpose, coalesce(error_code, 0), "
                  u"coalesce(retried_by, 0) FROM messages WHERE id = :id "
                  u"AND account_id = :account AND direction = 'out' "
                  u"AND status IN ('failed', 'undelivered')"_s);
    query.bindValue(u":id"_s, messageId);
    query.bindValue(u":account"_s, accountId);
    if (!exec(query) || !query.next())
        return std::nullopt;
    FailedMessage message;
    message.threadId = query.value(0).toLongLong();
    message.body = query.value(1).toString();
    message.purpose = OutgoingMessage::purposeFromString(query.value(2).toString())
                          .value_or(ConsentLedger::MessagePurpose::Conversation);
    message.errorCode = query.value(3).toInt();
    message.retriedBy = query.value(4).toLongLong();
    return message;
}

bool OutboxRows::markRetried(qint64 failedId, qint64 copyId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET retried_by = :copy WHERE id = :id"_s);
    query.bindValue(u":copy"_s, copyId);
    query.bindValue(u":id"_s, failedId);
    return exec(query);
}

bool OutboxRows::byClientRef(const QString &clientRef, qint64 *id, QString *sid)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, coalesce(provider_sid, '') FROM messages WHERE client_ref = :ref"_s);
    query.bindValue(u":ref"_s, clientRef);
    if (!exec(query))
        return false;
    *id = query.next() ? query.value(0).toLongLong() : 0;
    *sid = *id ? query.value(1).toString() : QString();
    return true;
}
