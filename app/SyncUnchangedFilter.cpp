#include "SyncUnchangedFilter.h"

#include "ProviderMapping.h"
#include "StoredStatusRows.h"
#include "WriterContext.h"

using namespace Qt::StringLiterals;

bool SyncUnchangedFilter::isFinalStatus(const QString &status)
{
    return !ProviderMapping::isPendingStatus(status) && status != u"receiving"_s;
}

std::optional<SyncUnchangedFilter::Result> SyncUnchangedFilter::apply(WriterContext &context,
                                                                      qint64 accountId,
                                                                      QList<MessageRecord> records,
                                                                      QString *error)
{
    QStringList sids;
    sids.reserve(records.size());
    for (const MessageRecord &record : records)
        sids.append(record.sid);
    auto rows = context.repo<StoredStatusRows>();
    const auto stored = rows.find(accountId, sids);
    if (!stored) {
        if (error)
            *error = rows.errorString();
        return std::nullopt;
    }
    Result result;
    result.settled = !records.isEmpty();
    for (MessageRecord &record : records) {
        const auto it = stored->constFind(record.sid);
        // PageWriter stores the creation date when the provider gave no update date.
        const qint64 updatedMs =
            (record.dateUpdated.isValid() ? record.dateUpdated : record.dateCreated)
                .toMSecsSinceEpoch();
        if (it != stored->constEnd() && it->status == record.status && it->updatedMs == updatedMs) {
            ++result.unchanged;
            if (!isFinalStatus(record.status))
                result.settled = false;
            continue;
        }
        result.settled = false;
        result.changed.append(std::move(record));
    }
    return result;
}
