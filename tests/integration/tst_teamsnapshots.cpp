// Snapshots of the team log between desktops (in-memory log and snapshot store): a desktop
// that joins after the log's oldest items expired, or that was away longer than they live,
// starts from the newest snapshot and ends in the same state as the desktops that read every
// item; snapshots are written when due and not otherwise; without one the gap is reported.
#include "MemorySnapshotStore.h"
#include "MemoryTeamLog.h"
#include "StoreWriter.h"
#include "TeamLog.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamSnapshotter.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QDateTime At = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QStringList Customers = {u"+14155552671"_s, u"+14155552672"_s, u"+14155552673"_s,
                               u"+14155552674"_s};
} // namespace

class TstTeamSnapshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newDesktopStartsFromTheSnapshotAfterItemsExpired();
    void desktopAwayLongerThanItemsLiveCatchesUpFromTheSnapshot();
    void withoutASnapshotTheGapIsReported();
    void snapshotsAreWrittenWhenDueOnly();
    void newDesktopOnAShortLogReadsTheSnapshotOnceThenTheLog();

private:
    struct Desk
    {
        std::unique_ptr<ThreadFixture> fx;
        std::unique_ptr<StoreWriter> writer;
        std::unique_ptr<MemoryTeamLogTransport> transport;
        std::unique_ptr<MemorySnapshotStore> store;
        std::unique_ptr<TeamSnapshotter> snapshotter;
        std::unique_ptr<TeamLog> log;
    };
    std::unique_ptr<Desk> desk(int n, bool withSnapshots = true);
    void record(Desk &desk, const QString &kind, const QString &customer,
                const QJsonObject &fields);
    void work(Desk &desk); // a morning's changes on every thread
    static bool runCycle(Desk &desk);
    // Everything the team decided, as one comparable text.
    static QString teamState(Desk &desk);

    std::shared_ptr<MemoryTeamLog> m_log;
    std::shared_ptr<MemorySnapshots> m_snapshots;
};

void TstTeamSnapshots::init()
{
    m_log = std::make_shared<MemoryTeamLog>();
    m_snapshots = std::make_shared<MemorySnapshots>();
}

void TstTeamSnapshots::cleanup()
{
    m_log.reset();
    m_snapshots.reset();
}

std::unique_ptr<TstTeamSnapshots::Desk> TstTeamSnapshots::desk(int n, bool withSnapshots)
{
    auto d = std::make_unique<Desk>();
    d->fx = std::make_unique<ThreadFixture>();
    if (!d->fx->open())
        return nullptr;
    QList<MessageRecord> messages;
    for (const QString &customer : Customers)
        messages.append(ThreadFixture::message(customer, ThreadFixture::Support, u"hello"_s, At));
    if (!d->fx->upsert(ThreadFixture::AccountA, messages))
        return nullptr;
    if (!TeamStateRows(d->fx->db())
             .join(ThreadFixture::AccountA, u"agent-%1"_s.arg(n), u"desk-%1"_s.arg(n)))
        return nullptr;
    d->writer = std::make_unique<StoreWriter>(d->fx->dir() + u"/profile.sqlite"_s);
    if (!d->writer->open())
        return nullptr;
    d->transport = std::make_unique<MemoryTeamLogTransport>(m_log);
    d->log =
        std::make_unique<TeamLog>(d->writer.get(), d->transport.get(), ThreadFixture::AccountA);
    d->log->setBasePeriod(20ms);
    if (withSnapshots) {
        d->store = std::make_unique<MemorySnapshotStore>(m_snapshots);
        d->snapshotter = std::make_unique<TeamSnapshotter>(d->writer.get(), d->store.get(),
                                                           ThreadFixture::AccountA);
        d->snapshotter->setPolicy(10, 24h);
        d->log->setSnapshotter(d->snapshotter.get());
    }
    return d;
}

void TstTeamSnapshots::record(Desk &desk, const QString &kind, const QString &customer,
                              const QJsonObject &fields)
{
    TeamOp op;
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.agent = u"Ana"_s;
    op.at = At.toMSecsSinceEpoch();
    op.kind = kind;
    op.target = kind.startsWith(u"consent.")
                    ? customer
                    : TeamOp::threadTarget(customer, ThreadFixture::Support);
    op.fields = fields;
    const auto outcome = desk.writer->call([&](WriterContext &c) {
        return c.repo<TeamLogWriter>().recordLocal(ThreadFixture::AccountA, op, 1);
    });
    QVERIFY(outcome.has_value());
}

void TstTeamSnapshots::work(Desk &desk)
{
    record(desk, u"thread.resolve"_s, Customers[0], {});
    record(desk, u"thread.reopen"_s, Customers[0], {});
    record(desk, u"thread.resolve"_s, Customers[0], {});
    record(desk, u"thread.flag"_s, Customers[1], {{u"value"_s, true}});
    record(desk, u"thread.assign"_s, Customers[2], {{u"value"_s, u"Ana"_s}});
    record(desk, u"thread.assign"_s, Customers[2], {{u"value"_s, u"Bo"_s}});
    record(desk, u"note.add"_s, Customers[3], {{u"body"_s, u"called, will ring back"_s}});
    record(desk, u"note.add"_s, Customers[3], {{u"body"_s, u"rang back, all good"_s}});
    record(desk, u"consent.opt_out"_s, Customers[3],
           {{u"customer"_s, Customers[3]}, {u"source"_s, u"agent"_s}, {u"detail"_s, u"asked"_s}});
    record(desk, u"agent.join"_s, {}, {{u"name"_s, u"Bo"_s}, {u"role"_s, u"agent"_s}});
}

bool TstTeamSnapshots::runCycle(Desk &desk)
{
    QSignalSpy finished(desk.log.get(), &TeamLog::cycleFinished);
    if (desk.log->isRunning())
        desk.log->syncNow();
    else
        desk.log->start();
    if (!finished.wait(5000))
        return false;
    return finished.first().first().toBool();
}

QString TstTeamSnapshots::teamState(Desk &desk)
{
    QStringList lines;
    QSqlQuery q(desk.fx->db());
    q.exec(u"SELECT customer_number, status, flagged, COALESCE(assignee, '') FROM threads "
           u"ORDER BY customer_number"_s);
    while (q.next())
        lines << u"%1 %2 %3 %4"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                      q.value(2).toString(), q.value(3).toString());
    q.exec(u"SELECT body FROM thread_notes ORDER BY body"_s);
    while (q.next())
        lines << u"note "_s + q.value(0).toString();
    q.exec(u"SELECT contact_number, kind FROM consent_events ORDER BY id"_s);
    while (q.next())
        lines << u"consent "_s + q.value(0).toString() + u' ' + q.value(1).toString();
    q.exec(u"SELECT name, role FROM team_agents ORDER BY name"_s);
    while (q.next())
        lines << u"agent "_s + q.value(0).toString() + u' ' + q.value(1).toString();
    return lines.join(u'\n');
}

void TstTeamSnapshots::newDesktopStartsFromTheSnapshotAfterItemsExpired()
{
    auto a = desk(0);
    QVERIFY(a);
    work(*a);
    QSignalSpy written(a->snapshotter.get(), &TeamSnapshotter::written);
    QVERIFY(runCycle(*a));
    QTRY_COMPARE(written.size(), 1);
    QCOMPARE(written.first().first().toLongLong(), m_log->nextIndex - 1);
    // Two more changes after the snapshot, then the oldest items expire.
    record(*a, u"thread.reopen"_s, Customers[0], {});
    record(*a, u"thread.flag"_s, Customers[1], {{u"value"_s, false}});
    QVERIFY(runCycle(*a));
    m_log->expireThrough(m_log->nextIndex - 3);
    QCOMPARE(m_log->items.size(), 2);

    auto c = desk(2);
    QVERIFY(c);
    QVERIFY(runCycle(*c));
    // A cycle already under way when asked may end first: the next brings the rest.
    QTRY_COMPARE(teamState(*c), teamState(*a));
    QVERIFY(teamState(*c).contains(u"note rang back, all good"_s));
    QVERIFY(teamState(*c).contains(u"consent +14155552674 opt_out"_s));
    const qint64 position = c->writer->call([](WriterContext &ctx) {
        return ctx.repo<TeamStateRows>().state(ThreadFixture::AccountA)->appliedIndex;
    });
    QCOMPARE(position, m_log->nextIndex - 1);
    QCOMPARE(m_snapshots->readCalls, 1);
}

void TstTeamSnapshots::desktopAwayLongerThanItemsLiveCatchesUpFromTheSnapshot()
{
    auto a = desk(0);
    auto b = desk(1);
    QVERIFY(a && b);
    record(*a, u"thread.flag"_s, Customers[0], {{u"value"_s, true}});
    QVERIFY(runCycle(*a));
    QVERIFY(runCycle(*b)); // B read item 0, then went away
    b->log->stop();
    work(*a);
    for (int i = 0; i < 10; ++i) // a busy month: enough for another snapshot
        record(*a, u"thread.flag"_s, Customers[0], {{u"value"_s, i % 2 == 0}});
    QVERIFY(runCycle(*a));
    QTRY_VERIFY(!a->snapshotter->isWriting());
    QVERIFY(m_snapshots->stored.size() >= 2);
    record(*a, u"thread.assign"_s, Customers[1], {{u"value"_s, u"Cy"_s}});
    QVERIFY(runCycle(*a));
    // Everything B has not read but the last item expired.
    m_log->expireThrough(m_log->nextIndex - 2);
    QVERIFY(runCycle(*b));
    // A cycle already under way when asked may end first: the next brings the rest.
    QTRY_COMPARE(teamState(*b), teamState(*a));
    QVERIFY(teamState(*b).contains(u"Cy"_s));
}

void TstTeamSnapshots::withoutASnapshotTheGapIsReported()
{
    auto a = desk(0, false);
    auto b = desk(1, false);
    QVERIFY(a && b);
    record(*a, u"thread.flag"_s, Customers[0], {{u"value"_s, true}});
    QVERIFY(runCycle(*a));
    QVERIFY(runCycle(*b));
    b->log->stop(); // away
    work(*a);
    QVERIFY(runCycle(*a));
    m_log->expireThrough(m_log->nextIndex - 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"may have expired"_s));
    QVERIFY(runCycle(*b));
    // B applied what was left and says what it could not: the team's state differs.
    QVERIFY(teamState(*b) != teamState(*a));
    QCOMPARE(m_snapshots->writeCalls, 0);
}

void TstTeamSnapshots::snapshotsAreWrittenWhenDueOnly()
{
    auto a = desk(0);
    QVERIFY(a);
    QSignalSpy written(a->snapshotter.get(), &TeamSnapshotter::written);
    // The team's first items: a first snapshot at once (its state must outlive the items).
    record(*a, u"thread.flag"_s, Customers[0], {{u"value"_s, true}});
    QVERIFY(runCycle(*a));
    QTRY_COMPARE(written.size(), 1);
    // Nine more: not due (every 10 items in this test).
    for (int i = 0; i < 9; ++i)
        record(*a, u"thread.flag"_s, Customers[1], {{u"value"_s, i % 2 == 0}});
    QVERIFY(runCycle(*a));
    QVERIFY(runCycle(*a));
    QCOMPARE(written.size(), 1);
    // The tenth: due.
    record(*a, u"thread.resolve"_s, Customers[2], {});
    QVERIFY(runCycle(*a));
    QTRY_COMPARE(written.size(), 2);
    QCOMPARE(written.last().first().toLongLong(), m_log->nextIndex - 1);
    // A failed write is not retried at every cycle.
    m_snapshots->failWrites = 1;
    for (int i = 0; i < 10; ++i)
        record(*a, u"thread.resolve"_s, Customers[i % 4], {});
    QSignalSpy failed(a->snapshotter.get(), &TeamSnapshotter::writeFailed);
    QVERIFY(runCycle(*a));
    QTRY_COMPARE(failed.size(), 1);
    const int writes = m_snapshots->writeCalls;
    QVERIFY(runCycle(*a));
    QVERIFY(runCycle(*a));
    QCOMPARE(m_snapshots->writeCalls, writes);
}

void TstTeamSnapshots::newDesktopOnAShortLogReadsTheSnapshotOnceThenTheLog()
{
    auto a = desk(0);
    QVERIFY(a);
    work(*a);
    QVERIFY(runCycle(*a));
    QTRY_VERIFY(!a->snapshotter->isWriting());
    auto c = desk(2);
    QVERIFY(c);
    QVERIFY(runCycle(*c));
    QVERIFY(runCycle(*c));
    // A cycle already under way when asked may end first: the next brings the rest.
    QTRY_COMPARE(teamState(*c), teamState(*a));
    QCOMPARE(m_snapshots->readCalls, 1); // a position now: no snapshot read again
}

QTEST_GUILESS_MAIN(TstTeamSnapshots)
#include "tst_teamsnapshots.moc"
