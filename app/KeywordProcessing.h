// Runs InboundKeywordProcessor for one account as a StoreWriter job after each sync, one run
// at a time (a request during a run queues exactly one more), and hands the replies it queued
// to whoever sends them (the outbox).
#pragma once

#include "InboundKeywordProcessor.h"
#include "SyncSummary.h"

#include <QList>
#include <QObject>

#include <chrono>

class StoreWriter;

class KeywordProcessing : public QObject
{
    Q_OBJECT

public:
    // `writer` must outlive this object.
    KeywordProcessing(StoreWriter *writer, qint64 accountId, QObject *parent = nullptr);

    // The reply window: a keyword reply to an inbound message older than this is not sent
    // but noted as unanswered (UnansweredKeywords). Default 24 h.
    static constexpr std::chrono::hours DefaultReplyWindow{24};
    // The window this installation uses: SMSDESK_KEYWORD_REPLY_WINDOW_MS when set (tests),
    // else the setting `keywords/replyWindowHours` (QSettings), else the default.
    static std::chrono::milliseconds configuredReplyWindow();
    void setReplyWindow(std::chrono::milliseconds window) { m_replyWindow = window; }
    std::chrono::milliseconds replyWindow() const { return m_replyWindow; }

    qint64 accountId() const { return m_accountId; }
    bool isRunning() const { return m_running; }

    // Processes every inbound message not processed yet, in the background.
    void processNow();
    // For SyncEngine::finished: connect(engine, &SyncEngine::finished, processing,
    // &KeywordProcessing::onSyncFinished).
    void onSyncFinished(const SyncSummary &summary);

Q_SIGNALS:
    void processed(const InboundKeywordProcessor::Result &result);
    // Replies to send (Outbox::adopt); only emitted when there are some.
    void repliesQueued(const QList<qint64> &messageIds);

private:
    void finish(const InboundKeywordProcessor::Result &result);

    StoreWriter *m_writer;
    qint64 m_accountId;
    bool m_running = false;
    bool m_queued = false;
    std::chrono::milliseconds m_replyWindow = configuredReplyWindow();
};
