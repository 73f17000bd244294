#include "ConsentChange.h"

#include "CliTeamSession.h"
#include "CommandResult.h"
#include "ConsentCommands.h"
#include "TeamStateRows.h"

#include <QEventLoop>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

bool isE164(const QString &number)
{
    static const QRegularExpression e164(u"^\\+[1-9][0-9]{6,14}$"_s);
    return e164.match(number).hasMatch();
}

} // namespace

bool ConsentChange::isAction(const QString &action)
{
    return action == u"unsubscribe"_s || action == u"resubscribe"_s;
}

void ConsentChange::addOptions(QCommandLineParser &parser)
{
    CliTeamSession::addOptions(parser, false);
    parser.addOption(QCommandLineOption(u"customer"_s,
                                        u"unsubscribe/resubscribe: the customer "
                                        "(E.164)."_s,
                                        u"number"_s));
    parser.addOption(QCommandLineOption(u"our"_s,
                                        u"unsubscribe/resubscribe: only from this number of "
                                        "ours (default: every number)."_s,
                                        u"number"_s));
    parser.addOption(QCommandLineOption(
        u"reason"_s, u"unsubscribe: why; resubscribe: the customer's evidence."_s, u"text"_s));
}

QString ConsentChange::refuse(const QString &problem, bool usage, int exitCode)
{
    m_usage = usage;
    m_exitCode = exitCode;
    return problem;
}

QString ConsentChange::run(const QString &action, const QCommandLineParser &parser, CliIo &io)
{
    const QString customer = parser.value(u"customer"_s);
    const QString our = parser.value(u"our"_s);
    if (!isE164(customer))
        return refuse(
            u"--customer must be an E.164 number such as +14155550123, not '%1'"_s.arg(customer),
            true);
    if (!our.isEmpty() && !isE164(our))
        return refuse(u"--our must be an E.164 number, not '%1'"_s.arg(our), true);
    const QString reason = parser.value(u"reason"_s).trimmed();
    if (reason.isEmpty())
        return refuse(action == u"unsubscribe"_s ? u"--reason is required: say why"_s
                                                 : u"--reason is required: the evidence"_s,
                      true);
    CliTeamSession session;
    if (!session.open(parser))
        return refuse(session.errorString(), session.usageError());
    const qint64 account = session.accountId();
    const auto state = session.writer().call(
        [account](WriterContext &context) { return context.repo<TeamStateRows>().state(account); });
    const QString actor = state && !state->agentName.isEmpty() ? state->agentName : u"cli"_s;

    ConsentCommands commands(&session.writer(), actor);
    QEventLoop loop;
    CommandResult result;
    const auto done = [&](const CommandResult &answer) {
        result = answer;
        loop.quit();
    };
    if (action == u"unsubscribe"_s)
        commands.unsubscribe(account, customer, our, reason, &loop, done);
    else
        commands.resubscribe(account, customer, our, ConsentEvent::Source::Agent, reason, &loop,
                             done);
    loop.exec();
    if (!result.ok)
        return refuse(result.error, false);
    if (state && !session.syncOnce())
        return refuse(action + u" recorded here, not yet shared with the team: "_s +
                          session.errorString(),
                      false, NotShared);
    io.out << customer << (action == u"unsubscribe"_s ? " unsubscribed" : " re-subscribed")
           << (state ? " and shared with the team" : "") << Qt::endl;
    return {};
}
