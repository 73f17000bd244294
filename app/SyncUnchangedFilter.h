// Incremental runs re-list the whole current UTC day (the DateSent filter has day
// granularity): this drops the listed messages the store already holds with the same status
// and update time before anything reaches PageWriter, and says whether a page was settled,
// so the engine can stop paging.
#pragma once

#include "MessageRecord.h"

#include <QList>
#include <QString>

#include <optional>

struct WriterContext;

class SyncUnchangedFilter
{
public:
    struct Result
    {
        QList<MessageRecord> changed; // new to the store, or different from it
        qint64 unchanged = 0;
        // Every record was stored unchanged in a final status: nothing on the page can move.
        bool settled = false;
    };

    // Writer thread. nullopt with *error on a database error.
    static std::optional<Result> apply(WriterContext &context, qint64 accountId,
                                       QList<MessageRecord> records, QString *error);
    // Delivered, undelivered, failed, received, read, canceled…: what no later listing changes.
    static bool isFinalStatus(const QString &status);
};
