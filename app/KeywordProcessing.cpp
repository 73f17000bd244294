#include "KeywordProcessing.h"

#include "AppLogging.h"
#include "StoreWriter.h"

KeywordProcessing::KeywordProcessing(StoreWriter *writer, qint64 accountId, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_accountId(accountId)
{}

void KeywordProcessing::onSyncFinished(const SyncSummary &summary)
{
    Q_UNUSED(summary) // also processes what an earlier, interrupted run left behind
    processNow();
}

void KeywordProcessing::processNow()
{
    if (m_running) {
        m_queued = true;
        return;
    }
    m_running = true;
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId](WriterContext &context) {
            auto processor = context.repo<InboundKeywordProcessor>(context.messages.get());
            return processor.run(accountId);
        },
        this, [this](const InboundKeywordProcessor::Result &result) { finish(result); });
}

void KeywordProcessing::finish(const InboundKeywordProcessor::Result &result)
{
    m_running = false;
    if (result.processed > 0 || !result.errors.isEmpty())
        qCInfo(lcSync) << "keyword processing:" << result.processed << "processed,"
                       << result.matched << "matched," << result.queuedReplyIds.size()
                       << "replies queued," << result.errors.size() << "errors";
    Q_EMIT processed(result);
    if (!result.queuedReplyIds.isEmpty())
        Q_EMIT repliesQueued(result.queuedReplyIds);
    if (m_queued) {
        m_queued = false;
        processNow();
    }
}
