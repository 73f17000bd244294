// This desktop's place in its account's team: who it is and how far it has applied the log.
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamStateRows
{
public:
    struct State
    {
        QString agentId;
        QString deskId;
        qint64 appliedIndex = -1;
        QString agentName; // from the roster; '' until the join is applied
        QString role;
    };

    explicit TeamStateRows(QSqlDatabase db);

    // nullopt when the account has not joined a team here (or on an error: errorString()).
    std::optional<State> state(qint64 accountId);
    // Joins (or re-joins as another agent): keeps the log position.
    bool join(qint64 accountId, const QString &agentId, const QString &deskId);
    // The log was applied up to item `appliedIndex`.
    bool setApplied(qint64 accountId, qint64 appliedIndex);
    // How many active members the account's team has (at least 1: this desktop): the poll
    // cadence follows it.
    int rosterSize(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
