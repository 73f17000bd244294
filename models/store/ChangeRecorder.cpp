#include "ChangeRecorder.h"

#include "StoreLogging.h"

#include <QSqlDriver>
#include <QVariant>

#include <cstring>

#include <sqlite3.h>

ChangeRecorder::~ChangeRecorder()
{
    uninstall();
}

bool ChangeRecorder::install(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0) {
        qCWarning(lcStore) << "change feed: not a SQLite connection";
        return false;
    }
    m_handle = *static_cast<sqlite3 *const *>(handle.data());
    if (!m_handle)
        return false;
    sqlite3_update_hook(m_handle, &ChangeRecorder::onUpdate, this);
    sqlite3_commit_hook(m_handle, &ChangeRecorder::onCommit, this);
    sqlite3_rollback_hook(m_handle, &ChangeRecorder::onRollback, this);
    return true;
}

void ChangeRecorder::uninstall()
{
    if (!m_handle)
        return;
    sqlite3_update_hook(m_handle, nullptr, nullptr);
    sqlite3_commit_hook(m_handle, nullptr, nullptr);
    sqlite3_rollback_hook(m_handle, nullptr, nullptr);
    m_handle = nullptr;
}

ChangeSet ChangeRecorder::takeCommitted()
{
    return std::exchange(m_committed, ChangeSet());
}

void ChangeRecorder::onUpdate(void *self, int op, const char *database, const char *table,
                              long long rowId)
{
    if (std::strcmp(database, "main") != 0)
        return; // temp tables
    ChangeSet::Table which;
    if (!ChangeSet::tableFromName(table, &which))
        return;
    const ChangeSet::Op kind = op == SQLITE_INSERT   ? ChangeSet::Op::Inserted
                               : op == SQLITE_DELETE ? ChangeSet::Op::Deleted
                                                     : ChangeSet::Op::Updated;
    static_cast<ChangeRecorder *>(self)->m_open.add(which, kind, rowId);
}

int ChangeRecorder::onCommit(void *self)
{
    auto *recorder = static_cast<ChangeRecorder *>(self);
    recorder->m_committed.merge(recorder->m_open);
    recorder->m_open = ChangeSet();
    return 0; // 0: let the commit go ahead
}

void ChangeRecorder::onRollback(void *self)
{
    static_cast<ChangeRecorder *>(self)->m_open = ChangeSet();
}
