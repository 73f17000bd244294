// The one change feed: every committed write reaches the views through the writer's feed, with
// no announce call anywhere; rolled-back writes reach nothing; a burst arrives as one set.
#include "ChangeFeed.h"
#include "ConsentEvent.h"
#include "ManualConsent.h"
#include "StoreWriter.h"
#include "TextEnabledRows.h"
#include "ThreadActions.h"
#include "ThreadFixture.h"
#include "ThreadListModel.h"
#include "ThreadMessagesModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using Table = ChangeSet::Table;

namespace {
const QString Me = u"ana"_s;
const QDateTime Base = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QString customer(int i)
{
    return u"+1415555%1"_s.arg(2000 + i, 4, 10, QLatin1Char('0'));
}
} // namespace

class TstChangeFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyFollowedTableExists();
    void mergeKeepsTheKindOfChange();
    void committedWritesArePublished();
    void rolledBackWritesAreNot();
    void unchangedWritesPublishNothing();
    void burstArrivesAsOneChangeSet();
    void resolveMovesTheThreadList();
    void lookupVerdictUpdatesTheThreadRow();
    void outgoingMessageAppearsInTheConversation();
    void manualConsentIsPublished();

private:
    // Seeds `threads` threads of account A with one inbound message each, through the fixture.
    QList<qint64> seed(int threads);
    // Waits for the writer's next delivery and returns it.
    ChangeSet nextDelivery(QSignalSpy &spy);

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreWriter> m_writer;
};

void TstChangeFeed::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    m_writer = std::make_unique<StoreWriter>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_writer->open(), qPrintable(m_writer->errorString()));
}

void TstChangeFeed::cleanup()
{
    m_writer.reset();
    m_fx.reset();
}

QList<qint64> TstChangeFeed::seed(int threads)
{
    QList<MessageRecord> page;
    for (int i = 0; i < threads; ++i)
        page << ThreadFixture::message(customer(i), ThreadFixture::Support, u"hello %1"_s.arg(i),
                                       Base.addSecs(i));
    if (!m_fx->upsert(ThreadFixture::AccountA, page))
        return {};
    QList<qint64> ids;
    for (int i = 0; i < threads; ++i)
        ids << m_fx->threadId(ThreadFixture::AccountA, customer(i), ThreadFixture::Support);
    return ids;
}

ChangeSet TstChangeFeed::nextDelivery(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait())
        return {};
    return spy.takeFirst().first().value<ChangeSet>();
}

void TstChangeFeed::everyFollowedTableExists()
{
    // A renamed table would silently drop out of the feed: every name it follows must exist.
    QSqlQuery q(m_fx->db());
    QVERIFY(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s));
    QSet<int> found;
    while (q.next()) {
        ChangeSet::Table table;
        if (ChangeSet::tableFromName(q.value(0).toString().toUtf8().constData(), &table))
            found.insert(int(table));
    }
    QCOMPARE(found.size(), ChangeSet::TableCount);
}

void TstChangeFeed::mergeKeepsTheKindOfChange()
{
    ChangeSet first;
    first.add(Table::Messages, ChangeSet::Op::Inserted, 1);
    first.add(Table::Messages, ChangeSet::Op::Updated, 2);
    ChangeSet second;
    second.add(Table::Messages, ChangeSet::Op::Updated, 1); // inserted, then updated: added
    second.add(Table::Messages, ChangeSet::Op::Deleted, 2);
    second.add(Table::Threads, ChangeSet::Op::Updated, 7);
    first.merge(second);
    QCOMPARE(first.messagesAdded(), QSet<qint64>{1});
    QVERIFY(first.messagesUpdated().isEmpty());
    QCOMPARE(first.rows(Table::Messages, ChangeSet::Op::Deleted), QSet<qint64>{2});
    QCOMPARE(first.threads(), QSet<qint64>{7});
    QCOMPARE(first.size(), 3);
}

void TstChangeFeed::committedWritesArePublished()
{
    const QList<qint64> threads = seed(2);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    m_writer->post(
        [&threads](WriterContext &context) {
            QSqlQuery q(context.db());
            context.db().transaction();
            q.exec(u"UPDATE threads SET flagged = 1 WHERE id = %1"_s.arg(threads.at(0)));
            q.exec(u"INSERT INTO contacts (account_id, number, name) VALUES (1, '+14155557777', "
                   u"'Kim')"_s);
            context.db().commit();
        },
        this, [] {});
    const ChangeSet changes = nextDelivery(fed);
    QCOMPARE(changes.threads(), QSet<qint64>{threads.at(0)});
    QCOMPARE(changes.rows(Table::Contacts, ChangeSet::Op::Inserted).size(), 1);
    QVERIFY(!changes.touches(Table::Messages));
}

void TstChangeFeed::rolledBackWritesAreNot()
{
    const QList<qint64> threads = seed(1);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    m_writer->call([&threads](WriterContext &context) {
        context.db().transaction();
        QSqlQuery(context.db())
            .exec(u"UPDATE threads SET flagged = 1 WHERE id = %1"_s.arg(threads.at(0)));
        context.db().rollback();
        // Committed after the rollback: the only change that may be published.
        QSqlQuery(context.db())
            .exec(u"UPDATE threads SET assignee = 'kim' WHERE id = %1"_s.arg(threads.at(0)));
    });
    const ChangeSet changes = nextDelivery(fed);
    QCOMPARE(changes.threads(), QSet<qint64>{threads.at(0)});
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT flagged FROM threads"_s).toInt(), 0);
    QVERIFY(!fed.wait(50)); // and nothing more
}

void TstChangeFeed::unchangedWritesPublishNothing()
{
    const QList<qint64> threads = seed(1);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    // Resolving a resolved thread writes nothing (ThreadActions checks first).
    const auto first = m_writer->call([&threads](WriterContext &context) {
        return context.repo<ThreadActions>(Me).resolve(ThreadFixture::AccountA, threads.at(0));
    });
    QVERIFY(first && !first->isEmpty());
    QVERIFY(fed.wait());
    fed.clear();
    const auto second = m_writer->call([&threads](WriterContext &context) {
        return context.repo<ThreadActions>(Me).resolve(ThreadFixture::AccountA, threads.at(0));
    });
    QVERIFY(second && second->isEmpty());
    QVERIFY(!fed.wait(100));
}

void TstChangeFeed::burstArrivesAsOneChangeSet()
{
    const QList<qint64> threads = seed(1000);
    QCOMPARE(threads.size(), 1000);
    ThreadListModel model(m_fx->db(), Me);
    model.setAccount(ThreadFixture::AccountA);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_writer->changes(), &ChangeFeed::changed, &model, &ThreadListModel::applyChanges);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    QSet<qint64> named;
    connect(m_writer->changes(), &ChangeFeed::changed, this,
            [&named](const ChangeSet &changes) { named.unite(changes.threads()); });

    // A thousand separate commits (one job each), posted in one go.
    for (const qint64 id : threads) {
        m_writer->post(
            [id](WriterContext &context) {
                return context.repo<ThreadActions>(Me).resolve(ThreadFixture::AccountA, id);
            },
            this, [](const std::optional<QList<qint64>> &) {});
    }
    // Wait (on this test thread) until the writer ran them all: a thousand commits now wait
    // on this thread's event queue, as they would behind a busy frame.
    m_writer->call([](WriterContext &) {});
    QTRY_COMPARE(named.size(), 1000);
    QCOMPARE(named, QSet<qint64>(threads.cbegin(), threads.cend()));
    // They reach the views merged into one change set.
    QCOMPARE(fed.size(), 1);
    QCOMPARE(model.count(ThreadQuery::Filter::Resolved), 1000);
    QCOMPARE(model.rowCount(), 0); // Unresolved: all gone
    QCOMPARE(model.count(ThreadQuery::Filter::Unresolved), 0);

    // One job that changes a thousand threads in one transaction: exactly one change set.
    fed.clear();
    m_writer->call([](WriterContext &context) {
        QSqlQuery(context.db()).exec(u"UPDATE threads SET status = 'open'"_s);
    });
    QVERIFY(fed.wait());
    QVERIFY(!fed.wait(100));
    QCOMPARE(fed.size(), 1);
    QCOMPARE(fed.first().first().value<ChangeSet>().threads().size(), 1000);
    QCOMPARE(model.count(ThreadQuery::Filter::Unresolved), 1000);
    // The list had shown everything (no page left to fetch), so every reopened thread is listed.
    QCOMPARE(model.rowCount(), 1000);
}

void TstChangeFeed::resolveMovesTheThreadList()
{
    const QList<qint64> threads = seed(3);
    ThreadListModel model(m_fx->db(), Me);
    model.setAccount(ThreadFixture::AccountA);
    connect(m_writer->changes(), &ChangeFeed::changed, &model, &ThreadListModel::applyChanges);
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    m_writer->post(
        [id = threads.at(1)](WriterContext &context) {
            return context.repo<ThreadActions>(Me).resolve(ThreadFixture::AccountA, id);
        },
        this, [](const std::optional<QList<qint64>> &) {});
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowOf(threads.at(1)), -1);
    QCOMPARE(model.count(ThreadQuery::Filter::Resolved), 1);
}

void TstChangeFeed::lookupVerdictUpdatesTheThreadRow()
{
    const QList<qint64> threads = seed(2);
    ThreadListModel model(m_fx->db(), Me);
    model.setAccount(ThreadFixture::AccountA);
    connect(m_writer->changes(), &ChangeFeed::changed, &model, &ThreadListModel::applyChanges);
    const int row = model.rowOf(threads.at(0));
    QCOMPARE(model.index(row).data(ThreadListModel::TextEnabledRole).toString(), u"unknown"_s);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    // The verdict writes the contact row only; the feed names the contact, the model finds
    // its threads.
    m_writer->post(
        [](WriterContext &context) {
            return context.repo<TextEnabledRows>().recordLookup(ThreadFixture::AccountA,
                                                                customer(0), u"landline"_s, 1);
        },
        this, [](bool) {});
    QTRY_COMPARE(
        model.index(model.rowOf(threads.at(0))).data(ThreadListModel::TextEnabledRole).toString(),
        u"no"_s);
    QCOMPARE(dataChanged.size(), 1);
    QVERIFY(
        dataChanged.first().at(2).value<QList<int>>().contains(ThreadListModel::TextEnabledRole));
}

void TstChangeFeed::outgoingMessageAppearsInTheConversation()
{
    const QList<qint64> threads = seed(1);
    ThreadMessagesModel model(m_fx->db());
    model.setThread(ThreadFixture::AccountA, threads.at(0));
    connect(m_writer->changes(), &ChangeFeed::changed, &model, &ThreadMessagesModel::applyChanges);
    QCOMPARE(model.rowCount(), 1);
    OutgoingMessage out;
    out.threadId = threads.at(0);
    out.body = u"On our way"_s;
    out.clientRef = u"ref-feed-1"_s;
    out.author = Me;
    m_writer->post([out](WriterContext &context) { return context.messages->insertOutgoing(out); },
                   this, [](bool) {});
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(ThreadMessagesModel::StatusRole).toString(), u"queued"_s);
    // The provider's answer updates the same row in place.
    m_writer->post(
        [](WriterContext &context) {
            return context.messages->attachSid(u"ref-feed-1"_s,
                                               u"SM00000000000000000000000000000feed"_s, u"sent"_s);
        },
        this, [](bool) {});
    QTRY_COMPARE(model.index(1).data(ThreadMessagesModel::StatusRole).toString(), u"sent"_s);
    QCOMPARE(model.rowCount(), 2);
}

void TstChangeFeed::manualConsentIsPublished()
{
    seed(1);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    ConsentEvent event;
    event.contactNumber = customer(0);
    event.kind = ConsentEvent::Kind::OptOut;
    event.source = ConsentEvent::Source::Agent;
    event.detail = u"asked on the phone"_s;
    event.actor = Me;
    event.occurredAt = Base;
    m_writer->post(
        [event](WriterContext &context) {
            return context.repo<ManualConsent>().record(ThreadFixture::AccountA, event);
        },
        this, [](const std::optional<QList<qint64>> &) {});
    const ChangeSet changes = nextDelivery(fed);
    QCOMPARE(changes.rows(Table::ConsentEvents, ChangeSet::Op::Inserted).size(), 1);
    QVERIFY(changes.touches(Table::AuditLog));
}

QTEST_GUILESS_MAIN(TstChangeFeed)
#include "tst_changefeed.moc"
