// Store insert throughput: 1,000,000 messages (a) raw QSqlQuery prepare/bind/exec in one
// transaction, (b) through MessageStore::upsertPage in pages of 1,000 over 100,000 threads.
// Usage: bench_store [raw|store] [directory]. Without a mode it runs each in a child process
// so that every peak RSS figure is that mode's own.
#include "Database.h"
#include "MessageStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

// SMSDESK_BENCH_ROWS overrides the row count for quick experiments.
const int Rows = qEnvironmentVariableIntValue("SMSDESK_BENCH_ROWS") > 0
                     ? qEnvironmentVariableIntValue("SMSDESK_BENCH_ROWS")
                     : 1'000'000;
constexpr int Threads = 100'000;
constexpr int PageSize = 1'000;
const QString Ours = u"+15550100001"_s;

QString customer(int i)
{
    return u"+1555%1"_s.arg(i % Threads, 7, 10, QLatin1Char('0'));
}

// About 80 characters, different for every row so the full-text index does real work.
QString body(int i)
{
    return u"Hi, order #%1 is ready for pickup at our Main St store until 6pm. Ref %2 thanks"_s
        .arg(i, 7, 10, QLatin1Char('0'))
        .arg(i * 7919 % 100000, 5, 10, QLatin1Char('0'));
}

QString peakRss()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return u"?"_s;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).simplified());
    }
    return u"?"_s;
}

bool seed(Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(u"INSERT INTO accounts (id, name) VALUES (1, 'Bench')"_s) &&
           q.exec(u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
                  u"VALUES (1, 1, '+15550100001', 'long_code', 1)"_s);
}

int runRaw(Database &db)
{
    // Threads exist beforehand, as in a profile that already has its conversations.
    QSqlDatabase c = db.connection();
    c.transaction();
    QSqlQuery threads(c);
    threads.prepare(u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
                    u"VALUES (?, 1, ?, 1)"_s);
    for (int t = 0; t < Threads; ++t) {
        threads.bindValue(0, t + 1);
        threads.bindValue(1, customer(t));
        threads.exec();
    }
    c.commit();

    const qint64 base = 1795000000000;
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    c.transaction();
    QSqlQuery q(c);
    q.prepare(u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, "
              u"body, status, provider_sid, segments, created_at, updated_at) "
              u"VALUES (1, ?, 'in', ?, ?, ?, 'received', ?, 1, ?, ?)"_s);
    for (int i = 0; i < Rows; ++i) {
        q.bindValue(0, i % Threads + 1);
        q.bindValue(1, customer(i));
        q.bindValue(2, Ours);
        q.bindValue(3, body(i));
        q.bindValue(4, u"SM%1"_s.arg(i, 32, 16, QLatin1Char('0')));
        q.bindValue(5, base + i);
        q.bindValue(6, base + i);
        if (!q.exec()) {
            std::fprintf(stderr, "insert failed: %s\n", qPrintable(q.lastError().text()));
            return 1;
        }
    }
    if (!c.commit()) {
        std::fprintf(stderr, "commit failed: %s\n", qPrintable(c.lastError().text()));
        return 1;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    std::printf("raw QSqlQuery, one transaction: %d rows in %.2f s = %.0f rows/s (CPU %.2f s); "
                "peak RSS %s\n",
                Rows, seconds, Rows / seconds, cpu, qPrintable(peakRss()));
    return 0;
}

int runStore(Database &db)
{
    MessageStore store(db.connection());
    const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    qint64 elapsedNs = 0;
    std::clock_t cpuTicks = 0;
    int inserted = 0;
    QList<MessageRecord> page;
    page.reserve(PageSize);
    for (int start = 0; start < Rows; start += PageSize) {
        page.clear();
        for (int i = start; i < start + PageSize; ++i) {
            MessageRecord r;
            r.sid = u"SM%1"_s.arg(i, 32, 16, QLatin1Char('0'));
            r.direction = MessageRecord::Direction::Inbound;
            r.from = customer(i);
            r.to = Ours;
            r.body = body(i);
            r.status = u"received"_s;
            r.dateCreated = base.addMSecs(i);
            r.dateUpdated = r.dateCreated;
            page.append(r);
        }
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpuStart = std::clock();
        UpsertStats stats;
        if (!store.upsertPage(1, page, &stats)) {
            std::fprintf(stderr, "upsertPage failed: %s\n", qPrintable(store.errorString()));
            return 1;
        }
        elapsedNs += timer.nsecsElapsed();
        cpuTicks += std::clock() - cpuStart;
        inserted += stats.inserted;
    }
    const double seconds = elapsedNs / 1e9;
    std::printf("MessageStore::upsertPage, pages of %d over %d threads: %d rows in %.2f s = %.0f "
                "rows/s (CPU %.2f s); peak RSS %s\n",
                PageSize, Threads, inserted, seconds, inserted / seconds,
                double(cpuTicks) / CLOCKS_PER_SEC, qPrintable(peakRss()));
    return inserted == Rows ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode.isEmpty()) {
        int rc = 0;
        for (const QString &child : {u"raw"_s, u"store"_s}) {
            QProcess process;
            process.setProcessChannelMode(QProcess::ForwardedChannels);
            process.start(app.applicationFilePath(), {child});
            process.waitForFinished(-1);
            rc |= process.exitCode();
        }
        return rc;
    }
    if (mode != u"raw"_s && mode != u"store"_s) {
        std::fprintf(stderr, "usage: bench_store [raw|store] [directory]\n");
        return 2;
    }
    QTemporaryDir dir(args.size() > 2 ? args.at(2) + u"/bench-XXXXXX"_s : QString());
    Database db(dir.filePath(u"bench.sqlite"_s));
    if (!db.open() || !seed(db)) {
        std::fprintf(stderr, "cannot set up: %s\n", qPrintable(db.errorString()));
        return 1;
    }
    return mode == u"raw"_s ? runRaw(db) : runStore(db);
}
