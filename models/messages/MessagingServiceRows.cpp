#include "MessagingServiceRows.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

MessagingServiceRows::MessagingServiceRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool MessagingServiceRows::fail(const QSqlQuery &query)
{
    m_error = query.lastError().text();
    return false;
}

bool MessagingServiceRows::replace(qint64 accountId, const QList<Entry> &entries,
                                   bool sendThroughNew)
{
    QHash<QString, bool> kept;
    for (const Entry &e : list(accountId))
        kept.insert(e.number + u'|' + e.serviceSid, e.sendThrough);
    if (!m_db.transaction())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM messaging_service_numbers WHERE account_id = :a"_s);
    query.bindValue(u":a"_s, accountId);
    if (!query.exec()) {
        m_db.rollback();
        return fail(query);
    }
    query.prepare(u"INSERT OR REPLACE INTO messaging_service_numbers "
                  u"(account_id, number, service_sid, service_name, send_through) "
                  u"VALUES (:a, :n, :s, :name, :on)"_s);
    for (const Entry &e : entries) {
        query.bindValue(u":a"_s, accountId);
        query.bindValue(u":n"_s, e.number);
        query.bindValue(u":s"_s, e.serviceSid);
        query.bindValue(u":name"_s, e.serviceName);
        query.bindValue(u":on"_s,
                        kept.value(e.number + u'|' + e.serviceSid, sendThroughNew) ? 1 : 0);
        if (!query.exec()) {
            m_db.rollback();
            return fail(query);
        }
    }
    return m_db.commit();
}

bool MessagingServiceRows::setSendThrough(qint64 accountId, const QString &number, bool on)
{
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messaging_service_numbers SET send_through = :on "
                  u"WHERE account_id = :a AND (:all = 1 OR number = :n)"_s);
    query.bindValue(u":on"_s, on ? 1 : 0);
    query.bindValue(u":a"_s, accountId);
    query.bindValue(u":all"_s, number.isEmpty() ? 1 : 0);
    query.bindValue(u":n"_s, number);
    return query.exec() || fail(query);
}

QList<MessagingServiceRows::Entry> MessagingServiceRows::list(qint64 accountId)
{
    QList<Entry> result;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT number, service_sid, service_name, send_through FROM "
                  u"messaging_service_numbers WHERE account_id = :a ORDER BY service_name, "
                  u"service_sid, number"_s);
    query.bindValue(u":a"_s, accountId);
    if (!query.exec()) {
        fail(query);
        return result;
    }
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(),
                       query.value(2).toString(), query.value(3).toBool()});
    return result;
}
