// Keeps one account's messages in step with the provider: a full sync of the history on the
// first run (resumable page by page), then incremental runs by day plus a status refresh of
// outbound messages that are not final yet.
#pragma once

#include "MessageRecord.h"
#include "PendingStatusQuery.h"
#include "ProviderClient.h"
#include "RetryPolicy.h"
#include "SkippedMessage.h"
#include "SyncCursor.h"
#include "SyncSummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class StoreWriter;
class SyncRangeRunner;

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // Pending outbound statuses are refreshed for this long after the message was created
    // (Twilio keeps a message's status open for up to 72 hours; a carrier that returns no
    // receipt leaves it "sent" for ever). After it, the last status stays: "no receipt".
    static constexpr std::chrono::hours ReceiptWindow{72};
    // Pending messages not sent yet (no date to list them by) fetched one by one per run.
    static constexpr int MaxStatusFetchesPerRun = 20;

    // `client` and `writer` must outlive the engine.
    SyncEngine(qint64 accountId, ProviderClient *client, StoreWriter *writer,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    // Periodic runs; zero (the default) turns them off.
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    // Messages per listed page; the provider allows 1–1000 (default 1000).
    void setPageSize(int pageSize);
    void setRetrySettings(const RetryPolicy::Settings &settings);
    // Page streams of a first sync (date ranges listed at once; see SyncRangeRunner). 1 lists
    // the history as one sequence. Twilio allows more concurrent requests per account than
    // the default; a 429 lowers it for the rest of the run.
    static constexpr int DefaultConcurrency = 4;
    void setConcurrency(int streams);
    // The streams a parallel first sync runs now (lowered by 429s), else the setting.
    int concurrency() const;
    // Days per range of a parallel first sync (default 7).
    void setRangeDays(int days);

    bool isRunning() const { return m_running; }
    qint64 accountId() const { return m_accountId; }

    // Starts a run; while one runs, one more is queued (several calls still queue one).
    void syncNow();

Q_SIGNALS:
    // A run began: paging through the whole history (the first sync, or resuming one) or
    // fetching what changed since the stored cursor.
    void runStarted(bool fullSync);
    // After each stored page. etaMs is -1 while the remaining work cannot be estimated.
    void progress(int pages, qint64 messages, qint64 etaMs);
    // In a full sync, how far back the stored history reaches now (newest first, so this
    // only moves back in time): the one sense of progress a history of unknown length has.
    void historyReached(const QDateTime &oldest);
    void finished(const SyncSummary &summary);
    // The provider refused or kept failing; the stored cursor is where the run got to.
    void failed(const ProviderError &error);
    // The profile could not be read or written.
    void storeFailed(const QString &message);
    // A transient error (429, 5xx, network): the same request goes again in delayMs.
    void retrying(const ProviderError &error, qint64 delayMs);
    // A stored page held messages with media (sid, num_media): for the MediaFetcher.
    void mediaSeen(const QList<QPair<QString, int>> &messages);
    // A parallel first sync runs this many page streams now.
    void concurrencyChanged(int streams);

private:
    struct PageResult
    {
        bool ok = false;
        QString error;
        qint64 inserted = 0;
        qint64 updated = 0;
        QList<qint64> newInbound;
        qint64 skipped = 0;
        qint64 unrouted = 0;
        qint64 written = 0;
        qint64 unchanged = 0;
        bool settled = false; // see SyncUnchangedFilter
    };

    void start();
    void onCursorLoaded(const std::optional<SyncCursor> &cursor, const QString &error);
    void request(std::function<void()> issue);
    void fetchList(const MessageFilter &filter);
    void fetchNext(const QString &uri);
    void onPage(const ProviderResult<MessagePage> &result);
    // Stores the page and keeps `aside` (messages that could not be mapped) aside, in one
    // transaction. skipUnchanged: messages stored as listed are dropped first.
    void startRanges();
    void storeRangePage(const QList<ProviderMessage> &page, const SyncCursor &after,
                        std::function<void()> stored);
    void finishRanges(qint64 newestMs);
    void stopRanges();
    void storePage(QList<MessageRecord> records, QList<SkippedMessage> aside,
                   std::optional<SyncCursor> cursorAfter, bool skipUnchanged,
                   std::function<void(const PageResult &)> then);
    // Incremental: after a settled page, nothing older can have changed unless a pending
    // message older than the page is still to be listed.
    bool listingDone(const PageResult &stored, qint64 oldestOnPageMs) const;
    void finishListing();
    void refreshPending();
    void onPendingSids(const QStringList &sids);
    void fetchNextPending();
    bool retryLater(const ProviderError &error);
    void fail(const ProviderError &error);
    void failStore(const QString &message);
    void endRun();
    qint64 estimateEta(qint64 oldestOnPageMs) const;
    QList<MessageRecord> toRecords(const QList<ProviderMessage> &messages,
                                   QList<SkippedMessage> *aside);

    qint64 m_accountId;
    ProviderClient *m_client;
    StoreWriter *m_writer;
    RetryPolicy m_retry;
    QTimer m_periodic;
    int m_pageSize = 1000;
    int m_concurrency = DefaultConcurrency;
    int m_rangeDays = 7;
    SyncRangeRunner *m_ranges = nullptr; // a parallel first sync in progress

    bool m_running = false;
    bool m_queued = false;
    SyncCursor m_cursor;        // as stored when the run began, then as the run moves it
    qint64 m_firstNewestMs = 0; // the newest date of this run's first page
    qint64 m_lowerBoundMs = 0;  // incremental runs: the start of the cursor's day
    SyncSummary m_summary;
    QElapsedTimer m_clock;
    // The next page is fetched while the current one is stored; its answer waits here until
    // the store is done, so pages are still stored (and the cursor moved) strictly in order.
    void prefetch(const QString &uri);
    void continueWith(const QString &uri);
    std::optional<ProviderResult<MessagePage>> m_prefetched;
    QString m_prefetchUri;
    bool m_waitingForPrefetch = false;
    quint64 m_prefetchSerial = 0; // answers of an earlier run or page are ignored

    std::function<void()> m_issue; // the request in progress, for retries
    int m_attempt = 0;
    QSet<QString> m_seenSids;            // incremental runs: messages already fresh
    PendingStatusQuery::Window m_window; // read with the cursor at the start of a run
    QStringList m_pending;
    QList<MessageRecord> m_refreshed;
    QList<SkippedMessage> m_refreshedAside;
};
