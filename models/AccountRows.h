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
    // The id of this sender number of the account (a long code unless told otherwise),
    // created when missing with the given throughput; 0 on failure, also when the number
    // belongs to another account.
    qint64 createOrFindSenderNumber(qint64 accountId, const QString &number, double throughputMps,
                                    const QString &kind = QStringLiteral("long_code"));
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
