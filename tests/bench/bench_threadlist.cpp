// Thread list read side over 100,000 threads: first page, a deep keyset page, one row, the
// per-filter counts, and ThreadListModel's reset and in-place update.
// Usage: bench_threadlist [directory]
#include "Database.h"
#include "ThreadListModel.h"
#include "ThreadQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Threads = 100'000;

bool run(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

template<typename F>
double millis(F &&f, int repeat = 20)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < repeat; ++i)
        f();
    return double(timer.nsecsElapsed()) / 1e6 / repeat;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temp;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temp.path();
    Database database(dir + u"/bench-threadlist.sqlite"_s);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    QSqlDatabase db = database.connection();
    QSqlQuery q(db);
    if (!run(q, u"INSERT INTO accounts (id, name) VALUES (1, 'A'), (2, 'B')"_s) ||
        !run(q, u"INSERT INTO sender_numbers (id, account_id, number, kind, label, "
                u"throughput_mps) VALUES (1, 1, '+14155550100', 'long_code', 'Support', 1), "
                u"(2, 1, '+14155550199', 'long_code', 'Sales', 1), "
                u"(3, 2, '+12125550100', 'long_code', '', 1)"_s))
        return 1;
    db.transaction();
    QSqlQuery ins(db);
    ins.prepare(u"INSERT INTO threads (account_id, customer_number, sender_number_id, status, "
                u"flagged, assignee, unread_count, last_message_at, last_message_preview) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery contact(db);
    contact.prepare(u"INSERT INTO contacts (account_id, number, name) VALUES (?, ?, ?)"_s);
    for (int i = 0; i < Threads; ++i) {
        const qint64 account = i % 10 == 0 ? 2 : 1;
        const QString number = u"+1415"_s + QString::number(2000000 + i);
        ins.addBindValue(account);
        ins.addBindValue(number);
        ins.addBindValue(account == 2 ? 3 : 1 + i % 2);
        ins.addBindValue(i % 3 == 0 ? u"resolved"_s : u"open"_s);
        ins.addBindValue(i % 17 == 0 ? 1 : 0);
        ins.addBindValue(i % 4 == 0 ? u"alice"_s : QString(u""_s));
        ins.addBindValue(i % 5);
        ins.addBindValue(qint64(1'700'000'000'000) + qint64(i) * 1000);
        ins.addBindValue(QString(u"Preview of the last message in thread "_s + QString::number(i)));
        if (!ins.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(ins.lastError().text()));
            return 1;
        }
        if (i % 2 == 0) {
            contact.addBindValue(account);
            contact.addBindValue(number);
            contact.addBindValue(QString(u"Customer "_s + QString::number(i)));
            contact.exec();
        }
    }
    db.commit();
    run(q, u"ANALYZE"_s);

    ThreadQuery query(db);
    using F = ThreadQuery::Filter;
    std::printf("threads: %d (90%% in account 1)\n", Threads);
    for (const F f : {F::Unresolved, F::Mine, F::Flagged, F::All}) {
        QList<ThreadRow> first;
        const double firstMs = millis([&] { first = query.page(1, f, u"alice"_s, {}, 100); });
        // A cursor about half-way down the list.
        const QList<ThreadRow> probe = query.page(1, f, u"alice"_s, {}, 20'000);
        const ThreadRow &mid = probe.at(probe.size() / 2);
        const double deepMs = millis([&] {
            query.page(1, f, u"alice"_s, ThreadQuery::Cursor{mid.lastMessageAt, mid.id}, 100);
        });
        std::printf("filter %d: first page of 100 %.2f ms, page after row %lld %.2f ms\n", int(f),
                    firstMs, qint64(probe.size() / 2), deepMs);
    }
    std::printf("fetchRow: %.3f ms\n", millis([&] { query.fetchRow(Threads / 2); }, 200));
    std::printf("counts (one query): %.2f ms\n", millis([&] { query.counts(1, u"alice"_s); }));

    ThreadListModel model(db, u"alice"_s);
    std::printf("model setAccount (reset + first page + counts): %.2f ms\n",
                millis([&] { model.setAccount(1); }));
    const qint64 oldest = model.threadIdAt(model.rowCount() - 1);
    run(q, u"UPDATE threads SET last_message_at = last_message_at + 100000000 WHERE id = "_s +
               QString::number(oldest));
    std::printf("model threadsChanged (one row moved to the top, counts refreshed): %.2f ms\n",
                millis([&] { model.threadsChanged({oldest}); }, 1));

    // What the GUI thread does for a sync page: 1,000 threads of account 1 got a new message
    // (spread over the whole list, a tenth of them among the loaded rows), applied in one call.
    // The same call exists before and after the change feed, so old builds run this unchanged.
    QList<qint64> page;
    QElapsedTimer total;
    double pageMs = 0;
    double oneMs = 0;
    constexpr int Rounds = 5;
    for (int round = 0; round < Rounds; ++round) {
        page.clear();
        db.transaction();
        QSqlQuery touch(db);
        touch.prepare(u"UPDATE threads SET last_message_at = ?, unread_count = unread_count + 1, "
                      u"last_message_preview = ? WHERE id = ?"_s);
        const qint64 base = qint64(1'800'000'000'000) + qint64(round) * 10'000'000;
        for (int i = 0; i < 1000; ++i) {
            // Every 97th thread id, shifted per round: 100 of them recent enough to be loaded.
            const qint64 id =
                i < 100 ? Threads - i * 7 - round : (qint64(i) * 97 + round) % Threads + 1;
            touch.addBindValue(base + i);
            touch.addBindValue(u"new message %1"_s.arg(i));
            touch.addBindValue(id);
            touch.exec();
            page << id;
        }
        db.commit();
        model.setAccount(1);
        total.start();
        model.threadsChanged(page);
        pageMs += double(total.nsecsElapsed()) / 1e6;

        const qint64 one = model.threadIdAt(model.rowCount() / 2);
        run(q, u"UPDATE threads SET flagged = 1 - flagged WHERE id = "_s + QString::number(one));
        total.start();
        model.threadsChanged({one});
        oneMs += double(total.nsecsElapsed()) / 1e6;
    }
    std::printf("sync page touching 1,000 threads, applied by the model: %.2f ms (mean of %d)\n",
                pageMs / Rounds, Rounds);
    std::printf("one changed thread (flag), applied by the model: %.3f ms (mean of %d)\n",
                oneMs / Rounds, Rounds);
    return 0;
}
