#include "UnansweredKeywords.h"

#include "Savepoint.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString hours(qint64 ms)
{
    return QString::number(ms / 3'600'000) + u" h"_s;
}

} // namespace

UnansweredKeywords::UnansweredKeywords(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString UnansweredKeywords::line(const QString &keyword, qint64 ageMs, qint64 windowMs)
{
    return u"%1 received %2 ago was not answered automatically (older than %3)"_s.arg(
        keyword.isEmpty() ? u"A keyword"_s : keyword, hours(ageMs), hours(windowMs));
}

bool UnansweredKeywords::record(qint64 threadId, qint64 inboundMessageId, const QString &text,
                                qint64 nowMs)
{
    QSqlQuery query(m_db);
    // A local note (its op id is no team op): every desktop that finds the reply too old
    // writes its own, once per inbound message.
    query.prepare(u"INSERT OR IGNORE INTO thread_notes (thread_id, op_id, author, body, mentions, "
                  u"created_at) VALUES (?, ?, ?, ?, '', ?)"_s);
    query.addBindValue(threadId);
    query.addBindValue(QString(u"unanswered:"_s + QString::number(inboundMessageId)));
    query.addBindValue(Author);
    query.addBindValue(text);
    query.addBindValue(nowMs);
    if (!query.exec()) {
        m_error = u"cannot note the unanswered keyword: "_s + query.lastError().text();
        return false;
    }
    return true;
}

std::optional<QString> UnansweredKeywords::settleIfStale(const OutboxRow &reply, qint64 windowMs,
                                                         qint64 nowMs)
{
    static const QString byMessage = u"keyword:message:"_s;
    static const QString bySid = u"keyword:"_s;
    QSqlQuery query(m_db);
    const QString select = u"SELECT m.id, m.created_at, m.body, k.keyword FROM messages m "
                           u"LEFT JOIN keyword_runs k ON k.message_id = m.id "
                           u"WHERE m.account_id = ? AND m.direction = 'in' AND "_s;
    if (reply.clientRef.startsWith(byMessage)) {
        query.prepare(select + u"m.id = ?"_s);
        query.addBindValue(reply.accountId);
        query.addBindValue(reply.clientRef.mid(byMessage.size()).toLongLong());
    } else if (reply.clientRef.startsWith(bySid)) {
        query.prepare(select + u"m.provider_sid = ?"_s);
        query.addBindValue(reply.accountId);
        query.addBindValue(reply.clientRef.mid(bySid.size()));
    } else {
        return QString();
    }
    if (!query.exec()) {
        m_error = u"cannot read the keyword's inbound message: "_s + query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return QString(); // not synced here: nothing says it is old
    const qint64 inboundId = query.value(0).toLongLong();
    const qint64 ageMs = nowMs - query.value(1).toLongLong();
    const QString keyword = query.value(3).toString().isEmpty()
                                ? query.value(2).toString().trimmed().toUpper()
                                : query.value(3).toString();
    query.finish();
    if (ageMs <= windowMs)
        return QString();
    const QString text = line(keyword, ageMs, windowMs);
    Savepoint savepoint(m_db, u"unanswered_keyword"_s);
    OutboxRows rows(m_db);
    if (!savepoint.begin() || !rows.markBlocked(reply.id, text, nowMs) ||
        !record(reply.threadId, inboundId, text, nowMs) || !savepoint.release()) {
        m_error = m_error.isEmpty() ? u"cannot record the unanswered keyword"_s : m_error;
        return std::nullopt;
    }
    return text;
}

std::optional<QString>
UnansweredKeywords::noteIfUnanswered(qint64 threadId, qint64 inboundMessageId, qint64 inboundAtMs,
                                     const QString &keyword, qint64 windowMs, qint64 nowMs)
{
    if (threadId <= 0 || nowMs - inboundAtMs > NoteHorizonMs)
        return QString();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT 1 FROM messages WHERE thread_id = ? AND direction = 'out' AND "
                  u"created_at >= ? LIMIT 1"_s);
    query.addBindValue(threadId);
    query.addBindValue(inboundAtMs);
    if (!query.exec()) {
        m_error = u"cannot read the thread: "_s + query.lastError().text();
        return std::nullopt;
    }
    if (query.next())
        return QString();
    query.finish();
    const QString text = line(keyword, nowMs - inboundAtMs, windowMs);
    if (!record(threadId, inboundMessageId, text, nowMs))
        return std::nullopt;
    return text;
}

std::optional<qint64> UnansweredKeywords::count(qint64 accountId)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT count(*) FROM thread_notes n JOIN threads t ON t.id = n.thread_id "
                  u"WHERE t.account_id = ? AND n.op_id LIKE 'unanswered:%'"_s);
    query.addBindValue(accountId);
    if (!query.exec() || !query.next()) {
        m_error = u"cannot count unanswered keywords: "_s + query.lastError().text();
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}
