#include "SendCommand.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "CliTeamSession.h"
#include "Outbox.h"
#include "OutboxRows.h"
#include "StoreWriter.h"
#include "TeamStateRows.h"
#include "TwilioClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

QString SendCommand::name() const
{
    return u"send"_s;
}

QString SendCommand::summary() const
{
    return u"Send one SMS through a profile's outbox (exactly once, resumable)"_s;
}

void SendCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Queues the message in the profile (created when missing), then sends it and any\n"
        "message an earlier run left unsent, reconciling creates whose answer was lost.\n"
        "The Auth Token is read only from the environment variable named by\n"
        "--auth-token-env (default SMSDESK_AUTH_TOKEN).\n"
        "--ref KEY makes a re-run with the same key the same message: sent once, its sid\n"
        "printed again (scripts can retry safely, even after a kill). --wait SECONDS bounds\n"
        "the run: the message stays queued in the profile and the next run sends it.\n"
        "Prints the message sid. Exit codes: 0 sent, 1 refused by the provider or a local\n"
        "error, 64 usage error, 75 queued, not yet sent (--wait ran out)."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database."_s, u"path"_s));
    parser.addOption(QCommandLineOption(u"account-url"_s,
                                        u"The provider's base URL (the sandbox's, or "
                                        "https://api.twilio.com)."_s,
                                        u"url"_s));
    parser.addOption(QCommandLineOption(u"account-sid"_s, u"The Account SID (AC...)."_s, u"sid"_s));
    parser.addOption(QCommandLineOption(u"auth-token-env"_s,
                                        u"Environment variable holding the Auth Token."_s, u"var"_s,
                                        u"SMSDESK_AUTH_TOKEN"_s));
    parser.addOption(QCommandLineOption(u"from"_s, u"Our sender number (E.164)."_s, u"number"_s));
    parser.addOption(QCommandLineOption(u"to"_s, u"The customer's number (E.164)."_s, u"number"_s));
    parser.addOption(QCommandLineOption(u"body"_s, u"The message text."_s, u"text"_s));
    parser.addOption(QCommandLineOption(
        u"ref"_s, u"Your key for this message: a re-run with it is the same message."_s, u"key"_s));
    parser.addOption(QCommandLineOption(
        u"wait"_s, u"Give up waiting after this many seconds (exit 75, still queued)."_s,
        u"seconds"_s));
    parser.addOption(QCommandLineOption(u"throughput"_s,
                                        u"Segments per second of a sender number this creates "
                                        "(default 1, a long code)."_s,
                                        u"mps"_s, u"1"_s));
}

int SendCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    for (const QString &required :
         {u"profile"_s, u"account-url"_s, u"account-sid"_s, u"from"_s, u"to"_s, u"body"_s}) {
        if (!parser.isSet(required))
            return usageError(io, u"--%1 is required"_s.arg(required));
    }
    const QString tokenVariable = parser.value(u"auth-token-env"_s);
    const QString token = qEnvironmentVariable(tokenVariable.toLocal8Bit().constData());
    if (token.isEmpty())
        return usageError(io,
                          u"the environment variable %1 holds no Auth Token"_s.arg(tokenVariable));
    bool numberOk = false;
    const double throughput = parser.value(u"throughput"_s).toDouble(&numberOk);
    if (!numberOk || throughput <= 0)
        return usageError(io, u"--throughput must be a positive number of segments per second"_s);
    const QString accountSid = parser.value(u"account-sid"_s);
    const QUrl url(parser.value(u"account-url"_s));
    const AccountConfig config = AccountConfig::forSingleBaseUrl(accountSid, accountSid, url);
    if (!config.isValid())
        return usageError(io, config.validationErrors().join(u' '));
    const QString from = parser.value(u"from"_s);
    const QString ref = parser.isSet(u"ref"_s) ? u"cli-ref:"_s + parser.value(u"ref"_s) : QString();
    if (parser.isSet(u"ref"_s) && parser.value(u"ref"_s).trimmed().isEmpty())
        return usageError(io, u"--ref needs a non-empty key"_s);
    std::optional<int> waitSeconds;
    if (parser.isSet(u"wait"_s)) {
        bool ok = false;
        waitSeconds = parser.value(u"wait"_s).toInt(&ok);
        if (!ok || *waitSeconds <= 0)
            return usageError(io, u"--wait must be a positive number of seconds"_s);
    }

    // In a team, a teammate may have unsubscribed the customer on another desktop: read the
    // team log to its end first, and send nothing when it cannot be read.
    bool inTeam = false;
    {
        CliTeamSession team;
        if (!team.open(parser))
            return fail(io, ExitFailure, team.errorString());
        const qint64 account = team.accountId();
        inTeam = team.writer().call([account](WriterContext &context) {
            return context.repo<TeamStateRows>().state(account).has_value();
        });
        if (inTeam && !team.syncOnce())
            return fail(io, ExitFailure,
                        u"cannot read the team's consent state, so nothing was sent: "_s +
                            team.errorString());
    }

    StoreWriter writer(parser.value(u"profile"_s));
    if (!writer.open())
        return fail(io, ExitFailure, u"cannot open the profile: %1"_s.arg(writer.errorString()));
    QString error;
    const qint64 accountId = writer.call([&](WriterContext &context) -> qint64 {
        auto rows = context.repo<AccountRows>();
        const qint64 account = rows.createOrFind(accountSid, accountSid);
        if (account == 0 || rows.createOrFindSenderNumber(account, from, throughput) == 0) {
            error = rows.errorString();
            return 0;
        }
        return account;
    });
    if (accountId == 0)
        return fail(io, ExitFailure, error);

    // The same key again: the message an earlier run queued (sent, or resumed below).
    qint64 known = 0;
    if (!ref.isEmpty()) {
        QString knownSid;
        const bool read = writer.call([&](WriterContext &context) {
            auto rows = context.repo<OutboxRows>();
            const bool ok = rows.byClientRef(ref, &known, &knownSid);
            if (!ok)
                error = rows.errorString();
            return ok;
        });
        if (!read)
            return fail(io, ExitFailure, error);
        if (!knownSid.isEmpty()) {
            io.out << knownSid << Qt::endl;
            return ExitOk;
        }
    }

    QNetworkAccessManager network;
    TwilioClient client(&network, config, token);
    Outbox outbox(&writer, &client, accountId);
    // In a team, a keyword reply left queued here belongs to the team's claims: only a
    // desktop or a service holding its claim may post it. This command leaves it queued.
    if (inTeam)
        outbox.awaitClaimGate();
    QEventLoop loop;
    qint64 ours = 0;
    std::optional<QString> sid;
    std::optional<QString> refusal;
    QObject::connect(&outbox, &Outbox::messageSent, &loop,
                     [&](qint64 id, const QString &messageSid) {
                         if (id == ours)
                             sid = messageSid;
                     });
    QObject::connect(&outbox, &Outbox::messageFailed, &loop,
                     [&](qint64 id, const ProviderError &providerError) {
                         if (id == ours)
                             refusal = providerError.displayMessage();
                     });
    // Waits for everything, earlier runs' leftovers included (but the held keyword replies).
    QObject::connect(&outbox, &Outbox::idle, &loop, &QEventLoop::quit);
    const auto quitWhenOnlyHeldLeft = [&] {
        QTimer::singleShot(0, &loop, [&] {
            if (outbox.pendingCount() == outbox.heldForClaimGate())
                loop.quit();
        });
    };
    QObject::connect(&outbox, &Outbox::messageSent, &loop, quitWhenOnlyHeldLeft);
    QObject::connect(&outbox, &Outbox::messageFailed, &loop, quitWhenOnlyHeldLeft);
    QObject::connect(&outbox, &Outbox::messageBlocked, &loop, quitWhenOnlyHeldLeft);
    std::optional<QString> storeError;
    QObject::connect(&outbox, &Outbox::storeFailed, &loop, [&](const QString &message) {
        storeError = message;
        loop.quit();
    });
    outbox.start(); // answers once the loop runs; nothing is sent before
    // A known key's message is resumed by start() (reconciled first if it was in flight).
    ours = known != 0 ? known
                      : outbox.queueMessage(from, parser.value(u"to"_s), parser.value(u"body"_s),
                                            u"cli"_s, ref);
    if (ours == 0)
        return fail(io, ExitFailure, u"cannot queue the message: %1"_s.arg(outbox.errorString()));
    bool timedOut = false;
    if (waitSeconds)
        QTimer::singleShot(std::chrono::seconds(*waitSeconds), &loop, [&] {
            timedOut = true;
            loop.quit();
        });
    loop.exec();
    if (timedOut && !sid && !refusal && !storeError)
        return fail(io, ExitQueued,
                    u"queued, not yet sent (the provider did not answer within %1 s); the next "
                    u"run sends it"_s.arg(*waitSeconds));
    if (storeError) // the message stays queued for the next run
        return fail(io, ExitFailure, *storeError);
    if (refusal)
        return fail(io, ExitFailure, u"the provider refused the message: %1"_s.arg(*refusal));
    if (!sid)
        return fail(io, ExitFailure, u"the message was not sent"_s);
    io.out << *sid << Qt::endl;
    return ExitOk;
}
