// What one SyncEngine run did.
#pragma once

#include <QList>

struct SyncSummary
{
    bool fullSync = false; // this run paged through history (or resumed doing so)
    int pages = 0;
    qint64 messages = 0; // messages the provider listed or returned, including repeats
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 written = 0;       // listed messages handed to the store (new or changed ones)
    qint64 unchanged = 0;     // incremental: listed messages stored as they are, not written
    qint64 skipped = 0;       // messages that could not be stored: kept aside with the reason
    qint64 unrouted = 0;      // stored without a thread (not our number, no sender yet, a channel)
    int pendingRefreshed = 0; // outbound messages re-fetched for their status
    QList<qint64> newInbound; // ids of inbound messages new to the store
};
