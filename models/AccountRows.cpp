#include "AccountRows.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

AccountRows::AccountRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

qint64 AccountRows::createOrFind(const QString &name, const QString &providerSid)
{
    m_error.clear();
    if (name.trimmed().isEmpty()) {
        m_error = u"an account needs a non-empty name"_s;
        return 0;
    }
    QSqlQuery find(m_db);
    find.prepare(
        u"SELECT id, provider_account_sid FROM accounts WHERE name = ? ORDER BY id LIMIT 1"_s);
    find.addBindValue(name);
    if (!find.exec()) {
        m_error = u"cannot read accounts: "_s + find.lastError().text();
        return 0;
    }
    if (find.next()) {
        const QString existing = find.value(1).toString();
        if (!existing.isEmpty() && !providerSid.isEmpty() && existing != providerSid) {
            m_error = u"account \""_s + name + u"\" belongs to provider account "_s + existing +
                      u", not "_s + providerSid;
            return 0;
        }
        return find.value(0).toLongLong();
    }
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO accounts (name, provider_account_sid) VALUES (?, ?)"_s);
    insert.addBindValue(name);
    // A null QString binds as SQL NULL; the column is NOT NULL with '' for "none".
    insert.addBindValue(providerSid.isNull() ? u""_s : providerSid);
    if (!insert.exec()) {
        m_error = u"cannot create account: "_s + insert.lastError().text();
        return 0;
    }
    return insert.lastInsertId().toLongLong();
}

QList<AccountRows::Row> AccountRows::list()
{
    QList<Row> rows;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT id, name, provider_account_sid FROM accounts ORDER BY id"_s)) {
        m_error = u"cannot read accounts: "_s + query.lastError().text();
        return rows;
    }
    while (query.next())
        rows.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
    return rows;
}
