// The parallel first sync: the history split into day ranges (Twilio's DateSent>= / DateSent<=
// filters, UTC days, both inclusive), newest first, listed by several page streams at once.
// Pages are handed to the engine in any order (the store's upserts and thread aggregates do
// not depend on it); each page carries the whole plan as it stands after that page, so the
// cursor saved in the page's transaction resumes every range exactly where it got to.
#pragma once

#include "ProviderClient.h"
#include "RetryPolicy.h"
#include "SyncCursor.h"

#include <QObject>

#include <functional>
#include <map>

class SyncRangeRunner : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int concurrency = 4; // page streams at once; a 429 lowers it for the rest of the run
        int rangeDays = 7;   // days per range
        int pageSize = 1000;
        RetryPolicy::Settings retry;
    };
    // Stores one listed page with the cursor to save in the same transaction; calls `stored`
    // once it is committed.
    using StorePage = std::function<void(const QList<ProviderMessage> &page,
                                         const SyncCursor &after, std::function<void()> stored)>;

    // `start` is a Full cursor: a fresh one (the ranges start at today) or a stored parallel
    // one to resume.
    SyncRangeRunner(ProviderClient *client, const SyncCursor &start, const Settings &settings,
                    StorePage store, QObject *parent = nullptr);

    void run();
    int concurrency() const { return m_limit; }

Q_SIGNALS:
    // Every range is listed and stored; newestMs is the newest message date seen (0: none).
    void finished(qint64 newestMs);
    void failed(const ProviderError &error);
    void retrying(const ProviderError &error, qint64 delayMs);
    void concurrencyChanged(int concurrency);

private:
    struct Stream
    {
        QDate range; // the range's `from`, its key
        int attempt = 0;
        int unstored = 0;             // pages handed to the store and not committed yet
        bool waitingForStore = false; // the next page is fetched once the store caught up
        QString next;                 // the page to fetch next; empty: the range's first page
        bool probing = false;
    };

    void pump();
    bool takeRange(QDate *key);
    SyncCursor::Range *range(const QDate &key);
    void fetch(int id);
    void onPage(int id, const ProviderResult<MessagePage> &result);
    void onProbe(int id, const ProviderResult<MessagePage> &result);
    bool onError(int id, const ProviderError &error);
    void endStream(int id);
    void checkDone();

    ProviderClient *m_client;
    SyncCursor m_plan; // as of the last page handed to the store
    Settings m_settings;
    StorePage m_store;
    RetryPolicy m_retry;
    int m_limit;
    int m_nextId = 0;
    std::map<int, Stream> m_streams;
    QList<QDate> m_assigned; // ranges a stream is listing
    int m_unstored = 0;
    bool m_failed = false;
    bool m_finished = false;
    bool m_openNext = false; // the next range taken is the newest one
};
