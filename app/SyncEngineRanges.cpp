// SyncEngine's parallel first sync: the SyncRangeRunner it runs, and how the runner's pages
// are stored and the run ends (see docs/SYNC.md).
#include "SyncEngine.h"

#include "AppLogging.h"
#include "StoreWriter.h"
#include "SyncRangeRunner.h"

#include <QDateTime>
#include <QPointer>

void SyncEngine::startRanges()
{
    qCInfo(lcSync) << "account" << m_accountId
                   << (m_cursor.parallel ? "resuming parallel full sync" : "parallel full sync")
                   << "with" << m_concurrency << "page streams";
    SyncRangeRunner::Settings settings;
    settings.concurrency = m_concurrency;
    settings.rangeDays = m_rangeDays;
    settings.pageSize = m_pageSize;
    settings.retry = m_retry.settings();
    m_ranges = new SyncRangeRunner(
        m_client, m_cursor, settings,
        [this](const QList<ProviderMessage> &page, const SyncCursor &after,
               std::function<void()> stored) { storeRangePage(page, after, std::move(stored)); },
        this);
    connect(m_ranges, &SyncRangeRunner::retrying, this, &SyncEngine::retrying);
    connect(m_ranges, &SyncRangeRunner::concurrencyChanged, this, &SyncEngine::concurrencyChanged);
    connect(m_ranges, &SyncRangeRunner::failed, this, [this](const ProviderError &error) {
        stopRanges();
        fail(error);
    });
    connect(m_ranges, &SyncRangeRunner::finished, this, &SyncEngine::finishRanges);
    m_ranges->run();
}

void SyncEngine::stopRanges()
{
    if (!m_ranges)
        return;
    // Called from the runner's own signals: it goes once they returned.
    m_ranges->disconnect(this);
    m_ranges->deleteLater();
    m_ranges = nullptr;
}

void SyncEngine::storeRangePage(const QList<ProviderMessage> &page, const SyncCursor &after,
                                std::function<void()> stored)
{
    QList<SkippedMessage> aside;
    QList<MessageRecord> records = toRecords(page, &aside);
    QList<QPair<QString, int>> withMedia;
    for (const ProviderMessage &message : page) {
        if (message.numMedia > 0 && !message.sid.isEmpty())
            withMedia.append({message.sid, message.numMedia});
    }
    const qint64 listed = page.size();
    // A page of a run that failed meanwhile (its runner gone, maybe a new one running) ends
    // here.
    const QPointer<SyncRangeRunner> runner = m_ranges;
    storePage(std::move(records), std::move(aside), after, false,
              [this, withMedia, listed, runner, stored = std::move(stored)](const PageResult &) {
                  if (!runner || runner != m_ranges)
                      return;
                  // Counted once stored: several pages are on their way at once.
                  ++m_summary.pages;
                  m_summary.messages += listed;
                  if (!withMedia.isEmpty())
                      Q_EMIT mediaSeen(withMedia);
                  // Ranges finish in any order: no estimate, and no single "reached" date.
                  Q_EMIT progress(m_summary.pages, m_summary.messages, -1);
                  stored();
              });
}

void SyncEngine::finishRanges(qint64 newestMs)
{
    stopRanges();
    SyncCursor done;
    done.phase = SyncCursor::Phase::Incremental;
    done.newestMs = newestMs;
    done.day = newestMs > 0 ? QDateTime::fromMSecsSinceEpoch(newestMs, Qt::UTC).date()
                            : QDateTime::currentDateTimeUtc().date();
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId, done](WriterContext &context) {
            QString error;
            SyncCursor::save(context, accountId, done, &error);
            return error;
        },
        this,
        [this, done](const QString &error) {
            if (!error.isEmpty()) {
                failStore(error);
                return;
            }
            m_cursor = done;
            endRun();
        });
}
