#include "CannedReplyRows.h"
#include "ConversationQuery.h"
#include "DraftRows.h"
#include "MigrationTable.h"
#include "ThreadFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Ana = u"+14155552001"_s;
const QDateTime T0(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC);

} // namespace

class TstConversationRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void schemaIsLatest();
    void draftSaveReadDelete();
    void draftGoesWithItsThread();
    void cannedRepliesPerAccount();
    void cannedReplyRefusals_data();
    void cannedReplyRefusals();
    void headerFacts();
    void headerOfAnotherAccountsThread();
    void linkedThreadsStayInAccount();
    void templateValues();

private:
    qint64 thread(qint64 account, const QString &ours, int minute = 0)
    {
        if (!m_fx->upsert(account,
                          {ThreadFixture::message(Ana, ours, u"hi"_s, T0.addSecs(minute * 60))}))
            return 0;
        return m_fx->threadId(account, Ana, ours);
    }

    std::unique_ptr<ThreadFixture> m_fx;
};

void TstConversationRows::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
}

void TstConversationRows::cleanup()
{
    m_fx.reset();
}

void TstConversationRows::schemaIsLatest()
{
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"PRAGMA user_version"_s).toInt(),
             MigrationTable::latestVersion());
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM sqlite_schema WHERE name IN "
                                               u"('drafts', 'canned_replies')"_s)
                 .toInt(),
             2);
}

void TstConversationRows::draftSaveReadDelete()
{
    const qint64 id = thread(ThreadFixture::AccountA, ThreadFixture::Support);
    DraftRows drafts(m_fx->db());
    QCOMPARE(drafts.draft(id), std::optional<QString>(QString()));
    QVERIFY(drafts.save(id, u"Hi Ana, about your order"_s, 1000));
    QCOMPARE(drafts.draft(id), std::optional<QString>(u"Hi Ana, about your order"_s));
    QVERIFY(drafts.save(id, u"Hi Ana, about your order #12"_s, 2000));
    QCOMPARE(drafts.draft(id), std::optional<QString>(u"Hi Ana, about your order #12"_s));
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT updated_at FROM drafts"_s).toLongLong(),
             2000);
    QVERIFY(drafts.save(id, u"  \n"_s, 3000)); // blank: no draft
    QCOMPARE(drafts.draft(id), std::optional<QString>(QString()));
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM drafts"_s).toInt(), 0);
}

void TstConversationRows::draftGoesWithItsThread()
{
    const qint64 id = thread(ThreadFixture::AccountA, ThreadFixture::Support);
    DraftRows drafts(m_fx->db());
    QVERIFY(drafts.save(id, u"x"_s, 1));
    QVERIFY(m_fx->exec(u"DELETE FROM threads WHERE id = ?"_s, {id}).isActive());
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM drafts"_s).toInt(), 0);
}

void TstConversationRows::cannedRepliesPerAccount()
{
    CannedReplyRows rows(m_fx->db());
    QCOMPARE(rows.replies(ThreadFixture::AccountA)->size(), 0); // none seeded
    const qint64 b = rows.add(ThreadFixture::AccountA, u"  Hours  "_s, u"We open at 9."_s);
    const qint64 a = rows.add(ThreadFixture::AccountA, u"Address"_s,
                              u"Hi {{first_name|there}}, we are at 221 Pine St."_s);
    QVERIFY2(a > 0 && b > 0, qPrintable(rows.errorString()));
    QVERIFY(rows.add(ThreadFixture::AccountB, u"Hours"_s, u"Other account"_s) > 0);
    const auto replies = rows.replies(ThreadFixture::AccountA);
    QVERIFY(replies);
    QCOMPARE(replies->size(), 2);
    QCOMPARE(replies->at(0).id, a); // by name
    QCOMPARE(replies->at(1).name, u"Hours"_s);
    QCOMPARE(replies->at(0).body, u"Hi {{first_name|there}}, we are at 221 Pine St."_s);
}

void TstConversationRows::cannedReplyRefusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("blank name") << u" "_s << u"x"_s << u"A canned reply needs a name."_s;
    QTest::newRow("blank body") << u"n"_s << u"\n"_s << u"A canned reply needs a text."_s;
    QTest::newRow("malformed token") << u"n"_s << u"Hi {{first_name"_s << u"malformed token"_s;
    QTest::newRow("duplicate") << u"Hours"_s << u"again"_s << u"\u201cHours\u201d already exists"_s;
}

void TstConversationRows::cannedReplyRefusals()
{
    QFETCH(QString, name);
    QFETCH(QString, body);
    QFETCH(QString, error);
    CannedReplyRows rows(m_fx->db());
    QVERIFY(rows.add(ThreadFixture::AccountA, u"Hours"_s, u"We open at 9."_s) > 0);
    QCOMPARE(rows.add(ThreadFixture::AccountA, name, body), 0);
    QVERIFY2(rows.errorString().contains(error), qPrintable(rows.errorString()));
    QCOMPARE(rows.replies(ThreadFixture::AccountA)->size(), 1);
}

void TstConversationRows::headerFacts()
{
    const qint64 id = thread(ThreadFixture::AccountA, ThreadFixture::Sales);
    QVERIFY(m_fx->exec(u"INSERT INTO contacts (account_id, number, name, text_enabled, "
                       u"line_type) VALUES (1, ?, 'Ana Lima', 'no', 'landline')"_s,
                       {Ana})
                .isActive());
    ConversationQuery query(m_fx->db());
    const auto h = query.header(ThreadFixture::AccountA, id);
    QVERIFY(h);
    QCOMPARE(h->customerNumber, Ana);
    QCOMPARE(h->customerDisplay, ConversationQuery::displayNumber(Ana));
    QVERIFY(h->customerDisplay != Ana); // formatted for people
    QCOMPARE(h->customerName, u"Ana Lima"_s);
    QCOMPARE(h->senderNumber, ThreadFixture::Sales);
    QCOMPARE(h->senderLabel, u"Sales"_s);
    QCOMPARE(h->textEnabled, u"no"_s);
    QCOMPARE(h->lineType, u"landline"_s);

    // Without a contact: unknown.
    const qint64 other = m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Sales);
    QVERIFY(m_fx->exec(u"DELETE FROM contacts"_s).isActive());
    QCOMPARE(query.header(ThreadFixture::AccountA, other)->textEnabled, u"unknown"_s);
}

void TstConversationRows::headerOfAnotherAccountsThread()
{
    const qint64 id = thread(ThreadFixture::AccountA, ThreadFixture::Support);
    ConversationQuery query(m_fx->db());
    QVERIFY(!query.header(ThreadFixture::AccountB, id));
    QVERIFY(query.errorString().contains(u"not in account"_s));
    QVERIFY(query.linkedThreads(ThreadFixture::AccountB, id).isEmpty());
}

void TstConversationRows::linkedThreadsStayInAccount()
{
    const qint64 support = thread(ThreadFixture::AccountA, ThreadFixture::Support, 0);
    ConversationQuery query(m_fx->db());
    QVERIFY(query.linkedThreads(ThreadFixture::AccountA, support).isEmpty());
    // The same customer with another account's number: not linked.
    const qint64 bakery = thread(ThreadFixture::AccountB, ThreadFixture::Bakery, 1);
    QVERIFY(bakery > 0);
    QVERIFY(query.linkedThreads(ThreadFixture::AccountA, support).isEmpty());
    // With our other number: linked, both ways.
    const qint64 sales = thread(ThreadFixture::AccountA, ThreadFixture::Sales, 2);
    const auto fromSupport = query.linkedThreads(ThreadFixture::AccountA, support);
    QCOMPARE(fromSupport.size(), 1);
    QCOMPARE(fromSupport.at(0).threadId, sales);
    QCOMPARE(fromSupport.at(0).senderNumber, ThreadFixture::Sales);
    QCOMPARE(fromSupport.at(0).senderLabel, u"Sales"_s);
    const auto fromSales = query.linkedThreads(ThreadFixture::AccountA, sales);
    QCOMPARE(fromSales.size(), 1);
    QCOMPARE(fromSales.at(0).threadId, support);
    QVERIFY(query.linkedThreads(ThreadFixture::AccountB, bakery).isEmpty());
}

void TstConversationRows::templateValues()
{
    ConversationQuery::Header h;
    h.customerName = u"Ana  Maria Lima"_s;
    h.customerDisplay = u"+1 415-555-2001"_s;
    h.attributes = {{u"order"_s, u"4821"_s}, {u"first_name"_s, u"ignored"_s}};
    const auto values = h.templateValues();
    QCOMPARE(values.value(u"first_name"_s), u"Ana"_s);
    QCOMPARE(values.value(u"last_name"_s), u"Maria Lima"_s);
    QCOMPARE(values.value(u"name"_s), u"Ana Maria Lima"_s);
    QCOMPARE(values.value(u"phone"_s), h.customerDisplay);
    QCOMPARE(values.value(u"order"_s), u"4821"_s);
    h.customerName.clear();
    QCOMPARE(h.templateValues().value(u"first_name"_s), QString());
}

QTEST_GUILESS_MAIN(TstConversationRows)
#include "tst_conversationrows.moc"
