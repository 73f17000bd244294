// The accounts table, as little as the CLI and tests need: find or create a row by name.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

class AccountRows
{
public:
    struct Row
    {
        qint64 id = 0;
        QString name;
        QString providerSid;
    };

    explicit AccountRows(QSqlDatabase db);

    // The id of the account named `name`, created with `providerSid` when there is none;
    // 0 on failure (errorString()). An existing row whose provider SID differs is refused,
    // not changed.
    qint64 createOrFind(const QString &name, const QString &providerSid);
    QList<Row> list();
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
