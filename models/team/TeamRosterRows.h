// The account's team roster as this desktop holds it (from the team log): members, the people
// an admin invited who have not joined yet, and when each was last heard of.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamRosterRows
{
public:
    struct Member
    {
        QString agentId;
        QString name;
        QString role; // agent, marketer or admin
        bool active = false;
        bool invited = false; // invited by an admin, not joined yet
        qint64 joinedAt = 0;
        qint64 lastSeenAt = 0; // ms since the epoch; 0: never heard of since joining
        QString lastDesk;
    };

    explicit TeamRosterRows(QSqlDatabase db);

    // Active members and pending invitations, by name; removed members are left out.
    std::optional<QList<Member>> list(qint64 accountId);
    std::optional<Member> member(qint64 accountId, const QString &agentId);
    // The active member of that name ('' when none): names are how threads are assigned.
    std::optional<Member> byName(qint64 accountId, const QString &name);
    // The member made a change at `atMs` from `desk`: keeps the latest. `agent` is a roster id,
    // or a name for the ops the inbox's commands make.
    bool touch(qint64 accountId, const QString &agent, const QString &desk, qint64 atMs);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
