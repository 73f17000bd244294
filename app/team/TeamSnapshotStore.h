// Where snapshots of the team log live: the compacted log up to an index, cut into parts
// (TeamSnapshotCodec). A desktop joining after the log's oldest items expired, or one that
// would otherwise replay a long log, starts from the newest snapshot and reads the log after
// it. SyncSnapshotStore keeps them in a Sync List; tests use an in-memory one.
#pragma once

#include "ProviderResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

class TeamSnapshotStore
{
public:
    struct Snapshot
    {
        QString id;
        qint64 covers = -1; // the last log index it holds; -1: there is no snapshot
        int parts = 0;
        QDateTime writtenAt;
        qint64 firstItem = -1; // where its parts are in the store
        qint64 lastItem = -1;

        bool exists() const { return covers >= 0; }
    };

    virtual ~TeamSnapshotStore() = default;

    // The newest complete snapshot (one that covers nothing when there is none).
    virtual void latest(QObject *context, ProviderCallback<Snapshot> done) = 0;
    // Its parts, as written.
    virtual void read(const Snapshot &snapshot, QObject *context,
                      ProviderCallback<QList<QJsonObject>> done) = 0;
    // Stores the parts of a snapshot of the log up to `covers`; it becomes the newest once
    // every part is stored (a writer that dies half-way leaves parts nobody reads).
    virtual void write(qint64 covers, const QList<QJsonObject> &parts, QObject *context,
                       ProviderCallback<Snapshot> done) = 0;
};
