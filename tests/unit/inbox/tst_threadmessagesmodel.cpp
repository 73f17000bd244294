#include "ThreadFixture.h"
#include "ThreadMessageQuery.h"
#include "ThreadMessagesModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

namespace {

const QString Ana = u"+14155552001"_s;
const QString Ben = u"+14155552002"_s;

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC).addSecs(qint64(minute) * 60);
}

} // namespace

class TstThreadMessagesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensOnLatestPage();
    void fetchMorePrependsOlderPages();
    void equalTimesOrderById();
    void addedMessageAppendsInPlace();
    void statusUpdateChangesRowInPlace();
    void otherThreadsAndAccountsIgnored();
    void loadUntilReadsOlderPagesToTheMessage();
    void roles();
    void pageReadsThreadIndex_data();
    void pageReadsThreadIndex();

private:
    // count messages alternating in/out with Ana on Support, one a minute from minute 0.
    qint64 seed(int count)
    {
        QList<MessageRecord> page;
        for (int i = 0; i < count; ++i)
            page.append(ThreadFixture::message(Ana, ThreadFixture::Support,
                                               u"message "_s + QString::number(i), at(i),
                                               i % 2 == 0));
        if (!m_fx->upsert(ThreadFixture::AccountA, page))
            return 0;
        return m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Support);
    }
    void makeModel(qint64 thread)
    {
        m_model = std::make_unique<M>(m_fx->db());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setThread(ThreadFixture::AccountA, thread);
    }
    QList<qint64> ids() const
    {
        QList<qint64> result;
        for (int i = 0; i < m_model->rowCount(); ++i)
            result.append(m_model->messageIdAt(i));
        return result;
    }
    // The thread's message ids in timeline order, straight from the table.
    QList<qint64> expectedIds(qint64 thread) const
    {
        QList<qint64> result;
        QSqlQuery q = m_fx->exec(
            u"SELECT id FROM messages WHERE thread_id = ? ORDER BY created_at, id"_s, {thread});
        while (q.next())
            result.append(q.value(0).toLongLong());
        return result;
    }

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<M> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstThreadMessagesModel::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
}

void TstThreadMessagesModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fx.reset();
}

void TstThreadMessagesModel::opensOnLatestPage()
{
    const qint64 thread = seed(250);
    QVERIFY(thread > 0);
    m_model = std::make_unique<M>(m_fx->db()); // no tester: it would fetch more itself
    m_model->setThread(ThreadFixture::AccountA, thread);
    QCOMPARE(m_model->rowCount(), M::PageSize);
    QVERIFY(m_model->canFetchMore({}));
    const QList<qint64> all = expectedIds(thread);
    QCOMPARE(ids(), all.mid(all.size() - M::PageSize));
    // Newest at the bottom.
    QCOMPARE(m_model->index(M::PageSize - 1).data(M::BodyRole).toString(), u"message 249"_s);
}

void TstThreadMessagesModel::fetchMorePrependsOlderPages()
{
    const qint64 thread = seed(250);
    m_model = std::make_unique<M>(m_fx->db());
    m_model->setThread(ThreadFixture::AccountA, thread);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 2);
    for (const auto &args : inserted)
        QCOMPARE(args.at(1).toInt(), 0); // older history goes in at the top
    QCOMPARE(inserted.at(0).at(2).toInt(), M::PageSize - 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 250 - 2 * M::PageSize - 1);
    QCOMPARE(ids(), expectedIds(thread));
    QVERIFY(!m_model->canFetchMore({}));
}

void TstThreadMessagesModel::equalTimesOrderById()
{
    // Keyset paging on (created_at, id): a page boundary inside messages of one millisecond
    // neither skips nor repeats any.
    QList<MessageRecord> page;
    for (int i = 0; i < 2 * M::PageSize + 7; ++i)
        page.append(ThreadFixture::message(Ana, ThreadFixture::Support, u"same"_s, at(i / 50)));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    const qint64 thread = m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Support);
    makeModel(thread);
    while (m_model->canFetchMore({}))
        m_model->fetchMore({});
    QCOMPARE(ids(), expectedIds(thread));
}

void TstThreadMessagesModel::addedMessageAppendsInPlace()
{
    const qint64 thread = seed(5);
    makeModel(thread);
    connect(&m_fx->feed(), &ChangeFeed::changed, m_model.get(), &M::applyChanges);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);

    OutgoingMessage out;
    out.threadId = thread;
    out.body = u"On our way!"_s;
    out.clientRef = u"ref-1"_s;
    out.author = u"alice"_s;
    qint64 id = 0;
    QVERIFY(m_fx->store().insertOutgoing(out, &id));
    m_fx->publishChanges(); // the commit reaches the model through the feed, no announce
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 5);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->messageIdAt(5), id);
    QCOMPARE(m_model->index(5).data(M::StatusRole).toString(), u"queued"_s);
    QCOMPARE(m_model->index(5).data(M::AuthorRole).toString(), u"alice"_s);
    QCOMPARE(ids(), expectedIds(thread));

    // Announcing it again changes nothing.
    m_model->messagesAdded({id});
    QCOMPARE(m_model->rowCount(), 6);
}

void TstThreadMessagesModel::statusUpdateChangesRowInPlace()
{
    const qint64 thread = seed(5);
    makeModel(thread);
    const qint64 id = m_model->messageIdAt(3);
    QCOMPARE(m_model->index(3).data(M::StatusRole).toString(), u"delivered"_s);
    QVERIFY(m_fx->exec(u"UPDATE messages SET status = 'failed', error_code = 30006, "
                       u"error_message = 'Landline or unreachable carrier' WHERE id = ?"_s,
                       {id})
                .isActive());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->messagesUpdated({id});
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    const auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(roles.contains(M::StatusRole));
    QVERIFY(roles.contains(M::ErrorCodeRole));
    QVERIFY(roles.contains(M::ErrorMessageRole));
    QVERIFY(!roles.contains(M::BodyRole));
    QCOMPARE(m_model->index(3).data(M::StatusRole).toString(), u"failed"_s);
    QCOMPARE(m_model->index(3).data(M::ErrorCodeRole).toInt(), 30006);
    QCOMPARE(m_model->index(3).data(M::ErrorMessageRole).toString(),
             u"Landline or unreachable carrier"_s);

    // A row that left the thread (merged into another one) is removed.
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_fx->exec(u"DELETE FROM messages WHERE id = ?"_s, {id}).isActive());
    m_model->messagesUpdated({id});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(ids(), expectedIds(thread));
}

void TstThreadMessagesModel::otherThreadsAndAccountsIgnored()
{
    const qint64 thread = seed(3);
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                         {ThreadFixture::message(Ben, ThreadFixture::Support, u"Ben"_s, at(9)),
                          ThreadFixture::message(Ana, ThreadFixture::Sales, u"Sales"_s, at(9))}));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountB,
                         {ThreadFixture::message(Ana, ThreadFixture::Bakery, u"B"_s, at(9))}));
    makeModel(thread);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QList<qint64> otherIds;
    QSqlQuery q = m_fx->exec(u"SELECT id FROM messages WHERE thread_id <> ?"_s, {thread});
    while (q.next())
        otherIds.append(q.value(0).toLongLong());
    QCOMPARE(otherIds.size(), 3);
    m_model->messagesAdded(otherIds);
    m_model->messagesUpdated(otherIds);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(ids(), expectedIds(thread));

    // The thread of account A asked for under account B shows nothing.
    m_model->setThread(ThreadFixture::AccountB, thread);
    QCOMPARE(m_model->rowCount(), 0);
}

void TstThreadMessagesModel::loadUntilReadsOlderPagesToTheMessage()
{
    const qint64 thread = seed(250);
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                         {ThreadFixture::message(Ben, ThreadFixture::Support, u"Ben"_s, at(9))}));
    m_model = std::make_unique<M>(m_fx->db());
    m_model->setThread(ThreadFixture::AccountA, thread);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    // No tester here: it fetches every page itself, and the pages read are what is checked.
    const QList<qint64> all = expectedIds(thread);
    // Another thread's message: -1, and not a page read looking for it.
    const qint64 bens =
        StoreTestUtil::scalar(m_fx->db(), u"SELECT id FROM messages WHERE body = 'Ben'"_s)
            .toLongLong();
    QCOMPARE(m_model->loadUntil(bens), -1);
    QCOMPARE(inserted.size(), 0);
    // Message 120 is on the second page: one older page is read, not the whole history.
    const qint64 target = all.at(120);
    const int row = m_model->loadUntil(target);
    QVERIFY(row >= 0);
    QCOMPARE(m_model->messageIdAt(row), target);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(m_model->canFetchMore({}));
    // Already loaded: no read at all.
    QCOMPARE(m_model->loadUntil(target), row);
    QCOMPARE(inserted.size(), 1);
    // The first message of the thread: the rest of the history.
    QCOMPARE(m_model->messageIdAt(m_model->loadUntil(all.first())), all.first());
    QCOMPARE(ids(), all);
}

void TstThreadMessagesModel::roles()
{
    const qint64 thread = seed(2);
    QVERIFY(m_fx->exec(u"INSERT INTO templates (id, account_id, name) VALUES (1, 1, 'Promo')"_s)
                .isActive());
    QVERIFY(m_fx->exec(u"INSERT INTO template_versions (id, template_id, version, body, author) "
                       u"VALUES (1, 1, 1, 'Sale!', 'alice')"_s)
                .isActive());
    QVERIFY(m_fx->exec(u"INSERT INTO campaigns (id, account_id, name, sender_number_id, "
                       u"template_version_id, created_by) VALUES (7, 1, 'Spring sale', 1, 1, "
                       u"'alice')"_s)
                .isActive());
    QVERIFY(m_fx->exec(u"UPDATE messages SET campaign_id = 7, segments = 3 WHERE thread_id = ? "
                       u"AND direction = 'out'"_s,
                       {thread})
                .isActive());
    makeModel(thread);
    QCOMPARE(m_model->rowCount(), 2);
    const QModelIndex in = m_model->index(0);
    const QModelIndex out = m_model->index(1);
    QCOMPARE(in.data(M::DirectionRole).toString(), u"in"_s);
    QCOMPARE(in.data(M::OutboundRole).toBool(), false);
    QCOMPARE(in.data(M::CampaignIdRole).toLongLong(), 0);
    QCOMPARE(out.data(M::OutboundRole).toBool(), true);
    QCOMPARE(out.data(M::CampaignIdRole).toLongLong(), 7);
    QCOMPARE(out.data(M::CampaignNameRole).toString(), u"Spring sale"_s);
    QCOMPARE(out.data(M::SegmentsRole).toInt(), 3);
    QCOMPARE(out.data(M::CreatedAtRole).toDateTime(), at(1));
    QCOMPARE(out.data(M::DayRole).toDate(), at(1).toLocalTime().date());
    QCOMPARE(out.data(Qt::DisplayRole).toString(), u"message 1"_s);
    QVERIFY(m_model->roleNames().value(M::DayRole) == "day");
}

void TstThreadMessagesModel::pageReadsThreadIndex_data()
{
    QTest::addColumn<bool>("withCursor");
    QTest::newRow("latest") << false;
    QTest::newRow("older") << true;
}

void TstThreadMessagesModel::pageReadsThreadIndex()
{
    QFETCH(bool, withCursor);
    QSqlQuery q(m_fx->db());
    QVERIFY(q.prepare(u"EXPLAIN QUERY PLAN "_s + ThreadMessageQuery::pageSql(withCursor)));
    q.bindValue(u":thread"_s, 1);
    q.bindValue(u":account"_s, 1);
    if (withCursor) {
        q.bindValue(u":at"_s, 0);
        q.bindValue(u":id"_s, 0);
    }
    q.bindValue(u":limit"_s, 100);
    QVERIFY(q.exec());
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    const QString joined = plan.join(u" | "_s);
    QVERIFY2(joined.contains(u"messages_by_thread"_s), qPrintable(joined));
    QVERIFY2(!joined.contains(u"TEMP B-TREE"_s), qPrintable(joined));
}

QTEST_GUILESS_MAIN(TstThreadMessagesModel)
#include "tst_threadmessagesmodel.moc"
