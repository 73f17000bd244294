// The changes this desktop made that the team log has not given back yet: applied here at
// once, appended to the log when online, removed when read back (then the log's order rules).
#pragma once

#include "TeamOp.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamOutboxRows
{
public:
    struct Pending
    {
        TeamOp op;
        std::optional<qint64> appendedIndex; // set once the provider answered the append
    };

    explicit TeamOutboxRows(QSqlDatabase db);

    bool enqueue(qint64 accountId, const TeamOp &op, qint64 nowMs);
    // Oldest first.
    std::optional<QList<Pending>> pending(qint64 accountId, int limit = 100);
    qint64 count(qint64 accountId);
    bool markAppended(const QString &opId, qint64 index);
    // Whether the op is ours and still waiting; removes it when `remove`.
    bool contains(const QString &opId);
    bool remove(const QString &opId);
    // Our changes the log holds at or before `index` (a snapshot covering them was applied):
    // shared, whether or not the snapshot kept them.
    bool removeAppendedThrough(qint64 accountId, qint64 index);
    // Whether a change of ours to `field` of `target` still waits for the log: a teammate's
    // older change must not override it here (it will come after theirs in the log).
    bool hasPendingField(qint64 accountId, const QString &target, const QString &field);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
