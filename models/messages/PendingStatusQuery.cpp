#include "PendingStatusQuery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

PendingStatusQuery::PendingStatusQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QStringList> PendingStatusQuery::sids(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT provider_sid FROM messages WHERE account_id = :account AND "
                  u"direction = 'out' AND status IN ('queued', 'sending', 'sent', "
                  u"'accepted', 'scheduled') AND provider_sid IS NOT NULL "
                  u"ORDER BY updated_at"_s);
    query.bindValue(u":account"_s, accountId);
    if (!query.exec()) {
        m_error = u"cannot list pending messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    QStringList sids;
    while (query.next())
        sids.append(query.value(0).toString());
    return sids;
}

std::optional<PendingStatusQuery::Window>
PendingStatusQuery::window(qint64 accountId, qint64 sinceMs, int unsentLimit)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // messages_pending (account_id, updated_at) narrows both to the pending rows.
    const QString pending = u"account_id = :account AND direction = 'out' AND status IN "
                            u"('queued', 'sending', 'sent', 'accepted', 'scheduled') AND "
                            u"provider_sid IS NOT NULL AND created_at >= :since"_s;
    Window result;
    query.prepare(u"SELECT min(sent_at) FROM messages WHERE "_s + pending +
                  u" AND sent_at IS NOT NULL"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":since"_s, sinceMs);
    if (!query.exec() || !query.next()) {
        m_error = u"cannot read pending messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    result.oldestSentMs = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
    query.finish();
    query.prepare(u"SELECT provider_sid FROM messages WHERE "_s + pending +
                  u" AND sent_at IS NULL ORDER BY updated_at LIMIT :limit"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":since"_s, sinceMs);
    query.bindValue(u":limit"_s, unsentLimit);
    if (!query.exec()) {
        m_error = u"cannot read pending messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    while (query.next())
        result.unsent.append(query.value(0).toString());
    return result;
}
