// First sync of a large seeded sandbox history into an empty profile, then an incremental run
// with nothing new. Usage: bench_sync [messages=1000000] [threads=100000]. Build Release.
// The same as `smsdesk-cli bench sync`.
#include "SyncBenchmark.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 messages = args.size() > 1 ? args.at(1).toLongLong() : 1000000;
    const int threads = args.size() > 2 ? args.at(2).toInt() : 100000;
    const SyncBenchmark::Result result = SyncBenchmark::run(messages, threads);
    if (!result.ok) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(result.error));
        return 1;
    }
    std::fputs(qPrintable(SyncBenchmark::report(result)), stdout);
    return 0;
}
