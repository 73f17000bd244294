// Snapshots for one account's team log: starts a desktop from the newest snapshot (a new
// desktop, or one that finds the log's oldest items expired before it read them) and writes a
// new one when the log has grown enough since the last, or the last is getting old. The team
// log engine (TeamLog) calls it between its cycles; decoding and applying run on the writer.
#pragma once

#include "ProviderResult.h"
#include "TeamLogWriter.h"
#include "TeamSnapshotStore.h"

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <optional>

class StoreWriter;

class TeamSnapshotter : public QObject
{
    Q_OBJECT

public:
    // Defaults: a snapshot every 2,000 log items or every 7 days while the team works (the
    // log's items live 30 days, a snapshot's 90).
    static constexpr qint64 DefaultEveryItems = 2000;
    static constexpr std::chrono::hours DefaultMaxAge{7 * 24};

    TeamSnapshotter(StoreWriter *writer, TeamSnapshotStore *store, qint64 accountId,
                    QObject *parent = nullptr);

    void setPolicy(qint64 everyItems, std::chrono::milliseconds maxAge);
    // A one-shot process (the CLI's `team sync`) reads snapshots but leaves writing them to
    // the desktops and services that stay up long enough to finish one.
    void setWriting(bool writing) { m_writing = writing; }

    // Applies the newest snapshot when it covers at least index `needed`: answers what it
    // applied (lastIndex: the position reached; -1 when no snapshot was applied).
    void bootstrap(qint64 needed, QObject *context, ProviderCallback<TeamLogWriter::Applied> done);
    // This desktop applied the log up to `appliedIndex`: writes a snapshot when one is due.
    void maybeWrite(qint64 appliedIndex);

    bool isWriting() const { return m_busy; }

Q_SIGNALS:
    void written(qint64 covers, int parts);
    void writeFailed(const QString &error);

private:
    bool due(const TeamSnapshotStore::Snapshot &known, qint64 appliedIndex) const;
    void write();
    void fail(const QString &error);

    StoreWriter *m_writer;
    TeamSnapshotStore *m_store;
    qint64 m_accountId;
    qint64 m_everyItems = DefaultEveryItems;
    std::chrono::milliseconds m_maxAge = DefaultMaxAge;
    std::optional<TeamSnapshotStore::Snapshot> m_known; // the newest, as last read or written
    QDateTime m_knownAt;
    QDateTime m_retryAt; // after a failed write
    bool m_busy = false;
    bool m_writing = true;
};
