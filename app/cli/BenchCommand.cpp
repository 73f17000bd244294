#include "BenchCommand.h"

#include "SyncBenchmark.h"

using namespace Qt::StringLiterals;

QString BenchCommand::name() const
{
    return u"bench"_s;
}

QString BenchCommand::summary() const
{
    return u"Measure sync throughput against an in-process sandbox"_s;
}

void BenchCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Seeds an in-process sandbox with a message history, syncs it into an empty "
        u"temporary profile, then syncs again with nothing new. Prints messages per second, "
        u"the incremental run's time and the memory peak. Build Release for real figures."_s);
    parser.addPositionalArgument(u"what"_s, u"What to measure: sync"_s);
    parser.addOption(
        {u"messages"_s, u"Messages in the history (default 1000000)."_s, u"N"_s, u"1000000"_s});
    parser.addOption(
        {u"threads"_s, u"Conversations they belong to (default 100000)."_s, u"N"_s, u"100000"_s});
}

int BenchCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList what = parser.positionalArguments();
    if (what != QStringList{u"sync"_s})
        return usageError(io, u"say what to measure: sync"_s);
    bool messagesOk = false;
    bool threadsOk = false;
    const qint64 messages = parser.value(u"messages"_s).toLongLong(&messagesOk);
    const int threads = parser.value(u"threads"_s).toInt(&threadsOk);
    if (!messagesOk || messages <= 0)
        return usageError(io, u"--messages must be a positive whole number"_s);
    if (!threadsOk || threads <= 0 || threads > messages)
        return usageError(io, u"--threads must be a whole number from 1 to --messages"_s);

    io.err << "seeding " << messages << " messages in " << threads << " threads…\n";
    io.err.flush();
    qint64 lastShown = 0;
    const SyncBenchmark::Result result =
        SyncBenchmark::run(messages, threads, [&io, &lastShown, messages](qint64 listed) {
            if (listed - lastShown >= messages / 20 || listed == messages) {
                lastShown = listed;
                io.err << "synced " << listed << " / " << messages << '\n';
                io.err.flush();
            }
        });
    if (!result.ok)
        return fail(io, ExitFailure, u"the benchmark stopped: "_s + result.error);
    io.out << SyncBenchmark::report(result);
    return ExitOk;
}
