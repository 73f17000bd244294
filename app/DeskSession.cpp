#include "DeskSession.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "AppLogging.h"
#include "LookupQueue.h"
#include "SandboxOptions.h"
#include "SandboxServer.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncSummary.h"
#include "TwilioClient.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// Enough history that the demo inbox is worth looking at, small enough to sync in seconds.
constexpr qint64 kDemoHistoryMessages = 1500;
constexpr int kDemoHistoryThreads = 80;
constexpr int kDemoHistoryDays = 21;
} // namespace

DeskSession::DeskSession(QObject *parent)
    : QObject(parent)
{}

DeskSession::~DeskSession()
{
    // The engine and the client talk to the sandbox and the writer: stop them first.
    m_lookups.reset();
    m_sync.reset();
    m_numbers.reset();
    m_client.reset();
    m_network.reset();
    m_writer.reset();
    if (m_sandbox)
        m_sandbox->saveState();
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
    QDir().mkpath(directory);
    const QString statePath = QDir(directory).filePath(u"sandbox-state.json"_s);
    const bool firstRun = !QFileInfo::exists(statePath);

    SandboxOptions options;
    options.demo = true;
    options.statePath = statePath;
    m_sandbox = std::make_unique<SandboxServer>(options);
    if (!m_sandbox->listen(QHostAddress::LocalHost, 0))
        return fail(tr("Cannot start the demo provider: %1").arg(m_sandbox->errorString()));
    if (firstRun) {
        m_sandbox->seedHistory(kDemoHistoryMessages, kDemoHistoryThreads, kDemoHistoryDays);
        m_sandbox->saveState();
    }

    if (!openProfile(QDir(directory).filePath(u"profile.sqlite"_s)))
        return false;

    const QString sid = m_sandbox->accountSid();
    m_accountName = tr("Demo");
    const QString name = m_accountName;
    m_accountId = m_writer->call([name, sid](WriterContext &context) {
        return AccountRows(context.db()).createOrFind(name, sid);
    });
    if (m_accountId <= 0)
        return fail(tr("Cannot create the demo account in the profile."));

    connectToProvider(m_sandbox->baseUrl().toString(), sid, m_sandbox->authToken());
    emit statusMessage(tr("Demo provider running at %1").arg(m_sandbox->baseUrl().toString()));
    return true;
}

void DeskSession::connectToProvider(const QString &baseUrl, const QString &accountSid,
                                    const QString &authToken)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(m_accountName, accountSid, QUrl(baseUrl));
    m_client = std::make_unique<TwilioClient>(m_network.get(), config, authToken);
    m_numbers = std::make_unique<SenderNumberSync>(m_accountId, m_client.get(), m_writer.get());
    m_sync = std::make_unique<SyncEngine>(m_accountId, m_client.get(), m_writer.get());
    m_lookups = std::make_unique<LookupQueue>(m_accountId, m_client.get(), m_writer.get());

    connect(m_sync.get(), &SyncEngine::progress, this, [this](int pages, qint64 messages, qint64) {
        emit statusMessage(tr("Syncing… %n message(s)", nullptr, int(messages)) +
                           tr(" in %n page(s)", nullptr, pages));
    });
    connect(m_sync.get(), &SyncEngine::finished, this, [this](const SyncSummary &summary) {
        emit statusMessage(tr("Up to date · %n new message(s)", nullptr, int(summary.inserted)));
        // New customers (and 30006 delivery errors) get their text-enabled verdict.
        m_lookups->scan();
    });
    connect(m_sync.get(), &SyncEngine::failed, this, [this](const ProviderError &error) {
        emit statusMessage(tr("Sync failed: %1").arg(error.displayMessage()));
    });
    // Threads need their sender numbers, so numbers first, then messages, then a timer.
    connect(m_numbers.get(), &SenderNumberSync::finished, this, [this] {
        m_sync->setInterval(15s);
        m_sync->syncNow();
    });
    connect(m_numbers.get(), &SenderNumberSync::failed, this, [this](const ProviderError &error) {
        emit statusMessage(tr("Cannot read the sender numbers: %1").arg(error.displayMessage()));
    });
    m_numbers->run();
}
