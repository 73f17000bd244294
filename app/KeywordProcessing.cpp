#include "KeywordProcessing.h"

#include "AppLogging.h"
#include "StoreWriter.h"

#include <QSettings>

KeywordProcessing::KeywordProcessing(StoreWriter *writer, qint64 accountId, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_accountId(accountId)
{}

std::chrono::milliseconds KeywordProcessing::configuredReplyWindow()
{
    bool ok = false;
    const qint64 fromEnv = qEnvironmentVariable("SMSDESK_KEYWORD_REPLY_WINDOW_MS").toLongLong(&ok);
    if (ok && fromEnv > 0)
        return std::chrono::milliseconds(fromEnv);
    const double hours =
        QSettings()
            .value(QStringLiteral("keywords/replyWindowHours"), double(DefaultReplyWindow.count()))
            .toDouble(&ok);
    if (ok && hours > 0)
        return std::chrono::milliseconds(qint64(hours * 3600 * 1000));
    return DefaultReplyWindow;
}

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
    const std::chrono::milliseconds window = m_replyWindow;
    m_writer->post(
        [accountId, window](WriterContext &context) {
            auto processor = context.repo<InboundKeywordProcessor>(context.messages.get());
            processor.setReplyWindow(window);
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
