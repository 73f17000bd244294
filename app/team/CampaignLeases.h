// One runner per campaign across the team: a desktop (or `smsdesk-cli serve`) takes batches of
// a shared campaign only while it holds the campaign's lease in the Sync map
// `campaign-runners` (key: the campaign's team id), renewed as a heartbeat. When the holder
// dies its lease runs out and another desktop takes it over; before that one sends anything
// it looks at the provider's messages from the campaign's senders since the campaign started
// and records as sent every pending recipient already texted (the dead runner may have posted
// them and died before telling the team), so total sent = planned, none twice. The same
// reconcile runs whenever a desktop newly holds a campaign that has started.
#pragma once

#include "SyncLease.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <chrono>

class StoreWriter;

class CampaignLeases : public QObject
{
    Q_OBJECT

public:
    static inline const QString MapName = QStringLiteral("campaign-runners");
    static constexpr std::chrono::milliseconds DefaultLease{90'000};

    // The lease comes from SMSDESK_CAMPAIGN_LEASE_MS when set (tests), else DefaultLease.
    CampaignLeases(StoreWriter *writer, ProviderClient *client, QString deskId, QString deskName,
                   QObject *parent = nullptr);

    // The runner's campaigns that have work due (team id -> local id): each is held (taken,
    // renewed, or watched while another desktop has it); those no longer listed are given up.
    void want(const QHash<QString, qint64> &campaigns);
    // Whether this desktop may hand texts of the campaign to its outbox now: held, reconciled,
    // and with at least half the lease left (what the outbox holds leaves well inside it).
    bool runnable(const QString &teamId) const;
    // Who runs it, as far as this desktop knows ('' unknown, this desktop's name when ours).
    QString holderName(const QString &teamId) const { return m_holders.value(teamId); }

    SyncLease *lease() { return &m_lease; }

Q_SIGNALS:
    // A campaign became runnable here (or stopped being): the runner ticks.
    void changed();
    // Another desktop holds a campaign this one was running.
    void lost(qint64 campaignId);
    void errorOccurred(const QString &message);

private:
    void held(const QString &teamId, qint64 campaignId, const SyncLease::Result &result);
    void reconcile(const QString &teamId, qint64 campaignId);
    void listFrom(const QString &teamId, qint64 campaignId, QStringList senders, qint64 sinceMs,
                  QHash<QString, QString> found, const QString &nextPage);
    void record(const QString &teamId, qint64 campaignId, const QHash<QString, QString> &found);

    StoreWriter *m_writer;
    ProviderClient *m_client;
    QString m_deskName;
    SyncLease m_lease;
    QSet<QString> m_asking;
    QSet<QString> m_reconciled;
    QHash<QString, qint64> m_retryAt;
    QHash<QString, QString> m_holders;
};
