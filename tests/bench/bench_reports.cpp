// The Reports screen's read (ReportQuery::run: figures per number, per local day, campaigns)
// for the last 7/30/90/365 whole local days, as the page asks, median and max of 5 runs each.
// Without arguments it generates a profile of 1,000,000 messages over a year (account 1 holds
// 90%: three of our numbers, 100,000 threads, both directions, statuses and prices as a real
// account has them), through the migrations' triggers (full-text index and rollups) as sync
// writes them (except the full-text index: see generate()); a directory given as the argument keeps
// the profile for the next run. Each period is also read through the messages table (the period
// moved by 1 ms, off the quarter hours the rollups hold: how every report was read before 0019),
// for comparison. Usage: bench_reports [DIRECTORY]   or   bench_reports PROFILE ACCOUNT_ID
#include "Database.h"
#include "ReportQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Messages = 1'000'000;
constexpr int Threads = 100'000;

bool run(QSqlQuery &q, const QString &sql)
{
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "%s: %s\n", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
    return false;
}

// A year of history ending now, spread evenly (every quarter hour has traffic, the densest
// shape for the rollups). i picks thread, direction, status, price and time by hashes.
bool generate(QSqlDatabase db, qint64 endMs)
{
    QSqlQuery q(db);
    if (!run(q, u"INSERT INTO accounts (id, name) VALUES (1, 'A'), (2, 'B')"_s) ||
        !run(q, u"INSERT INTO sender_numbers (id, account_id, number, kind, label, "
                u"throughput_mps) VALUES (1, 1, '+14155550100', 'long_code', 'Support', 1), "
                u"(2, 1, '+14155550199', 'long_code', 'Sales', 1), "
                u"(3, 1, '+14155550142', 'long_code', 'Billing', 1), "
                u"(4, 2, '+12125550100', 'long_code', '', 1)"_s))
        return false;
    // The full-text index is of no use to a report and was most of the generation time
    // (17 minutes for 1M rows on the loaded machine): this bench profile goes without.
    if (!run(q, u"DROP TRIGGER messages_fts_after_insert"_s))
        return false;
    db.transaction();
    QSqlQuery threads(db);
    threads.prepare(u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 "
                    u"< ?) INSERT INTO threads (id, account_id, customer_number, "
                    u"sender_number_id) SELECT i + 1, CASE WHEN i % 10 = 0 THEN 2 ELSE 1 END, "
                    u"'+1415' || (2000000 + i), CASE WHEN i % 10 = 0 THEN 4 ELSE 1 + i % 3 END "
                    u"FROM n"_s);
    threads.addBindValue(Threads);
    if (!threads.exec() || !db.commit()) {
        std::fprintf(stderr, "threads: %s\n", qPrintable(threads.lastError().text()));
        return false;
    }
    const QString insert =
        u"WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?), "
        u"h(i, r) AS (SELECT i, (i * 2654435761) % 1000 FROM n) "
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
        u"status, provider_sid, segments, price, price_unit, created_at, updated_at) "
        u"SELECT t.account_id, t.id, iif(r < 500, 'in', 'out'), "
        u"iif(r < 500, t.customer_number, s.number), iif(r < 500, s.number, t.customer_number), "
        u"'Order ' || (i % 50000) || ' is ready for pickup', "
        u"CASE WHEN r < 500 THEN 'received' WHEN r < 925 THEN 'delivered' WHEN r < 945 THEN "
        u"'failed' WHEN r < 965 THEN 'undelivered' WHEN r < 980 THEN 'sent' WHEN r < 990 THEN "
        u"'read' WHEN r < 995 THEN 'blocked' ELSE 'queued' END, 'SM' || i, 1 + r % 3, "
        u"iif(r < 500 OR r % 5 = 0, NULL, '-0.00' || (790 + r % 3 * 790)), "
        u"iif(r < 500 OR r % 5 = 0, '', 'USD'), ? - (i * 31536000) / 1000 - r, "
        u"? - (i * 31536000) / 1000 - r "
        u"FROM h JOIN threads t ON t.id = 1 + (i * 7919) % ? "
        u"JOIN sender_numbers s ON s.id = t.sender_number_id"_s;
    constexpr int Chunk = 50'000;
    for (int from = 0; from < Messages; from += Chunk) {
        db.transaction();
        QSqlQuery m(db);
        m.prepare(insert);
        for (const QVariant &value : {QVariant(from), QVariant(from + Chunk), QVariant(endMs),
                                      QVariant(endMs), QVariant(Threads)})
            m.addBindValue(value);
        if (!m.exec() || !db.commit()) {
            std::fprintf(stderr, "messages: %s\n", qPrintable(m.lastError().text()));
            return false;
        }
        std::fprintf(stderr, "\r%d messages", from + Chunk);
    }
    std::fprintf(stderr, "\n");
    return run(q, u"ANALYZE"_s);
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir temp;
    QString path;
    qint64 account = 1;
    if (args.size() == 3) {
        path = args.at(1);
        account = args.at(2).toLongLong();
    } else {
        path = (args.size() == 2 ? args.at(1) : temp.path()) + u"/bench-reports.sqlite"_s;
    }
    Database database(path);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    QSqlQuery count(database.connection());
    if (!count.exec(u"SELECT COUNT(*) FROM messages"_s) || !count.next())
        return 1;
    const bool empty = count.value(0).toLongLong() == 0;
    count.finish();
    if (empty && args.size() != 3) {
        QElapsedTimer fill;
        fill.start();
        if (!generate(database.connection(), QDateTime::currentMSecsSinceEpoch()))
            return 1;
        std::printf("generated %d messages over 365 days in %.1f s\n", Messages,
                    double(fill.elapsed()) / 1000.0);
    }
    QSqlQuery newest(database.connection());
    if (!newest.exec(u"SELECT MAX(created_at), COUNT(*) FROM messages"_s) || !newest.next())
        return 1;
    const QDate today = QDateTime::fromMSecsSinceEpoch(newest.value(0).toLongLong()).date();
    std::printf("profile: %lld messages, %lld rollup rows\n", newest.value(1).toLongLong(), [&] {
        QSqlQuery rows(database.connection());
        return rows.exec(u"SELECT COUNT(*) FROM message_rollups"_s) && rows.next()
                   ? rows.value(0).toLongLong()
                   : -1LL;
    }());
    newest.finish();

    ReportQuery query(database.connection());
    std::printf("%-8s %22s %10s %10s %18s\n", "period", "sent + received", "median", "max",
                "messages (median)");
    for (const int days : {7, 30, 90, 365}) {
        // As the Reports page asks: whole local days ending with today.
        const QDateTime to = today.addDays(1).startOfDay();
        const QDateTime from = today.addDays(1 - days).startOfDay();
        const auto time = [&](const QDateTime &start, int runs, qint64 *figures) {
            std::vector<double> ms;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer timer;
                timer.start();
                const auto report = query.run(account, start, to);
                ms.push_back(double(timer.nsecsElapsed()) / 1e6);
                if (!report) {
                    std::fprintf(stderr, "%s\n", qPrintable(query.errorString()));
                    return std::vector<double>{};
                }
                *figures = report->total.sent + report->total.received;
            }
            return ms;
        };
        qint64 figures = 0;
        qint64 old = 0;
        const std::vector<double> rollups = time(from, 5, &figures);
        const std::vector<double> scan = time(from.addMSecs(1), 3, &old);
        if (rollups.empty() || scan.empty())
            return 1;
        std::printf("%3d days %22lld %8.1fms %8.1fms %16.0fms\n", days, figures,
                    percentile(rollups, 0.5), percentile(rollups, 1.0), percentile(scan, 0.5));
        std::fflush(stdout);
    }
    return 0;
}
