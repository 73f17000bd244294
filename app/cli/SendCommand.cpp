#include "SendCommand.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "CliTeamSession.h"
#include "Outbox.h"
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
        "Prints the message sid. Exit codes: 0 sent, 1 refused by the provider or a local\n"
        "error, 64 usage error."_s);
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
    ours = outbox.queueMessage(from, parser.value(u"to"_s), parser.value(u"body"_s), u"cli"_s);
    if (ours == 0)
        return fail(io, ExitFailure, u"cannot queue the message: %1"_s.arg(outbox.errorString()));
    loop.exec();
    if (storeError) // the message stays queued for the next run
        return fail(io, ExitFailure, *storeError);
    if (refusal)
        return fail(io, ExitFailure, u"the provider refused the message: %1"_s.arg(*refusal));
    if (!sid)
        return fail(io, ExitFailure, u"the message was not sent"_s);
    io.out << *sid << Qt::endl;
    return ExitOk;
}
