#include "CampaignCommand.h"

#include "AccountConfig.h"
#include "CampaignCommands.h"
#include "CampaignRows.h"
#include "CampaignRunner.h"
#include "CampaignStats.h"
#include "CliAccount.h"
#include "CliTeamSession.h"
#include "Outbox.h"
#include "StoreWriter.h"
#include "TeamLog.h"
#include "TeamStateRows.h"
#include "TwilioClient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QString formatTime(const std::optional<qint64> &msecs)
{
    return msecs ? QDateTime::fromMSecsSinceEpoch(*msecs, QTimeZone::utc()).toString(Qt::ISODate)
                 : u"-"_s;
}

} // namespace

QString CampaignCommand::name() const
{
    return u"campaign"_s;
}

QString CampaignCommand::summary() const
{
    return u"List, show, pause, resume or run a profile's campaigns"_s;
}

void CampaignCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"campaign list                one tab-separated line per campaign: id, state, name,\n"
        "                             done/to send, expected finish (UTC), team id\n"
        "campaign show ID             the campaign and its counts per variant\n"
        "campaign pause ID            stop taking new recipients (what the outbox holds goes)\n"
        "campaign resume ID           carry on where it stopped\n"
        "campaign cancel ID           texts not yet posted to the provider never go; says how\n"
        "                             many had already left\n"
        "In a team, ID may be the campaign's team id, and with --account-url and --account-sid\n"
        "the team log is read first and a pause, resume or cancel is shared at once (exit 75:\n"
        "applied here, not yet shared); the desktop running the campaign obeys it.\n"
        "campaign run ID              send it from this process until it finishes (needs\n"
        "                             --account-url, --account-sid and the token variable)\n"
        "Exit codes: 0 done, 1 profile or provider error, 2 not allowed (e.g. resume a\n"
        "completed campaign), 64 usage error, 75 not yet shared with the team."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database file."_s, u"path"_s));
    parser.addOption(
        QCommandLineOption(u"account"_s, CliAccount::optionDescription(), u"account"_s));
    parser.addOption(
        QCommandLineOption(u"actor"_s, u"Who does it, for the audit log."_s, u"name"_s, u"cli"_s));
    parser.addOption(QCommandLineOption(u"account-url"_s, u"The provider's base URL."_s, u"url"_s));
    parser.addOption(QCommandLineOption(u"account-sid"_s, u"The Account SID (AC...)."_s, u"sid"_s));
    parser.addOption(QCommandLineOption(u"auth-token-env"_s,
                                        u"Environment variable holding the Auth Token."_s, u"var"_s,
                                        u"SMSDESK_AUTH_TOKEN"_s));
    parser.addPositionalArgument(u"action"_s, u"list, show, pause, resume, cancel or run."_s);
    parser.addPositionalArgument(u"id"_s, u"The campaign id or team id (not for list)."_s,
                                 u"[id]"_s);
}

int CampaignCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(io, u"say what to do: list, show, pause, resume, cancel or run"_s);
    const QString action = args.first();
    const QStringList actions{u"list"_s, u"show"_s, u"pause"_s, u"resume"_s, u"cancel"_s, u"run"_s};
    if (!actions.contains(action))
        return usageError(
            io, u"unknown action '%1' (list, show, pause, resume, cancel, run)"_s.arg(action));
    const qsizetype wanted = action == u"list" ? 1 : 2;
    if (args.size() != wanted)
        return usageError(io, action == u"list"
                                  ? u"list takes no campaign id"_s
                                  : u"%1 needs exactly one campaign id"_s.arg(action));
    qint64 id = 0;
    QString teamId;
    if (wanted == 2) {
        bool ok = false;
        id = args.at(1).toLongLong(&ok);
        static const QRegularExpression teamIdPattern(u"\\A[0-9A-Fa-f-]{16,64}\\z"_s);
        if (!ok && teamIdPattern.match(args.at(1).trimmed()).hasMatch()) {
            teamId = args.at(1).trimmed();
            id = 0;
        } else if (!ok || id <= 0) {
            return usageError(io, u"'%1' is not a campaign id"_s.arg(args.at(1)));
        }
    }
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    if (action == u"run") {
        for (const QString &required : {u"account-url"_s, u"account-sid"_s}) {
            if (!parser.isSet(required))
                return usageError(io, u"run needs --%1"_s.arg(required));
        }
    }

    // With the provider named (not for run, which sends): the team log is read first and a
    // move shared at once, through the same engine the desktop runs.
    std::unique_ptr<CliTeamSession> session;
    std::unique_ptr<StoreWriter> own;
    StoreWriter *writerPtr = nullptr;
    if (action != u"run" && parser.isSet(u"account-url"_s) && parser.isSet(u"account-sid"_s)) {
        session = std::make_unique<CliTeamSession>();
        if (!session->open(parser))
            return session->usageError() ? usageError(io, session->errorString())
                                         : fail(io, ExitFailure, session->errorString());
        writerPtr = &session->writer();
    } else {
        own = std::make_unique<StoreWriter>(parser.value(u"profile"_s));
        if (!own->open())
            return fail(io, ExitFailure, u"cannot open the profile: %1"_s.arg(own->errorString()));
        writerPtr = own.get();
    }
    StoreWriter &writer = *writerPtr;
    QString accountError;
    // run names its provider account already: that is the account unless --account says; so
    // does a command given --account-sid.
    const QString accountValue = !parser.isSet(u"account"_s) && (action == u"run" || session)
                                     ? parser.value(u"account-sid"_s)
                                     : parser.value(u"account"_s);
    const auto account = writer.call([&](WriterContext &context) {
        return CliAccount::resolve(context.repo<AccountRows>(), accountValue, &accountError);
    });
    if (!account)
        return fail(io, ExitFailure, accountError);
    const bool team = session && writer.call([&](WriterContext &context) {
        return context.repo<TeamStateRows>().state(account->id).has_value();
    });
    if (team && !session->syncOnce())
        io.err << "smsdesk-cli campaign: cannot read the team log (" << session->errorString()
               << "): showing what this profile knows" << Qt::endl;
    if (!teamId.isEmpty()) {
        const qint64 accountId = account->id;
        id = writer.call([&](WriterContext &context) {
            return context.repo<CampaignRows>().idOfTeamId(accountId, teamId);
        });
        if (id == 0)
            return fail(io, ExitFailure, u"there is no campaign %1 here"_s.arg(teamId));
    }
    if (id > 0) {
        // Every action on one campaign: it must be the account's, whatever its id says.
        QString error;
        const auto owner = writer.call([&](WriterContext &context) -> std::optional<qint64> {
            auto rows = context.repo<CampaignRows>();
            const auto summary = rows.summary(id);
            error = rows.errorString();
            return summary ? std::optional<qint64>(summary->accountId) : std::nullopt;
        });
        if (!owner)
            return fail(io, ExitFailure, error);
        if (*owner != account->id)
            return fail(io, ExitFailure,
                        u"campaign %1 is not a campaign of the account %2"_s.arg(
                            QString::number(id), account->name));
    }
    if (action == u"run")
        return runCampaign(parser, io, id, writer, *account);
    const QString actor = parser.value(u"actor"_s);
    if (action == u"pause" || action == u"resume" || action == u"cancel") {
        const auto to = action == u"pause"    ? CampaignState::State::Paused
                        : action == u"resume" ? CampaignState::State::Running
                                              : CampaignState::State::Canceled;
        // The same command the desktop uses; this thread may wait for its answer. In a team
        // it acts as this profile's agent.
        QString who = actor;
        if (team && !parser.isSet(u"actor"_s)) {
            const qint64 accountId = account->id;
            const auto state = writer.call([&](WriterContext &context) {
                return context.repo<TeamStateRows>().state(accountId);
            });
            if (state && !state->agentName.isEmpty())
                who = state->agentName;
        }
        CampaignCommands commands(&writer, account->id, who);
        CommandResult moved;
        QEventLoop loop;
        const auto answer = [&](const CommandResult &result) {
            moved = result;
            loop.quit();
        };
        if (to == CampaignState::State::Paused)
            commands.pause(id, answer);
        else if (to == CampaignState::State::Running)
            commands.resume(id, answer);
        else
            commands.cancel(id, answer);
        loop.exec();
        if (!moved.ok)
            return fail(io,
                        moved.error.contains(u"cannot go from"_s) || moved.error.contains(u"Only"_s)
                            ? ExitBadInput
                            : ExitFailure,
                        moved.error);
        const auto after = writer.call(
            [&](WriterContext &context) { return context.repo<CampaignRows>().summary(id); });
        io.out << id << '\t' << CampaignState::toString(to);
        if (to == CampaignState::State::Canceled && after)
            io.out << '\t' << after->sent << " of " << after->toSend()
                   << " already sent; the others will not be sent";
        io.out << '\n';
        if (team && !session->syncOnce()) {
            io.err << "smsdesk-cli campaign: " << action
                   << " applied here, not yet shared: " << session->errorString() << Qt::endl;
            return ExitNotShared;
        }
        return ExitOk;
    }
    struct Read
    {
        std::optional<QList<CampaignRows::Summary>> rows;
        std::optional<QList<CampaignStats::Counts>> counts;
        QString error;
    };
    const Read read = writer.call([&](WriterContext &context) {
        auto rows = context.repo<CampaignRows>();
        Read r;
        if (action == u"list") {
            r.rows = rows.list(account->id);
        } else if (auto one = rows.summary(id)) {
            r.rows = QList<CampaignRows::Summary>{*one};
            auto stats = context.repo<CampaignStats>();
            r.counts = stats.counts(id);
            if (!r.counts)
                r.error = stats.errorString();
        }
        if (!r.rows)
            r.error = rows.errorString();
        return r;
    });
    if (!read.rows || (action == u"show" && !read.counts))
        return fail(io, ExitFailure, read.error);
    for (const CampaignRows::Summary &s : *read.rows) {
        if (action == u"list") {
            io.out << s.id << '\t' << CampaignState::toString(s.state) << '\t' << s.name << '\t'
                   << s.done() << '/' << s.toSend() << '\t' << formatTime(s.expectedFinishAt)
                   << '\t' << s.teamId << '\n';
            continue;
        }
        io.out << "id\t" << s.id << "\nname\t" << s.name << "\nstate\t"
               << CampaignState::toString(s.state) << "\nschedule\t" << s.scheduleKind
               << "\nrecipients\t" << s.total << "\nheld out\t" << s.heldOut << "\nprogress\t"
               << s.done() << '/' << s.toSend() << "\nexpected finish\t"
               << formatTime(s.expectedFinishAt) << "\nsent\t" << s.sent
               << "\nheld by the provider\t" << s.atProvider << "\nfailed\t" << s.failed
               << "\nskipped\t" << s.skipped << "\ntoo late\t" << s.tooLate << "\ncanceled\t"
               << s.canceled << "\nteam id\t" << s.teamId << '\n';
        io.out << "variant\trecipients\tqueued\tsent\tdelivered\tfailed\treplied\topted out\n";
        for (const CampaignStats::Counts &c : *read.counts) {
            io.out << (c.variant.isEmpty() ? u"total"_s : c.variant) << '\t' << c.recipients << '\t'
                   << c.queued << '\t' << c.sent << '\t' << c.delivered << '\t' << c.failed << '\t'
                   << c.replied << '\t' << c.optedOut << '\n';
        }
    }
    return ExitOk;
}

int CampaignCommand::runCampaign(const QCommandLineParser &parser, CliIo &io, qint64 campaignId,
                                 StoreWriter &writer, const AccountRows::Row &account)
{
    const QString tokenVariable = parser.value(u"auth-token-env"_s);
    const QString token = qEnvironmentVariable(tokenVariable.toLocal8Bit().constData());
    if (token.isEmpty())
        return usageError(io,
                          u"the environment variable %1 holds no Auth Token"_s.arg(tokenVariable));
    const QString accountSid = parser.value(u"account-sid"_s);
    // One account's campaign never goes out through another provider account.
    if (!account.providerSid.isEmpty() && account.providerSid != accountSid)
        return fail(io, ExitFailure,
                    u"the account %1 sends through %2, not %3"_s.arg(
                        account.name, account.providerSid, accountSid));
    const AccountConfig config = AccountConfig::forSingleBaseUrl(
        accountSid, accountSid, QUrl(parser.value(u"account-url"_s)));
    if (!config.isValid())
        return usageError(io, config.validationErrors().join(u' '));
    QString error;
    const auto summary = writer.call([&](WriterContext &context) {
        auto rows = context.repo<CampaignRows>();
        auto s = rows.summary(campaignId);
        error = rows.errorString();
        return s;
    });
    if (!summary)
        return fail(io, ExitFailure, error);
    if (CampaignState::isFinished(summary->state)) {
        io.out << campaignId << '\t' << CampaignState::toString(summary->state) << '\n';
        return ExitOk;
    }
    QNetworkAccessManager network;
    TwilioClient client(&network, config, token);
    Outbox outbox(&writer, &client, summary->accountId);
    // In a team, keyword replies left queued here are the team's claims to answer (a desktop
    // or `serve`): this command leaves them queued.
    const qint64 teamAccount = summary->accountId;
    if (writer.call([teamAccount](WriterContext &context) {
            return context.repo<TeamStateRows>().state(teamAccount).has_value();
        }))
        outbox.awaitClaimGate();
    CampaignRunner runner(&writer, summary->accountId,
                          [&outbox](const QList<qint64> &ids) { outbox.adopt(ids); });
    QObject::connect(&outbox, &Outbox::messageSent, &runner, &CampaignRunner::messageFinished);
    QObject::connect(&outbox, &Outbox::messageFailed, &runner,
                     [&runner](qint64 id) { runner.messageFinished(id); });
    QObject::connect(&outbox, &Outbox::messageBlocked, &runner,
                     [&runner](qint64 id) { runner.messageFinished(id); });
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&runner, &CampaignRunner::campaignCompleted, &loop, [&](qint64 id) {
        if (id == campaignId)
            loop.quit();
    });
    QObject::connect(&runner, &CampaignRunner::errorOccurred, &loop, [&](const QString &message) {
        io.err << "smsdesk-cli campaign: " << message << Qt::endl;
        exitCode = ExitFailure;
        loop.quit();
    });
    if (!outbox.start())
        return fail(io, ExitFailure, outbox.errorString());
    if (!runner.start())
        return fail(io, ExitFailure, runner.errorString());
    loop.exec();
    if (exitCode == ExitOk)
        io.out << campaignId << "\tcompleted\n";
    return exitCode;
}
