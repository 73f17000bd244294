#include "SyncBenchmark.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "SandboxDemoProvider.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

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

std::optional<SyncSummary> runOnce(SyncEngine &engine, QString *error)
{
    QEventLoop loop;
    std::optional<SyncSummary> summary;
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const ProviderError &e) {
        *error = e.displayMessage();
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &loop, [&](const QString &message) {
        *error = message;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    return summary;
}

} // namespace

double SyncBenchmark::Result::messagesPerSecond() const
{
    return double(messages) * 1000.0 / double(std::max<qint64>(fullMs, 1));
}

SyncBenchmark::Result SyncBenchmark::run(qint64 messages, int threads,
                                         std::function<void(qint64)> progress)
{
    Result result;
    SandboxDemoProvider provider(DemoSetup::benchmark(messages, threads));
    if (!provider.start()) {
        result.error = provider.errorString();
        return result;
    }

    QTemporaryDir dir;
    StoreWriter writer(dir.filePath(u"bench.sqlite"_s));
    if (!writer.open()) {
        result.error = writer.errorString();
        return result;
    }
    const QString sid = provider.accountSid();
    const qint64 accountId = writer.call(
        [sid](WriterContext &c) { return c.repo<AccountRows>().createOrFind(u"Bench"_s, sid); });
    QNetworkAccessManager network;
    TwilioClient client(&network,
                        AccountConfig::forSingleBaseUrl(u"Bench"_s, sid, provider.baseUrl()),
                        provider.authToken());
    SenderNumberSync numbers(accountId, &client, &writer);
    QEventLoop loop;
    QObject::connect(&numbers, &SenderNumberSync::finished, &loop, &QEventLoop::quit);
    QObject::connect(&numbers, &SenderNumberSync::failed, &loop, &QEventLoop::quit);
    numbers.run();
    loop.exec();

    SyncEngine engine(accountId, &client, &writer);
    if (progress) {
        QObject::connect(&engine, &SyncEngine::progress, &engine,
                         [&progress](int, qint64 listed, qint64) { progress(listed); });
    }
    QElapsedTimer timer;
    timer.start();
    const auto full = runOnce(engine, &result.error);
    result.fullMs = timer.elapsed();
    if (!full)
        return result;
    timer.restart();
    const auto incremental = runOnce(engine, &result.error);
    result.incrementalMs = timer.elapsed();
    if (!incremental)
        return result;
    result.ok = true;
    result.messages = full->inserted;
    result.pages = full->pages;
    result.incrementalRelisted = incremental->messages;
    result.peakMemory = vmHwm();
    return result;
}

QString SyncBenchmark::report(const Result &r)
{
    return u"full sync: %1 messages in %2 ms (%3 messages/s), %4 pages\n"
           u"incremental, nothing new: %5 ms (%6 messages re-listed)\n"
           u"VmHWM: %7\n"_s.arg(r.messages)
               .arg(r.fullMs)
               .arg(qRound64(r.messagesPerSecond()))
               .arg(r.pages)
               .arg(r.incrementalMs)
               .arg(r.incrementalRelisted)
               .arg(QString::fromLatin1(r.peakMemory));
}
