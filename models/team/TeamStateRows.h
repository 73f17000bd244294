// This desktop's place in its account's team: who it is, where the log lives, how far it has
// applied the log and when it last read it to the end.
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
        QString serviceSid;
        QString listSid;
        qint64 appliedIndex = -1;
        qint64 pulledAt = 0; // ms since the epoch; 0: never
        QString agentName;   // from the roster; '' until the join is applied
        QString role;
    };

    explicit TeamStateRows(QSqlDatabase db);

    // nullopt when the account has not joined a team here (or on an error: errorString()).
    std::optional<State> state(qint64 accountId);
    // Joins (or re-joins as another agent): keeps the log position.
    bool join(qint64 accountId, const QString &agentId, const QString &deskId);
    bool setLog(qint64 accountId, const QString &serviceSid, const QString &listSid);
    // The log was read to its end at `atMs` with the last item `appliedIndex` applied.
    bool setApplied(qint64 accountId, qint64 appliedIndex, qint64 atMs);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
