#include "TeamCommand.h"

#include "CliTeamSession.h"
#include "TeamCommands.h"
#include "TeamInvite.h"
#include "TeamLog.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"

#include "WriterContext.h"

using namespace Qt::StringLiterals;

QString TeamCommand::name() const
{
    return u"team"_s;
}

QString TeamCommand::summary() const
{
    return u"Join an account's team (join) or bring the profile in step with it (sync)"_s;
}

void TeamCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"team join: this profile joins the account's team as --agent with --role (agent,\n"
        "marketer or admin); the roster on every desktop learns of it.\n"
        "team join --invite TEXT: joins as the admin's invitation says.\n"
        "team invite: (admins) invites --agent as --role; prints the invitation to hand over.\n"
        "team sync: appends the changes made here to the team log and applies the log.\n"
        "Exit codes: 0 done, 1 the team log could not be reached (changes stay queued),\n"
        "64 usage error."_s);
    parser.addPositionalArgument(u"action"_s, u"join, invite or sync"_s);
    CliTeamSession::addOptions(parser);
    parser.addOption(QCommandLineOption(u"agent"_s, u"join: the agent's name."_s, u"name"_s));
    parser.addOption(
        QCommandLineOption(u"role"_s, u"join: agent, marketer or admin."_s, u"role"_s, u"agent"_s));
    parser.addOption(QCommandLineOption(u"invite"_s, u"join: an admin's invitation."_s, u"text"_s));
}

int TeamCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 ||
        (args.first() != u"join"_s && args.first() != u"sync"_s && args.first() != u"invite"_s))
        return usageError(io, u"say what to do: join, invite or sync"_s);
    const bool join = args.first() == u"join"_s;
    const bool invite = args.first() == u"invite"_s;
    const QString agent = parser.value(u"agent"_s).trimmed();
    const QString role = parser.value(u"role"_s);
    if (join && parser.isSet(u"invite"_s)) {
        if (!TeamInvite::fromText(parser.value(u"invite"_s)))
            return usageError(io, u"--invite is not an SMS Desk invitation"_s);
    } else if (join || invite) {
        if (const QString problem = TeamCommands::joinProblem(agent, role); !problem.isEmpty())
            return usageError(io, u"--agent NAME and --role: "_s + problem);
    }

    CliTeamSession session;
    if (!session.open(parser))
        return session.usageError() ? usageError(io, session.errorString())
                                    : fail(io, ExitFailure, session.errorString());
    const qint64 account = session.accountId();
    if (join || invite) {
        // The desktop's Team page and this command share the job (TeamCommands).
        const auto invitation = parser.isSet(u"invite"_s)
                                    ? TeamInvite::fromText(parser.value(u"invite"_s))
                                    : std::nullopt;
        const TeamInvite made = invite ? TeamInvite::create(agent, role) : TeamInvite{};
        const QString desk = session.writer().profileUuid();
        const CommandResult result = session.writer().call([&](WriterContext &context) {
            return invite ? TeamCommands::inviteJob(context, account, made)
                          : TeamCommands::joinJob(context, account, desk, agent, role, invitation);
        });
        if (!result.ok)
            return fail(io, ExitFailure, result.error);
        if (invite)
            io.out << made.toText() << Qt::endl;
    } else {
        const bool member = session.writer().call([account](WriterContext &context) {
            return context.repo<TeamStateRows>().state(account).has_value();
        });
        if (!member)
            return fail(io, ExitFailure,
                        u"this profile has not joined the account's team: run 'team join' first"_s);
    }
    if (!session.syncOnce())
        return fail(io, ExitFailure, session.errorString() + u" (changes made here stay queued)"_s);
    const auto [state, waiting] = session.writer().call([account](WriterContext &context) {
        return std::pair(context.repo<TeamStateRows>().state(account),
                         context.repo<TeamOutboxRows>().count(account));
    });
    if (state)
        io.out << (join ? u"joined as %1 (%2), agent id %3; "_s.arg(state->agentName, state->role,
                                                                    state->agentId)
                        : QString())
               << u"team log applied up to item %1, %2 change(s) of ours waiting"_s
                      .arg(state->appliedIndex)
                      .arg(waiting)
               << Qt::endl;
    return ExitOk;
}
