// Fetches the media of MMS messages: a message seen with num_media > 0 is noted, its Media
// list read (all pages) and each item's content downloaded with the account's credentials
// into the profile's media folder, within two caps: MaxItemBytes per item (larger ones are
// recorded as too large, never kept) and the folder's cache cap (least recently used items
// evicted). Transient errors retry with the sync's RetryPolicy; a download that still fails
// is recorded as failed (shown so in the thread) and tried again on a later run, up to
// MaxAttempts times. Items already cached are never fetched again.
#pragma once

#include "MessageMedia.h"
#include "ProviderClient.h"
#include "RetryPolicy.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <functional>

class StoreWriter;

class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    // Twilio accepts at most 5 MB per MMS; a larger item is not a picture anyone sent.
    static constexpr qint64 DefaultMaxItemBytes = 5 * 1024 * 1024;
    // The profile's media folder stays under this (LRU eviction after each run).
    static constexpr qint64 DefaultCacheBytes = 256 * 1024 * 1024;
    static constexpr int MaxAttempts = 3;
    // Media lists read per run; the rest wait for the next.
    static constexpr int MaxListingsPerRun = 200;

    struct Summary
    {
        int listed = 0;     // Media lists read
        int downloaded = 0; // items cached
        qint64 bytes = 0;   // their size
        int failed = 0;     // items (or lists) that could not be fetched this run
        int tooLarge = 0;
        int evicted = 0;
    };

    // `client` and `writer` must outlive the fetcher. `folder`: the profile's media folder.
    MediaFetcher(qint64 accountId, ProviderClient *client, StoreWriter *writer, QString folder,
                 QObject *parent = nullptr);

    void setCaps(qint64 maxItemBytes, qint64 cacheBytes);
    qint64 maxItemBytes() const { return m_maxItemBytes; }
    qint64 cacheBytes() const { return m_cacheBytes; }
    void setRetrySettings(const RetryPolicy::Settings &settings);
    QString folder() const { return m_folder; }
    bool isRunning() const { return m_running; }

    // The media folder of a profile file: "<profile>.media" beside it.
    static QString folderFor(const QString &profilePath);

public Q_SLOTS:
    // Messages seen with media (sid, num_media): noted, then a run starts (or one more is
    // queued behind the current one).
    void noteMessages(const QList<QPair<QString, int>> &messages);
    // Fetches whatever is noted and not fetched yet.
    void fetchNow();

Q_SIGNALS:
    void finished(const MediaFetcher::Summary &summary);
    // A transient error: the same request goes again in delayMs.
    void retrying(const ProviderError &error, qint64 delayMs);
    void storeFailed(const QString &message);

private:
    void start();
    void listNext();
    void downloadNext();
    void evict();
    void endRun();
    void failStore(const QString &message);
    // Runs `issue` now and again after transient errors (RetryPolicy); `give up` otherwise.
    void attempt(std::function<void()> issue);
    bool retryLater(const ProviderError &error);
    QString fileFor(const MessageMedia &media) const;

    qint64 m_accountId;
    ProviderClient *m_client;
    StoreWriter *m_writer;
    QString m_folder;
    qint64 m_maxItemBytes = DefaultMaxItemBytes;
    qint64 m_cacheBytes = DefaultCacheBytes;
    RetryPolicy m_retry;

    bool m_running = false;
    bool m_queued = false;
    Summary m_summary;
    QStringList m_toList;
    QList<MessageMedia> m_toDownload;
    std::function<void()> m_issue;
    int m_attempt = 0;
};
