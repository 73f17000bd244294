// A named SQLite savepoint: a transaction of its own when none is open, a nested one inside a
// caller's. Repositories whose writes a team change wraps (the change and its queued op commit
// together) use it instead of QSqlDatabase::transaction(), which cannot nest.
#pragma once

#include <QSqlDatabase>
#include <QString>

class Savepoint
{
public:
    Savepoint(QSqlDatabase db, const QString &name);
    // Rolls back unless released.
    ~Savepoint();
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    // false (errorString()) when the savepoint could not be opened.
    bool begin();
    bool release();
    void rollback();

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_name;
    QString m_error;
    bool m_open = false;
};
