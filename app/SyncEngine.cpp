#include "SyncEngine.h"

#include "AppLogging.h"
#include "PendingStatusQuery.h"
#include "ProviderMapping.h"
#include "StoreWriter.h"
#include "SyncRangeRunner.h"
#include "SyncUnchangedFilter.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

qint64 messageTimeMs(const MessageRecord &record)
{
    return (record.dateSent.isValid() ? record.dateSent : record.dateCreated).toMSecsSinceEpoch();
}

QDate utcDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
}

constexpr int kRefreshBatch = 500;

struct Loaded
{
    std::optional<SyncCursor> cursor;
    PendingStatusQuery::Window window;
    QString error;
};

} // namespace

SyncEngine::SyncEngine(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                       QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_writer(writer)
{
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::syncNow);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_periodic.stop();
        return;
    }
    m_periodic.start(interval);
}

std::chrono::milliseconds SyncEngine::interval() const
{
    return m_periodic.isActive() ? m_periodic.intervalAsDuration() : std::chrono::milliseconds(0);
}

void SyncEngine::setPageSize(int pageSize)
{
    m_pageSize = std::clamp(pageSize, 1, 1000);
}

void SyncEngine::setRetrySettings(const RetryPolicy::Settings &settings)
{
    m_retry = RetryPolicy(settings);
}

void SyncEngine::setConcurrency(int streams)
{
    m_concurrency = std::clamp(streams, 1, 64);
}

int SyncEngine::concurrency() const
{
    return m_ranges ? m_ranges->concurrency() : m_concurrency;
}

void SyncEngine::setRangeDays(int days)
{
    m_rangeDays = std::max(1, days);
}

void SyncEngine::syncNow()
{
    if (m_running) {
        m_queued = true;
        return;
    }
    start();
}

void SyncEngine::start()
{
    m_running = true;
    m_summary = SyncSummary();
    m_firstNewestMs = 0;
    m_lowerBoundMs = 0;
    m_seenSids.clear();
    m_pending.clear();
    m_refreshed.clear();
    m_refreshedAside.clear();
    m_clock.start();
    const qint64 accountId = m_accountId;
    const qint64 since =
        QDateTime::currentMSecsSinceEpoch() -
        std::chrono::duration_cast<std::chrono::milliseconds>(ReceiptWindow).count();
    m_writer->post(
        [accountId, since](WriterContext &context) {
            Loaded loaded;
            loaded.cursor = SyncCursor::load(context, accountId, &loaded.error);
            if (!loaded.error.isEmpty())
                return loaded;
            auto query = context.repo<PendingStatusQuery>();
            const auto window = query.window(accountId, since, MaxStatusFetchesPerRun);
            if (!window)
                loaded.error = query.errorString();
            else
                loaded.window = *window;
            return loaded;
        },
        this,
        [this](const Loaded &loaded) {
            m_window = loaded.window;
            onCursorLoaded(loaded.cursor, loaded.error);
        });
}

void SyncEngine::onCursorLoaded(const std::optional<SyncCursor> &cursor, const QString &error)
{
    if (!error.isEmpty()) {
        failStore(error);
        return;
    }
    m_cursor = cursor.value_or(SyncCursor());
    ++m_prefetchSerial;
    m_prefetched.reset();
    m_prefetchUri.clear();
    m_waitingForPrefetch = false;
    MessageFilter filter;
    filter.pageSize = m_pageSize;
    Q_EMIT runStarted(m_cursor.phase == SyncCursor::Phase::Full);
    if (m_cursor.phase == SyncCursor::Phase::Full) {
        m_summary.fullSync = true;
        // A first sync begun as one sequence (nextPageUri) goes on as one.
        if (m_cursor.parallel || (m_cursor.nextPageUri.isEmpty() && m_concurrency > 1)) {
            startRanges();
            return;
        }
        qCInfo(lcSync) << "account" << m_accountId
                       << (m_cursor.nextPageUri.isEmpty() ? "full sync" : "resuming full sync");
        if (m_cursor.nextPageUri.isEmpty())
            fetchList(filter);
        else
            fetchNext(m_cursor.nextPageUri);
        return;
    }
    // Outbound messages sent within the receipt window and still pending get their statuses
    // from the same listing: it starts at the oldest one's day (the day never changes once
    // sent), so their refresh costs the pages of those days, not one request per message.
    QDate from = m_cursor.day;
    if (m_window.oldestSentMs > 0)
        from = std::min(from, utcDay(m_window.oldestSentMs));
    filter.dateSentAfter = from;
    m_lowerBoundMs = QDateTime(from, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    qCInfo(lcSync) << "account" << m_accountId << "incremental sync from" << from;
    fetchList(filter);
}

void SyncEngine::request(std::function<void()> issue)
{
    m_attempt = 0;
    m_issue = std::move(issue);
    m_issue();
}

void SyncEngine::fetchList(const MessageFilter &filter)
{
    request([this, filter] {
        m_client->listMessages(filter, this,
                               [this](const ProviderResult<MessagePage> &r) { onPage(r); });
    });
}

void SyncEngine::fetchNext(const QString &uri)
{
    request([this, uri] {
        m_client->nextMessagePage(uri, this,
                                  [this](const ProviderResult<MessagePage> &r) { onPage(r); });
    });
}

bool SyncEngine::retryLater(const ProviderError &error)
{
    if (!error.isTransient() || !m_retry.shouldRetry(m_attempt + 1))
        return false;
    ++m_attempt;
    std::optional<std::chrono::seconds> retryAfter;
    if (error.retryAfterSeconds())
        retryAfter = std::chrono::seconds(*error.retryAfterSeconds());
    const auto delay = m_retry.delay(m_attempt, retryAfter);
    qCInfo(lcSync) << "transient provider error" << error.displayMessage() << "- retry" << m_attempt
                   << "in" << delay.count() << "ms";
    Q_EMIT retrying(error, qint64(delay.count()));
    QTimer::singleShot(delay, this, [this] { m_issue(); });
    return true;
}

QList<MessageRecord> SyncEngine::toRecords(const QList<ProviderMessage> &messages,
                                           QList<SkippedMessage> *aside)
{
    QList<MessageRecord> records;
    records.reserve(messages.size());
    for (const ProviderMessage &message : messages) {
        QString why;
        auto record = ProviderMapping::toRecord(message, &why);
        if (!record) {
            qCWarning(lcSync) << "kept aside:" << why;
            aside->append(ProviderMapping::keptAside(message, why));
            continue;
        }
        records.append(std::move(*record));
    }
    return records;
}

void SyncEngine::onPage(const ProviderResult<MessagePage> &result)
{
    if (!result.ok()) {
        if (!retryLater(result.error()))
            fail(result.error());
        return;
    }
    const MessagePage &page = result.value();
    QList<SkippedMessage> aside;
    QList<MessageRecord> records = toRecords(page.items, &aside);
    qint64 oldestMs = std::numeric_limits<qint64>::max();
    for (const MessageRecord &record : records) {
        const qint64 ms = messageTimeMs(record);
        m_cursor.newestMs = std::max(m_cursor.newestMs, ms);
        oldestMs = std::min(oldestMs, ms);
        if (m_cursor.phase == SyncCursor::Phase::Incremental)
            m_seenSids.insert(record.sid);
    }
    if (m_summary.pages == 0)
        m_firstNewestMs = m_cursor.newestMs;
    ++m_summary.pages;
    m_summary.messages += page.items.size();

    // Full sync: every page moves the stored cursor, so a restart resumes after it.
    // Incremental: the cursor moves only once the whole window is read.
    std::optional<SyncCursor> after;
    if (m_cursor.phase == SyncCursor::Phase::Full) {
        SyncCursor next = m_cursor;
        if (page.hasNextPage()) {
            next.nextPageUri = page.nextPageUri;
        } else {
            next.phase = SyncCursor::Phase::Incremental;
            next.nextPageUri.clear();
            next.day =
                next.newestMs > 0 ? utcDay(next.newestMs) : QDateTime::currentDateTimeUtc().date();
        }
        after = next;
    }
    QList<QPair<QString, int>> withMedia;
    for (const ProviderMessage &message : page.items) {
        if (message.numMedia > 0 && !message.sid.isEmpty())
            withMedia.append({message.sid, message.numMedia});
    }
    const QString nextUri = page.nextPageUri;
    const qint64 eta = page.hasNextPage() ? estimateEta(oldestMs) : 0;
    const bool full = m_summary.fullSync;
    // An incremental run's first page is usually its last (see listingDone): fetching the
    // next one ahead would only load the provider.
    if (!nextUri.isEmpty() && (full || m_summary.pages > 1))
        prefetch(nextUri);
    storePage(std::move(records), std::move(aside), after, !full,
              [this, after, nextUri, eta, full, oldestMs, withMedia](const PageResult &stored) {
                  if (after)
                      m_cursor = *after;
                  if (!withMedia.isEmpty())
                      Q_EMIT mediaSeen(withMedia);
                  Q_EMIT progress(m_summary.pages, m_summary.messages, eta);
                  if (full && oldestMs < std::numeric_limits<qint64>::max())
                      Q_EMIT historyReached(QDateTime::fromMSecsSinceEpoch(oldestMs, Qt::UTC));
                  if (!nextUri.isEmpty() && !(!full && listingDone(stored, oldestMs))) {
                      continueWith(nextUri);
                      return;
                  }
                  // A page fetched ahead is not needed any more: its answer is ignored.
                  ++m_prefetchSerial;
                  m_prefetched.reset();
                  m_prefetchUri.clear();
                  m_waitingForPrefetch = false;
                  finishListing();
              });
}

bool SyncEngine::listingDone(const PageResult &stored, qint64 oldestOnPageMs) const
{
    if (!stored.settled)
        return false;
    // Pending outbound messages of the receipt window are listed for their statuses: the
    // listing goes on until it has passed the oldest of them.
    return m_window.oldestSentMs <= 0 || oldestOnPageMs < m_window.oldestSentMs;
}

void SyncEngine::prefetch(const QString &uri)
{
    const quint64 serial = ++m_prefetchSerial;
    m_prefetched.reset();
    m_prefetchUri = uri;
    m_waitingForPrefetch = false;
    m_client->nextMessagePage(uri, this, [this, serial](const ProviderResult<MessagePage> &r) {
        if (serial != m_prefetchSerial)
            return;
        if (!m_waitingForPrefetch) {
            m_prefetched = r;
            return;
        }
        m_waitingForPrefetch = false;
        onPage(r);
    });
}

void SyncEngine::continueWith(const QString &uri)
{
    // A retry of this page fetches it again, as fetchNext would have.
    m_attempt = 0;
    m_issue = [this, uri] {
        m_client->nextMessagePage(uri, this,
                                  [this](const ProviderResult<MessagePage> &r) { onPage(r); });
    };
    if (uri != m_prefetchUri) {
        m_issue();
        return;
    }
    if (m_prefetched) {
        const ProviderResult<MessagePage> ready = std::move(*m_prefetched);
        m_prefetched.reset();
        ++m_prefetchSerial;
        onPage(ready);
        return;
    }
    m_waitingForPrefetch = true;
}

void SyncEngine::storePage(QList<MessageRecord> records, QList<SkippedMessage> aside,
                           std::optional<SyncCursor> cursorAfter, bool skipUnchanged,
                           std::function<void(const PageResult &)> then)
{
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId, records = std::move(records), aside = std::move(aside), cursorAfter,
         skipUnchanged](WriterContext &context) mutable {
            PageResult result;
            if (skipUnchanged && !records.isEmpty()) {
                auto filtered = SyncUnchangedFilter::apply(context, accountId, std::move(records),
                                                           &result.error);
                if (!filtered)
                    return result;
                records = std::move(filtered->changed);
                result.unchanged = filtered->unchanged;
                result.settled = filtered->settled && aside.isEmpty();
            }
            result.written = records.size();
            UpsertStats stats;
            if ((!records.isEmpty() || !aside.isEmpty()) &&
                !context.messages->upsertPage(accountId, records, &stats, aside)) {
                result.error = context.messages->errorString();
                return result;
            }
            if (cursorAfter && !SyncCursor::save(context, accountId, *cursorAfter, &result.error))
                return result;
            result.ok = true;
            result.inserted = stats.inserted;
            result.updated = stats.updated;
            result.newInbound = stats.newInbound;
            result.skipped = stats.skipped.size();
            result.unrouted = stats.unrouted;
            return result;
        },
        this,
        [this, then = std::move(then)](const PageResult &result) {
            if (!result.ok) {
                failStore(result.error);
                return;
            }
            m_summary.inserted += result.inserted;
            m_summary.updated += result.updated;
            m_summary.newInbound += result.newInbound;
            m_summary.skipped += result.skipped;
            m_summary.unrouted += result.unrouted;
            m_summary.written += result.written;
            m_summary.unchanged += result.unchanged;
            then(result);
        });
}

qint64 SyncEngine::estimateEta(qint64 oldestOnPageMs) const
{
    // Only an incremental window has a known far end (its first day); a full sync cannot
    // know how far back the history goes.
    if (m_lowerBoundMs <= 0 || m_summary.pages < 2 || m_firstNewestMs <= m_lowerBoundMs)
        return -1;
    const double covered = double(m_firstNewestMs - std::max(oldestOnPageMs, m_lowerBoundMs));
    const double total = double(m_firstNewestMs - m_lowerBoundMs);
    if (covered <= 0)
        return -1;
    return qint64(double(m_clock.elapsed()) * (total - covered) / covered);
}

void SyncEngine::finishListing()
{
    if (m_summary.fullSync) {
        // Everything was just listed, so there is nothing stale to refresh.
        endRun();
        return;
    }
    SyncCursor moved = m_cursor;
    if (moved.newestMs > 0)
        moved.day = std::max(moved.day, utcDay(moved.newestMs));
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId, moved](WriterContext &context) {
            QString error;
            SyncCursor::save(context, accountId, moved, &error);
            return error;
        },
        this,
        [this, moved](const QString &error) {
            if (!error.isEmpty()) {
                failStore(error);
                return;
            }
            m_cursor = moved;
            refreshPending();
        });
}

void SyncEngine::refreshPending()
{
    // Only the few pending messages not sent yet when last seen (no date to list them by),
    // at most MaxStatusFetchesPerRun of them: a run's cost never grows with the history.
    onPendingSids(m_window.unsent);
}

void SyncEngine::onPendingSids(const QStringList &sids)
{
    for (const QString &sid : sids) {
        if (!m_seenSids.contains(sid))
            m_pending.append(sid);
    }
    fetchNextPending();
}

void SyncEngine::fetchNextPending()
{
    const bool batchFull = m_refreshed.size() >= kRefreshBatch;
    if ((m_pending.isEmpty() && !m_refreshed.isEmpty()) || batchFull) {
        QList<MessageRecord> batch;
        batch.swap(m_refreshed);
        QList<SkippedMessage> aside;
        aside.swap(m_refreshedAside);
        storePage(std::move(batch), std::move(aside), std::nullopt, false,
                  [this](const PageResult &) { fetchNextPending(); });
        return;
    }
    if (m_pending.isEmpty()) {
        endRun();
        return;
    }
    const QString sid = m_pending.takeFirst();
    request([this, sid] {
        m_client->fetchMessage(sid, this, [this, sid](const ProviderResult<ProviderMessage> &r) {
            if (!r.ok()) {
                if (retryLater(r.error()))
                    return;
                if (r.error().httpStatus() == 404) {
                    qCWarning(lcSync) << "pending message" << sid << "is gone at the provider";
                    fetchNextPending();
                    return;
                }
                fail(r.error());
                return;
            }
            ++m_summary.pendingRefreshed;
            m_refreshed += toRecords({r.value()}, &m_refreshedAside);
            fetchNextPending();
        });
    });
}

void SyncEngine::fail(const ProviderError &error)
{
    qCWarning(lcSync) << "sync of account" << m_accountId << "failed:" << error.displayMessage();
    m_running = false;
    m_queued = false;
    Q_EMIT failed(error);
}

void SyncEngine::failStore(const QString &message)
{
    stopRanges();
    qCWarning(lcSync) << "sync of account" << m_accountId << "failed:" << message;
    m_running = false;
    m_queued = false;
    Q_EMIT storeFailed(message);
}

void SyncEngine::endRun()
{
    m_running = false;
    qCInfo(lcSync) << "account" << m_accountId << "synced:" << m_summary.messages << "messages,"
                   << m_summary.inserted << "new," << m_summary.updated << "updated";
    const SyncSummary summary = m_summary;
    Q_EMIT finished(summary);
    if (m_queued) {
        m_queued = false;
        start();
    }
}
