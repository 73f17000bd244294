#include "CampaignCommand.h"

#include "AccountConfig.h"
#include "CampaignCommands.h"
#include "CampaignRows.h"
#include "CampaignRunner.h"
#include "CampaignStats.h"
#include "CliAccount.h"
#include "Outbox.h"
#include "StoreWriter.h"
#include "TeamStateRows.h"
#include "TwilioClient.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
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
        "                             done/to send, expected finish (UTC)\n"
        "campaign show ID             the campaign and its counts per variant\n"
        "campaign pause ID            stop taking new recipients (what the outbox holds goes)\n"
        "campaign resume ID           carry on where it stopped\n"
        "campaign run ID              send it from this process until it finishes (needs\n"
        "                             --account-url, --account-sid and the token variable)\n"
        "Exit codes: 0 done, 1 profile or provider error, 2 not allowed (e.g. resume a\n"
        "completed campaign), 64 usage error."_s);
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
    parser.addPositionalArgument(u"action"_s, u"list, show, pause, resume or run."_s);
    parser.addPositionalArgument(u"id"_s, u"The campaign id (not for list)."_s, u"[id]"_s);
}

int CampaignCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(io, u"say what to do: list, show, pause, resume or run"_s);
    const QString action = args.first();
    const QStringList actions{u"list"_s, u"show"_s, u"pause"_s, u"resume"_s, u"run"_s};
    if (!actions.contains(action))
        return usageError(io,
                          u"unknown action '%1' (list, show, pause, resume, run)"_s.arg(action));
    const qsizetype wanted = action == u"list" ? 1 : 2;
    if (args.size() != wanted)
        return usageError(io, action == u"list"
                                  ? u"list takes no campaign id"_s
                                  : u"%1 needs exactly one campaign id"_s.arg(action));
    qint64 id = 0;
    if (wanted == 2) {
        bool ok = false;
        id = args.at(1).toLongLong(&ok);
        if (!ok || id <= 0)
            return usageError(io, u"'%1' is not a campaign id"_s.arg(args.at(1)));
    }
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    if (action == u"run") {
        for (const QString &required : {u"account-url"_s, u"account-sid"_s}) {
            if (!parser.isSet(required))
                return usageError(io, u"run needs --%1"_s.arg(required));
        }
    }

    StoreWriter writer(parser.value(u"profile"_s));
    if (!writer.open())
        return fail(io, ExitFailure, u"cannot open the profile: %1"_s.arg(writer.errorString()));
    QString accountError;
    // run names its provider account already: that is the account unless --account says.
    const QString accountValue = !parser.isSet(u"account"_s) && action == u"run"
                                     ? parser.value(u"account-sid"_s)
                                     : parser.value(u"account"_s);
    const auto account = writer.call([&](WriterContext &context) {
        return CliAccount::resolve(context.repo<AccountRows>(), accountValue, &accountError);
    });
    if (!account)
        return fail(io, ExitFailure, accountError);
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
    if (action == u"pause" || action == u"resume") {
        const auto to =
            action == u"pause" ? CampaignState::State::Paused : CampaignState::State::Running;
        // The same command the desktop uses; this thread may wait for its answer.
        CampaignCommands commands(&writer, account->id, actor);
        CommandResult moved;
        QEventLoop loop;
        const auto answer = [&](const CommandResult &result) {
            moved = result;
            loop.quit();
        };
        if (to == CampaignState::State::Paused)
            commands.pause(id, answer);
        else
            commands.resume(id, answer);
        loop.exec();
        if (!moved.ok)
            return fail(io, moved.error.contains(u"cannot go from"_s) ? ExitBadInput : ExitFailure,
                        moved.error);
        io.out << id << '\t' << CampaignState::toString(to) << '\n';
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
                   << '\n';
            continue;
        }
        io.out << "id\t" << s.id << "\nname\t" << s.name << "\nstate\t"
               << CampaignState::toString(s.state) << "\nschedule\t" << s.scheduleKind
               << "\nrecipients\t" << s.total << "\nheld out\t" << s.heldOut << "\nprogress\t"
               << s.done() << '/' << s.toSend() << "\nexpected finish\t"
               << formatTime(s.expectedFinishAt) << '\n';
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
