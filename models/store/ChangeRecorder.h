// Records, on the writer's connection, every row a committed transaction changed, through
// SQLite's update, commit and rollback hooks: a write cannot forget to announce itself, and a
// rolled-back one announces nothing.
#pragma once

#include "ChangeSet.h"

#include <QSqlDatabase>

struct sqlite3;

// Lives on the thread of the connection it watches; install() once after the connection opens.
class ChangeRecorder
{
public:
    ChangeRecorder() = default;
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder &) = delete;
    ChangeRecorder &operator=(const ChangeRecorder &) = delete;

    // False when the connection is not a SQLite one of this process's library.
    bool install(const QSqlDatabase &db);
    void uninstall();

    // What transactions committed since the last call (nothing of one still open).
    ChangeSet takeCommitted();

private:
    static void onUpdate(void *self, int op, const char *database, const char *table,
                         long long rowId);
    static int onCommit(void *self);
    static void onRollback(void *self);

    sqlite3 *m_handle = nullptr;
    ChangeSet m_open;      // the transaction in progress
    ChangeSet m_committed; // committed, not yet taken
};
