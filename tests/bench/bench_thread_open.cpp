// Opening a 5,000-message thread in a profile with many other messages: the model's reset and
// latest page, one older page, the header queries, and the whole ConversationPane (offscreen,
// first layout of the bubbles included).
// Usage: bench_thread_open [otherMessages=200000] [directory]
#include "ConversationPane.h"
#include "ConversationQuery.h"
#include "Database.h"
#include "InboxCommands.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int ThreadMessages = 5'000;
constexpr int OtherThreads = 20'000;

bool run(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// Median and max of `repeat` runs, in ms.
template<typename F>
std::pair<double, double> millis(F &&f, int repeat = 21)
{
    std::vector<double> runs;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(runs.begin(), runs.end());
    return {runs[runs.size() / 2], runs.back()};
}

bool seed(QSqlDatabase db, int otherMessages)
{
    QSqlQuery q(db);
    if (!run(q, u"INSERT INTO accounts (id, name) VALUES (1, 'A')"_s) ||
        !run(q, u"INSERT INTO sender_numbers (id, account_id, number, kind, label, "
                u"throughput_mps) VALUES (1, 1, '+14155550100', 'long_code', 'Support', 1), "
                u"(2, 1, '+14155550199', 'long_code', 'Sales', 1)"_s))
        return false;
    // The full-text index plays no part in reading a thread; without its trigger the
    // generation takes seconds instead of minutes.
    if (!run(q, u"DROP TRIGGER messages_fts_after_insert"_s))
        return false;
    db.transaction();
    QSqlQuery thread(db);
    thread.prepare(u"INSERT INTO threads (id, account_id, customer_number, sender_number_id, "
                   u"last_message_at) VALUES (?, 1, ?, ?, ?)"_s);
    for (int t = 0; t <= OtherThreads; ++t) {
        thread.addBindValue(t + 1);
        thread.addBindValue(QString(u"+1415"_s + QString::number(2000000 + t)));
        thread.addBindValue(t == 1 ? 2 : 1); // thread 2 is on our Sales number
        thread.addBindValue(qint64(1'700'000'000'000));
        if (!thread.exec())
            return false;
    }
    // A second thread with the big thread's customer, on our other number (the banner).
    run(q, u"UPDATE threads SET customer_number = '+14152000000' WHERE id = 2"_s);
    QSqlQuery ins(db);
    ins.prepare(u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                u"to_number, body, status, provider_sid, created_at, updated_at, "
                u"error_code, error_message) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const int total = ThreadMessages + otherMessages;
    for (int i = 0; i < total; ++i) {
        // The big thread's messages are spread through the whole history.
        const bool big =
            i % (total / ThreadMessages) == 0 && i / (total / ThreadMessages) < ThreadMessages;
        const qint64 threadId = big ? 1 : 3 + i % (OtherThreads - 2);
        const bool inbound = i % 3 == 0;
        const QString customer = u"+1415"_s + QString::number(2000000 + threadId - 1);
        ins.addBindValue(threadId);
        ins.addBindValue(inbound ? u"in"_s : u"out"_s);
        ins.addBindValue(inbound ? customer : u"+14155550100"_s);
        ins.addBindValue(inbound ? u"+14155550100"_s : customer);
        ins.addBindValue(QString(u"Message number "_s + QString::number(i) +
                                 u", a typical length for a customer text about an order."_s));
        ins.addBindValue(inbound ? u"received"_s : (i % 50 == 1 ? u"failed"_s : u"delivered"_s));
        ins.addBindValue(QString(u"SM"_s + QString::number(i).rightJustified(32, u'0')));
        ins.addBindValue(qint64(1'690'000'000'000) + qint64(i) * 10'000);
        ins.addBindValue(qint64(1'690'000'000'000) + qint64(i) * 10'000);
        ins.addBindValue(i % 50 == 1 ? QVariant(30003) : QVariant());
        ins.addBindValue(i % 50 == 1 ? u"Unreachable destination handset"_s : QString(u""_s));
        if (!ins.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(ins.lastError().text()));
            return false;
        }
    }
    db.commit();
    return run(q, u"ANALYZE"_s);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int otherMessages = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 200'000;
    QTemporaryDir temp;
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : temp.path();
    const QString path = dir + u"/bench-thread-open.sqlite"_s;
    Database database(path);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    QElapsedTimer generation;
    generation.start();
    if (!seed(database.connection(), otherMessages))
        return 1;
    std::printf("generated %d messages (%d in the thread) over %d threads in %.1f s\n",
                ThreadMessages + otherMessages, ThreadMessages, OtherThreads + 1,
                double(generation.elapsed()) / 1000);
    QSqlDatabase db = database.connection();

    ThreadMessagesModel model(db);
    const auto open = millis([&] { model.setThread(1, 1); });
    std::printf("ThreadMessagesModel::setThread (reset + latest %d of %d): median %.2f ms, "
                "max %.2f ms\n",
                model.rowCount(), ThreadMessages, open.first, open.second);
    const auto older = millis([&] {
        model.setThread(1, 1);
        model.fetchMore({});
    });
    std::printf("setThread + one older page: median %.2f ms\n", older.first);

    ConversationQuery query(db);
    const auto header = millis([&] {
        query.header(1, 1);
        query.linkedThreads(1, 1);
    });
    std::printf("ConversationQuery header + linked threads: median %.2f ms\n", header.first);

    StoreWriter writer(path);
    if (!writer.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(writer.errorString()));
        return 1;
    }
    // The pane reads through a StoreReader of its own, as in the desktop.
    StoreReader reader(path);
    if (!reader.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(reader.errorString()));
        return 1;
    }
    InboxCommands commands(&writer, u"alice"_s);
    ConversationPane pane(reader, writer.changes(), &commands, 1);
    pane.resize(720, 760);
    pane.show();
    QCoreApplication::processEvents();
    const auto paneOpen = millis(
        [&] {
            pane.openThread(0);
            QCoreApplication::processEvents();
            pane.openThread(1);
            // Lays out every loaded bubble (sizes) and scrolls to the newest, as on screen.
            pane.threadView()->doItemsLayout();
            pane.repaint();
        },
        11);
    std::printf("ConversationPane::openThread + first layout and paint: median %.2f ms, "
                "max %.2f ms (%d rows)\n",
                paneOpen.first, paneOpen.second, pane.messagesModel()->rowCount());
    return 0;
}
