// The accounts table: find or create a row by name, and the provider endpoints each account
// talks to (never its token: that is in the keychain).
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class AccountRows
{
public:
    struct Row
    {
        qint64 id = 0;
        QString name;
        QString providerSid;
        // '' for the provider's public default.
        QString apiBaseUrl;
        QString lookupBaseUrl;
        QString syncBaseUrl;
    };

    explicit AccountRows(QSqlDatabase db);

    // The id of the account named `name`, created with `providerSid` when there is none;
    // 0 on failure (errorString()). An existing row whose provider SID differs is refused,
    // not changed.
    qint64 createOrFind(const QString &name, const QString &providerSid);
    QList<Row> list();
    std::optional<Row> find(qint64 accountId);
    // Sets the provider account and endpoints of an existing row.
    bool updateProvider(const Row &row);
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
