// Incremental sync cost against old outbound messages that never got a receipt (issue 15,
// item 3): a history of N outbound messages still "sent" (days old, as on real accounts whose
// carriers return no receipt) plus a day of recent traffic, fully synced; then incremental
// syncs with nothing new. Prints the requests each incremental run made, for N = 0, 100,
// 1,000 (or the sizes given). Runs against TwilioFixtureProvider (Twilio's documented shapes).
// Usage: bench_status_refresh [N...]
#include "AccountConfig.h"
#include "AccountRows.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "TwilioFixtureProvider.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString Ours = u"+14155550100"_s;

std::optional<SyncSummary> syncOnce(SyncEngine &engine)
{
    std::optional<SyncSummary> summary;
    QEventLoop loop;
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

int measure(int oldSent)
{
    QTemporaryDir dir;
    TwilioFixtureProvider provider;
    if (!provider.load()) {
        std::fprintf(stderr, "%s\n", qPrintable(provider.errorString()));
        return -1;
    }
    provider.addNumber(Ours);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < oldSent; ++i) {
        const QString at = TwilioFixtureProvider::rfc2822(now.addDays(-5).addSecs(i));
        provider.addMessage({{u"from"_s, Ours},
                             {u"to"_s, u"+1415666%1"_s.arg(i % 10000, 4, 10, QLatin1Char('0'))},
                             {u"status"_s, u"sent"_s},
                             {u"date_created"_s, at},
                             {u"date_sent"_s, at},
                             {u"date_updated"_s, at}});
    }
    for (int i = 0; i < 50; ++i) { // recent traffic, final
        const QString at = TwilioFixtureProvider::rfc2822(now.addSecs(-60 * (i + 1)));
        provider.addMessage({{u"from"_s, Ours},
                             {u"to"_s, u"+14157770000"_s},
                             {u"status"_s, u"delivered"_s},
                             {u"date_created"_s, at},
                             {u"date_sent"_s, at},
                             {u"date_updated"_s, at}});
    }
    QNetworkAccessManager network;
    TwilioClient client(
        &network,
        AccountConfig::forSingleBaseUrl(u"Bench"_s, provider.accountSid(), provider.baseUrl()),
        provider.authToken());
    StoreWriter writer(dir.filePath(u"profile.sqlite"_s));
    if (!writer.open())
        return -1;
    const QString sid = provider.accountSid();
    const qint64 accountId = writer.call(
        [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Bench"_s, sid); });
    SenderNumberSync numbers(accountId, &client, &writer);
    QEventLoop loop;
    QObject::connect(&numbers, &SenderNumberSync::finished, &loop, [&] { loop.quit(); });
    QObject::connect(&numbers, &SenderNumberSync::failed, &loop, [&] { loop.quit(); });
    numbers.run();
    loop.exec();
    SyncEngine engine(accountId, &client, &writer);
    if (!syncOnce(engine))
        return -1;
    int worst = 0;
    for (int run = 0; run < 3; ++run) {
        provider.clearRequests();
        QElapsedTimer clock;
        clock.start();
        if (!syncOnce(engine))
            return -1;
        worst = std::max(worst, provider.requestCount());
        std::printf("  N=%5d incremental run %d: %3d requests, %4lld ms\n", oldSent, run + 1,
                    provider.requestCount(), qint64(clock.elapsed()));
    }
    return worst;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(QString::fromLocal8Bit(argv[i]).toInt());
    if (sizes.isEmpty())
        sizes = {0, 100, 1000};
    std::printf("bench_status_refresh: incremental sync with N old outbound messages still "
                "\"sent\" (5 days old) and 50 recent delivered ones\n");
    for (const int n : sizes) {
        const int requests = measure(n);
        if (requests < 0)
            return 1;
        std::printf("N=%d: at most %d requests per incremental sync\n", n, requests);
    }
    return 0;
}
