// The team log engine of two desktops over one (in-memory) log: changes travel, a refused or
// half-answered append lands exactly once, a desktop offline for a while catches up, a send can
// ask for the team's state to be fresh first, and polling stays inside Sync's read budget.
#include "MemoryTeamLog.h"
#include "StoreWriter.h"
#include "TeamLog.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const QString Customer = u"+14155552671"_s;
const QDateTime At = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
} // namespace

class TstTeamLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changeReachesTheOtherDesktop();
    void refusedAppendIsRetriedAndLandsOnce();
    void lostAnswerIsFoundInTheLogNotAppendedAgain();
    void appendedBeforeARestartIsReadNotAppendedAgain();
    void offlineDesktopCatchesUp();
    void ensureFreshReadsTheLogFirst();
    void pollPeriodKeepsTheTeamInsideTheReadBudget();

private:
    struct Desk
    {
        std::unique_ptr<ThreadFixture> fx;
        std::unique_ptr<StoreWriter> writer;
        std::unique_ptr<MemoryTeamLogTransport> transport;
        std::unique_ptr<TeamLog> log;
        QString status()
        {
            return StoreTestUtil::scalar(fx->db(), u"SELECT status FROM threads"_s).toString();
        }
        qint64 waiting()
        {
            return writer->call([](WriterContext &c) {
                return c.repo<TeamOutboxRows>().count(ThreadFixture::AccountA);
            });
        }
    };
    // The op, as recorded here and queued.
    TeamOp record(Desk &desk, const QString &kind, const QJsonObject &fields);
    static bool runCycle(Desk &desk);

    std::shared_ptr<MemoryTeamLog> m_log;
    Desk m_a;
    Desk m_b;
};

void TstTeamLog::init()
{
    m_log = std::make_shared<MemoryTeamLog>();
    int n = 0;
    for (Desk *desk : {&m_a, &m_b}) {
        desk->fx = std::make_unique<ThreadFixture>();
        QVERIFY(desk->fx->open());
        QVERIFY(desk->fx->upsert(
            ThreadFixture::AccountA,
            {ThreadFixture::message(Customer, ThreadFixture::Support, u"hello"_s, At)}));
        QVERIFY(TeamStateRows(desk->fx->db())
                    .join(ThreadFixture::AccountA, u"agent-%1"_s.arg(n), u"desk-%1"_s.arg(n)));
        ++n;
        desk->writer = std::make_unique<StoreWriter>(desk->fx->dir() + u"/profile.sqlite"_s);
        QVERIFY(desk->writer->open());
        desk->transport = std::make_unique<MemoryTeamLogTransport>(m_log);
        desk->log = std::make_unique<TeamLog>(desk->writer.get(), desk->transport.get(),
                                              ThreadFixture::AccountA);
        desk->log->setBasePeriod(20ms);
    }
}

void TstTeamLog::cleanup()
{
    for (Desk *desk : {&m_a, &m_b}) {
        desk->log.reset();
        desk->transport.reset();
        desk->writer.reset();
        desk->fx.reset();
    }
}

TeamOp TstTeamLog::record(Desk &desk, const QString &kind, const QJsonObject &fields)
{
    TeamOp op;
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.agent = u"Ana"_s;
    op.at = At.toMSecsSinceEpoch();
    op.kind = kind;
    op.target = TeamOp::threadTarget(Customer, ThreadFixture::Support);
    op.fields = fields;
    const auto outcome = desk.writer->call([&](WriterContext &c) {
        return c.repo<TeamLogWriter>().recordLocal(ThreadFixture::AccountA, op, 1);
    });
    if (!outcome.has_value())
        qWarning("recordLocal failed");
    return op;
}

bool TstTeamLog::runCycle(Desk &desk)
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

void TstTeamLog::changeReachesTheOtherDesktop()
{
    record(m_a, u"thread.resolve"_s, {{u"field"_s, u"status"_s}});
    QCOMPARE(m_a.waiting(), 1);
    QVERIFY(runCycle(m_a));
    QCOMPARE(m_log->items.size(), 1);
    QCOMPARE(m_a.waiting(), 0); // read back: shared
    QCOMPARE(m_b.status(), u"open"_s);
    QSignalSpy applied(m_b.log.get(), &TeamLog::changesApplied);
    QVERIFY(runCycle(m_b));
    QCOMPARE(m_b.status(), u"resolved"_s);
    QCOMPARE(applied.size(), 1);
}

void TstTeamLog::refusedAppendIsRetriedAndLandsOnce()
{
    m_log->refuseAppends = 2;
    record(m_a, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, true}});
    QList<std::optional<int>> codes;
    connect(m_a.log.get(), &TeamLog::failed, this,
            [&codes](const ProviderError &error) { codes << error.twilioCode(); });
    QSignalSpy finished(m_a.log.get(), &TeamLog::cycleFinished);
    m_a.log->start();
    // Two refusals (backing off), then the append lands.
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && finished.last().first().toBool(), 10000);
    QCOMPARE(codes.size(), 2);
    QCOMPARE(codes.first(), std::optional(54009));
    QCOMPARE(m_log->items.size(), 1);
    QCOMPARE(m_a.waiting(), 0);
    QVERIFY(!m_a.log->offlineSince().isValid());
}

void TstTeamLog::lostAnswerIsFoundInTheLogNotAppendedAgain()
{
    m_log->loseAppendAnswers = 1;
    record(m_a, u"thread.resolve"_s, {{u"field"_s, u"status"_s}});
    QVERIFY(runCycle(m_a));
    // The append reached the log though its answer was lost: read back, not sent twice.
    QCOMPARE(m_log->items.size(), 1);
    QCOMPARE(m_a.waiting(), 0);
    QVERIFY(runCycle(m_a));
    QCOMPARE(m_log->appendCalls, 1);
    QCOMPARE(m_log->items.size(), 1);
}

void TstTeamLog::appendedBeforeARestartIsReadNotAppendedAgain()
{
    // A flag reached the log, but the desktop was killed before it recorded the index; then a
    // teammate unflagged. The restarted desktop must read its flag back, not append a second
    // copy that would land after the unflag.
    const TeamOp flag =
        record(m_a, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, true}});
    m_log->items.append({m_log->nextIndex++, flag.toJson()});
    record(m_b, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, false}});
    QVERIFY(runCycle(m_b));
    QCOMPARE(m_log->items.size(), 2);

    QVERIFY(runCycle(m_a));
    QCOMPARE(m_log->items.size(), 2);
    QCOMPARE(m_log->appendCalls, 1); // B's only
    QCOMPARE(m_a.waiting(), 0);
    const QString flagged = u"SELECT flagged FROM threads"_s;
    QCOMPARE(StoreTestUtil::scalar(m_a.fx->db(), flagged).toInt(), 0);
    QVERIFY(runCycle(m_b));
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(), flagged).toInt(), 0);
}

void TstTeamLog::offlineDesktopCatchesUp()
{
    m_b.transport->failReads = 3;
    QSignalSpy finished(m_b.log.get(), &TeamLog::cycleFinished);
    m_b.log->start();
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(m_b.log->offlineSince().isValid());
    // Meanwhile A works: three changes.
    record(m_a, u"thread.assign"_s, {{u"field"_s, u"assignee"_s}, {u"value"_s, u"Ana"_s}});
    record(m_a, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, true}});
    record(m_a, u"note.add"_s, {{u"body"_s, u"called, will ring back"_s}});
    QVERIFY(runCycle(m_a));
    QCOMPARE(m_log->items.size(), 3);
    // B comes back on its own (backoff, then a good read) and has all of it.
    QTRY_VERIFY_WITH_TIMEOUT(finished.last().first().toBool(), 10000);
    QTRY_COMPARE(
        StoreTestUtil::scalar(m_b.fx->db(), u"SELECT count(*) FROM thread_notes"_s).toInt(), 1);
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(), u"SELECT assignee FROM threads"_s).toString(),
             u"Ana"_s);
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(), u"SELECT flagged FROM threads"_s).toInt(), 1);
    QVERIFY(!m_b.log->offlineSince().isValid());
}

void TstTeamLog::ensureFreshReadsTheLogFirst()
{
    record(m_a, u"consent.opt_out"_s,
           {{u"customer"_s, Customer}, {u"source"_s, u"agent"_s}, {u"detail"_s, u"asked"_s}});
    QVERIFY(runCycle(m_a));
    // B never read the log: asking for fresh state reads it before answering.
    bool answered = false;
    bool fresh = false;
    m_b.log->ensureFresh(5000, this, [&](bool ok) {
        answered = true;
        fresh = ok;
    });
    QTRY_VERIFY(answered);
    QVERIFY(fresh);
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(),
                                   u"SELECT count(*) FROM consent_events WHERE kind = 'opt_out'"_s)
                 .toInt(),
             1);
    // Just read: the next ask answers at once, without reading.
    const int reads = m_log->readCalls;
    bool again = false;
    m_b.log->ensureFresh(5000, this, [&](bool ok) { again = ok; });
    QVERIFY(again);
    QCOMPARE(m_log->readCalls, reads);
    // Offline: the answer is no, never a stale yes.
    m_log->failReads = 100;
    bool offlineAnswer = true;
    bool offlineAnswered = false;
    m_b.log->ensureFresh(0, this, [&](bool ok) {
        offlineAnswer = ok;
        offlineAnswered = true;
    });
    QTRY_VERIFY(offlineAnswered);
    QVERIFY(!offlineAnswer);
}

void TstTeamLog::pollPeriodKeepsTheTeamInsideTheReadBudget()
{
    for (const int desktops : {1, 2, 10, 30, 60, 200}) {
        const auto period = TeamLog::pollPeriod(desktops, 2s);
        // reads per second of the whole team
        const double rate = desktops * 1000.0 / double(period.count());
        QVERIFY2(rate <= 15.0 + 1e-9, qPrintable(QString::number(rate)));
        QVERIFY(period >= 2s);
    }
    QCOMPARE(TeamLog::pollPeriod(1, 2s), 2000ms);
    QVERIFY(TeamLog::pollPeriod(60, 2s) > 2s);
}

QTEST_GUILESS_MAIN(TstTeamLog)
#include "tst_teamlog.moc"
