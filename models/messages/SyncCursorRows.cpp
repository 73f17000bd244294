#include "SyncCursorRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

SyncCursorRows::SyncCursorRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QString> SyncCursorRows::load(qint64 accountId, const QString &stream)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(
        u"SELECT cursor FROM sync_cursors WHERE account_id = :account AND stream = :stream"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":stream"_s, stream);
    if (!query.exec()) {
        m_error = u"cannot read sync cursor: "_s + query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool SyncCursorRows::save(qint64 accountId, const QString &stream, const QString &cursor,
                          qint64 nowMs)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO sync_cursors (account_id, stream, cursor, updated_at) "
                  u"VALUES (:account, :stream, :cursor, :now) ON CONFLICT (account_id, stream) "
                  u"DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":stream"_s, stream);
    query.bindValue(u":cursor"_s, cursor);
    query.bindValue(u":now"_s, nowMs);
    if (!query.exec()) {
        m_error = u"cannot save sync cursor: "_s + query.lastError().text();
        return false;
    }
    return true;
}
