#include "KeywordsCommand.h"

#include "CliTeamSession.h"
#include "KeywordCommands.h"
#include "KeywordProcessRows.h"
#include "SenderNumberRows.h"
#include "TeamStateRows.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

const QStringList Actions = {u"add"_s, u"start"_s, u"pause"_s, u"list"_s};

std::optional<KeywordProcess::Type> typeOf(const QString &text)
{
    if (text == u"unsubscribe"_s)
        return KeywordProcess::Type::Unsubscribe;
    if (text == u"help"_s)
        return KeywordProcess::Type::Help;
    if (text == u"subscribe"_s)
        return KeywordProcess::Type::Subscribe;
    if (text == u"autoreply"_s || text == u"auto_reply"_s)
        return KeywordProcess::Type::AutoReply;
    return std::nullopt;
}

// Waits for a command service's answer (the CLI's main thread may wait; the desktop never).
template<typename Call>
CommandResult await(Call call)
{
    QEventLoop loop;
    CommandResult result = CommandResult::failure(u"no answer"_s);
    bool answered = false;
    call([&](const CommandResult &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return result;
}

} // namespace

QString KeywordsCommand::name() const
{
    return u"keywords"_s;
}

QString KeywordsCommand::summary() const
{
    return u"Add, start, pause or list keyword processes, shared with the team"_s;
}

void KeywordsCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"add: a new process on --number (prints its id); start|pause ID (the id printed by\n"
        "add or listed, or the process's team id); list [--json].\n"
        "When the profile has joined the account's team the change is shared through the team\n"
        "log. Exit codes: 0 done (and shared), 75 done here but not yet shared (the next\n"
        "'team sync' shares it), 1 refused or failed, 64 usage error."_s);
    parser.addPositionalArgument(u"action"_s, Actions.join(u'|'));
    parser.addPositionalArgument(u"id"_s, u"start|pause: the process."_s, u"[ID]"_s);
    CliTeamSession::addOptions(parser);
    parser.addOption(QCommandLineOption(
        u"number"_s, u"add: the number it answers on (E.164 or short code)."_s, u"number"_s));
    parser.addOption(QCommandLineOption(
        u"type"_s, u"add: unsubscribe, help, subscribe or autoreply."_s, u"type"_s));
    parser.addOption(QCommandLineOption(
        u"keywords"_s,
        u"add: the keywords, comma separated (default: the type's; unsubscribe and help "
        "keep the provider's defaults and add these)."_s,
        u"list"_s));
    parser.addOption(QCommandLineOption(u"reply"_s, u"add: the reply text."_s, u"text"_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"list: a JSON array."_s));
}

int KeywordsCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || !Actions.contains(args.first()))
        return usageError(io, u"say what to do: %1"_s.arg(Actions.join(u", "_s)));
    const QString action = args.first();
    const bool needsId = action == u"start"_s || action == u"pause"_s;
    if (args.size() != (needsId ? 2 : 1))
        return usageError(io, needsId ? u"%1 needs the process's id"_s.arg(action)
                                      : u"unexpected argument '%1'"_s.arg(args.last()));
    CliTeamSession session;
    if (!session.open(parser))
        return session.usageError() ? usageError(io, session.errorString())
                                    : fail(io, ExitFailure, session.errorString());
    if (action == u"add"_s)
        return add(parser, io, session);
    if (needsId)
        return changeState(action, args.at(1), io, session);
    return list(parser, io, session);
}

bool KeywordsCommand::inTeam(CliTeamSession &session, QString *agent)
{
    const qint64 account = session.accountId();
    const auto state = session.writer().call(
        [account](WriterContext &context) { return context.repo<TeamStateRows>().state(account); });
    if (state && agent)
        *agent = state->agentName.isEmpty() ? state->agentId : state->agentName;
    return state.has_value();
}

int KeywordsCommand::share(CliIo &io, CliTeamSession &session, const QString &what)
{
    if (!inTeam(session, nullptr))
        return ExitOk;
    if (!session.syncOnce()) {
        io.err << "smsdesk-cli keywords: " << what
               << " applied here, not yet shared: " << session.errorString() << Qt::endl;
        return ExitNotShared;
    }
    return ExitOk;
}

int KeywordsCommand::add(const QCommandLineParser &parser, CliIo &io, CliTeamSession &session)
{
    const QString number = parser.value(u"number"_s).trimmed();
    const auto type = typeOf(parser.value(u"type"_s));
    if (number.isEmpty())
        return usageError(io, u"add needs --number"_s);
    if (!type)
        return usageError(io, u"--type must be unsubscribe, help, subscribe or autoreply"_s);
    const qint64 account = session.accountId();
    const auto numbers = session.writer().call([account](WriterContext &context) {
        return context.repo<SenderNumberRows>().list(account);
    });
    KeywordProcessRows::Row row;
    for (const SenderNumberRows::Row &n : numbers.value_or(QList<SenderNumberRows::Row>())) {
        if (n.number == number && !n.sharedIn)
            row.senderNumberId = n.id;
    }
    if (row.senderNumberId == 0)
        return fail(io, ExitFailure,
                    u"%1 is not a number of this profile's account (sync first)"_s.arg(number));
    row.process = KeywordProcess::create(*type, number);
    if (parser.isSet(u"keywords"_s)) {
        // Unsubscribe and Help keep the provider's defaults (STOP, HELP...): the words given
        // are added to them; the other types take exactly the words given.
        const bool keepsDefaults =
            *type == KeywordProcess::Type::Unsubscribe || *type == KeywordProcess::Type::Help;
        if (!keepsDefaults)
            row.process.keywords.clear();
        for (const QString &word : parser.value(u"keywords"_s).split(u',', Qt::SkipEmptyParts)) {
            if (!row.process.keywords.contains(word.trimmed(), Qt::CaseInsensitive))
                row.process.keywords.append(word.trimmed());
        }
    }
    row.reply = parser.value(u"reply"_s);
    QString agent = u"smsdesk-cli"_s;
    inTeam(session, &agent);
    KeywordCommands commands(&session.writer(), account, agent);
    const CommandResult result = await([&](auto done) { commands.save(row, done); });
    if (!result.ok)
        return fail(io, ExitFailure, result.error);
    io.out << result.id << Qt::endl;
    return share(io, session, u"add"_s);
}

int KeywordsCommand::changeState(const QString &action, const QString &process, CliIo &io,
                                 CliTeamSession &session)
{
    const qint64 account = session.accountId();
    const auto rows = session.writer().call([account](WriterContext &context) {
        return context.repo<KeywordProcessRows>().list(account);
    });
    qint64 id = 0;
    for (const KeywordProcessRows::Row &row : rows.value_or(QList<KeywordProcessRows::Row>())) {
        if (QString::number(row.process.id) == process || row.teamId == process)
            id = row.process.id;
    }
    if (id == 0)
        return fail(io, ExitFailure, u"no keyword process '%1' in this profile"_s.arg(process));
    QString agent = u"smsdesk-cli"_s;
    inTeam(session, &agent);
    KeywordCommands commands(&session.writer(), account, agent);
    const CommandResult result = await([&](auto done) {
        if (action == u"start"_s)
            commands.start(id, done);
        else
            commands.pause(id, done);
    });
    if (!result.ok)
        return fail(io, ExitFailure, result.error);
    io.out << action << " " << id << Qt::endl;
    return share(io, session, action);
}

int KeywordsCommand::list(const QCommandLineParser &parser, CliIo &io, CliTeamSession &session)
{
    const qint64 account = session.accountId();
    QString error;
    const auto rows = session.writer().call([account, &error](WriterContext &context) {
        auto repo = context.repo<KeywordProcessRows>();
        auto list = repo.list(account);
        if (!list)
            error = repo.errorString();
        return list;
    });
    if (!rows)
        return fail(io, ExitFailure, error);
    QJsonArray array;
    for (const KeywordProcessRows::Row &row : *rows) {
        if (!parser.isSet(u"json"_s)) {
            io.out << row.process.id << '\t' << row.process.inboundLabel() << '\t'
                   << KeywordProcess::typeToString(row.process.type) << '\t'
                   << KeywordProcess::statusToString(row.process.status) << '\t'
                   << row.process.keywords.join(u',') << '\n';
            continue;
        }
        array.append(QJsonObject{{u"id"_s, row.process.id},
                                 {u"team_id"_s, row.teamId},
                                 {u"number"_s, row.process.inboundNumber},
                                 {u"provider_keyword"_s, row.process.providerKeyword},
                                 {u"type"_s, KeywordProcess::typeToString(row.process.type)},
                                 {u"status"_s, KeywordProcess::statusToString(row.process.status)},
                                 {u"keywords"_s, QJsonArray::fromStringList(row.process.keywords)},
                                 {u"reply"_s, row.reply}});
    }
    if (parser.isSet(u"json"_s))
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    io.out.flush();
    return ExitOk;
}
