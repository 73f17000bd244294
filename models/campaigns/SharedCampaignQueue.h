// The runner's queue work that only shared campaigns (a team's) need, on the writer thread:
// which have work due (their leases are held for those), a campaign's team id, and taking back
// texts this desktop queued but must not send (another desktop holds the lease).
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QSqlQuery;

class SharedCampaignQueue
{
public:
    explicit SharedCampaignQueue(QSqlDatabase db);

    // Active campaigns with a team id and work due by `horizonMs` (pending recipients planned
    // by then, or texts with the outbox): team id -> local id. In a team, the desktop that
    // holds such a campaign's lease runs it. Also due: a pending recipient planned by
    // `providerHorizonMs` whose sender number sends through a Messaging Service (its text is
    // handed to the provider with SendAt long before it leaves).
    std::optional<QHash<QString, qint64>> dueTeamCampaigns(qint64 accountId, qint64 horizonMs,
                                                           qint64 providerHorizonMs = 0);
    std::optional<QString> teamIdOf(qint64 campaignId);

    // In a team: texts of shared campaigns (`campaignId`, or 0: all) handed to the outbox here
    // but not attempted are taken back (canceled, their recipients pending again), so they never
    // leave from a desktop that does not hold the campaign's lease: at start, before the outbox
    // loads its queue, and when another desktop took the lease. Returns how many.
    std::optional<int> withdrawUnposted(qint64 accountId, qint64 campaignId);

    QString errorString() const { return m_error; }

private:
    bool exec(QSqlQuery &query, const QString &what);

    QSqlDatabase m_db;
    QString m_error;
};
