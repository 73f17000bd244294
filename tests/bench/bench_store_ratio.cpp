// MessageStore::upsertPage against the same work written in C on sqlite3 (store_anchor.c), in
// the same run and on the same schema, alternating so both see the same machine load.
// Best of SMSDESK_BENCH_ROUNDS (default 3) rounds of SMSDESK_BENCH_ROWS (default 200,000)
// inbound messages over a tenth as many threads (the 1M / 100k shape) in pages of
// 1,000; prints both rates and the ratio, by wall time and by the process's CPU time (on a
// shared, loaded machine the CPU figure is the one to compare).
#include "Database.h"
#include "MessageStore.h"
#include "store_anchor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

int setting(const char *name, int fallback)
{
    const int value = qEnvironmentVariableIntValue(name);
    return value > 0 ? value : fallback;
}

const int Rows = setting("SMSDESK_BENCH_ROWS", 200'000);
const int Rounds = setting("SMSDESK_BENCH_ROUNDS", 3);
const int Threads = std::max(1, Rows / 10);
constexpr int PageSize = 1'000;

QString customer(int i)
{
    return u"+1555%1"_s.arg(i % Threads, 7, 10, QLatin1Char('0'));
}

QString body(int i)
{
    return u"Hi, order #%1 is ready for pickup at our Main St store until 6pm. Ref %2 thanks"_s
        .arg(i, 7, 10, QLatin1Char('0'))
        .arg(i * 7919 % 100000, 5, 10, QLatin1Char('0'));
}

// A migrated profile with account 1 and its sender number 1, closed again.
bool createProfile(const QString &path)
{
    Database db(path);
    QSqlQuery q(db.open() ? db.connection() : QSqlDatabase());
    return q.exec(u"INSERT INTO accounts (id, name) VALUES (1, 'Bench')"_s) &&
           q.exec(u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
                  u"VALUES (1, 1, '+15550100001', 'long_code', 1)"_s);
}

double cpuNow()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

// Seconds spent in upsertPage only (building the records is the sync engine's work).
double runStore(const QString &path, double *cpuSeconds)
{
    Database db(path);
    if (!db.open())
        return -1;
    MessageStore store(db.connection());
    const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    qint64 elapsedNs = 0;
    *cpuSeconds = 0;
    QList<MessageRecord> page;
    for (int start = 0; start < Rows; start += PageSize) {
        page.clear();
        for (int i = start; i < std::min(Rows, start + PageSize); ++i) {
            MessageRecord r;
            r.sid = u"SM%1"_s.arg(i, 32, 16, QLatin1Char('0'));
            r.direction = MessageRecord::Direction::Inbound;
            r.from = customer(i);
            r.to = u"+15550100001"_s;
            r.body = body(i);
            r.status = u"received"_s;
            r.dateCreated = base.addMSecs(i);
            r.dateUpdated = r.dateCreated;
            page.append(r);
        }
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuNow();
        UpsertStats stats;
        if (!store.upsertPage(1, page, &stats)) {
            std::fprintf(stderr, "upsertPage failed: %s\n", qPrintable(store.errorString()));
            return -1;
        }
        elapsedNs += timer.nsecsElapsed();
        *cpuSeconds += cpuNow() - cpuStart;
    }
    return elapsedNs / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double best[4] = {1e9, 1e9, 1e9, 1e9}; // anchor wall, anchor CPU, store wall, store CPU
    for (int round = 0; round < Rounds; ++round) {
        QTemporaryDir dir;
        const QString anchorPath = dir.filePath(u"anchor.sqlite"_s);
        const QString storePath = dir.filePath(u"store.sqlite"_s);
        if (!createProfile(anchorPath) || !createProfile(storePath)) {
            std::fprintf(stderr, "cannot create the profiles\n");
            return 1;
        }
        double t[4] = {};
        if (store_anchor_run(anchorPath.toLocal8Bit().constData(), Rows, Threads, PageSize, &t[0],
                             &t[1]) != 0)
            return 1;
        t[2] = runStore(storePath, &t[3]);
        if (t[2] < 0)
            return 1;
        std::printf("round %d: C anchor %.2f s (CPU %.2f s); upsertPage %.2f s (CPU %.2f s); "
                    "ratio %.2f by wall time, %.2f by CPU time\n",
                    round + 1, t[0], t[1], t[2], t[3], t[0] / t[2], t[1] / t[3]);
        std::fflush(stdout);
        for (int i = 0; i < 4; ++i)
            best[i] = std::min(best[i], t[i]);
    }
    std::printf("best of %d, %d rows over %d threads, pages of %d:\n"
                "  C anchor   %.0f rows/s wall, %.0f rows/s CPU\n"
                "  upsertPage %.0f rows/s wall, %.0f rows/s CPU\n"
                "  ratio %.2f by wall time, %.2f by CPU time\n",
                Rounds, Rows, Threads, PageSize, Rows / best[0], Rows / best[1], Rows / best[2],
                Rows / best[3], best[0] / best[2], best[1] / best[3]);
    return 0;
}
