// Small helpers shared by the store tests: run SQL and read single values.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QVariant>

namespace StoreTestUtil {

// Executes one statement, binding values positionally; returns the query (check isActive()).
inline QSqlQuery exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (values.isEmpty()) {
        // Unprepared: Qt's placeholder scan would misread ':' inside JSON literals.
        if (!query.exec(sql))
            qWarning("exec failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query;
    }
    if (!query.prepare(sql)) {
        qWarning("prepare failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        qWarning("exec failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query;
}

// The first column of the first row, or an invalid QVariant when there is none.
inline QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query = exec(db, sql, values);
    return query.next() ? query.value(0) : QVariant();
}

} // namespace StoreTestUtil

namespace StoreTestUtil {

// Every row as "v1|v2|...", NULL spelled out.
inline QStringList rows(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QStringList result;
    QSqlQuery query = exec(db, sql, values);
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i) {
            const QVariant value = query.value(i);
            fields.append(value.isNull() ? QStringLiteral("NULL") : value.toString());
        }
        result.append(fields.join(u'|'));
    }
    return result;
}

// Ids of the messages a full-text query finds, ascending.
inline QStringList search(const QSqlDatabase &db, const QString &match)
{
    return rows(db,
                QStringLiteral("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? "
                               "ORDER BY rowid"),
                {match});
}

// The full-text index matches its content. rank 1 compares it with the content it was
// built from (messages and contact names), not only with itself.
inline bool ftsConsistent(const QSqlDatabase &db)
{
    return exec(db, QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) "
                                   "VALUES ('integrity-check', 1)"))
        .isActive();
}

} // namespace StoreTestUtil
