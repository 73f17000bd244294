#include "ContactDetailsQuery.h"

ContactDetailsQuery::ContactDetailsQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<ContactDetails>
ContactDetailsQuery::load(qint64 accountId, const QString &customerNumber, qint64 exceptThreadId)
{
    m_error.clear();
    return ContactDetails::load(m_db, accountId, customerNumber, exceptThreadId, &m_error);
}
