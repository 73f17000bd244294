#include "TeamCommand.h"

#include "CliTeamSession.h"
#include "TeamLog.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"

#include <QDateTime>
#include <QUuid>

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
        "team sync: appends the changes made here to the team log and applies the log.\n"
        "Exit codes: 0 done, 1 the team log could not be reached (changes stay queued),\n"
        "64 usage error."_s);
    parser.addPositionalArgument(u"action"_s, u"join or sync"_s);
    CliTeamSession::addOptions(parser);
    parser.addOption(QCommandLineOption(u"agent"_s, u"join: the agent's name."_s, u"name"_s));
    parser.addOption(
        QCommandLineOption(u"role"_s, u"join: agent, marketer or admin."_s, u"role"_s, u"agent"_s));
}

int TeamCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || (args.first() != u"join"_s && args.first() != u"sync"_s))
        return usageError(io, u"say what to do: join or sync"_s);
    const bool join = args.first() == u"join"_s;
    const QString agent = parser.value(u"agent"_s).trimmed();
    const QString role = parser.value(u"role"_s);
    if (join && agent.isEmpty())
        return usageError(io, u"--agent is required to join"_s);
    if (join && role != u"agent"_s && role != u"marketer"_s && role != u"admin"_s)
        return usageError(io, u"--role must be agent, marketer or admin, not '%1'"_s.arg(role));

    CliTeamSession session;
    if (!session.open(parser))
        return session.usageError() ? usageError(io, session.errorString())
                                    : fail(io, ExitFailure, session.errorString());
    const qint64 account = session.accountId();
    if (join) {
        const QString agentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString desk = session.writer().profileUuid();
        QString error;
        const bool joined = session.writer().call([&](WriterContext &context) {
            if (!context.repo<TeamStateRows>().join(account, agentId, desk)) {
                error = u"cannot join the team"_s;
                return false;
            }
            TeamOp op;
            op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            op.agent = agentId;
            op.desk = desk;
            op.at = QDateTime::currentMSecsSinceEpoch();
            op.kind = u"agent.join"_s;
            op.target = agentId;
            op.fields = {{u"name"_s, agent}, {u"role"_s, role}};
            auto writer = context.repo<TeamLogWriter>();
            if (!writer.recordLocal(account, op, op.at)) {
                error = writer.errorString();
                return false;
            }
            return true;
        });
        if (!joined)
            return fail(io, ExitFailure, error);
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
