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

namespace {

const auto kSelectAccounts = u"SELECT id, name, provider_account_sid, api_base_url, "
                             u"lookup_base_url, sync_base_url FROM accounts "_s;

AccountRows::Row accountOf(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(),   query.value(4).toString(), query.value(5).toString()};
}

QString orEmpty(const QString &text)
{
    // A null QString binds as SQL NULL; these columns hold '' for "none".
    return text.isNull() ? u""_s : text;
}

} // namespace

QList<AccountRows::Row> AccountRows::list()
{
    QList<Row> rows;
    QSqlQuery query(m_db);
    if (!query.exec(kSelectAccounts + u"ORDER BY id"_s)) {
        m_error = u"cannot read accounts: "_s + query.lastError().text();
        return rows;
    }
    while (query.next())
        rows.append(accountOf(query));
    return rows;
}

std::optional<AccountRows::Row> AccountRows::find(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(kSelectAccounts + u"WHERE id = ?"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        m_error = u"cannot read accounts: "_s + query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        m_error = u"no account with id %1"_s.arg(accountId);
        return std::nullopt;
    }
    return accountOf(query);
}

bool AccountRows::updateProvider(const Row &row)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE accounts SET provider_account_sid = ?, api_base_url = ?, "
                  u"lookup_base_url = ?, sync_base_url = ? WHERE id = ?"_s);
    query.addBindValue(orEmpty(row.providerSid));
    query.addBindValue(orEmpty(row.apiBaseUrl));
    query.addBindValue(orEmpty(row.lookupBaseUrl));
    query.addBindValue(orEmpty(row.syncBaseUrl));
    query.addBindValue(row.id);
    if (!query.exec()) {
        m_error = u"cannot save the account's provider settings: "_s + query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() != 1) {
        m_error = u"no account with id %1"_s.arg(row.id);
        return false;
    }
    return true;
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
