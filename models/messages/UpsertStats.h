// Counts from one MessageStore::upsertPage call.
#pragma once

#include "SkippedMessage.h"

#include <QList>

struct UpsertStats
{
    int inserted = 0;              // messages new to the store
    int updated = 0;               // existing messages whose provider data changed
    int unchanged = 0;             // existing messages the page repeated as they were
    int unrouted = 0;              // messages stored without a thread (thread_id NULL)
    QList<qint64> newInbound;      // ids of inserted inbound messages, in page order
    QList<qint64> changedThreads;  // ids of threads whose aggregates changed, each once
    QList<SkippedMessage> skipped; // messages the page could not store, kept aside
};
