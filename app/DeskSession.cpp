#include "DeskSession.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "AppLogging.h"
#include "CampaignLeases.h"
#include "CampaignRunner.h"
#include "ChangeFeed.h"
#include "DemoNumberSeeding.h"
#include "KeywordClaims.h"
#include "KeywordConsentSharing.h"
#include "KeywordProcessing.h"
#include "LookupQueue.h"
#include "MediaFetcher.h"
#include "MessagingServiceRefresh.h"
#include "Outbox.h"
#include "PresenceBoard.h"
#include "SecretStore.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncListTransport.h"
#include "SyncSnapshotStore.h"
#include "SyncSummary.h"
#include "TeamLog.h"
#include "TeamSnapshotter.h"
#include "TeamStateRows.h"
#include "TwilioClient.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

DeskSession::DeskSession(QObject *parent)
    : QObject(parent)
    , m_secrets(std::make_unique<SecretStore>())
{}

DeskSession::~DeskSession()
{
    // The engine and the client talk to the demo's provider and the writer: stop them first.
    disconnectProvider();
    m_writer.reset();
    m_demo.reset();
}

void DeskSession::setDemoProviderFactory(DemoProvider::Factory factory)
{
    m_demoFactory = std::move(factory);
}

QString DeskSession::profilePath() const
{
    return m_writer ? m_writer->profilePath() : QString();
}

bool DeskSession::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcSync) << message;
    return false;
}

bool DeskSession::openProfile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto writer = std::make_unique<StoreWriter>(path);
    if (!writer->open())
        return fail(tr("Cannot open the profile %1: %2").arg(path, writer->errorString()));
    m_writer = std::move(writer);
    return true;
}

bool DeskSession::startDemo(const QString &directory)
{
    if (!m_demoFactory)
        return fail(tr("This build has no demo provider."));
    QDir().mkpath(directory);
    m_demo = m_demoFactory(directory);
    if (!m_demo->start())
        return fail(tr("Cannot start the demo provider: %1").arg(m_demo->errorString()));

    if (!openProfile(QDir(directory).filePath(u"profile.sqlite"_s)))
        return false;

    const QString sid = m_demo->accountSid();
    const QString name = tr("Demo");
    const QString baseUrl = m_demo->baseUrl().toString();
    // Start-up, before any window: the writer has just opened and has nothing else to do, so
    // waiting here costs nothing (main forbids waiting on this thread only after it).
    const std::optional<AccountRows::Row> account = m_writer->call(
        [name, sid, baseUrl](WriterContext &context) -> std::optional<AccountRows::Row> {
            auto rows = context.repo<AccountRows>();
            const qint64 id = rows.createOrFind(name, sid);
            if (id <= 0)
                return std::nullopt;
            // The demo's provider picks a free port each start.
            AccountRows::Row row{id, name, sid, baseUrl, baseUrl, baseUrl};
            return rows.updateProvider(row) ? std::optional(row) : std::nullopt;
        });
    if (!account)
        return fail(tr("Cannot create the demo account in the profile."));

    connectToProvider(*account, m_demo->authToken());
    Q_EMIT statusMessage(tr("Demo provider running at %1").arg(baseUrl));
    return true;
}

void DeskSession::openAccount(qint64 accountId)
{
    withAccount(accountId, [this, accountId](const std::optional<AccountRows::Row> &row) {
        if (!row) {
            // Nothing can be stored for an account that does not exist yet: ask, as for a
            // missing token, so the person can set it up.
            Q_EMIT credentialsNeeded(accountId, tr("No Auth Token is stored for this account."));
            return;
        }
        const AccountRows::Row account = *row;
        // The demo's credentials live in the in-process provider, never in the keychain:
        // switching back to the demo reconnects with them instead of asking for a token.
        if (m_demo && account.providerSid == m_demo->accountSid()) {
            connectToProvider(account, m_demo->authToken());
            return;
        }
        // A person's API key, when this desktop was set up with one, before the Auth Token.
        m_secrets->read(SecretStore::apiKeyKey(m_writer->profileUuid(), account.providerSid), this,
                        [this, account](const SecretResult &result) {
                            const auto key = result.ok()
                                                 ? ApiKeyCredentials::fromSecret(result.secret)
                                                 : std::nullopt;
                            if (key)
                                connectToProvider(account, {}, key);
                            else
                                openWithToken(account);
                        });
    });
}

void DeskSession::openWithToken(const AccountRows::Row &account)
{
    // Keyed by the profile's UUID and the Account SID; a token kept under the row id by an
    // older version is moved there on this first read.
    m_secrets->readMigrating(
        SecretStore::authTokenKey(m_writer->profileUuid(), account.providerSid),
        SecretStore::legacyAuthTokenKey(account.id), this,
        [this, account](const SecretResult &result) {
            if (result.ok()) {
                connectToProvider(account, result.secret);
                return;
            }
            Q_EMIT credentialsNeeded(account.id,
                                     result.error->kind == SecretError::Kind::NotFound
                                         ? tr("No Auth Token is stored for this account.")
                                         : result.error->message);
        });
}

void DeskSession::openAccount(qint64 accountId, const QString &authToken)
{
    withAccount(accountId,
                [this, accountId, authToken](const std::optional<AccountRows::Row> &row) {
                    if (!row) {
                        Q_EMIT statusMessage(tr("No account %1 in this profile.").arg(accountId));
                        return;
                    }
                    connectToProvider(*row, authToken);
                });
}

void DeskSession::openAccount(qint64 accountId, const ApiKeyCredentials &key)
{
    withAccount(accountId, [this, accountId, key](const std::optional<AccountRows::Row> &row) {
        if (!row) {
            Q_EMIT statusMessage(tr("No account %1 in this profile.").arg(accountId));
            return;
        }
        connectToProvider(*row, {}, key);
    });
}

void DeskSession::withAccount(qint64 accountId,
                              std::function<void(const std::optional<AccountRows::Row> &)> then)
{
    m_writer->post(
        [accountId](WriterContext &context) { return context.repo<AccountRows>().find(accountId); },
        this, std::move(then));
}

QString DeskSession::unroutedNotice(qint64 inserted, qint64 unrouted) const
{
    if (unrouted <= 0)
        return {};
    const QString count =
        inserted == unrouted
            ? tr("None of the %1 new messages is in the inbox").arg(inserted)
            : tr("%1 of the %2 new messages are not in the inbox").arg(unrouted).arg(inserted);
    if (!m_numbersInOtherAccount.isEmpty()) {
        return tr("%1: their numbers belong to another account in this profile (%2). A number "
                  "belongs to one account; lend it (Numbers) or open that account to see them.")
            .arg(count, m_numbersInOtherAccount.join(u", "_s));
    }
    return tr("%1: they were sent to or from numbers that are not this account's texting "
              "numbers. Numbers › Unrouted replies lists them.")
        .arg(count);
}

void DeskSession::disconnectProvider()
{
    if (m_client)
        Q_EMIT accountClosing();
    m_keywordConsent.reset();
    m_presence.reset();
    m_teamLog.reset();
    m_teamSnapshotter.reset();
    m_teamSnapshotStore.reset();
    m_teamTransport.reset();
    m_campaigns.reset();
    m_services.reset();
    m_campaignLeases.reset(); // after the runner that asks it
    m_keywords.reset();
    m_outbox.reset();
    m_keywordClaims.reset(); // after the outbox that asks it
    m_lookups.reset();
    m_media.reset();
    m_sync.reset();
    m_numbers.reset();
    m_client.reset();
    m_network.reset();
}

void DeskSession::connectToProvider(const AccountRows::Row &account, const QString &authToken,
                                    const std::optional<ApiKeyCredentials> &key)
{
    disconnectProvider();
    m_accountId = account.id;
    m_accountName = account.name;
    m_numbersInOtherAccount.clear();
    Q_EMIT syncNotice(QString());
    m_historyReached = {};
    m_network = std::make_unique<QNetworkAccessManager>();
    const AccountConfig config = AccountConfig::fromRow(account);
    m_client = key ? std::make_unique<TwilioClient>(m_network.get(), config, *key)
                   : std::make_unique<TwilioClient>(m_network.get(), config, authToken);
    m_numbers = std::make_unique<SenderNumberSync>(m_accountId, m_client.get(), m_writer.get());
    m_sync = std::make_unique<SyncEngine>(m_accountId, m_client.get(), m_writer.get());
    m_media = std::make_unique<MediaFetcher>(m_accountId, m_client.get(), m_writer.get(),
                                             MediaFetcher::folderFor(m_writer->profilePath()));
    connect(m_sync.get(), &SyncEngine::mediaSeen, m_media.get(), &MediaFetcher::noteMessages);
    // Lists or downloads that failed earlier are tried again after each sync.
    connect(m_sync.get(), &SyncEngine::finished, m_media.get(), &MediaFetcher::fetchNow);
    m_lookups = std::make_unique<LookupQueue>(m_accountId, m_client.get(), m_writer.get());
    m_outbox = std::make_unique<Outbox>(m_writer.get(), m_client.get(), m_accountId);
    // Keyword replies wait until the profile says whether this desktop is in a team.
    m_outbox->awaitClaimGate();

    connect(m_sync.get(), &SyncEngine::runStarted, this, [this](bool full) {
        m_historyReached = {};
        Q_EMIT syncStarted(full);
    });
    connect(m_sync.get(), &SyncEngine::historyReached, this,
            [this](const QDateTime &oldest) { m_historyReached = oldest; });
    connect(m_sync.get(), &SyncEngine::progress, this, [this](int, qint64 messages, qint64 eta) {
        Q_EMIT syncProgress(messages, m_historyReached, eta);
    });
    connect(m_sync.get(), &SyncEngine::finished, this, [this](const SyncSummary &summary) {
        Q_EMIT syncEnded(true);
        if (summary.inserted > 0)
            // Whole English forms: no English plural translation is loaded for "%n".
            Q_EMIT statusMessage(summary.inserted == 1
                                     ? tr("1 new message")
                                     : tr("%1 new messages").arg(summary.inserted));
        Q_EMIT syncNotice(unroutedNotice(summary.inserted, summary.unrouted));
        // New customers (and 30006 delivery errors) get their text-enabled verdict.
        m_lookups->scan();
    });
    connect(m_sync.get(), &SyncEngine::failed, this, [this](const ProviderError &error) {
        Q_EMIT syncEnded(false);
        Q_EMIT syncFailed(error.displayMessage(), error.isTransient());
        Q_EMIT statusMessage(tr("Sync failed: %1").arg(error.displayMessage()));
    });
    connect(m_sync.get(), &SyncEngine::storeFailed, this, [this](const QString &message) {
        Q_EMIT syncEnded(false);
        Q_EMIT statusMessage(tr("Cannot store what the provider sent: %1").arg(message));
    });
    connect(m_numbers.get(), &SenderNumberSync::finished, this,
            [this](const SenderNumberSync::Result &result) {
                m_numbersInOtherAccount = result.inOtherAccount;
            });
    // Threads need their sender numbers, so numbers first, then messages, then a timer.
    connect(m_numbers.get(), &SenderNumberSync::finished, this, [this] {
        if (!m_demo) {
            startMessageSync();
            return;
        }
        // The demo's shared short code is marked as an admin would (Twilio's API cannot say
        // a code is shared) before its messages are filed into threads.
        const qint64 account = m_accountId;
        const auto codes = m_demo->sharedShortCodes();
        m_writer->post(
            [account, codes](WriterContext &context) {
                QString error;
                DemoNumberSeeding::markSharedShortCodes(context, account, codes, &error);
                return error;
            },
            this,
            [this](const QString &error) {
                if (!error.isEmpty())
                    Q_EMIT statusMessage(
                        tr("Cannot mark the demo's shared short code: %1").arg(error));
                startMessageSync();
            });
    });
    connect(m_numbers.get(), &SenderNumberSync::failed, this, [this](const ProviderError &error) {
        Q_EMIT syncEnded(false);
        Q_EMIT syncFailed(error.displayMessage(), error.isTransient());
        Q_EMIT statusMessage(tr("Cannot read the sender numbers: %1").arg(error.displayMessage()));
        // Still unreachable after every retry: the numbers (then the periodic message sync)
        // come back on the next period instead of never.
        if (error.isTransient())
            QTimer::singleShot(15s, m_numbers.get(), &SenderNumberSync::run);
    });
    // The status bar tells the truth while the provider cannot be reached: since when, and
    // when the next attempt goes.
    auto offlineSince = std::make_shared<QDateTime>();
    const auto offline = [this, offlineSince](const ProviderError &, qint64 delayMs) {
        if (!offlineSince->isValid())
            *offlineSince = QDateTime::currentDateTime();
        Q_EMIT statusMessage(
            tr("Offline since %1, retrying in %2 s")
                .arg(QLocale().toString(offlineSince->time(), QLocale::ShortFormat))
                .arg((delayMs + 999) / 1000));
    };
    connect(m_numbers.get(), &SenderNumberSync::retrying, this, offline);
    connect(m_sync.get(), &SyncEngine::retrying, this, offline);
    connect(m_numbers.get(), &SenderNumberSync::finished, this,
            [offlineSince] { *offlineSince = QDateTime(); });
    connect(m_sync.get(), &SyncEngine::finished, this,
            [offlineSince] { *offlineSince = QDateTime(); });
    // Keyword replies and campaign batches are stored by their own jobs, then sent by the
    // outbox like any other message.
    m_keywords = std::make_unique<KeywordProcessing>(m_writer.get(), m_accountId);
    // One reply window for queueing and for sending (a reply that waited past it is not sent).
    m_outbox->setKeywordReplyWindow(m_keywords->replyWindow());
    connect(m_sync.get(), &SyncEngine::finished, m_keywords.get(),
            &KeywordProcessing::onSyncFinished);
    connect(m_keywords.get(), &KeywordProcessing::repliesQueued, m_outbox.get(), &Outbox::adopt);
    Outbox *outbox = m_outbox.get();
    m_campaigns = std::make_unique<CampaignRunner>(
        m_writer.get(), m_accountId, [outbox](const QList<qint64> &ids) { outbox->adopt(ids); });
    CampaignRunner *runner = m_campaigns.get();
    connect(outbox, &Outbox::messageSent, runner, &CampaignRunner::messageFinished);
    connect(outbox, &Outbox::messageFailed, runner,
            [runner](qint64 id) { runner->messageFinished(id); });
    connect(outbox, &Outbox::messageBlocked, runner,
            [runner](qint64 id) { runner->messageFinished(id); });
    // Provider-held texts of a canceled campaign are canceled at the provider.
    runner->setProvider(m_client.get());
    // Which numbers send through a Messaging Service (so the provider can hold scheduled
    // texts) changes at the provider: read at each connect and hourly, not only on Numbers.
    m_services =
        std::make_unique<MessagingServiceRefresh>(m_client.get(), m_writer.get(), m_accountId);
    connect(m_services.get(), &MessagingServiceRefresh::refreshed, this,
            [](const QString &error, int numbers) {
                if (error.isEmpty())
                    qCInfo(lcProvider) << "Messaging Services:" << numbers << "pooled number(s)";
                else
                    qCInfo(lcProvider).noquote() << "cannot read the Messaging Services:" << error;
            });
    m_services->start(1h);

    // Before the outbox loads its queue: a shared campaign's texts go from its lease holder.
    CampaignRunner::withdrawShared(m_writer.get(), m_accountId);
    if (!m_outbox->start())
        Q_EMIT statusMessage(m_outbox->errorString());
    // Whatever a crash left half done: unanswered keywords, campaigns in flight.
    m_keywords->processNow();
    // The campaigns start once the profile says whether this desktop is in a team
    // (startTeamLog): a shared campaign runs only on the desktop holding its lease.
    m_numbers->run();
    startTeamLog();
    Q_EMIT accountOpened(m_accountId);
}

ProviderClient *DeskSession::provider() const
{
    return m_client.get();
}

void DeskSession::startTeamLog()
{
    const qint64 account = m_accountId;
    m_writer->post(
        [account](WriterContext &context) {
            auto rows = context.repo<TeamStateRows>();
            const std::optional<TeamStateRows::State> state = rows.state(account);
            return std::pair(state, rows.errorString());
        },
        this,
        [this, account](const std::pair<std::optional<TeamStateRows::State>, QString> &read) {
            if (account != m_accountId || !m_client || m_teamLog)
                return;
            const std::optional<TeamStateRows::State> &team = read.first;
            if (!read.second.isEmpty()) {
                // Keyword replies stay held: in a team, sending one unclaimed could double it.
                Q_EMIT statusMessage(tr("Cannot read the team state: %1").arg(read.second));
                return;
            }
            if (!team) {
                m_outbox->setClaimGate(nullptr);
                m_campaigns->start();
                return;
            }
            // Every desktop of the team queues the same keyword reply: one of them sends it.
            m_keywordClaims = std::make_unique<KeywordClaims>(
                m_client.get(), team->deskId.isEmpty() ? m_writer->profileUuid() : team->deskId,
                team->agentName);
            m_outbox->setClaimGate(m_keywordClaims.get());
            m_campaignLeases = std::make_unique<CampaignLeases>(
                m_writer.get(), m_client.get(),
                team->deskId.isEmpty() ? m_writer->profileUuid() : team->deskId, team->agentName);
            m_campaigns->setLeases(m_campaignLeases.get());
            m_campaigns->start();
            m_teamTransport = std::make_unique<SyncListTransport>(m_client.get());
            m_teamLog = std::make_unique<TeamLog>(m_writer.get(), m_teamTransport.get(), account);
            TeamLog *log = m_teamLog.get();
            m_teamSnapshotStore =
                std::make_unique<SyncSnapshotStore>(m_client.get(), m_teamTransport.get());
            m_teamSnapshotter = std::make_unique<TeamSnapshotter>(
                m_writer.get(), m_teamSnapshotStore.get(), account);
            log->setSnapshotter(m_teamSnapshotter.get());
            // Fresh enough for a send: read within the last few seconds.
            constexpr qint64 ConsentMaxAgeMs = 5000;
            m_outbox->setConsentGate([log](QObject *context, std::function<void(bool)> done) {
                log->ensureFresh(ConsentMaxAgeMs, context, std::move(done));
            });
            log->start();
            // Presence is read at the team log's cadence (and backs off with it).
            m_presence = std::make_unique<PresenceBoard>(m_writer.get(), m_client.get(), account);
            connect(log, &TeamLog::cycleFinished, m_presence.get(), &PresenceBoard::poll);
            connect(log, &TeamLog::changesApplied, m_presence.get(),
                    &PresenceBoard::refreshIdentity);
            m_presence->start();
            // A STOP/START texted to a keyword reaches every ledger here at once (each desktop
            // processes it); one desktop of the team appends it to the log.
            m_keywordConsent = std::make_unique<KeywordConsentSharing>(
                m_writer.get(), m_client.get(), account,
                KeywordConsentSharing::Desk{team->deskId.isEmpty() ? m_writer->profileUuid()
                                                                   : team->deskId,
                                            team->agentName, team->agentId});
            KeywordConsentSharing *consent = m_keywordConsent.get();
            connect(m_keywords.get(), &KeywordProcessing::processed, consent,
                    [consent](const InboundKeywordProcessor::Result &result) {
                        if (result.optOuts + result.optIns > 0)
                            consent->shareNow();
                    });
            consent->shareNow();
            // A change made here is appended at once rather than at the next cycle: half of
            // the time until teammates see it (docs/PERFORMANCE.md, Team workspace).
            connect(m_writer->changes(), &ChangeFeed::changed, log, [log](const ChangeSet &set) {
                if (!set.rows(ChangeSet::Table::TeamOutbox, ChangeSet::Op::Inserted).isEmpty())
                    log->syncNow();
            });
            Q_EMIT teamLogStarted();
        });
}

void DeskSession::startMessageSync()
{
    if (!m_sync) // the account closed while the numbers were being stored
        return;
    m_sync->setInterval(15s);
    m_sync->syncNow();
}
