// First sync of a large seeded sandbox history into an empty profile, then an incremental run
// with nothing new. Usage: bench_sync [messages=1000000] [threads=100000]. Build Release.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "SandboxServer.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

QByteArray vmHwm()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return "?";
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed();
    }
    return "?";
}

std::optional<SyncSummary> run(SyncEngine &engine)
{
    QEventLoop loop;
    std::optional<SyncSummary> summary;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&] { loop.quit(); });
    QObject::connect(&engine, &SyncEngine::storeFailed, &loop, [&] { loop.quit(); });
    engine.syncNow();
    loop.exec();
    return summary;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 messages = args.size() > 1 ? args.at(1).toLongLong() : 1000000;
    const int threads = args.size() > 2 ? args.at(2).toInt() : 100000;

    SandboxOptions options;
    options.seed = 1;
    options.replyRate = 0.0;
    SandboxServer server(options);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    server.seedHistory(messages, threads, 365);

    QTemporaryDir dir;
    StoreWriter writer(dir.filePath(u"bench.sqlite"_s));
    if (!writer.open())
        return 1;
    const QString sid = server.accountSid();
    const qint64 accountId = writer.call(
        [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Bench"_s, sid); });
    QNetworkAccessManager network;
    TwilioClient client(&network,
                        AccountConfig::forSingleBaseUrl(u"Bench"_s, sid, server.baseUrl()),
                        server.authToken());
    SenderNumberSync numbers(accountId, &client, &writer);
    QEventLoop loop;
    QObject::connect(&numbers, &SenderNumberSync::finished, &loop, &QEventLoop::quit);
    QObject::connect(&numbers, &SenderNumberSync::failed, &loop, &QEventLoop::quit);
    numbers.run();
    loop.exec();

    SyncEngine engine(accountId, &client, &writer);
    QElapsedTimer timer;
    timer.start();
    const auto full = run(engine);
    const qint64 fullMs = timer.elapsed();
    if (!full)
        return 1;
    timer.restart();
    const auto incremental = run(engine);
    const qint64 incrementalMs = timer.elapsed();
    if (!incremental)
        return 1;
    std::printf("full sync: %lld messages in %lld ms (%.0f messages/s), %d pages\n",
                static_cast<long long>(full->inserted), static_cast<long long>(fullMs),
                double(full->inserted) * 1000.0 / double(std::max<qint64>(fullMs, 1)), full->pages);
    std::printf("incremental, nothing new: %lld ms (%lld messages re-listed)\n",
                static_cast<long long>(incrementalMs),
                static_cast<long long>(incremental->messages));
    std::printf("VmHWM: %s\n", vmHwm().constData());
    return 0;
}
