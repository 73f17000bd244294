#include "ThreadActions.h"
#include "ThreadFixture.h"
#include "ThreadListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Filter = ThreadListModel::Filter;

namespace {

const QString Me = u"alice"_s;

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC).addSecs(qint64(minute) * 60);
}

QString customer(int i)
{
    return u"+1415555"_s + QString::number(3000 + i);
}

} // namespace

class TstThreadActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void actionsWriteAuditRows_data();
    void actionsWriteAuditRows();
    void noChangeWritesNothing();
    void otherAccountsThreadIsRefused();
    void resolveLeavesUnresolvedAndCounts();
    void snoozeLeavesAndReturnsToUnresolved();
    void countsMatchRowsWhileSnoozed();
    void markReadClearsUnreadWithoutAudit();

private:
    ThreadListModel *makeModel(Filter filter)
    {
        m_model = std::make_unique<ThreadListModel>(m_fx->db(), Me);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setClock([this] { return m_now; });
        m_model->setFilter(filter);
        m_model->setAccount(ThreadFixture::AccountA);
        return m_model.get();
    }
    qint64 thread(int i) const
    {
        return m_fx->threadId(ThreadFixture::AccountA, customer(i), ThreadFixture::Support);
    }
    int auditRows() const
    {
        return StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM audit_log"_s).toInt();
    }
    void fetchAll()
    {
        while (m_model->canFetchMore({}))
            m_model->fetchMore({});
    }

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<ThreadListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_now = at(100).toMSecsSinceEpoch();
};

void TstThreadActions::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    QList<MessageRecord> page;
    for (int i = 0; i < 6; ++i)
        page.append(ThreadFixture::message(customer(i), ThreadFixture::Support,
                                           u"hello "_s + QString::number(i), at(i)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountB,
        {ThreadFixture::message(customer(0), ThreadFixture::Bakery, u"other account"_s, at(1))}));
    QVERIFY(m_fx->setThread(thread(1), u"open"_s, false, Me));
    QVERIFY(m_fx->setThread(thread(2), u"resolved"_s, true, u"bob"_s));
    m_now = at(100).toMSecsSinceEpoch();
}

void TstThreadActions::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fx.reset();
}

void TstThreadActions::actionsWriteAuditRows_data()
{
    QTest::addColumn<int>("thread");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("resolve") << 0 << ThreadActions::ResolveAction << u"status"_s << u"resolved"_s;
    QTest::newRow("reopen") << 2 << ThreadActions::ReopenAction << u"status"_s << u"open"_s;
    QTest::newRow("flag") << 0 << ThreadActions::FlagAction << u"flagged"_s << u"1"_s;
    QTest::newRow("unflag") << 2 << ThreadActions::UnflagAction << u"flagged"_s << u"0"_s;
    QTest::newRow("assign") << 0 << ThreadActions::AssignAction << u"assignee"_s << u"bob"_s;
    QTest::newRow("unassign") << 1 << ThreadActions::AssignAction << u"assignee"_s << u""_s;
    QTest::newRow("snooze") << 0 << ThreadActions::SnoozeAction << u"snoozed_until"_s
                            << QString::number(at(200).toMSecsSinceEpoch());
}

void TstThreadActions::actionsWriteAuditRows()
{
    QFETCH(int, thread);
    QFETCH(QString, action);
    QFETCH(QString, column);
    QFETCH(QString, expected);
    const qint64 id = this->thread(thread);
    ThreadActions actions(m_fx->db(), Me);
    std::optional<QList<qint64>> changed;
    if (action == ThreadActions::ResolveAction)
        changed = actions.resolve(ThreadFixture::AccountA, id);
    else if (action == ThreadActions::ReopenAction)
        changed = actions.reopen(ThreadFixture::AccountA, id);
    else if (action == ThreadActions::FlagAction || action == ThreadActions::UnflagAction)
        changed = actions.setFlagged(ThreadFixture::AccountA, id, expected == u"1");
    else if (action == ThreadActions::AssignAction)
        changed = actions.assign(ThreadFixture::AccountA, id, expected);
    else
        changed = actions.snoozeUntil(ThreadFixture::AccountA, id, expected.toLongLong());
    QVERIFY2(changed, qPrintable(actions.errorString()));
    QCOMPARE(*changed, QList<qint64>{id});

    // column is one of this test's literals, never data.
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(),
                                   u"SELECT "_s + column + u" FROM threads WHERE id = ?"_s, {id})
                 .toString(),
             expected);
    const QStringList audit =
        StoreTestUtil::rows(m_fx->db(), u"SELECT account_id, actor, action, subject_type, "
                                        u"subject_id FROM audit_log"_s);
    QCOMPARE(audit, QStringList{u"1|alice|"_s + action + u"|thread|"_s + QString::number(id)});
    if (action == ThreadActions::AssignAction) {
        const QJsonObject details =
            QJsonDocument::fromJson(
                StoreTestUtil::scalar(m_fx->db(), u"SELECT details FROM audit_log"_s).toByteArray())
                .object();
        QCOMPARE(details.value(u"assignee"_s).toString(), expected);
        QCOMPARE(details.value(u"previous"_s).toString(), thread == 1 ? Me : QString());
    }
}

void TstThreadActions::noChangeWritesNothing()
{
    ThreadActions actions(m_fx->db(), Me);
    // Thread 2 is already resolved and flagged; thread 1 is already mine.
    const QList<qint64> failed{-1};
    QCOMPARE(actions.resolve(ThreadFixture::AccountA, thread(2)).value_or(failed), QList<qint64>{});
    QCOMPARE(actions.setFlagged(ThreadFixture::AccountA, thread(2), true).value_or(failed),
             QList<qint64>{});
    QCOMPARE(actions.assign(ThreadFixture::AccountA, thread(1), u"  alice "_s).value_or(failed),
             QList<qint64>{});
    QCOMPARE(actions.snoozeUntil(ThreadFixture::AccountA, thread(0), std::nullopt).value_or(failed),
             QList<qint64>{});
    QCOMPARE(auditRows(), 0);
}

void TstThreadActions::otherAccountsThreadIsRefused()
{
    const qint64 bThread =
        m_fx->threadId(ThreadFixture::AccountB, customer(0), ThreadFixture::Bakery);
    QVERIFY(bThread > 0);
    ThreadActions actions(m_fx->db(), Me);
    QVERIFY(!actions.resolve(ThreadFixture::AccountA, bThread));
    QVERIFY2(actions.errorString().contains(u"not in account 1"_s),
             qPrintable(actions.errorString()));
    QCOMPARE(
        StoreTestUtil::scalar(m_fx->db(), u"SELECT status FROM threads WHERE id = ?"_s, {bThread})
            .toString(),
        u"open"_s);
    QCOMPARE(auditRows(), 0);

    ThreadActions nobody(m_fx->db(), u" "_s);
    QVERIFY(!nobody.resolve(ThreadFixture::AccountA, thread(0)));
    QVERIFY(!nobody.errorString().isEmpty());
}

void TstThreadActions::resolveLeavesUnresolvedAndCounts()
{
    makeModel(Filter::Unresolved);
    const int unresolved = m_model->count(Filter::Unresolved);
    const int resolved = m_model->count(Filter::Resolved);
    const qint64 id = thread(3);
    QVERIFY(m_model->rowOf(id) >= 0);
    ThreadActions actions(m_fx->db(), Me);
    const auto changed = actions.resolve(ThreadFixture::AccountA, id);
    QVERIFY(changed);
    m_model->threadsChanged(*changed);
    QCOMPARE(m_model->rowOf(id), -1);
    QCOMPARE(m_model->count(Filter::Unresolved), unresolved - 1);
    QCOMPARE(m_model->count(Filter::Resolved), resolved + 1);
    QCOMPARE(m_model->rowCount(), m_model->count(Filter::Unresolved));
}

void TstThreadActions::snoozeLeavesAndReturnsToUnresolved()
{
    makeModel(Filter::Unresolved);
    fetchAll();
    const int unresolved = m_model->count(Filter::Unresolved);
    const int snoozed = m_model->count(Filter::Snoozed);
    const qint64 id = thread(4);
    QVERIFY(m_model->rowOf(id) >= 0);

    const qint64 wake = m_now + 3600 * 1000;
    ThreadActions actions(m_fx->db(), Me);
    const auto changed = actions.snoozeUntil(ThreadFixture::AccountA, id, wake);
    QVERIFY(changed);
    m_model->threadsChanged(*changed);
    QCOMPARE(m_model->rowOf(id), -1);
    QCOMPARE(m_model->count(Filter::Unresolved), unresolved - 1);
    QCOMPARE(m_model->count(Filter::Snoozed), snoozed + 1);
    QCOMPARE(m_model->rowCount(), unresolved - 1);

    // A minute before the wake-up nothing changes; after it, the thread is back in place.
    m_now = wake - 60'000;
    m_model->wakeSnoozed();
    QCOMPARE(m_model->rowOf(id), -1);
    m_now = wake + 1;
    m_model->wakeSnoozed();
    QVERIFY(m_model->rowOf(id) >= 0);
    QCOMPARE(m_model->count(Filter::Unresolved), unresolved);
    QCOMPARE(m_model->count(Filter::Snoozed), snoozed);
    QCOMPARE(m_model->rowCount(), unresolved);
    // Rows stay newest first.
    for (int row = 1; row < m_model->rowCount(); ++row)
        QVERIFY(m_model->index(row - 1).data(ThreadListModel::LastAtRole).toDateTime() >=
                m_model->index(row).data(ThreadListModel::LastAtRole).toDateTime());
}

void TstThreadActions::countsMatchRowsWhileSnoozed()
{
    ThreadActions actions(m_fx->db(), Me);
    QVERIFY(actions.snoozeUntil(ThreadFixture::AccountA, thread(0), m_now + 60'000));
    QVERIFY(actions.snoozeUntil(ThreadFixture::AccountA, thread(1), m_now + 120'000)); // mine
    QVERIFY(actions.snoozeUntil(ThreadFixture::AccountA, thread(5), m_now - 1));       // passed
    for (int f = 0; f < ThreadQuery::FilterCount; ++f) {
        makeModel(Filter(f));
        fetchAll();
        QCOMPARE(m_model->rowCount(), m_model->count(Filter(f)));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const qint64 id = m_model->threadIdAt(row);
            const bool snoozedNow = id == thread(0) || id == thread(1);
            const bool awakeFilter = Filter(f) == Filter::Unresolved || Filter(f) == Filter::Mine ||
                                     Filter(f) == Filter::Unassigned;
            if (awakeFilter)
                QVERIFY2(!snoozedNow, qPrintable(QString::number(f)));
            if (Filter(f) == Filter::Snoozed)
                QVERIFY(snoozedNow);
            QCOMPARE(m_model->index(row).data(ThreadListModel::SnoozedUntilRole).isValid() &&
                         m_model->index(row)
                             .data(ThreadListModel::SnoozedUntilRole)
                             .toDateTime()
                             .isValid(),
                     snoozedNow);
        }
    }
    QCOMPARE(m_model->count(Filter::Snoozed), 2);
}

void TstThreadActions::markReadClearsUnreadWithoutAudit()
{
    const qint64 id = thread(1);
    const QString unread = u"SELECT unread_count FROM threads WHERE id = ?"_s;
    QVERIFY(StoreTestUtil::scalar(m_fx->db(), unread, {id}).toInt() > 0);
    const int auditBefore = auditRows();
    ThreadActions actions(m_fx->db(), Me);
    QCOMPARE(actions.markRead(ThreadFixture::AccountA, id), QList<qint64>{id});
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), unread, {id}).toInt(), 0);
    QCOMPARE(actions.markRead(ThreadFixture::AccountA, id), QList<qint64>{}); // already read
    QCOMPARE(actions.markRead(ThreadFixture::AccountB, thread(2)), QList<qint64>{});
    QCOMPARE(auditRows(), auditBefore);
}

QTEST_GUILESS_MAIN(TstThreadActions)
#include "tst_threadactions.moc"
