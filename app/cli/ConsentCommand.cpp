#include "ConsentCommand.h"

#include "CliAccount.h"
#include "ConsentChange.h"
#include "ConsentCsv.h"
#include "ConsentRows.h"
#include "ContactCommands.h"
#include "StoreReader.h"
#include "StoreWriter.h"

#include <QEventLoop>
#include <QFile>

using namespace Qt::StringLiterals;

QString ConsentCommand::name() const
{
    return u"consent"_s;
}

QString ConsentCommand::summary() const
{
    return u"Export the consent ledger as CSV, or import opt-ins from CSV"_s;
}

void ConsentCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"consent export: the account's consent events, oldest first, as CSV (RFC 4180) on\n"
        "standard output or --file.\n"
        "consent import: opt-ins from CSV (--file, or standard input) with the columns\n"
        "number, occurred_at (ISO 8601 with a time zone) and optionally source, opt_in_copy,\n"
        "sender_number. If any row is bad, nothing is imported and every bad row is listed.\n"
        "consent unsubscribe|resubscribe: a customer unsubscribed or re-subscribed by hand\n"
        "(--customer, optionally --our number, --reason), shared with the team.\n"
        "Exit codes: 0 done, 1 profile error, 2 bad rows, 64 usage error, 75 recorded here but\n"
        "not yet shared with the team."_s);
    parser.addPositionalArgument(u"action"_s, u"export, import, unsubscribe or resubscribe"_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database file."_s, u"path"_s));
    parser.addOption(
        QCommandLineOption(u"account"_s, CliAccount::optionDescription(), u"account"_s));
    parser.addOption(QCommandLineOption(u"file"_s, u"CSV file to write or read."_s, u"path"_s));
    parser.addOption(QCommandLineOption(
        u"region"_s, u"Region for numbers without '+' (default US)."_s, u"code"_s, u"US"_s));
    parser.addOption(
        QCommandLineOption(u"actor"_s, u"Who imports (default: cli)."_s, u"name"_s, u"cli"_s));
    ConsentChange::addOptions(parser);
}

int ConsentCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() == 1 && ConsentChange::isAction(args.first())) {
        ConsentChange change;
        const QString problem = change.run(args.first(), parser, io);
        if (problem.isEmpty())
            return ExitOk;
        return change.usage() ? usageError(io, problem) : fail(io, change.exitCode(), problem);
    }
    if (args.size() != 1 || (args.first() != u"export"_s && args.first() != u"import"_s))
        return usageError(io, u"say export, import, unsubscribe or resubscribe"_s);
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    const QString profile = parser.value(u"profile"_s);

    qint64 accountId = 0;
    {
        // Reading needs no writer; the reader is closed before the writer opens.
        StoreReader reader(profile);
        if (!reader.open())
            return fail(io, ExitFailure, reader.errorString());
        QString error;
        const auto account =
            CliAccount::resolve(reader.make<AccountRows>(), parser.value(u"account"_s), &error);
        if (!account)
            return fail(io, ExitFailure, error + u" ("_s + profile + u')');
        accountId = account->id;
        if (args.first() == u"export"_s) {
            auto rows = reader.make<ConsentRows>();
            const auto events = rows.eventsOf(accountId);
            if (!events)
                return fail(io, ExitFailure, rows.errorString());
            const QString csv = ConsentCsv::toCsv(*events);
            if (!parser.isSet(u"file"_s)) {
                io.out << csv;
                return ExitOk;
            }
            QFile file(parser.value(u"file"_s));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(csv.toUtf8()) < 0)
                return fail(io, ExitFailure,
                            u"cannot write "_s + file.fileName() + u": "_s + file.errorString());
            return ExitOk;
        }
    }

    QByteArray input;
    if (parser.isSet(u"file"_s)) {
        QFile file(parser.value(u"file"_s));
        if (!file.open(QIODevice::ReadOnly))
            return fail(io, ExitFailure,
                        u"cannot read "_s + file.fileName() + u": "_s + file.errorString());
        input = file.readAll();
    } else if (io.in.isOpen()) {
        input = io.in.readAll();
    }
    StoreWriter writer(profile);
    if (!writer.open())
        return fail(io, ExitFailure, writer.errorString());
    const QString csv = QString::fromUtf8(input);
    // The same command the desktop would use; this thread may wait for its answer.
    ContactCommands commands(&writer, accountId, parser.value(u"actor"_s));
    ConsentCsv::ImportResult result;
    QEventLoop loop;
    commands.importOptIns(csv, parser.value(u"region"_s),
                          [&](const CommandResult &, const ConsentCsv::ImportResult &detail) {
                              result = detail;
                              loop.quit();
                          });
    loop.exec();
    if (!result.errors.isEmpty()) {
        for (const auto &error : result.errors)
            io.err << "line " << error.line << ": " << error.message << '\n';
        io.err << "nothing imported: " << result.errors.size() << " bad row(s)\n";
        io.err.flush();
        return ExitBadInput;
    }
    if (!result.storeError.isEmpty())
        return fail(io, ExitFailure, result.storeError);
    io.out << "imported " << result.imported << " opt-in(s)\n";
    return ExitOk;
}
