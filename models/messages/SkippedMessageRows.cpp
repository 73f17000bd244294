#include "SkippedMessageRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

SkippedMessageRows::SkippedMessageRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool SkippedMessageRows::keepAside(qint64 accountId, const QList<SkippedMessage> &messages,
                                   qint64 nowMs)
{
    m_error.clear();
    if (messages.isEmpty())
        return true;
    QSqlQuery query(m_db);
    query.prepare(
        u"INSERT INTO skipped_provider_messages (account_id, provider_sid, reason, "
        u"detail, first_seen_at, last_seen_at) VALUES (:account, coalesce(:sid, ''), :reason, "
        u"coalesce(:detail, ''), :now, :now) ON CONFLICT (account_id, provider_sid) DO UPDATE SET "
        u"reason = excluded.reason, detail = excluded.detail, "
        u"last_seen_at = excluded.last_seen_at, times_seen = times_seen + 1"_s);
    for (const SkippedMessage &message : messages) {
        query.bindValue(u":account"_s, accountId);
        query.bindValue(u":sid"_s, message.sid);
        query.bindValue(u":reason"_s, message.reason);
        query.bindValue(u":detail"_s, message.detail);
        query.bindValue(u":now"_s, nowMs);
        if (!query.exec()) {
            m_error =
                u"cannot keep message %1 aside: %2"_s.arg(message.sid, query.lastError().text());
            return false;
        }
    }
    return true;
}

bool SkippedMessageRows::forget(qint64 accountId, const QStringList &sids)
{
    m_error.clear();
    if (sids.isEmpty())
        return true;
    QSqlQuery query(m_db);
    // One statement per page: the sids travel as one JSON array.
    query.prepare(u"DELETE FROM skipped_provider_messages WHERE account_id = :account AND "
                  u"provider_sid IN (SELECT value FROM json_each(:sids))"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(
        u":sids"_s,
        QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(sids)).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        m_error = u"cannot forget kept-aside messages: "_s + query.lastError().text();
        return false;
    }
    return true;
}

std::optional<QList<SkippedMessage>> SkippedMessageRows::list(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT provider_sid, reason, detail FROM skipped_provider_messages "
                  u"WHERE account_id = :account ORDER BY first_seen_at, id"_s);
    query.bindValue(u":account"_s, accountId);
    if (!query.exec()) {
        m_error = u"cannot list kept-aside messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    QList<SkippedMessage> result;
    while (query.next())
        result.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return result;
}
