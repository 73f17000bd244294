#include "ThreadsCommand.h"

#include "CliAccount.h"
#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QString ThreadsCommand::name() const
{
    return u"threads"_s;
}

QString ThreadsCommand::summary() const
{
    return u"List a profile's conversations, newest first"_s;
}

void ThreadsCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"One tab-separated line per thread, newest first: customer number, our sender\n"
        "number, status, unread count, last message preview.\n"
        "Exit codes: 0 listed, 1 profile error or unknown account, 64 usage error."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database file."_s, u"path"_s));
    parser.addOption(
        QCommandLineOption(u"account"_s, CliAccount::optionDescription(), u"account"_s));
}

int ThreadsCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(io, u"unexpected argument '"_s + parser.positionalArguments().first() +
                                  u'\'');
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    Database database(parser.value(u"profile"_s));
    if (!database.open())
        return fail(io, ExitFailure, database.errorString());
    QString error;
    const auto account =
        CliAccount::resolve(AccountRows(database.connection()), parser.value(u"account"_s), &error);
    if (!account)
        return fail(io, ExitFailure, error);
    QSqlQuery query(database.connection());
    query.prepare(u"SELECT t.customer_number, s.number, t.status, t.unread_count, "
                  "t.last_message_preview FROM threads t "
                  "JOIN sender_numbers s ON s.id = t.sender_number_id WHERE t.account_id = ? "
                  "ORDER BY t.last_message_at DESC, t.id DESC"_s);
    query.addBindValue(account->id);
    if (!query.exec())
        return fail(io, ExitFailure, u"cannot read threads: "_s + query.lastError().text());
    while (query.next()) {
        QString preview = query.value(4).toString();
        preview.replace(u'\n', u' ').replace(u'\t', u' ');
        io.out << query.value(0).toString() << '\t' << query.value(1).toString() << '\t'
               << query.value(2).toString() << '\t' << query.value(3).toLongLong() << '\t'
               << preview << '\n';
    }
    return ExitOk;
}
