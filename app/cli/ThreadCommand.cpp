#include "ThreadCommand.h"

#include "CliTeamSession.h"
#include "TeamLogWriter.h"
#include "TeamStateRows.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QStringList Actions = {u"resolve"_s, u"reopen"_s, u"flag"_s, u"unflag"_s,
                             u"assign"_s,  u"snooze"_s, u"note"_s};

bool isE164(const QString &number)
{
    static const QRegularExpression e164(u"^\\+[1-9][0-9]{6,14}$"_s);
    return e164.match(number).hasMatch();
}

} // namespace

QString ThreadCommand::name() const
{
    return u"thread"_s;
}

QString ThreadCommand::summary() const
{
    return u"Resolve, reopen, flag, assign, snooze or note a thread, shared with the team"_s;
}

void ThreadCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Changes the thread of --customer and --our number in the profile and shares the\n"
        "change through the team log (the profile must have joined the team).\n"
        "Exit codes: 0 done and shared, 75 done here but not yet shared (the team log could\n"
        "not be reached; the next sync shares it), 1 refused or failed, 64 usage error."_s);
    parser.addPositionalArgument(u"action"_s, Actions.join(u'|'));
    CliTeamSession::addOptions(parser);
    parser.addOption(
        QCommandLineOption(u"customer"_s, u"The customer's number (E.164)."_s, u"number"_s));
    parser.addOption(QCommandLineOption(u"our"_s, u"Our sender number (E.164)."_s, u"number"_s));
    parser.addOption(
        QCommandLineOption(u"to"_s, u"assign: the agent ('' unassigns)."_s, u"name"_s));
    parser.addOption(QCommandLineOption(
        u"until"_s, u"snooze: when it wakes up (ISO 8601 with a zone; '' clears)."_s, u"time"_s));
    parser.addOption(QCommandLineOption(u"text"_s, u"note: the note."_s, u"text"_s));
}

int ThreadCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || !Actions.contains(args.first()))
        return usageError(io, u"say what to do: %1"_s.arg(Actions.join(u", "_s)));
    const QString action = args.first();
    const QString customer = parser.value(u"customer"_s);
    const QString our = parser.value(u"our"_s);
    if (!isE164(customer))
        return usageError(
            io,
            u"--customer must be an E.164 number such as +14155550123, not '%1'"_s.arg(customer));
    if (!isE164(our))
        return usageError(
            io, u"--our must be an E.164 number such as +14155550100, not '%1'"_s.arg(our));

    TeamOp op;
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.at = QDateTime::currentMSecsSinceEpoch();
    op.target = TeamOp::threadTarget(customer, our);
    if (action == u"resolve"_s || action == u"reopen"_s) {
        op.kind = u"thread."_s + action;
        op.fields = {{u"field"_s, u"status"_s}};
    } else if (action == u"flag"_s || action == u"unflag"_s) {
        op.kind = u"thread.flag"_s;
        op.fields = {{u"field"_s, u"flagged"_s}, {u"value"_s, action == u"flag"_s}};
    } else if (action == u"assign"_s) {
        if (!parser.isSet(u"to"_s))
            return usageError(io, u"assign needs --to AGENT ('' unassigns)"_s);
        op.kind = u"thread.assign"_s;
        op.fields = {{u"field"_s, u"assignee"_s}, {u"value"_s, parser.value(u"to"_s).trimmed()}};
    } else if (action == u"snooze"_s) {
        if (!parser.isSet(u"until"_s))
            return usageError(io, u"snooze needs --until TIME ('' wakes the thread)"_s);
        const QString text = parser.value(u"until"_s);
        QJsonValue value = QJsonValue::Null;
        if (!text.isEmpty()) {
            const QDateTime until = QDateTime::fromString(text, Qt::ISODate);
            if (!until.isValid() || until.timeSpec() == Qt::LocalTime)
                return usageError(io, u"--until must be ISO 8601 with a zone, such as "
                                      "2026-12-08T09:00:00Z, not '%1'"_s.arg(text));
            value = double(until.toMSecsSinceEpoch());
        }
        op.kind = u"thread.snooze"_s;
        op.fields = {{u"field"_s, u"snooze"_s}, {u"value"_s, value}};
    } else {
        const QString text = parser.value(u"text"_s).trimmed();
        if (text.isEmpty())
            return usageError(io, u"note needs --text"_s);
        op.kind = u"note.add"_s;
        op.fields = {{u"body"_s, text}};
    }

    CliTeamSession session;
    if (!session.open(parser))
        return session.usageError() ? usageError(io, session.errorString())
                                    : fail(io, ExitFailure, session.errorString());
    const qint64 account = session.accountId();
    QString error;
    const bool recorded = session.writer().call([&](WriterContext &context) {
        const auto state = context.repo<TeamStateRows>().state(account);
        if (!state) {
            error = u"this profile has not joined the account's team: run 'team join' first"_s;
            return false;
        }
        op.agent = state->agentId;
        op.desk = state->deskId;
        op.fields.insert(u"by"_s, state->agentName.isEmpty() ? state->agentId : state->agentName);
        if (op.kind == u"note.add"_s)
            op.fields.insert(u"author"_s, op.fields.value(u"by"_s));
        auto writer = context.repo<TeamLogWriter>();
        const auto outcome = writer.recordLocal(account, op, op.at);
        if (!outcome) {
            error = writer.errorString();
            return false;
        }
        if (*outcome == TeamOpApplier::Outcome::NotApplicable) {
            error = u"%1 is not a sender number of this profile's account (sync first)"_s.arg(our);
            return false;
        }
        return true;
    });
    if (!recorded)
        return fail(io, ExitFailure, error);
    if (!session.syncOnce()) {
        io.err << "smsdesk-cli thread: " << action
               << " applied here, not yet shared: " << session.errorString() << Qt::endl;
        return ExitNotShared;
    }
    io.out << action << " " << customer << " via " << our << ": shared with the team" << Qt::endl;
    return ExitOk;
}
