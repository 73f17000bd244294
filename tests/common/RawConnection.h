// A plain QtSql connection for tests, to build and inspect files the way another program would.
#pragma once

#include "SqlScript.h"
#include "StoreTestUtil.h"

#include <QSqlDatabase>
#include <QString>

class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    QSqlDatabase db() const { return m_db; }

    // Runs every statement of a script; false at the first that fails (with a warning).
    bool runScript(const QString &script)
    {
        QStringList statements;
        QString error;
        if (!SqlScript::split(script, &statements, &error)) {
            qWarning("bad script: %s", qPrintable(error));
            return false;
        }
        for (const QString &statement : std::as_const(statements)) {
            if (!StoreTestUtil::exec(m_db, statement).isActive())
                return false;
        }
        return true;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};
