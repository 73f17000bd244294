// MessageStore::upsertPage against the same work written in C on sqlite3 (store_anchor.c), in
// the same run and on the same schema, alternating so both see the same machine load.
// Best of SMSDESK_BENCH_ROUNDS (default 3) rounds of SMSDESK_BENCH_ROWS (default 300,000)
// inbound messages over 100,000 threads in pages of 1,000; prints both rates and the ratio.
#include "Database.h"
#include "MessageStore.h"
#include "store_anchor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int setting(const char *name, int fallback)
{
    const int value = qEnvironmentVariableIntValue(name);
    return value > 0 ? value : fallback;
}

const int Rows = setting("SMSDESK_BENCH_ROWS", 300'000);
const int Rounds = setting("SMSDESK_BENCH_ROUNDS", 3);
constexpr int Threads = 100'000;
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

// Seconds spent in upsertPage only (building the records is the sync engine's work).
double runStore(const QString &path)
{
    Database db(path);
    if (!db.open())
        return -1;
    MessageStore store(db.connection());
    const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    qint64 elapsedNs = 0;
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
        UpsertStats stats;
        if (!store.upsertPage(1, page, &stats)) {
            std::fprintf(stderr, "upsertPage failed: %s\n", qPrintable(store.errorString()));
            return -1;
        }
        elapsedNs += timer.nsecsElapsed();
    }
    return elapsedNs / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double bestStore = 1e9;
    double bestAnchor = 1e9;
    for (int round = 0; round < Rounds; ++round) {
        QTemporaryDir dir;
        const QString anchorPath = dir.filePath(u"anchor.sqlite"_s);
        const QString storePath = dir.filePath(u"store.sqlite"_s);
        if (!createProfile(anchorPath) || !createProfile(storePath)) {
            std::fprintf(stderr, "cannot create the profiles\n");
            return 1;
        }
        double anchor = 0;
        if (store_anchor_run(anchorPath.toLocal8Bit().constData(), Rows, Threads, PageSize,
                             &anchor) != 0)
            return 1;
        const double store = runStore(storePath);
        if (store < 0)
            return 1;
        std::printf("round %d: C anchor %.2f s = %.0f rows/s; upsertPage %.2f s = %.0f rows/s; "
                    "ratio %.2f\n",
                    round + 1, anchor, Rows / anchor, store, Rows / store, anchor / store);
        std::fflush(stdout);
        bestStore = std::min(bestStore, store);
        bestAnchor = std::min(bestAnchor, anchor);
    }
    std::printf("best of %d, %d rows over %d threads, pages of %d: C anchor %.0f rows/s, "
                "upsertPage %.0f rows/s, ratio %.2f\n",
                Rounds, Rows, Threads, PageSize, Rows / bestAnchor, Rows / bestStore,
                bestAnchor / bestStore);
    return 0;
}
