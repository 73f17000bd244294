// Inbox start and memory: a profile of 1,000,000 messages in 100,000 threads (one of them
// 5,000 messages long) opened the way app/desktop/main.cpp opens it (DeskSession, then
// DesktopShell), timed from process start to the first paint of the thread list, with the
// resident memory after the list is shown and after opening the 5,000-message thread.
// Usage: bench_inbox_start generate DIR   (writes DIR/bench-inbox.sqlite; slow, once)
//        bench_inbox_start measure DIR    (run several times: a fresh process each)
//        bench_inbox_start measure-inbox DIR (the inbox's widgets alone, no other pages)
#include "AccountRows.h"
#include "ConsentCommands.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "Database.h"
#include "DeskSession.h"
#include "DesktopShell.h"
#include "InboxCommands.h"
#include "InboxPage.h"
#include "MainWindow.h"
#include "Notifier.h"
#include "SecretStore.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "Theme.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLayout>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <cstdio>
#include <ctime>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Threads = 100'000;
constexpr int Messages = 1'000'000;
constexpr int BigThreadMessages = 5'000;
constexpr qint64 BigThread = 50'000; // in the middle of the list, not its first row
constexpr qint64 Base = 1'690'000'000'000;

bool run(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// Message i's thread: every 200th message is the big thread's, the rest go round the others.
qint64 threadOf(int i)
{
    if (i % (Messages / BigThreadMessages) == 0)
        return BigThread;
    const qint64 t = 1 + (i - i / (Messages / BigThreadMessages) - 1) % (Threads - 1);
    return t >= BigThread ? t + 1 : t;
}

QString customerOf(qint64 thread)
{
    return u"+1415"_s + QString::number(2000000 + thread);
}

QString bodyOf(int i)
{
    return u"Message number "_s + QString::number(i) +
           u", a typical length for a customer text about an order."_s;
}

bool generate(const QString &path)
{
    QFile::remove(path);
    Database database(path);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return false;
    }
    QSqlDatabase db = database.connection();
    QSqlQuery q(db);
    if (!run(q, u"INSERT INTO accounts (id, name, provider_sid, api_base_url, lookup_base_url, "
                u"sync_base_url) VALUES (1, 'Bench', 'AC00000000000000000000000000000001', "
                u"'http://127.0.0.1:9', 'http://127.0.0.1:9', 'http://127.0.0.1:9')"_s) ||
        !run(q, u"INSERT INTO sender_numbers (id, account_id, number, kind, label, "
                u"throughput_mps) VALUES (1, 1, '+14155550100', 'long_code', 'Support', 1), "
                u"(2, 1, '+14155550199', 'long_code', 'Sales', 1)"_s))
        return false;
    // Search is bench_search's: without the full-text trigger the generation takes a minute,
    // not an hour. The thread list and the thread view never read the index.
    if (!run(q, u"DROP TRIGGER messages_fts_after_insert"_s))
        return false;

    // Secondary indexes of messages are built once at the end (a sorted build) instead of
    // row by row, and the page cache holds the whole transaction: minutes instead of an hour.
    QStringList indexes;
    if (!run(q, u"SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'messages' "
                u"AND sql IS NOT NULL"_s))
        return false;
    while (q.next())
        indexes << q.value(0).toString();
    for (const QString &sql : indexes) {
        const QString name = sql.section(u' ', sql.startsWith(u"CREATE UNIQUE"_s) ? 3 : 2, 2);
        if (!run(q, u"DROP INDEX "_s + name)) // a name read from the schema, not data
            return false;
    }
    if (!run(q, u"PRAGMA cache_size = -600000"_s))
        return false;

    // Each thread's last message, to write the thread rows with their aggregates first.
    std::vector<int> last(Threads + 1, -1);
    for (int i = 0; i < Messages; ++i)
        last[size_t(threadOf(i))] = i;

    db.transaction();
    QSqlQuery contact(db);
    contact.prepare(u"INSERT INTO contacts (account_id, number, name, text_enabled) "
                    u"VALUES (1, ?, ?, ?)"_s);
    for (qint64 t = 1; t <= Threads; t += 2) { // half the customers are known contacts
        contact.addBindValue(customerOf(t));
        contact.addBindValue(QString(u"Customer "_s + QString::number(t)));
        contact.addBindValue(t % 10 == 1 ? u"no"_s : u"yes"_s);
        if (!contact.exec())
            return false;
    }
    QSqlQuery thread(db);
    thread.prepare(u"INSERT INTO threads (id, account_id, customer_number, sender_number_id, "
                   u"status, flagged, assignee, unread_count, last_message_at, "
                   u"last_message_preview) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (qint64 t = 1; t <= Threads; ++t) {
        const int l = last[size_t(t)];
        thread.addBindValue(t);
        thread.addBindValue(customerOf(t));
        thread.addBindValue(t % 7 == 0 ? 2 : 1);
        thread.addBindValue(t % 3 == 0 ? u"resolved"_s : u"open"_s);
        thread.addBindValue(t % 23 == 0 ? 1 : 0);
        thread.addBindValue(t % 5 == 0 ? u"alice"_s : (t % 5 == 1 ? u"bob"_s : QString(u""_s)));
        thread.addBindValue(t % 4 == 0 ? 2 : 0);
        thread.addBindValue(Base + qint64(l) * 10'000);
        thread.addBindValue(bodyOf(l));
        if (!thread.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(thread.lastError().text()));
            return false;
        }
    }
    QSqlQuery ins(db);
    ins.prepare(u"INSERT INTO messages (id, account_id, thread_id, direction, from_number, "
                u"to_number, body, status, provider_sid, created_at, updated_at) "
                u"VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (int i = 0; i < Messages; ++i) {
        const qint64 t = threadOf(i);
        const bool inbound = i % 3 == 0;
        const QString customer = customerOf(t);
        const QString ours = t % 7 == 0 ? u"+14155550199"_s : u"+14155550100"_s;
        ins.addBindValue(i + 1);
        ins.addBindValue(t);
        ins.addBindValue(inbound ? u"in"_s : u"out"_s);
        ins.addBindValue(inbound ? customer : ours);
        ins.addBindValue(inbound ? ours : customer);
        ins.addBindValue(bodyOf(i));
        ins.addBindValue(inbound ? u"received"_s : u"delivered"_s);
        ins.addBindValue(QString(u"SM"_s + QString::number(i).rightJustified(32, u'0')));
        ins.addBindValue(Base + qint64(i) * 10'000);
        ins.addBindValue(Base + qint64(i) * 10'000);
        if (!ins.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(ins.lastError().text()));
            return false;
        }
    }
    for (const QString &sql : indexes) {
        if (!run(q, sql))
            return false;
    }
    if (!run(q, u"UPDATE threads SET last_message_id = (SELECT max(id) FROM messages m "
                u"WHERE m.thread_id = threads.id)"_s))
        return false;
    db.commit();
    return run(q, u"ANALYZE"_s) && run(q, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

// "VmRSS" or "VmHWM" of this process, in MiB.
double statusMiB(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').first().toDouble() / 1024;
    }
    return -1;
}

// Milliseconds from this process's start (its exec) to now, read from /proc (10 ms ticks).
double sinceProcessStartMs()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 (starttime) counts after the parenthesised command name.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double nowMs = double(boot.tv_sec) * 1000 + double(boot.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000 / double(sysconf(_SC_CLK_TCK));
}

// Notes the first paint of a widget.
class FirstPaint : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

int measure(const QString &path, int argc, char **argv)
{
    const double beforeMain = sinceProcessStartMs();
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"smsdesk-bench"_s);
    Theme::apply(app);
    const double appMs = double(clock.nsecsElapsed()) / 1e6;

    DeskSession session;
    if (!session.openProfile(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(session.errorString()));
        return 1;
    }
    const double profileMs = double(clock.nsecsElapsed()) / 1e6;
    // The account's token, in memory: no keychain (D-Bus points nowhere), no dialog.
    session.secrets()->setSessionOnlyFallback(true);
    bool written = false;
    session.secrets()->write(SecretStore::authTokenKey(session.writer()->profileUuid(),
                                                       u"AC00000000000000000000000000000001"_s),
                             u"token"_s, &app,
                             [&written](const SecretResult &) { written = true; });
    while (!written)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double tokenMs = double(clock.nsecsElapsed()) / 1e6;

    DesktopShell shell(&session, u"alice"_s);
    if (!shell.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(shell.errorString()));
        return 1;
    }
    const double shellMs = double(clock.nsecsElapsed()) / 1e6;
    FirstPaint paint;
    ThreadListView *list = shell.inbox()->listView();
    list->viewport()->installEventFilter(&paint);
    shell.window()->resize(1280, 800);
    shell.window()->show();
    while (!paint.painted)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double paintedMs = double(clock.nsecsElapsed()) / 1e6;
    const double listRss = statusMiB("VmRSS:");
    const double listHwm = statusMiB("VmHWM:");
    std::printf("before main (exec, dynamic loading): %.0f ms (10 ms resolution)\n", beforeMain);
    std::printf("main -> QApplication + theme: %.1f ms\n", appMs);
    std::printf("main -> profile open (DeskSession::openProfile, writer thread): %.1f ms\n",
                profileMs);
    std::printf("main -> token kept in memory (bench only; no keychain): %.1f ms\n", tokenMs);
    std::printf("main -> DesktopShell::start (first page of %d rows): %.1f ms\n",
                shell.threads()->rowCount(), shellMs);
    std::printf("main -> first paint of the thread list: %.1f ms\n", paintedMs);
    std::printf("process start -> first paint of the thread list: %.0f ms\n",
                beforeMain + paintedMs);
    std::printf("after the list is shown: VmRSS %.1f MiB, VmHWM %.1f MiB\n", listRss, listHwm);

    QElapsedTimer open;
    open.start();
    shell.openThread(BigThread);
    ConversationPane *pane = shell.conversation();
    pane->threadView()->doItemsLayout();
    pane->repaint();
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    // Then scroll through the whole history, as an agent reading it back would.
    while (pane->messagesModel()->canFetchMore({}))
        pane->messagesModel()->fetchMore({});
    pane->threadView()->doItemsLayout();
    pane->repaint();
    std::printf("open the %d-message thread (latest page, layout, paint): %.1f ms\n",
                BigThreadMessages, openMs);
    std::printf("after opening it and loading all %d messages: VmRSS %.1f MiB, VmHWM %.1f MiB\n",
                pane->messagesModel()->rowCount(), statusMiB("VmRSS:"), statusMiB("VmHWM:"));
    return 0;
}

// The inbox alone, wired as DesktopShell wires it but without the other account pages
// (Contacts, Campaigns, Numbers): what the inbox itself costs at start.
int measureInboxOnly(const QString &path, int argc, char **argv)
{
    const double beforeMain = sinceProcessStartMs();
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    Theme::apply(app);
    StoreWriter writer(path);
    if (!writer.open())
        return 1;
    StoreReader reader(path);
    if (!reader.open())
        return 1;
    InboxCommands inboxCommands(&writer, u"alice"_s);
    ConsentCommands consentCommands(&writer, u"alice"_s);
    const std::unique_ptr<ThreadListModel> threads = reader.create<ThreadListModel>(u"alice"_s);
    threads->setAccount(1);
    MainWindow window;
    auto *inbox = new InboxPage(threads.get(), &inboxCommands, &reader);
    window.setPage(NavigationRail::Page::Inbox, inbox);
    inbox->setContactPanel(new ContactPanel(reader, writer.changes(), &consentCommands));
    auto *pane = new ConversationPane(reader, writer.changes(), &inboxCommands, 1);
    inbox->detailArea()->layout()->addWidget(pane);
    Notifier notifier(reader, 1, u"alice"_s, nullptr);
    FirstPaint paint;
    inbox->listView()->viewport()->installEventFilter(&paint);
    window.resize(1280, 800);
    window.show();
    while (!paint.painted)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double paintedMs = double(clock.nsecsElapsed()) / 1e6;
    std::printf("inbox only: process start -> first paint of the thread list: %.0f ms "
                "(main -> paint %.1f ms)\n",
                beforeMain + paintedMs, paintedMs);
    std::printf("inbox only: after the list is shown: VmRSS %.1f MiB, VmHWM %.1f MiB\n",
                statusMiB("VmRSS:"), statusMiB("VmHWM:"));
    QElapsedTimer open;
    open.start();
    pane->openThread(BigThread);
    pane->threadView()->doItemsLayout();
    pane->repaint();
    const double openMs = double(open.nsecsElapsed()) / 1e6;
    while (pane->messagesModel()->canFetchMore({}))
        pane->messagesModel()->fetchMore({});
    pane->threadView()->doItemsLayout();
    pane->repaint();
    std::printf("inbox only: open the %d-message thread: %.1f ms; all %d loaded: VmRSS %.1f MiB, "
                "VmHWM %.1f MiB\n",
                BigThreadMessages, openMs, pane->messagesModel()->rowCount(), statusMiB("VmRSS:"),
                statusMiB("VmHWM:"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_inbox_start generate|measure DIR\n");
        return 2;
    }
    const QString mode = QString::fromLocal8Bit(argv[1]);
    const QString path = QString::fromLocal8Bit(argv[2]) + u"/bench-inbox.sqlite"_s;
    if (mode == u"generate") {
        QCoreApplication app(argc, argv);
        QElapsedTimer timer;
        timer.start();
        if (!generate(path))
            return 1;
        std::printf("generated %d messages in %d threads (thread %lld: %d) in %.1f s: %s\n",
                    Messages, Threads, BigThread, BigThreadMessages, double(timer.elapsed()) / 1000,
                    qPrintable(path));
        return 0;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/smsdesk-no-bus");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    if (mode == u"measure-inbox")
        return measureInboxOnly(path, argc, argv);
    return measure(path, argc, argv);
}
