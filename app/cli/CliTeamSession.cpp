#include "CliTeamSession.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "SyncListTransport.h"
#include "SyncSnapshotStore.h"
#include "TeamLog.h"
#include "TeamSnapshotter.h"
#include "TwilioClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
constexpr int CycleTimeoutMs = 60'000;
}

CliTeamSession::CliTeamSession() = default;
CliTeamSession::~CliTeamSession() = default;

void CliTeamSession::addOptions(QCommandLineParser &parser, bool withProfile)
{
    if (withProfile)
        parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database."_s, u"path"_s));
    parser.addOption(QCommandLineOption(u"account-url"_s,
                                        u"The provider's base URL (the sandbox's, or "
                                        "https://api.twilio.com)."_s,
                                        u"url"_s));
    parser.addOption(QCommandLineOption(u"account-sid"_s, u"The Account SID (AC...)."_s, u"sid"_s));
    parser.addOption(QCommandLineOption(u"auth-token-env"_s,
                                        u"Environment variable holding the Auth Token."_s, u"var"_s,
                                        u"SMSDESK_AUTH_TOKEN"_s));
}

bool CliTeamSession::fail(const QString &message, bool usage)
{
    m_error = message;
    m_usage = usage;
    return false;
}

bool CliTeamSession::open(const QCommandLineParser &parser)
{
    for (const QString &required : {u"profile"_s, u"account-url"_s, u"account-sid"_s}) {
        if (!parser.isSet(required))
            return fail(u"--%1 is required"_s.arg(required), true);
    }
    const QString tokenVariable = parser.value(u"auth-token-env"_s);
    const QString token = qEnvironmentVariable(tokenVariable.toLocal8Bit().constData());
    if (token.isEmpty())
        return fail(u"the environment variable %1 holds no Auth Token"_s.arg(tokenVariable), true);
    const QString sid = parser.value(u"account-sid"_s);
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(sid, sid, QUrl(parser.value(u"account-url"_s)));
    if (!config.isValid())
        return fail(config.validationErrors().join(u' '), true);

    m_writer = std::make_unique<StoreWriter>(parser.value(u"profile"_s));
    if (!m_writer->open())
        return fail(u"cannot open the profile: "_s + m_writer->errorString());
    QString error;
    m_accountId = m_writer->call([&](WriterContext &context) {
        auto rows = context.repo<AccountRows>();
        const qint64 id = rows.createOrFind(sid, sid);
        if (id == 0)
            error = rows.errorString();
        return id;
    });
    if (m_accountId == 0)
        return fail(error);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<TwilioClient>(m_network.get(), config, token);
    m_transport = std::make_unique<SyncListTransport>(m_client.get());
    m_log = std::make_unique<TeamLog>(m_writer.get(), m_transport.get(), m_accountId);
    m_snapshotStore = std::make_unique<SyncSnapshotStore>(m_client.get(), m_transport.get());
    m_snapshotter =
        std::make_unique<TeamSnapshotter>(m_writer.get(), m_snapshotStore.get(), m_accountId);
    m_snapshotter->setWriting(false);
    m_log->setSnapshotter(m_snapshotter.get());
    return true;
}

bool CliTeamSession::syncOnce()
{
    QEventLoop loop;
    bool ok = false;
    bool finished = false;
    QString why;
    QObject::connect(m_log.get(), &TeamLog::failed, &loop,
                     [&why](const ProviderError &error) { why = error.displayMessage(); });
    QObject::connect(m_log.get(), &TeamLog::cycleFinished, &loop, [&](bool result) {
        ok = result;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(CycleTimeoutMs, &loop, &QEventLoop::quit);
    m_log->start();
    if (!finished)
        loop.exec();
    m_log->stop();
    if (!finished)
        return fail(u"the team log did not answer within %1 s"_s.arg(CycleTimeoutMs / 1000));
    if (!ok)
        return fail(why.isEmpty() ? u"cannot read or write the team log"_s
                                  : u"cannot reach the team log: "_s + why);
    return true;
}
