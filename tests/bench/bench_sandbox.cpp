// Sandbox benchmark (not part of ctest): seed 1,000,000 messages, serve pages of 1,000 over
// loopback, create messages over loopback, and report peak memory (VmHWM).
// Build optimised:  cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//                   cmake --build build/release-bench --target bench_sandbox
// Run:              build/release-bench/tests/bench/bench_sandbox [messages]
#include "SandboxState.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {

QString procStatus(const char *field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return QString::fromLatin1(line.mid(qsizetype(qstrlen(field)))).trimmed();
    }
    return {};
}

class Client
{
public:
    Client(const SandboxServer &server)
        : m_base(server.baseUrl().toString())
        , m_auth("Basic " + (server.accountSid() + u':' + server.authToken()).toUtf8().toBase64())
    {}
    QNetworkReply *get(const QString &path) { return m_nam.get(request(path)); }
    QNetworkReply *post(const QString &path, const QByteArray &form)
    {
        QNetworkRequest r = request(path);
        r.setHeader(QNetworkRequest::ContentTypeHeader,
                    QByteArray("application/x-www-form-urlencoded"));
        return m_nam.post(r, form);
    }
    static QJsonObject wait(QNetworkReply *reply, int *status)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

private:
    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest r(QUrl(m_base + path));
        r.setRawHeader("Authorization", m_auth);
        return r;
    }
    QNetworkAccessManager m_nam;
    QString m_base;
    QByteArray m_auth;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;

    SandboxOptions options;
    options.seed = 1;
    options.replyRate = 0.0;
    SandboxServer server(options);
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("build: %s\n",
#ifdef NDEBUG
                "release"
#else
                "debug (numbers not representative)"
#endif
    );

    QElapsedTimer timer;
    timer.start();
    server.seedHistory(total, int(qMin<qint64>(total / 20 + 1, 100000)), 90);
    const qint64 seedMs = timer.elapsed();
    std::printf("seed %lld messages: %lld ms (%.0f messages/s)\n", static_cast<long long>(total),
                static_cast<long long>(seedMs),
                double(total) * 1000.0 / double(qMax<qint64>(seedMs, 1)));
    std::printf("memory after seeding: VmRSS %s, VmHWM %s\n", qPrintable(procStatus("VmRSS:")),
                qPrintable(procStatus("VmHWM:")));

    Client client(server);
    const QString messages = u"/2010-04-01/Accounts/"_s + server.accountSid() + u"/Messages.json"_s;

    // Listing: follow next_page_uri through pages of 1,000, newest first.
    {
        const int pages = int(qMin<qint64>(100, total / 1000));
        QString next = messages + u"?PageSize=1000"_s;
        qint64 served = 0;
        timer.restart();
        for (int i = 0; i < pages && !next.isEmpty(); ++i) {
            int status = 0;
            const QJsonObject page = Client::wait(client.get(next), &status);
            if (status != 200) {
                std::fprintf(stderr, "list failed with %d\n", status);
                return 1;
            }
            served += page.value(u"messages"_s).toArray().size();
            next = page.value(u"next_page_uri"_s).toString();
        }
        const qint64 ms = timer.elapsed();
        std::printf(
            "list: %d pages of 1000 = %lld messages in %lld ms: %.0f messages/s, %.1f ms/page\n",
            pages, static_cast<long long>(served), static_cast<long long>(ms),
            double(served) * 1000.0 / double(qMax<qint64>(ms, 1)), double(ms) / pages);
    }
    // Filtered listing (one customer's thread, scanning the whole store).
    {
        int status = 0;
        const QJsonObject first = Client::wait(client.get(messages + u"?PageSize=1"_s), &status);
        const QJsonObject m = first.value(u"messages"_s).toArray().first().toObject();
        const QString customer = m.value(u"direction"_s).toString() == u"inbound"_s
                                     ? m.value(u"from"_s).toString()
                                     : m.value(u"to"_s).toString();
        timer.restart();
        const QJsonObject page =
            Client::wait(client.get(messages + u"?PageSize=1000&To="_s +
                                    QString::fromLatin1(QUrl::toPercentEncoding(customer))),
                         &status);
        std::printf(
            "list To=<one customer> (full scan of %lld): %lld ms, %lld matches on the first page\n",
            static_cast<long long>(total), static_cast<long long>(timer.elapsed()),
            static_cast<long long>(page.value(u"messages"_s).toArray().size()));
    }
    // Creating: sequential (one request at a time), then 6 in flight (the network manager's
    // connections per host).
    const QStringList senders = {u"+14155550100"_s, u"+14155550101"_s, u"+18445550100"_s,
                                 u"74621"_s};
    const auto form = [&](int i) -> QByteArray {
        // Customers' line numbers end 00-79: ordinary mobiles under the sandbox's rules.
        return "To=%2B1415555" + QByteArray::number(10 + i % 70) +
               QByteArray::number((i / 70) % 80).rightJustified(2, '0') +
               "&From=" + QUrl::toPercentEncoding(senders[i % senders.size()]) +
               "&Body=Benchmark+message+" + QByteArray::number(i);
    };
    {
        const int count = 3000;
        timer.restart();
        for (int i = 0; i < count; ++i) {
            int status = 0;
            Client::wait(client.post(messages, form(i)), &status);
            if (status != 201) {
                std::fprintf(stderr, "create %d failed with %d\n", i, status);
                return 1;
            }
        }
        const qint64 ms = timer.elapsed();
        std::printf("create, sequential: %d in %lld ms: %.0f requests/s\n", count,
                    static_cast<long long>(ms),
                    double(count) * 1000.0 / double(qMax<qint64>(ms, 1)));
    }
    {
        const int count = 6000;
        const int inFlight = 6;
        int started = 0;
        int finished = 0;
        int failures = 0;
        QEventLoop loop;
        std::function<void()> launch = [&] {
            QNetworkReply *reply = client.post(messages, form(100000 + started++));
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                failures +=
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201;
                reply->deleteLater();
                if (++finished == count)
                    loop.quit();
                else if (started < count)
                    launch();
            });
        };
        timer.restart();
        for (int i = 0; i < inFlight; ++i)
            launch();
        loop.exec();
        const qint64 ms = timer.elapsed();
        std::printf("create, %d in flight: %d in %lld ms: %.0f requests/s (%d failed)\n", inFlight,
                    count, static_cast<long long>(ms),
                    double(count) * 1000.0 / double(qMax<qint64>(ms, 1)), failures);
    }
    // Saving and loading the whole state (--state).
    {
        QTemporaryDir dir;
        SandboxOptions saving = options;
        saving.statePath = dir.filePath(u"bench.state"_s);
        timer.restart();
        const QString error = server.state().saveTo(saving.statePath);
        const qint64 saveMs = timer.elapsed();
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        timer.restart();
        SandboxServer reloaded(saving);
        const qint64 loadMs = timer.elapsed();
        std::printf("state file: %.0f MB, save %lld ms, load %lld ms (%lld messages)\n",
                    double(QFile(saving.statePath).size()) / 1e6, static_cast<long long>(saveMs),
                    static_cast<long long>(loadMs),
                    static_cast<long long>(reloaded.state().messages.size()));
    }
    std::printf("peak memory (VmHWM, whole process incl. a reloaded copy): %s\n",
                qPrintable(procStatus("VmHWM:")));
    return 0;
}
