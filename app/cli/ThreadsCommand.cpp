#include "ThreadsCommand.h"

#include "CliAccount.h"
#include "StoreReader.h"
#include "ThreadNoteListing.h"
#include "ThreadQuery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
// Threads per read: the listing pages through the account like the inbox does.
constexpr int kPage = 500;

QJsonObject toJson(const ThreadRow &row, const QList<ThreadNoteListing::Note> &notes)
{
    QJsonArray noteArray;
    for (const ThreadNoteListing::Note &note : notes)
        noteArray.append(QJsonObject{
            {u"author"_s, note.author},
            {u"body"_s, note.body},
            {u"mentions"_s, note.mentions},
            {u"at"_s,
             QDateTime::fromMSecsSinceEpoch(note.createdAt, Qt::UTC).toString(Qt::ISODate)}});
    return {
        {u"customer"_s, row.customerNumber},
        {u"our"_s, row.senderNumber},
        {u"status"_s, row.status},
        {u"assignee"_s, row.assignee},
        {u"flagged"_s, row.flagged},
        {u"snoozed_until"_s,
         row.snoozedUntil > 0
             ? QJsonValue(
                   QDateTime::fromMSecsSinceEpoch(row.snoozedUntil, Qt::UTC).toString(Qt::ISODate))
             : QJsonValue()},
        {u"unread"_s, row.unreadCount},
        {u"notes"_s, noteArray}};
}
} // namespace

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
        u"One tab-separated line per thread, newest first, as the inbox's \"All\" list shows\n"
        "them: customer number, our sender number, status, unread count, last message\n"
        "preview. With --json, one JSON array of objects: customer, our, status, assignee,\n"
        "flagged, snoozed_until (ISO 8601 or null), unread, notes (author, body, at).\n"
        "Exit codes: 0 listed, 1 profile error or unknown account, 64 usage error."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database file."_s, u"path"_s));
    parser.addOption(
        QCommandLineOption(u"account"_s, CliAccount::optionDescription(), u"account"_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"One JSON array instead of lines."_s));
}

int ThreadsCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(io, u"unexpected argument '"_s + parser.positionalArguments().first() +
                                  u'\'');
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    StoreReader reader(parser.value(u"profile"_s));
    if (!reader.open())
        return fail(io, ExitFailure, reader.errorString());
    QString error;
    const auto account =
        CliAccount::resolve(reader.make<AccountRows>(), parser.value(u"account"_s), &error);
    if (!account)
        return fail(io, ExitFailure, error);
    // The inbox's own query and rules (ThreadQuery::Filter::All), keyset-paged.
    auto query = reader.make<ThreadQuery>();
    std::optional<ThreadQuery::Cursor> after;
    const bool json = parser.isSet(u"json"_s);
    auto notes = reader.make<ThreadNoteListing>();
    QJsonArray array;
    for (;;) {
        const QList<ThreadRow> rows =
            query.page(account->id, ThreadQuery::Filter::All, QString(), after, kPage);
        if (!query.errorString().isEmpty())
            return fail(io, ExitFailure, query.errorString());
        for (const ThreadRow &row : rows) {
            if (json) {
                const auto list = notes.notes(row.id);
                if (!list)
                    return fail(io, ExitFailure, notes.errorString());
                array.append(toJson(row, *list));
                continue;
            }
            QString preview = row.preview;
            preview.replace(u'\n', u' ').replace(u'\t', u' ');
            io.out << row.customerNumber << '\t' << row.senderNumber << '\t' << row.status << '\t'
                   << row.unreadCount << '\t' << preview << '\n';
        }
        if (rows.size() < kPage) {
            if (json) {
                io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
                io.out.flush();
            }
            return ExitOk;
        }
        after = ThreadQuery::Cursor{rows.last().lastMessageAt, rows.last().id};
    }
}
