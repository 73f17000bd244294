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
