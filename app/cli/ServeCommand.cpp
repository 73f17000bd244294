#include "ServeCommand.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "CliTeamSession.h"
#include "DeskSession.h"
#include "Outbox.h"
#include "PresenceBoard.h"
#include "ServiceBeacon.h"
#include "StopSignalWatcher.h"
#include "StoreWriter.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcServe, "smsdesk.serve", QtInfoMsg)

constexpr int StopGraceMs = 500;

// Under systemd (JOURNAL_STREAM set) a "<N>" prefix gives each line its priority in the
// journal; elsewhere a timestamp and the level in words.
void setLogFormat()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM")) {
        qSetMessagePattern(u"%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                           u"%{if-critical}<3>%{endif}%{if-fatal}<2>%{endif}%{category}: "
                           u"%{message}"_s);
        return;
    }
    qSetMessagePattern(u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-debug}debug%{endif}%{if-info}info"
                       u"%{endif}%{if-warning}warning%{endif}%{if-critical}critical%{endif}"
                       u"%{if-fatal}fatal%{endif} %{category}: %{message}"_s);
}

} // namespace

QString ServeCommand::name() const
{
    return u"serve"_s;
}

QString ServeCommand::summary() const
{
    return u"Do the account's duties headless until SIGTERM (sync, team log, keyword replies, "
           u"campaigns, lookups)"_s;
}

void ServeCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Runs what a desktop does for the account, without a window, until SIGTERM or\n"
        "SIGINT: syncs messages, follows the team log, answers inbound keywords (in a team,\n"
        "exactly one desktop or service answers each, claimed on Twilio Sync), runs due\n"
        "campaigns and line-type lookups. Logs to stderr with levels (journal priorities\n"
        "under systemd). The Auth Token is read only from the environment variable named by\n"
        "--auth-token-env (default SMSDESK_AUTH_TOKEN). See docs/SERVE.md.\n"
        "Exit codes: 0 stopped by a signal, 1 could not start, 64 usage error."_s);
    CliTeamSession::addOptions(parser);
    parser.addOption(QCommandLineOption(u"verbose"_s, u"Log debug messages too."_s));
}

int ServeCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    for (const QString &required : {u"profile"_s, u"account-url"_s, u"account-sid"_s}) {
        if (!parser.isSet(required))
            return usageError(io, u"--%1 is required"_s.arg(required));
    }
    const QString tokenVariable = parser.value(u"auth-token-env"_s);
    const QString token = qEnvironmentVariable(tokenVariable.toLocal8Bit().constData());
    if (token.isEmpty())
        return usageError(io,
                          u"the environment variable %1 holds no Auth Token"_s.arg(tokenVariable));
    const QString sid = parser.value(u"account-sid"_s);
    const QUrl url(parser.value(u"account-url"_s));
    AccountConfig config = AccountConfig::forSingleBaseUrl(sid, sid, url);
    if (url == AccountConfig::defaultApiBaseUrl()) {
        // Twilio itself: lookups and Sync have hosts of their own.
        config.lookupBaseUrl = AccountConfig::defaultLookupBaseUrl();
        config.syncBaseUrl = AccountConfig::defaultSyncBaseUrl();
    }
    if (!config.isValid())
        return usageError(io, config.validationErrors().join(u' '));

    setLogFormat();
    if (parser.isSet(u"verbose"_s))
        QLoggingCategory::setFilterRules(u"smsdesk.*.debug=true"_s);

    DeskSession desk;
    if (!desk.openProfile(parser.value(u"profile"_s)))
        return fail(io, ExitFailure, desk.errorString());
    // The account as the other commands name it (by its SID), told where its provider is.
    QString error;
    const qint64 accountId = desk.writer()->call([&](WriterContext &context) -> qint64 {
        auto rows = context.repo<AccountRows>();
        const qint64 id = rows.createOrFind(sid, sid);
        if (id == 0 || !rows.updateProvider(config.toRow(id))) {
            error = rows.errorString();
            return 0;
        }
        return id;
    });
    if (accountId == 0)
        return fail(io, ExitFailure, u"cannot set up the account: "_s + error);

    StopSignalWatcher watcher;
    if (!watcher.isWatching())
        return fail(io, ExitFailure, u"cannot watch for SIGTERM"_s);
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&watcher, &StopSignalWatcher::stopRequested, &loop, [&](int signal) {
        // In flight is abandoned, never half done: a post already recorded its attempt and is
        // reconciled at the next start; a claim held here is ours again then, or another
        // desktop takes it over after its lease and looks at the provider first.
        qCInfo(lcServe) << "stopping on signal" << signal;
        PresenceBoard *presence = desk.presence();
        if (!presence) {
            loop.quit();
            return;
        }
        // The team's desktops see at once that no service is live (else when its item
        // expires): the delete gets a moment to leave, best effort.
        presence->stop();
        QTimer::singleShot(StopGraceMs, &loop, &QEventLoop::quit);
    });
    QObject::connect(&desk, &DeskSession::statusMessage, &loop,
                     [](const QString &text) { qCInfo(lcServe).noquote() << text; });
    QObject::connect(&desk, &DeskSession::credentialsNeeded, &loop,
                     [&](qint64, const QString &reason) {
                         qCCritical(lcServe).noquote() << reason;
                         exitCode = ExitFailure;
                         loop.quit();
                     });
    QObject::connect(&desk, &DeskSession::syncEnded, &loop, [](bool ok) {
        if (ok)
            qCDebug(lcServe) << "sync done";
    });
    // What the team's desktops show about this service (docs/SERVE.md, "Seen by the team").
    ServiceBeacon beacon;
    beacon.host = QHostInfo::localHostName();
    beacon.startedAt = QDateTime::currentDateTimeUtc();
    beacon.duties = {ServiceBeacon::KeywordReplies, ServiceBeacon::Campaigns,
                     ServiceBeacon::ScheduledMessages, ServiceBeacon::Sync};
    QObject::connect(&desk, &DeskSession::teamLogStarted, &loop, [&desk, beacon] {
        qCInfo(lcServe) << "in a team: team log running, keyword replies claimed on Sync";
        if (PresenceBoard *presence = desk.presence()) {
            presence->setService(beacon);
            qCInfo(lcServe).noquote() << "announced to the team as the service on" << beacon.host;
        }
    });
    QObject::connect(&desk, &DeskSession::accountOpened, &loop, [&desk, sid](qint64) {
        qCInfo(lcServe).noquote() << "serving account" << sid << "from" << desk.profilePath();
        Outbox *outbox = desk.outbox();
        QObject::connect(
            outbox, &Outbox::messageSent, outbox, [](qint64 id, const QString &messageSid) {
                qCInfo(lcServe).noquote() << "sent message" << id << "as" << messageSid;
            });
        QObject::connect(outbox, &Outbox::messageSettledByTeam, outbox,
                         [](qint64 id, const QString &messageSid) {
                             qCInfo(lcServe).noquote()
                                 << "message" << id << "answered by the team"
                                 << (messageSid.isEmpty() ? u"(not sent)"_s : messageSid);
                         });
        QObject::connect(outbox, &Outbox::messageFailed, outbox,
                         [](qint64 id, const ProviderError &providerError) {
                             qCWarning(lcServe).noquote()
                                 << "message" << id << "failed:" << providerError.displayMessage();
                         });
    });
    desk.openAccount(accountId, token);
    loop.exec();
    qCInfo(lcServe) << "stopped";
    return exitCode;
}
