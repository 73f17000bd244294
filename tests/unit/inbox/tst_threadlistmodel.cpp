#include "ThreadFixture.h"
#include "ThreadListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
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
    return u"+1415555"_s + QString::number(2000 + i);
}

} // namespace

class TstThreadListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesWithFetchMore();
    void keysetPageAfterNewMessage();
    void filters_data();
    void filters();
    void newMessageMovesRowToTop();
    void resolvedLeavesUnresolved();
    void reopenedReturnsInPlace();
    void twoOfOurNumbersTwoRows();
    void accountIsolation();
    void rolesAndNames();
    void pageReadsInIndexOrder_data();
    void pageReadsInIndexOrder();

private:
    ThreadListModel *makeModel(qint64 account, Filter filter = Filter::Unresolved)
    {
        m_model = std::make_unique<ThreadListModel>(m_fx->db(), Me);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setFilter(filter);
        m_model->setAccount(account);
        return m_model.get();
    }
    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (int i = 0; i < m_model->rowCount(); ++i)
            result.append(m_model->threadIdAt(i));
        return result;
    }
    // Every thread of account, newest first, straight from the threads table.
    QList<qint64> expectedIds(qint64 account, const QString &where) const
    {
        QList<qint64> result;
        // where is one of this test's literals, never data.
        QSqlQuery q = m_fx->exec(u"SELECT id FROM threads WHERE account_id = ? AND "_s + where +
                                     u" ORDER BY last_message_at DESC, id DESC"_s,
                                 {account});
        while (q.next())
            result.append(q.value(0).toLongLong());
        return result;
    }
    void fetchAll()
    {
        while (m_model->canFetchMore({}))
            m_model->fetchMore({});
    }
    // A mixed set of 12 threads in account A and 3 in account B.
    void seedMixed();

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<ThreadListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstThreadListModel::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
}

void TstThreadListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fx.reset();
}

void TstThreadListModel::seedMixed()
{
    QList<MessageRecord> page;
    for (int i = 0; i < 12; ++i)
        page.append(ThreadFixture::message(customer(i), ThreadFixture::Support,
                                           u"hello "_s + QString::number(i), at(i)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    QList<MessageRecord> other;
    for (int i = 0; i < 3; ++i)
        other.append(ThreadFixture::message(customer(i), ThreadFixture::Bakery, u"B"_s, at(i)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountB, other));
    // Spread the states over the threads of A (i = 0 is the oldest).
    for (int i = 0; i < 12; ++i) {
        const qint64 id =
            m_fx->threadId(ThreadFixture::AccountA, customer(i), ThreadFixture::Support);
        const QString status = i % 4 == 0 ? u"resolved"_s : u"open"_s;
        const QString assignee = i % 3 == 0 ? Me : (i % 3 == 1 ? u"bob"_s : QString());
        QVERIFY(m_fx->setThread(id, status, i % 5 == 0, assignee));
    }
    // Account B's threads are all open, assigned to me and flagged: they would show up
    // everywhere if the account were not applied.
    QVERIFY(m_fx->exec(u"UPDATE threads SET assignee = ?, flagged = 1 WHERE account_id = 2"_s, {Me})
                .isActive());
}

void TstThreadListModel::pagesWithFetchMore()
{
    QList<MessageRecord> page;
    for (int i = 0; i < 250; ++i)
        page.append(ThreadFixture::message(customer(i), ThreadFixture::Support, u"m"_s, at(i)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));

    makeModel(0, Filter::All);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canFetchMore({}));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->setAccount(ThreadFixture::AccountA);
    QCOMPARE(resets.size(), 1);
    fetchAll();
    // The first page comes with the reset; the rest in pages appended at the end. (The model
    // tester also asks for more rows, so who asked for which page is not checked here.)
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), ThreadListModel::PageSize);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2 * ThreadListModel::PageSize - 1);
    QCOMPARE(inserted.at(1).at(1).toInt(), 2 * ThreadListModel::PageSize);
    QCOMPARE(inserted.at(1).at(2).toInt(), 249);
    QCOMPARE(m_model->rowCount(), 250);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(ids(), expectedIds(ThreadFixture::AccountA, u"1"_s));
    QCOMPARE(m_model->count(Filter::All), 250);
}

void TstThreadListModel::keysetPageAfterNewMessage()
{
    // A page read after the list grew at the top continues where the previous one ended.
    QList<MessageRecord> page;
    for (int i = 0; i < 5; ++i)
        page.append(ThreadFixture::message(customer(i), ThreadFixture::Support, u"m"_s, at(i)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    ThreadQuery query(m_fx->db());
    const QList<ThreadRow> first =
        query.page(ThreadFixture::AccountA, Filter::All, Me, std::nullopt, 2);
    QCOMPARE(first.size(), 2);
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(customer(9), ThreadFixture::Support, u"new"_s, at(50))}));
    const QList<ThreadRow> second =
        query.page(ThreadFixture::AccountA, Filter::All, Me,
                   ThreadQuery::Cursor{first.last().lastMessageAt, first.last().id}, 10);
    QList<qint64> seen;
    for (const ThreadRow &r : first + second)
        seen.append(r.id);
    QList<qint64> expected = expectedIds(ThreadFixture::AccountA, u"1"_s);
    expected.removeFirst(); // the new thread sorts above the first page
    QCOMPARE(seen, expected);
}

void TstThreadListModel::filters_data()
{
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<QString>("where");
    QTest::newRow("unresolved") << Filter::Unresolved << u"status = 'open'"_s;
    QTest::newRow("mine") << Filter::Mine << u"status = 'open' AND assignee = 'alice'"_s;
    QTest::newRow("unassigned") << Filter::Unassigned << u"status = 'open' AND assignee = ''"_s;
    QTest::newRow("flagged") << Filter::Flagged << u"flagged = 1"_s;
    QTest::newRow("all") << Filter::All << u"1"_s;
    QTest::newRow("resolved") << Filter::Resolved << u"status = 'resolved'"_s;
}

void TstThreadListModel::filters()
{
    QFETCH(Filter, filter);
    QFETCH(QString, where);
    seedMixed();
    makeModel(ThreadFixture::AccountA, filter);
    fetchAll();
    const QList<qint64> expected = expectedIds(ThreadFixture::AccountA, where);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(ids(), expected);
    QCOMPARE(m_model->count(filter), int(expected.size()));
}

void TstThreadListModel::newMessageMovesRowToTop()
{
    seedMixed();
    makeModel(ThreadFixture::AccountA, Filter::All);
    const int oldRow = m_model->rowCount() - 1; // the oldest thread
    const qint64 id = m_model->threadIdAt(oldRow);
    const QPersistentModelIndex kept = m_model->index(oldRow);
    const QPersistentModelIndex other = m_model->index(0);
    QItemSelectionModel selection(m_model.get());
    selection.setCurrentIndex(m_model->index(oldRow), QItemSelectionModel::ClearAndSelect);
    const qint64 otherId = m_model->threadIdAt(0);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy moves(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy changes(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(customer(0), ThreadFixture::Support, u"new one"_s, at(100))}));
    QCOMPARE(m_fx->threadId(ThreadFixture::AccountA, customer(0), ThreadFixture::Support), id);
    m_model->threadsChanged({id});

    QCOMPARE(resets.size(), 0);
    QCOMPARE(moves.size(), 1);
    QCOMPARE(m_model->threadIdAt(0), id);
    QCOMPARE(kept.row(), 0);
    QCOMPARE(kept.data(ThreadListModel::ThreadIdRole).toLongLong(), id);
    QCOMPARE(other.data(ThreadListModel::ThreadIdRole).toLongLong(), otherId);
    // A view's selection and current row follow the moved thread.
    QCOMPARE(selection.currentIndex().data(ThreadListModel::ThreadIdRole).toLongLong(), id);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().row(), 0);
    QCOMPARE(m_model->index(0).data(ThreadListModel::PreviewRole).toString(), u"new one"_s);
    QCOMPARE(changes.size(), 1);
    const auto roles = changes.first().at(2).value<QList<int>>();
    QVERIFY(roles.contains(ThreadListModel::PreviewRole));
    QVERIFY(roles.contains(ThreadListModel::LastAtRole));
    QCOMPARE(ids(), expectedIds(ThreadFixture::AccountA, u"1"_s));
}

void TstThreadListModel::resolvedLeavesUnresolved()
{
    seedMixed();
    makeModel(ThreadFixture::AccountA, Filter::Unresolved);
    const int before = m_model->rowCount();
    const int countBefore = m_model->count(Filter::Unresolved);
    const qint64 id = m_model->threadIdAt(1);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy countsChanged(m_model.get(), &ThreadListModel::countsChanged);
    QVERIFY(m_fx->exec(u"UPDATE threads SET status = 'resolved' WHERE id = ?"_s, {id}).isActive());
    m_model->threadsChanged({id});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowCount(), before - 1);
    QCOMPARE(m_model->rowOf(id), -1);
    QCOMPARE(m_model->count(Filter::Unresolved), countBefore - 1);
    QCOMPARE(countsChanged.size(), 1);
    QCOMPARE(ids(), expectedIds(ThreadFixture::AccountA, u"status = 'open'"_s));
}

void TstThreadListModel::reopenedReturnsInPlace()
{
    seedMixed();
    makeModel(ThreadFixture::AccountA, Filter::Unresolved);
    const QList<qint64> resolved = expectedIds(ThreadFixture::AccountA, u"status = 'resolved'"_s);
    QVERIFY(resolved.size() > 1);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(m_fx->exec(u"UPDATE threads SET status = 'open' WHERE id = ?"_s, {resolved.at(1)})
                .isActive());
    m_model->threadsChanged({resolved.at(1)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(ids(), expectedIds(ThreadFixture::AccountA, u"status = 'open'"_s));
}

void TstThreadListModel::twoOfOurNumbersTwoRows()
{
    const QString c = customer(7);
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                         {ThreadFixture::message(c, ThreadFixture::Support, u"to support"_s, at(1)),
                          ThreadFixture::message(c, ThreadFixture::Sales, u"to sales"_s, at(2))}));
    makeModel(ThreadFixture::AccountA);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->index(0).data(ThreadListModel::SenderNumberRole).toString(),
             ThreadFixture::Sales);
    QCOMPARE(m_model->index(0).data(ThreadListModel::SenderLabelRole).toString(), u"Sales"_s);
    QCOMPARE(m_model->index(1).data(ThreadListModel::SenderNumberRole).toString(),
             ThreadFixture::Support);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(m_model->index(row).data(ThreadListModel::CustomerNumberRole).toString(), c);
}

void TstThreadListModel::accountIsolation()
{
    seedMixed();
    for (const qint64 account : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
        for (int f = 0; f < ThreadQuery::FilterCount; ++f) {
            makeModel(account, Filter(f));
            fetchAll();
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const qint64 id = m_model->threadIdAt(row);
                QCOMPARE(StoreTestUtil::scalar(
                             m_fx->db(), u"SELECT account_id FROM threads WHERE id = ?"_s, {id})
                             .toLongLong(),
                         account);
            }
        }
    }
    makeModel(ThreadFixture::AccountA);
    // B's threads are assigned to me and flagged; A's counts must not see them.
    QCOMPARE(m_model->count(Filter::All), 12);
    QCOMPARE(m_model->count(Filter::Mine),
             int(expectedIds(ThreadFixture::AccountA, u"status = 'open' AND assignee = 'alice'"_s)
                     .size()));
    QCOMPARE(m_model->count(Filter::Flagged),
             int(expectedIds(ThreadFixture::AccountA, u"flagged = 1"_s).size()));
    // A change notice for B's thread leaves A's list alone.
    const qint64 bThread =
        m_fx->threadId(ThreadFixture::AccountB, customer(0), ThreadFixture::Bakery);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->threadsChanged({bThread});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_model->rowOf(bThread), -1);
}

void TstThreadListModel::rolesAndNames()
{
    const QString c = customer(1);
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                         {ThreadFixture::message(c, ThreadFixture::Support, u"hi"_s, at(5))}));
    QVERIFY(m_fx->setContact(ThreadFixture::AccountA, c, u"Dana Reyes"_s, u"no"_s));
    makeModel(ThreadFixture::AccountA);
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex idx = m_model->index(0);
    QCOMPARE(idx.data(Qt::DisplayRole).toString(), u"Dana Reyes"_s);
    QCOMPARE(idx.data(ThreadListModel::TextEnabledRole).toString(), u"no"_s);
    QCOMPARE(idx.data(ThreadListModel::UnreadRole).toInt(), 1);
    QCOMPARE(idx.data(ThreadListModel::LastAtRole).toDateTime(), at(5));
    QCOMPARE(idx.data(ThreadListModel::StatusRole).toString(), u"open"_s);
    const auto names = m_model->roleNames();
    QCOMPARE(names.value(ThreadListModel::ThreadIdRole), QByteArray("threadId"));
    QVERIFY(int(ThreadListModel::ThreadIdRole) > int(Qt::UserRole));
    // Every role has a distinct name.
    QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size());
}

void TstThreadListModel::pageReadsInIndexOrder_data()
{
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<bool>("withCursor");
    for (int f = 0; f < ThreadQuery::FilterCount; ++f) {
        for (const bool cursor : {false, true})
            QTest::addRow("filter %d cursor %d", f, int(cursor)) << Filter(f) << cursor;
    }
}

void TstThreadListModel::pageReadsInIndexOrder()
{
    // Pages come off a threads index in list order: no sort of the whole account per page.
    QFETCH(Filter, filter);
    QFETCH(bool, withCursor);
    QSqlQuery q(m_fx->db());
    QVERIFY(q.prepare(u"EXPLAIN QUERY PLAN "_s + ThreadQuery::pageSql(filter, withCursor)));
    q.bindValue(u":account"_s, 1);
    q.bindValue(u":me"_s, Me);
    q.bindValue(u":at"_s, 0);
    q.bindValue(u":id"_s, 0);
    q.bindValue(u":limit"_s, 100);
    QVERIFY(q.exec());
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    const QString text = plan.join(u'\n');
    QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
    QVERIFY2(text.contains(u"SEARCH t USING INDEX threads_by_"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TstThreadListModel)
#include "tst_threadlistmodel.moc"
