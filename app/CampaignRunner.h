// Runs an account's campaigns from their durable queue: takes due recipients in small
// batches into the outbox, settles them as the outbox reports, and pauses, resumes, cancels.
#pragma once

#include "CampaignProviderHolds.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

class CampaignLeases;
class ProviderClient;
class StoreWriter;

// Exactly once: a recipient's message carries the client reference
// "campaign:<campaign>:<recipient>" and MessageStore::insertOutgoing is idempotent on it, so
// a crash anywhere between "insert the message" and "mark the recipient" never makes a
// second message; the outbox reconciles a create whose answer was lost. After a restart,
// start() settles what the outbox finished meanwhile and hands the still-queued messages
// over again (adopting is idempotent). Consent and quiet hours are checked again as each
// batch is taken (CampaignQueue::takeBatch).
//
// In a team (setLeases), a shared campaign is run only by the desktop holding its lease
// (CampaignLeases); every desktop applies the campaign's state moves from the team log, so a
// pause or cancel made anywhere stops the runner at its next tick. The runner shares its own
// moves (started, completed) and the recipients' outcomes (progress, every
// Settings::progressEvery) through the team log.
//
// The provider schedules when it can: a recipient planned between Settings::providerMinLead
// and ScheduledSendTime::kProviderMaxLeadMs ahead whose sender number sends through a
// Messaging Service is taken early (CampaignQueue::takeForProvider): its message carries the
// planned time, and the outbox creates it at once with SendAt, so it leaves at its time with
// every desktop closed. Once the provider holds it, the recipient is 'sent' (nothing sends it
// again, a restart or a takeover does not re-create it) and counted as held by the provider
// until sync sees it leave; the campaign completes after that. A canceled campaign's texts the
// provider holds are canceled there (setProvider).
class CampaignRunner : public QObject
{
    Q_OBJECT

public:
    // Gives queued message ids to the outbox (Outbox::adopt).
    using Adopt = std::function<void(const QList<qint64> &messageIds)>;

    struct Settings
    {
        int batchSize = 20;   // recipients per writer job
        int maxInFlight = 40; // per campaign: handed to the outbox, not yet answered
        std::chrono::milliseconds tick{250};
        // Recipients planned this far ahead are taken early, so that the outbox always has
        // the next message ready when its sender's token bucket allows it.
        std::chrono::milliseconds lookahead{2000};
        // In a team: how often outcomes decided here are appended as progress ops.
        std::chrono::milliseconds progressEvery{2000};
        // Texts planned further ahead than this (and at most 35 days) are created at the
        // provider with SendAt when their number sends through a Messaging Service. Never
        // below ScheduledSendTime::kProviderMinLeadMs: the outbox would hold them here.
        std::chrono::milliseconds providerMinLead{16 * 60 * 1000};
        // Provider-held texts canceled there per round (campaign canceled, customer opted out).
        int cancelBatch = 20;
    };

    CampaignRunner(StoreWriter *writer, qint64 accountId, Adopt adopt, QObject *parent = nullptr);

    qint64 accountId() const { return m_accountId; }
    void setSettings(const Settings &settings);
    // In a team: shared campaigns run here only while `leases` says so (null: alone, as before).
    void setLeases(CampaignLeases *leases);
    // Cancels provider-held texts of canceled campaigns and to customers who opted out since
    // they were created (null: they stay held; nothing else changes). Not owned; must outlive
    // the runner or be unset first.
    void setProvider(ProviderClient *provider) { m_provider = provider; }
    // In a team: the name of the desktop running the shared campaign, as far as known here.
    QString runnerName(const QString &teamId) const;

    // In a team, before the account's outbox loads its queue: texts of shared campaigns queued
    // but never attempted are taken back (this desktop may no longer hold their leases; the
    // holder sends them). Posted on the writer, so it runs before the outbox's load job.
    static void withdrawShared(StoreWriter *writer, qint64 accountId);

    // Settles what finished while the app was down, hands over messages already queued for
    // running campaigns, then starts the loop. Asynchronous (it never waits for the writer):
    // a failure is reported by errorOccurred() and leaves the loop stopped. False, doing
    // nothing, when it is already started or starting.
    bool start();
    void stop();
    bool isStarted() const { return m_timer.isActive(); }

    // State moves, through the writer; campaignChanged() or errorOccurred() tells the outcome.
    void pause(qint64 campaignId, const QString &actor);
    void resume(qint64 campaignId, const QString &actor);
    void cancel(qint64 campaignId, const QString &actor);

    // One message of a variant to `number`, not counted; testQueued() or errorOccurred().
    void sendTest(qint64 campaignId, const QString &variant, const QString &number,
                  const QString &actor);

    QString errorString() const { return m_error; }

public Q_SLOTS:
    // Connect Outbox::messageSent / messageFailed / messageBlocked here (any arguments after
    // the id are ignored): the recipient is settled at the next tick, which comes at once.
    void messageFinished(qint64 messageId);
    // Runs one round now: settle, then a batch per active campaign.
    void tick();

Q_SIGNALS:
    // Counts or state of the campaign changed.
    void campaignChanged(qint64 campaignId);
    void campaignCompleted(qint64 campaignId);
    void batchHandedOver(qint64 campaignId, const QList<qint64> &messageIds);
    void testQueued(qint64 messageId);
    // A round of tick() is over (its batches handed over, its signals sent).
    void roundDone();
    void errorOccurred(const QString &message);

private:
    void move(qint64 campaignId, int state, const QString &actor);
    void cancelAtProvider(const QList<CampaignProviderHolds::Held> &held);

    StoreWriter *m_writer;
    qint64 m_accountId;
    Adopt m_adopt;
    Settings m_settings;
    QTimer m_timer;
    bool m_starting = false; // start() waits for the writer's answer
    bool m_busy = false;
    bool m_again = false;
    QString m_error;
    CampaignLeases *m_leases = nullptr;
    QList<QString> m_dueTeamIds; // the last round's shared campaigns with work due
    qint64 m_lastProgressMs = 0;
    ProviderClient *m_provider = nullptr;
    QHash<qint64, qint64> m_cancelNotBefore; // message id → when to ask the provider again
};
