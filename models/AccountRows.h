// Finds or creates the account and sender-number rows a send needs (CLI, tests, set-up).
#pragma once

#include <QSqlDatabase>
#include <QString>

class AccountRows
{
public:
    explicit AccountRows(QSqlDatabase db);

    // The id of the account with this provider account sid (and name), created when missing;
    // 0 on failure (see errorString()).
    qint64 createOrFind(const QString &name, const QString &providerSid);
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
