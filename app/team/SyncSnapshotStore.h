// Team log snapshots in a Sync List of the team's service (`team-snapshots`): a snapshot's
// parts, then one item that says it is complete (its id, the log index it covers, where its
// parts are). Items expire after 90 days; a new snapshot is written at least weekly while the
// team works, so one always covers what the log's 30-day items no longer hold.
#pragma once

#include "TeamSnapshotStore.h"

#include <optional>

class ProviderClient;
class SyncListTransport;
struct SyncListItem;

class SyncSnapshotStore : public TeamSnapshotStore
{
public:
    static inline const QString ListName = QStringLiteral("team-snapshots");
    static constexpr int ItemTtlSeconds = 90 * 24 * 3600;

    // In the service of `log` (known once the log is open: the team log engine opens it first).
    SyncSnapshotStore(ProviderClient *client, const SyncListTransport *log,
                      QString listName = ListName);

    void latest(QObject *context, ProviderCallback<Snapshot> done) override;
    void read(const Snapshot &snapshot, QObject *context,
              ProviderCallback<QList<QJsonObject>> done) override;
    void write(qint64 covers, const QList<QJsonObject> &parts, QObject *context,
               ProviderCallback<Snapshot> done) override;

    // The item that completes a snapshot, and back (nullopt: the item is a part, or not ours).
    static QJsonObject completion(const Snapshot &snapshot);
    static std::optional<Snapshot> fromCompletion(const QJsonObject &data);

private:
    void withList(QObject *context, std::function<void(const ProviderError *)> then);
    void appendParts(std::shared_ptr<Snapshot> snapshot, QList<QJsonObject> rest, QObject *context,
                     ProviderCallback<Snapshot> done);

    QString serviceSid() const;

    ProviderClient *m_client;
    const SyncListTransport *m_log;
    QString m_listName;
    bool m_listReady = false;
};
