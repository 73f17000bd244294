// One contact's shared fields written as a person edits them in the Contacts list, and its
// removal. Only the contact row changes: threads and messages stay (they are the provider's
// history) and consent events stay (a compliance ledger, kept by number, never deleted).
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class ContactEditRows
{
public:
    struct Fields
    {
        QString name;
        QStringList tags;
        QVariantMap attributes; // strings
        QString timeZone;       // IANA id or ''
    };

    explicit ContactEditRows(QSqlDatabase db);

    // Sets every field of the account's contact `number` and writes an audit row; '' when
    // done, else why not (no such contact, a store error).
    QString save(qint64 accountId, const QString &number, const Fields &fields,
                 const QString &actor);
    // Deletes the contact row and writes an audit row; '' when done, else why not.
    QString remove(qint64 accountId, const QString &number, const QString &actor);

private:
    QString audit(qint64 accountId, const QString &actor, const QString &action,
                  const QString &number);

    QSqlDatabase m_db;
};
