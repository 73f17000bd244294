// The team log compacted: for every slot (what an op decides) the latest op the log gave this
// desktop. Ops that set a thread's status, flag, assignee or snooze replace the one before
// (they are most of the log); every other op keeps its own slot.
// Replaying the rows in log order gives the state the whole log gives: a snapshot.
#pragma once

#include "TeamOp.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamCompactionRows
{
public:
    struct Entry
    {
        qint64 index = -1;
        QJsonObject op;
    };

    explicit TeamCompactionRows(QSqlDatabase db);

    // What `op` decides: ops with the same slot replace each other.
    static QString slotOf(const TeamOp &op);

    // Keeps `op` (read from the log at `index`) unless the slot holds a later one.
    bool record(qint64 accountId, qint64 index, const TeamOp &op);
    // Every kept op, in log order.
    std::optional<QList<Entry>> entries(qint64 accountId);
    qint64 count(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
