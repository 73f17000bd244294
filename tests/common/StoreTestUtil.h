// Small helpers shared by the store tests: run SQL and read single values.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
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
