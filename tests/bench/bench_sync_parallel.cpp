// First sync against a provider that answers each page after a latency, as Twilio does:
// one sequence of pages against day ranges listed by several streams, into two empty
// profiles from one in-process sandbox; then incremental runs with nothing new (no latency).
// Usage: bench_sync_parallel [messages=100000] [days=365] [latencyMs=200] [streams=4]
// Build Release. The sandbox shares the bench's thread: its page building counts too.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "FaultSettings.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

std::optional<SyncSummary> runOnce(SyncEngine &engine)
{
    QEventLoop loop;
    std::optional<SyncSummary> summary;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const ProviderError &e) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(e.displayMessage()));
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &loop, [&](const QString &e) {
        std::fprintf(stderr, "store failed: %s\n", qPrintable(e));
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    return summary;
}

struct Profile
{
    std::unique_ptr<StoreWriter> writer;
    qint64 accountId = 0;
};

bool open(Profile *p, const QString &path, const QString &sid, TwilioClient *client)
{
    p->writer = std::make_unique<StoreWriter>(path);
    if (!p->writer->open())
        return false;
    p->accountId = p->writer->call(
        [sid](WriterContext &c) { return c.repo<AccountRows>().createOrFind(u"Bench"_s, sid); });
    SenderNumberSync numbers(p->accountId, client, p->writer.get());
    QEventLoop loop;
    QObject::connect(&numbers, &SenderNumberSync::finished, &loop, &QEventLoop::quit);
    QObject::connect(&numbers, &SenderNumberSync::failed, &loop, &QEventLoop::quit);
    numbers.run();
    loop.exec();
    return p->accountId > 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 messages = args.size() > 1 ? args.at(1).toLongLong() : 100000;
    const int days = args.size() > 2 ? args.at(2).toInt() : 365;
    const int latencyMs = args.size() > 3 ? args.at(3).toInt() : 200;
    const int streams = args.size() > 4 ? args.at(4).toInt() : SyncEngine::DefaultConcurrency;

    sandbox::SandboxOptions options;
    options.speed = 100.0;
    options.seed = 42;
    options.replyRate = 0.0;
    sandbox::SandboxServer server(options);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fputs("bench_sync_parallel: sandbox cannot listen\n", stderr);
        return 1;
    }
    server.seedHistory(messages, int(std::max<qint64>(messages / 10, 1)), days);
    QNetworkAccessManager network;
    TwilioClient client(
        &network,
        AccountConfig::forSingleBaseUrl(u"Bench"_s, server.accountSid(), server.baseUrl()),
        server.authToken());
    QTemporaryDir dir;
    Profile sequential;
    Profile parallel;
    if (!open(&sequential, dir.filePath(u"sequential.sqlite"_s), server.accountSid(), &client) ||
        !open(&parallel, dir.filePath(u"parallel.sqlite"_s), server.accountSid(), &client)) {
        std::fputs("bench_sync_parallel: cannot open the profiles\n", stderr);
        return 1;
    }

    sandbox::FaultSettings faults;
    faults.latencyMs = latencyMs;
    server.setFaults(faults);
    std::printf("%lld messages over %d days, %d ms per page, pages of 1000\n",
                static_cast<long long>(messages), days, latencyMs);

    QElapsedTimer timer;
    SyncEngine one(sequential.accountId, &client, sequential.writer.get());
    one.setConcurrency(1);
    timer.start();
    const auto a = runOnce(one);
    const qint64 sequentialMs = timer.elapsed();
    SyncEngine many(parallel.accountId, &client, parallel.writer.get());
    many.setConcurrency(streams);
    timer.restart();
    const auto b = runOnce(many);
    const qint64 parallelMs = timer.elapsed();
    if (!a || !b)
        return 1;
    std::printf("sequential first sync: %lld messages in %lld ms (%.0f messages/s), %d pages\n",
                static_cast<long long>(a->inserted), static_cast<long long>(sequentialMs),
                double(a->inserted) * 1000.0 / double(std::max<qint64>(sequentialMs, 1)), a->pages);
    std::printf("parallel first sync (%d streams): %lld messages in %lld ms (%.0f messages/s), "
                "%d pages\n",
                streams, static_cast<long long>(b->inserted), static_cast<long long>(parallelMs),
                double(b->inserted) * 1000.0 / double(std::max<qint64>(parallelMs, 1)), b->pages);
    std::printf("speed-up: %.2fx\n",
                double(sequentialMs) / double(std::max<qint64>(parallelMs, 1)));

    // Incremental with nothing new, the provider answering at once.
    server.setFaults(sandbox::FaultSettings());
    QList<qint64> times;
    std::optional<SyncSummary> last;
    for (int run = 0; run < 7; ++run) {
        timer.restart();
        last = runOnce(many);
        times.append(timer.elapsed());
        if (!last)
            return 1;
    }
    std::sort(times.begin(), times.end());
    std::printf("incremental, nothing new: median %lld ms, min %lld, max %lld (%d page, %lld "
                "listed, %lld written)\n",
                static_cast<long long>(times.at(times.size() / 2)),
                static_cast<long long>(times.first()), static_cast<long long>(times.last()),
                last->pages, static_cast<long long>(last->messages),
                static_cast<long long>(last->written));
    return 0;
}
