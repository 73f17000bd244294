// The campaign runner's work on the durable recipient queue (run it on the writer thread):
// take a batch of due recipients into the outbox as messages, settle them from their
// messages' outcome, and the "send test to me" message.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class MessageStore;

class CampaignQueue
{
public:
    struct Batch
    {
        QList<qint64> messageIds; // queued messages for the outbox to send
        int skippedOptedOut = 0;
        int skippedNotTextEnabled = 0;
        int skippedTooLate = 0; // past the recipient's "send no later than"
        int deferredByQuietHours = 0;
        int alreadySent = 0;  // found sent after a restart; no new message
        bool started = false; // the campaign moved from scheduled to running
    };

    CampaignQueue(QSqlDatabase db, MessageStore *messages);

    // The account's campaigns the runner serves: scheduled or running, oldest first.
    std::optional<QList<qint64>> activeCampaigns(qint64 accountId);

    // Up to `limit` pending recipients planned at or before now + lookahead, each either
    // skipped (past its "send no later than": 'too_late'; opted out for campaigns from its
    // sender; or not text-enabled), deferred (the
    // recipient is in quiet hours now), or written as a queued message (idempotent on the
    // recipient's client reference) and marked 'sending' with its message id. Nothing is
    // taken from a campaign that is not scheduled or running.
    std::optional<Batch> takeBatch(qint64 campaignId, qint64 nowMSecs, qint64 lookaheadMSecs,
                                   int limit);
    // The same for recipients planned in [fromMSecs, toMSecs] whose sender number sends
    // through a Messaging Service: each message gets its recipient's planned time as
    // `scheduled_at` (rounded up to the second), so the outbox creates it at the provider
    // with SendAt and it leaves at that time with every desktop closed. Quiet hours and
    // "send no later than" are checked at the planned time, consent now.
    std::optional<Batch> takeForProvider(qint64 campaignId, qint64 nowMSecs, qint64 fromMSecs,
                                         qint64 toMSecs, int limit);

    // Recipients 'sending' whose message the provider accepted become 'sent', refused ones
    // 'failed' (reason: the error code). Running campaigns with nothing pending or sending
    // left, and no text the provider still holds (status 'scheduled'), are completed. Returns the
    // campaigns whose recipients or state changed.
    std::optional<QList<qint64>> settle(qint64 accountId, qint64 nowMSecs);

    // Messages handed to the outbox and not yet settled.
    std::optional<qint64> inFlight(qint64 campaignId);
    // The ids of those messages across the account's campaigns (a paused one too), in id
    // order: after a restart they are handed to the outbox again.
    std::optional<QList<qint64>> messagesInFlight(qint64 accountId);

    // One message of the variant's text to `number` from the campaign's first sender, not
    // counted in the campaign; refused when that number opted out. Returns its message id.
    qint64 queueTest(qint64 campaignId, const QString &variantLabel, const QString &number,
                     const QString &actor);

    QString errorString() const { return m_error; }

private:
    std::optional<Batch> take(qint64 campaignId, qint64 nowMSecs, qint64 fromMSecs, qint64 toMSecs,
                              int limit, bool providerHeld);
    bool fail(const QString &message);
    bool exec(class QSqlQuery &query, const QString &what);

    QSqlDatabase m_db;
    MessageStore *m_messages;
    QString m_error;
};
