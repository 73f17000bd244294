#include "StoredStatusRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

StoredStatusRows::StoredStatusRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QHash<QString, StoredStatusRows::Stored>>
StoredStatusRows::find(qint64 accountId, const QStringList &sids)
{
    m_error.clear();
    QHash<QString, Stored> result;
    if (sids.isEmpty())
        return result;
    // One JSON array for the whole page: one bind instead of one per sid, and the unique
    // provider_sid index answers each element.
    const QByteArray array =
        QJsonDocument(QJsonArray::fromStringList(sids)).toJson(QJsonDocument::Compact);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT provider_sid, status, updated_at FROM messages "
                       u"WHERE provider_sid IN (SELECT value FROM json_each(?)) "
                       u"AND account_id = ?"_s)) {
        m_error = u"cannot look up stored messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    query.addBindValue(QString::fromUtf8(array));
    query.addBindValue(accountId);
    if (!query.exec()) {
        m_error = u"cannot look up stored messages: "_s + query.lastError().text();
        return std::nullopt;
    }
    result.reserve(sids.size());
    while (query.next())
        result.insert(query.value(0).toString(),
                      {query.value(1).toString(), query.value(2).toLongLong()});
    return result;
}
