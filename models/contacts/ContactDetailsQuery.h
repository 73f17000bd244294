// The contact panel's read: ContactDetails of one customer through a reader connection, so
// that the panel builds it with StoreReader::make and never handles the connection.
#pragma once

#include "ContactDetails.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class ContactDetailsQuery
{
public:
    explicit ContactDetailsQuery(QSqlDatabase db);

    // As ContactDetails::load: nullopt on a database error (errorString() says why).
    std::optional<ContactDetails> load(qint64 accountId, const QString &customerNumber,
                                       qint64 exceptThreadId);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
