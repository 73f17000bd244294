// A read-only look-up for the sync engine: which of a page's provider sids are stored, with
// which status and provider update time, so that unchanged messages never reach PageWriter.
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class StoredStatusRows
{
public:
    struct Stored
    {
        QString status;
        qint64 updatedMs = 0;
    };

    explicit StoredStatusRows(QSqlDatabase db);

    // sid → what is stored, for the sids of `sids` the account holds; nullopt on a database
    // error (errorString()).
    std::optional<QHash<QString, Stored>> find(qint64 accountId, const QStringList &sids);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
