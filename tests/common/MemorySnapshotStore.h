// Team log snapshots kept in memory for TeamLog tests (several "desktops" share one), answering
// asynchronously as a provider does, with reads and writes counted.
#pragma once

#include "ProviderError.h"
#include "TeamSnapshotStore.h"

#include <QTimer>
#include <QUuid>

#include <memory>

struct MemorySnapshots
{
    struct Stored
    {
        TeamSnapshotStore::Snapshot snapshot;
        QList<QJsonObject> parts;
    };
    QList<Stored> stored; // in the order they completed
    int latestCalls = 0;
    int readCalls = 0;
    int writeCalls = 0;
    int failWrites = 0; // the next N writes answer 503
};

class MemorySnapshotStore : public TeamSnapshotStore
{
public:
    explicit MemorySnapshotStore(std::shared_ptr<MemorySnapshots> shared)
        : m_shared(std::move(shared))
    {}

    void latest(QObject *context, ProviderCallback<Snapshot> done) override
    {
        ++m_shared->latestCalls;
        const Snapshot newest =
            m_shared->stored.isEmpty() ? Snapshot{} : m_shared->stored.last().snapshot;
        QTimer::singleShot(0, context, [done, newest] { done(newest); });
    }

    void read(const Snapshot &snapshot, QObject *context,
              ProviderCallback<QList<QJsonObject>> done) override
    {
        ++m_shared->readCalls;
        QList<QJsonObject> parts;
        for (const MemorySnapshots::Stored &stored : std::as_const(m_shared->stored)) {
            if (stored.snapshot.id == snapshot.id)
                parts = stored.parts;
        }
        QTimer::singleShot(0, context, [done, parts] { done(parts); });
    }

    void write(qint64 covers, const QList<QJsonObject> &parts, QObject *context,
               ProviderCallback<Snapshot> done) override
    {
        ++m_shared->writeCalls;
        if (m_shared->failWrites > 0) {
            --m_shared->failWrites;
            QTimer::singleShot(0, context, [done] {
                done(ProviderError::fromHttpResponse(503, "Service Unavailable", {}, false));
            });
            return;
        }
        Snapshot snapshot;
        snapshot.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        snapshot.covers = covers;
        snapshot.parts = int(parts.size());
        snapshot.writtenAt = QDateTime::currentDateTimeUtc();
        snapshot.firstItem = 0;
        snapshot.lastItem = parts.size() - 1;
        m_shared->stored.append({snapshot, parts});
        QTimer::singleShot(0, context, [done, snapshot] { done(snapshot); });
    }

private:
    std::shared_ptr<MemorySnapshots> m_shared;
};
