// Two desktops applying one team log: changes made on one reach the other, conflicting changes
// converge to the log's order on both, a change waiting to be shared is not undone by an older
// one, each op applies once.
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"
#include "ThreadQuery.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {
const QString Customer = u"+14155552671"_s;
const QDateTime At = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
} // namespace

class TstTeamLogWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changeOnOneDesktopReachesTheOther();
    void conflictingChangesConvergeToTheLogOrder();
    void itemsReadTwiceApplyOnce();
    void consentFromTheLogIsRecordedOnce();
    void unknownAndBrokenItemsAreSkipped();
    void stateArrivesBeforeTheMessages();
    void withoutATeamNothingIsQueued();
    void oversizedOpIsRefused();
    void rosterIsOfferedForAssigning();

private:
    struct Desk
    {
        std::unique_ptr<ThreadFixture> fx;
        QString name;
        TeamLogWriter writer() { return TeamLogWriter(fx->db()); }
        QString threadField(const QString &column)
        {
            return StoreTestUtil::scalar(fx->db(), u"SELECT "_s + column + u" FROM threads"_s)
                .toString();
        }
    };

    TeamOp op(const Desk &desk, const QString &kind, const QJsonObject &fields);
    // Appends every op waiting on `desk` to the shared log, in queue order.
    void share(Desk &desk);
    // Applies the whole log on `desk`.
    TeamLogWriter::Applied pull(Desk &desk);

    Desk m_a;
    Desk m_b;
    QList<TeamLogWriter::LogItem> m_log;
    int m_opSeq = 0;
};

void TstTeamLogWriter::init()
{
    m_log.clear();
    for (Desk *desk : {&m_a, &m_b}) {
        desk->fx = std::make_unique<ThreadFixture>();
        QVERIFY(desk->fx->open());
        QVERIFY(desk->fx->upsert(
            ThreadFixture::AccountA,
            {ThreadFixture::message(Customer, ThreadFixture::Support, u"hello"_s, At)}));
        QVERIFY(TeamStateRows(desk->fx->db())
                    .join(ThreadFixture::AccountA, desk == &m_a ? u"ag-ana"_s : u"ag-sam"_s,
                          desk == &m_a ? u"desk-a"_s : u"desk-b"_s));
    }
    m_a.name = u"Ana"_s;
    m_b.name = u"Sam"_s;
}

void TstTeamLogWriter::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

TeamOp TstTeamLogWriter::op(const Desk &desk, const QString &kind, const QJsonObject &fields)
{
    TeamOp op;
    op.id = u"op-%1"_s.arg(++m_opSeq);
    op.agent = desk.name;
    op.desk = desk.name;
    op.at = At.toMSecsSinceEpoch() + m_opSeq;
    op.kind = kind;
    op.target = TeamOp::threadTarget(Customer, ThreadFixture::Support);
    op.fields = fields;
    return op;
}

void TstTeamLogWriter::share(Desk &desk)
{
    TeamOutboxRows outbox(desk.fx->db());
    const auto pending = outbox.pending(ThreadFixture::AccountA);
    QVERIFY(pending);
    for (const TeamOutboxRows::Pending &p : *pending) {
        if (p.appendedIndex)
            continue;
        const qint64 index = m_log.size();
        m_log.append({index, p.op.toJson()});
        QVERIFY(outbox.markAppended(p.op.id, index));
    }
}

TeamLogWriter::Applied TstTeamLogWriter::pull(Desk &desk)
{
    const auto applied = desk.writer().applyItems(ThreadFixture::AccountA, m_log);
    return applied.value_or(TeamLogWriter::Applied{});
}

void TstTeamLogWriter::changeOnOneDesktopReachesTheOther()
{
    const auto outcome = m_a.writer().recordLocal(
        ThreadFixture::AccountA,
        op(m_a, u"thread.resolve"_s, {{u"field"_s, u"status"_s}, {u"value"_s, u"resolved"_s}}), 1);
    QCOMPARE(outcome, std::optional(Outcome::Applied));
    // Applied here at once, waiting to be shared; the other desktop knows nothing yet.
    QCOMPARE(m_a.threadField(u"status"_s), u"resolved"_s);
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(ThreadFixture::AccountA), 1);
    QCOMPARE(m_b.threadField(u"status"_s), u"open"_s);

    share(m_a);
    const auto onA = pull(m_a);
    QCOMPARE(onA.ours, 1);
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(ThreadFixture::AccountA), 0);
    const auto onB = pull(m_b);
    QCOMPARE(onB.applied, 1);
    QCOMPARE(m_b.threadField(u"status"_s), u"resolved"_s);
    // The audit names the teammate who did it.
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(),
                                   u"SELECT actor FROM audit_log WHERE action = 'thread.resolve'"_s)
                 .toString(),
             u"Ana"_s);
    QCOMPARE(TeamStateRows(m_b.fx->db()).state(ThreadFixture::AccountA)->appliedIndex, 0);
}

void TstTeamLogWriter::conflictingChangesConvergeToTheLogOrder()
{
    // Both assign at once, offline: each sees its own choice.
    QVERIFY(m_a.writer().recordLocal(
        ThreadFixture::AccountA,
        op(m_a, u"thread.assign"_s, {{u"field"_s, u"assignee"_s}, {u"value"_s, u"Ana"_s}}), 1));
    QVERIFY(m_b.writer().recordLocal(
        ThreadFixture::AccountA,
        op(m_b, u"thread.assign"_s, {{u"field"_s, u"assignee"_s}, {u"value"_s, u"Sam"_s}}), 1));
    QCOMPARE(m_a.threadField(u"assignee"_s), u"Ana"_s);
    QCOMPARE(m_b.threadField(u"assignee"_s), u"Sam"_s);

    // B's append lands first, A's second: the later one wins everywhere.
    share(m_b);
    // A reads B's change while its own still waits: its newer choice is not undone.
    const auto early = pull(m_a);
    QCOMPARE(early.skipped, 1);
    QCOMPARE(m_a.threadField(u"assignee"_s), u"Ana"_s);
    share(m_a);
    pull(m_a);
    pull(m_b);
    QCOMPARE(m_a.threadField(u"assignee"_s), u"Ana"_s);
    QCOMPARE(m_b.threadField(u"assignee"_s), u"Ana"_s);
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(ThreadFixture::AccountA), 0);
    QCOMPARE(TeamOutboxRows(m_b.fx->db()).count(ThreadFixture::AccountA), 0);
}

void TstTeamLogWriter::itemsReadTwiceApplyOnce()
{
    QVERIFY(m_a.writer().recordLocal(ThreadFixture::AccountA,
                                     op(m_a, u"note.add"_s, {{u"body"_s, u"called back"_s}}), 1));
    share(m_a);
    QCOMPARE(pull(m_b).applied, 1);
    // A retried page hands the same items again: nothing changes.
    const auto again = pull(m_b);
    QCOMPARE(again.applied + again.ours + again.skipped, 0);
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(), u"SELECT count(*) FROM thread_notes"_s).toInt(),
             1);
    QCOMPARE(StoreTestUtil::scalar(m_a.fx->db(), u"SELECT count(*) FROM thread_notes"_s).toInt(),
             1);
}

void TstTeamLogWriter::consentFromTheLogIsRecordedOnce()
{
    const TeamOp optOut = op(m_a, u"consent.opt_out"_s,
                             {{u"customer"_s, Customer},
                              {u"source"_s, u"agent"_s},
                              {u"detail"_s, u"asked on the phone"_s}});
    QVERIFY(m_a.writer().recordLocal(ThreadFixture::AccountA, optOut, 1));
    share(m_a);
    pull(m_a);
    pull(m_b);
    // The same op again at a later index (a desktop that appended twice after a lost answer).
    m_log.append({m_log.size(), optOut.toJson()});
    pull(m_b);
    for (Desk *desk : {&m_a, &m_b})
        QCOMPARE(StoreTestUtil::scalar(desk->fx->db(),
                                       u"SELECT count(*) FROM consent_events WHERE kind = "
                                       u"'opt_out' AND contact_number = ?"_s,
                                       {Customer})
                     .toInt(),
                 1);
}

void TstTeamLogWriter::unknownAndBrokenItemsAreSkipped()
{
    m_log.append({0, QJsonObject{{u"kind"_s, u"thread.resolve"_s}}}); // no id
    m_log.append({1, op(m_a, u"template.approve"_s, {}).toJson()});   // a newer desktop's kind
    m_log.append(
        {2, op(m_a, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, true}}).toJson()});
    const auto applied = pull(m_b);
    QCOMPARE(applied.unreadable, 1);
    QCOMPARE(applied.skipped, 1);
    QCOMPARE(applied.applied, 1);
    QCOMPARE(applied.lastIndex, 2);
    QCOMPARE(m_b.threadField(u"flagged"_s), u"1"_s);
}

void TstTeamLogWriter::stateArrivesBeforeTheMessages()
{
    const QString stranger = u"+14155553000"_s;
    TeamOp resolve =
        op(m_a, u"thread.assign"_s, {{u"field"_s, u"assignee"_s}, {u"value"_s, u"Ana"_s}});
    resolve.target = TeamOp::threadTarget(stranger, ThreadFixture::Support);
    m_log.append({0, resolve.toJson()});
    QCOMPARE(pull(m_b).applied, 1);
    // The thread's messages sync later: the thread keeps the team's state.
    QVERIFY(
        m_b.fx->upsert(ThreadFixture::AccountA,
                       {ThreadFixture::message(stranger, ThreadFixture::Support, u"hi"_s, At)}));
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(),
                                   u"SELECT assignee FROM threads WHERE customer_number = ?"_s,
                                   {stranger})
                 .toString(),
             u"Ana"_s);
    QCOMPARE(StoreTestUtil::scalar(m_b.fx->db(),
                                   u"SELECT count(*) FROM threads WHERE customer_number = ?"_s,
                                   {stranger})
                 .toInt(),
             1);
}

void TstTeamLogWriter::withoutATeamNothingIsQueued()
{
    ThreadFixture solo;
    QVERIFY(solo.open());
    QVERIFY(solo.upsert(ThreadFixture::AccountA,
                        {ThreadFixture::message(Customer, ThreadFixture::Support, u"hi"_s, At)}));
    TeamLogWriter writer(solo.db());
    QVERIFY(writer.recordLocal(
        ThreadFixture::AccountA,
        op(m_a, u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, true}}), 1));
    QCOMPARE(TeamOutboxRows(solo.db()).count(ThreadFixture::AccountA), 0);
    QCOMPARE(StoreTestUtil::scalar(solo.db(), u"SELECT flagged FROM threads"_s).toInt(), 1);
}

void TstTeamLogWriter::oversizedOpIsRefused()
{
    const TeamOp big = op(m_a, u"note.add"_s, {{u"body"_s, QString(20000, u'x')}});
    QVERIFY(!m_a.writer().recordLocal(ThreadFixture::AccountA, big, 1));
    QCOMPARE(StoreTestUtil::scalar(m_a.fx->db(), u"SELECT count(*) FROM thread_notes"_s).toInt(),
             0);
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(ThreadFixture::AccountA), 0);
}

void TstTeamLogWriter::rosterIsOfferedForAssigning()
{
    TeamOp join = op(m_a, u"agent.join"_s, {{u"name"_s, u"Priya"_s}, {u"role"_s, u"marketer"_s}});
    join.target = u"agent-priya"_s;
    QVERIFY(m_a.writer().recordLocal(ThreadFixture::AccountA, join, 1));
    share(m_a);
    pull(m_b);
    // A teammate who never had a thread is offered on the other desktop too.
    QVERIFY(ThreadQuery(m_b.fx->db()).knownAssignees(ThreadFixture::AccountA).contains(u"Priya"_s));
    QVERIFY(
        !ThreadQuery(m_b.fx->db()).knownAssignees(ThreadFixture::AccountB).contains(u"Priya"_s));
    // The roster's size sets the poll cadence: one more member, one more desktop polling.
    QCOMPARE(TeamStateRows(m_b.fx->db()).rosterSize(ThreadFixture::AccountA), 1);
    TeamOp omar = op(m_b, u"agent.join"_s, {{u"name"_s, u"Omar"_s}, {u"role"_s, u"agent"_s}});
    omar.target = u"agent-omar"_s;
    QVERIFY(m_b.writer().recordLocal(ThreadFixture::AccountA, omar, 1));
    QCOMPARE(TeamStateRows(m_b.fx->db()).rosterSize(ThreadFixture::AccountA), 2);
}

QTEST_GUILESS_MAIN(TstTeamLogWriter)
#include "tst_teamlogwriter.moc"
