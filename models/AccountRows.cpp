#include "AccountRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

AccountRows::AccountRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

qint64 AccountRows::createOrFind(const QString &name, const QString &providerSid)
{
    m_error.clear();
    if (name.trimmed().isEmpty()) {
        m_error = u"an account needs a name"_s;
        return 0;
    }
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id FROM accounts WHERE provider_account_sid = :sid AND name = :name "
                  u"ORDER BY id LIMIT 1"_s);
    query.bindValue(u":sid"_s, providerSid);
    query.bindValue(u":name"_s, name);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    query.finish();
    query.prepare(u"INSERT INTO accounts (name, provider_account_sid) VALUES (:name, :sid) "
                  u"RETURNING id"_s);
    query.bindValue(u":sid"_s, providerSid);
    query.bindValue(u":name"_s, name);
    if (!query.exec() || !query.next()) {
        m_error = u"cannot create account %1: %2"_s.arg(name, query.lastError().text());
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 AccountRows::createOrFindSenderNumber(qint64 accountId, const QString &number,
                                             double throughputMps, const QString &kind)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, account_id FROM sender_numbers WHERE number = :number"_s);
    query.bindValue(u":number"_s, number);
    if (query.exec() && query.next()) {
        if (query.value(1).toLongLong() != accountId) {
            m_error = u"sender number %1 belongs to another account"_s.arg(number);
            return 0;
        }
        return query.value(0).toLongLong();
    }
    query.finish();
    query.prepare(u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
                  u"VALUES (:account, :number, :kind, :mps) RETURNING id"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":number"_s, number);
    query.bindValue(u":kind"_s, kind);
    query.bindValue(u":mps"_s, throughputMps);
    if (!query.exec() || !query.next()) {
        m_error = u"cannot add sender number %1: %2"_s.arg(number, query.lastError().text());
        return 0;
    }
    return query.value(0).toLongLong();
}
