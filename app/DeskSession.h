// One desktop's working set: the profile's writer, the provider client and the sync engine
// of the open account; in demo mode also the demo's provider behind them (a DemoProvider).
#pragma once

#include "AccountRows.h"
#include "ApiKeyCredentials.h"
#include "DemoProvider.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class CampaignLeases;
class CampaignRunner;
class KeywordClaims;
class KeywordConsentSharing;
class KeywordProcessing;
class LookupQueue;
class MessagingServiceRefresh;
class MediaFetcher;
class Outbox;
class PresenceBoard;
class ProviderClient;
class SecretStore;
class QNetworkAccessManager;
class SenderNumberSync;
class StoreWriter;
class SyncEngine;
class SyncListTransport;
class SyncSnapshotStore;
class TeamLog;
class TeamSnapshotter;
class TwilioClient;

class DeskSession : public QObject
{
    Q_OBJECT

public:
    explicit DeskSession(QObject *parent = nullptr);
    ~DeskSession() override;

    // Opens (creating and migrating when needed) the profile database at `path`.
    bool openProfile(const QString &path);

    // The demo's provider lives outside the product (app/demo): the executable that offers
    // --demo sets where it comes from before startDemo().
    void setDemoProviderFactory(DemoProvider::Factory factory);

    // Starts the demo's provider with its state kept in `directory`, opens the demo profile
    // there, creates or reuses the "Demo" account and starts syncing, so a newcomer sees a
    // live inbox within seconds.
    bool startDemo(const QString &directory);

    // Connects to the account's provider with the Auth Token from the keychain: accountOpened()
    // once syncing started, credentialsNeeded() when there is no usable token.
    void openAccount(qint64 accountId);
    // The same with a token given now (session-only, or just typed).
    void openAccount(qint64 accountId, const QString &authToken);
    // The same with a person's API key given now. openAccount(id) uses a stored API key
    // before the Auth Token.
    void openAccount(qint64 accountId, const ApiKeyCredentials &key);

    // When the account's desktop is in a team (or has just joined one): its team log runs, and
    // no send goes out before this desktop has the team's consent state. Once per account.
    void startTeamLog();

    QString errorString() const { return m_error; }
    // The open account's provider client (null while not connected): the Team page creates and
    // revokes agents' API keys with it.
    ProviderClient *provider() const;
    SecretStore *secrets() const { return m_secrets.get(); }
    Outbox *outbox() const { return m_outbox.get(); }
    // The team log engine of the open account; null when this desktop has not joined a team.
    TeamLog *teamLog() const { return m_teamLog.get(); }
    // The team's claims on inbound keywords; null when not in a team.
    KeywordClaims *keywordClaims() const { return m_keywordClaims.get(); }
    // Shares consent texted to keywords with the team once; null when not in a team.
    KeywordConsentSharing *keywordConsent() const { return m_keywordConsent.get(); }
    // Who of the team is online and where; null when this desktop has not joined a team.
    PresenceBoard *presence() const { return m_presence.get(); }
    CampaignRunner *campaignRunner() const { return m_campaigns.get(); }
    // Which desktop runs each shared campaign; null when not in a team.
    CampaignLeases *campaignLeases() const { return m_campaignLeases.get(); }
    KeywordProcessing *keywordProcessing() const { return m_keywords.get(); }
    QString profilePath() const;
    StoreWriter *writer() const { return m_writer.get(); }
    SyncEngine *syncEngine() const { return m_sync.get(); }
    LookupQueue *lookupQueue() const { return m_lookups.get(); }
    qint64 accountId() const { return m_accountId; }
    QString accountName() const { return m_accountName; }

Q_SIGNALS:
    // One line for the status bar: sync progress, errors, the demo provider's address.
    void statusMessage(const QString &text);
    // The connected account's sync, outbox, runner... are about to be destroyed: drop every
    // pointer to them.
    void accountClosing();
    // The account is connected: its sync, outbox and lookups run.
    void accountOpened(qint64 accountId);
    // The team log of the open account started (this desktop is in a team).
    void teamLogStarted();
    // No Auth Token for the account (none stored, or no keychain): ask for it.
    void credentialsNeeded(qint64 accountId, const QString &reason);
    // The account's sync: a run began (full: paging through the whole history), moved on,
    // or ended (ok false: it failed, see statusMessage).
    void syncStarted(bool fullSync);
    void syncProgress(qint64 messages, const QDateTime &historyReached, qint64 etaMs);
    void syncEnded(bool ok);
    // Why the sync stopped; retries: it tries again by itself (network, 5xx), else a person
    // has to act (wrong credentials).
    void syncFailed(const QString &message, bool retries);
    // What the last sync could not show, for a line that stays ("200 new messages are not in
    // the inbox: …"); '' once there is nothing to say.
    void syncNotice(const QString &text);

private:
    bool fail(const QString &message);
    // With `key` the client signs in with that API key, else with the Auth Token.
    void connectToProvider(const AccountRows::Row &account, const QString &authToken,
                           const std::optional<ApiKeyCredentials> &key = std::nullopt);
    // The Auth Token from the keychain (moved from where older versions kept it).
    void openWithToken(const AccountRows::Row &account);
    void disconnectProvider();
    // Reads the account's row (none: nullopt), then `then(row)` on this thread.
    void withAccount(qint64 accountId,
                     std::function<void(const std::optional<AccountRows::Row> &)> then);
    // Messages after numbers: threads need their sender numbers.
    void startMessageSync();
    // The notice for a sync that stored `unrouted` of `inserted` messages without a thread.
    QString unroutedNotice(qint64 inserted, qint64 unrouted) const;

    DemoProvider::Factory m_demoFactory;
    // The provider's numbers the last number sync left with another account of the profile.
    QStringList m_numbersInOtherAccount;
    // Destroyed last: the client and the engine talk to it.
    std::unique_ptr<DemoProvider> m_demo;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<SenderNumberSync> m_numbers;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<MediaFetcher> m_media; // MMS media of what m_sync stores
    std::unique_ptr<LookupQueue> m_lookups;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<KeywordProcessing> m_keywords;
    std::unique_ptr<CampaignRunner> m_campaigns;
    std::unique_ptr<MessagingServiceRefresh> m_services; // which numbers send through one
    std::unique_ptr<CampaignLeases> m_campaignLeases;    // in a team: one runner per campaign
    std::unique_ptr<SyncListTransport> m_teamTransport;
    std::unique_ptr<SyncSnapshotStore> m_teamSnapshotStore;
    std::unique_ptr<TeamSnapshotter> m_teamSnapshotter;
    std::unique_ptr<TeamLog> m_teamLog;             // while the account's desktop is in a team
    std::unique_ptr<KeywordClaims> m_keywordClaims; // in a team: one reply per keyword
    std::unique_ptr<PresenceBoard> m_presence;      // beside the team log
    std::unique_ptr<KeywordConsentSharing> m_keywordConsent; // in a team: STOP/START once
    std::unique_ptr<SecretStore> m_secrets;
    QDateTime m_historyReached;
    qint64 m_accountId = 0;
    QString m_accountName;
    QString m_error;
};
