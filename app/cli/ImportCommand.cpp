#include "ImportCommand.h"

#include "AccountRows.h"
#include "ContactCommands.h"
#include "ContactImport.h"
#include "CsvReader.h"
#include "StoreWriter.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>

using namespace Qt::StringLiterals;

QString ImportCommand::name() const
{
    return u"import"_s;
}

QString ImportCommand::summary() const
{
    return u"Import contacts from a CSV file (all rows, or none when a row is wrong)"_s;
}

void ImportCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"smsdesk-cli import contacts FILE.csv --profile P [--account NAME]\n"
        "Reads an RFC 4180 CSV file (UTF-8, a header row) and maps its columns by their\n"
        "names (phone/number, name, first/last name, tags, time zone, consent source,\n"
        "consent at; email and company become attributes.email and attributes.company, any\n"
        "other column an attribute of its own name) unless --map says otherwise. The file is\n"
        "streamed in one transaction: when a row is wrong nothing is imported unless\n"
        "--import-valid-rows is given. Limits: see docs/SECURITY.md (a file of at most\n"
        "128 MiB, 200 columns, 4,096 characters a field, no control characters in names).\n"
        "Progress goes to stderr, each wrong row as 'row N, column C: reason'.\n"
        "Exit codes: 0 imported, 1 rows with errors (or a profile error), 2 unreadable file,\n"
        "64 usage error."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database."_s, u"path"_s));
    parser.addOption(QCommandLineOption(
        u"account"_s, u"The account (its name); optional when the profile has one."_s, u"name"_s));
    parser.addOption(QCommandLineOption(
        u"map"_s,
        u"Column mapping, e.g. \"Cell=number,Plan=attributes.plan,Notes=ignore\". Targets: "
        "number, name, first_name, last_name, attributes.<key>, tags, time_zone, "
        "consent_source, consent_at, ignore."_s,
        u"mapping"_s));
    parser.addOption(QCommandLineOption(
        u"region"_s, u"Region for numbers without '+' (default US)."_s, u"region"_s, u"US"_s));
    parser.addOption(QCommandLineOption(u"import-valid-rows"_s,
                                        u"Import the valid rows even when others have errors."_s));
    parser.addOption(QCommandLineOption(
        u"create-account"_s, u"Create the --account when the profile has no such account."_s));
    parser.addOption(
        QCommandLineOption(u"actor"_s, u"Who imports (default: cli)."_s, u"name"_s, u"cli"_s));
    parser.addPositionalArgument(u"contacts"_s, u"What to import: contacts."_s);
    parser.addPositionalArgument(u"file"_s, u"The CSV file."_s);
}

int ImportCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.first() != u"contacts")
        return usageError(io, u"expected 'import contacts FILE.csv'"_s);
    if (positional.size() != 2)
        return usageError(io, u"expected one CSV file"_s);
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);

    // Only the header is read here; the rows stream through the writer's job.
    const QString path = positional.at(1);
    QStringList header;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(io, ExitBadInput, u"cannot read %1: %2"_s.arg(path, file.errorString()));
        CsvReader reader(&file);
        if (!reader.readHeader())
            return fail(io, ExitBadInput, path + u": "_s + reader.error());
        header = reader.header();
    }

    QList<ContactImport::Column> mapping = ContactImport::guessMapping(header);
    if (parser.isSet(u"map"_s)) {
        for (const QString &pair : parser.value(u"map"_s).split(u',', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.lastIndexOf(u'=');
            const QString name = pair.left(eq).trimmed();
            const qsizetype column = eq < 0 ? -1 : header.indexOf(name);
            if (column < 0)
                return usageError(io, u"--map: no column named \"%1\" in the file"_s.arg(name));
            QString error;
            const auto target = ContactImport::Column::fromTarget(pair.mid(eq + 1), &error);
            if (!target)
                return usageError(io, u"--map: "_s + error);
            mapping[column] = *target;
        }
    }

    StoreWriter writer(parser.value(u"profile"_s));
    if (!writer.open())
        return fail(io, ExitFailure, u"cannot open the profile: "_s + writer.errorString());
    QString accountError;
    const QString accountName = parser.value(u"account"_s);
    const bool create = parser.isSet(u"create-account"_s);
    if (create && accountName.isEmpty())
        return usageError(io, u"--create-account needs --account"_s);
    // Finding (or, asked to, creating) the account waits on the writer: the CLI may.
    const qint64 accountId = writer.call([&](WriterContext &context) -> qint64 {
        auto rows = context.repo<AccountRows>();
        const QList<AccountRows::Row> accounts = rows.list();
        if (accountName.isEmpty() && accounts.size() == 1)
            return accounts.first().id;
        for (const AccountRows::Row &row : accounts) {
            if (row.name == accountName)
                return row.id;
        }
        if (create) {
            const qint64 id = rows.createOrFind(accountName, QString());
            accountError = rows.errorString();
            return id;
        }
        QStringList names;
        for (const AccountRows::Row &row : accounts)
            names << row.name;
        accountError = accountName.isEmpty()
                           ? u"--account is required; the profile has: "_s + names.join(u", "_s)
                           : u"no account named \"%1\"; the profile has: %2"_s.arg(
                                 accountName, names.join(u", "_s));
        return 0;
    });
    if (accountId == 0)
        return fail(io, ExitFailure, accountError);

    ContactImport::Options options;
    options.defaultRegion = parser.value(u"region"_s);
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    options.importValidRows = parser.isSet(u"import-valid-rows"_s);
    options.progressEvery = 10000;
    // The same command the desktop's import dialog uses; progress and the answer come on this
    // thread, which waits for them in a local event loop.
    ContactCommands commands(&writer, accountId, parser.value(u"actor"_s));
    ContactImport::Result result;
    QEventLoop loop;
    commands.importContactsFromFile(
        path, header, mapping, options,
        [&](const ContactImport::Progressed &p) {
            io.err << "read " << p.rows << " rows";
            if (p.bytesTotal > 0)
                io.err << " (" << p.bytesRead * 100 / p.bytesTotal << "%)";
            io.err << '\n';
            io.err.flush();
        },
        [&](const CommandResult &, const ContactImport::Result &detail) {
            result = detail;
            loop.quit();
        });
    loop.exec();
    for (const ContactImport::RowError &e : result.errors)
        io.err << "row " << e.row << ", column " << e.column << ": " << e.reason << '\n';
    if (result.errors.size() < result.badRows)
        io.err << "(the first " << result.errors.size() << " errors are listed; " << result.badRows
               << " rows have errors)\n";
    if (!result.written)
        return fail(io, ExitFailure, result.error);
    io.out << "imported " << (result.inserted + result.updated) << " contacts (" << result.inserted
           << " new, " << result.updated << " updated), " << result.consentEvents
           << " consent events";
    if (result.badRows > 0)
        io.out << "; skipped " << result.badRows << " rows with errors";
    io.out << '\n';
    return result.errors.isEmpty() ? ExitOk : ExitFailure;
}
