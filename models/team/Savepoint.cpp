#include "Savepoint.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Savepoint::Savepoint(QSqlDatabase db, const QString &name)
    : m_db(std::move(db))
    , m_name(name)
{}

Savepoint::~Savepoint()
{
    rollback();
}

bool Savepoint::begin()
{
    QSqlQuery q(m_db);
    // The name is one of the program's fixed words, never data.
    if (!q.exec(u"SAVEPOINT "_s + m_name)) {
        m_error = u"cannot begin a transaction: "_s + q.lastError().text();
        return false;
    }
    m_open = true;
    return true;
}

bool Savepoint::release()
{
    if (!m_open)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(u"RELEASE "_s + m_name)) {
        m_error = u"cannot commit: "_s + q.lastError().text();
        rollback();
        return false;
    }
    m_open = false;
    return true;
}

void Savepoint::rollback()
{
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    q.exec(u"ROLLBACK TO "_s + m_name);
    q.exec(u"RELEASE "_s + m_name);
    m_open = false;
}
