// Account isolation (issue 6 item 5), the inbox's reads: thread list pages and counts, the
// thread list model, search (messages and contacts), contact details, notifications and one
// conversation. Reading one account of a two-account profile returns exactly that
// account's rows and nothing of the other. Each case runs for both accounts; the expected
// rows come from the tables' account_id. The admin screens' reads are checked in
// tst_accountisolation_admin.cpp, the CLI's in tests/integration/tst_accountisolation_cli.cpp.
#include "ContactDetails.h"
#include "ConversationQuery.h"
#include "IsolationFixture.h"
#include "NewMessageQuery.h"
#include "SearchQuery.h"
#include "SearchResultsModel.h"
#include "ThreadListModel.h"
#include "ThreadMessageQuery.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;

class TstAccountIsolation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threadPagesAndCounts_data();
    void threadPagesAndCounts();
    void threadListModel_data() { accounts(); }
    void threadListModel();
    void searchMessages_data() { accounts(); }
    void searchMessages();
    void searchContacts_data() { accounts(); }
    void searchContacts();
    void contactDetails_data() { accounts(); }
    void contactDetails();
    void notifications_data() { accounts(); }
    void notifications();
    void otherAccountsConversation_data() { accounts(); }
    void otherAccountsConversation();

private:
    void accounts();
    QList<qint64> threadsWithMessages(qint64 account) const;

    IsolationFixture m_fx;
};

void TstAccountIsolation::initTestCase()
{
    QVERIFY2(m_fx.build(), qPrintable(m_fx.error));
    // The fixture is only a test of isolation if both accounts hold rows of every kind.
    for (const QString &table :
         {u"threads"_s, u"messages"_s, u"contacts"_s, u"consent_events"_s, u"campaigns"_s,
          u"templates"_s, u"keyword_processes"_s, u"sender_numbers"_s}) {
        for (const auto &account : m_fx.accounts)
            QVERIFY2(!m_fx.idsOf(table, account.id).isEmpty(), qPrintable(table));
    }
}

void TstAccountIsolation::accounts()
{
    m_fx.addAccountRows();
}

QList<qint64> TstAccountIsolation::threadsWithMessages(qint64 account) const
{
    QList<qint64> ids;
    for (const QString &id :
         rows(m_fx.db(),
              u"SELECT id FROM threads WHERE account_id = ? AND last_message_id IS NOT NULL "
              u"ORDER BY id"_s,
              {account}))
        ids.append(id.toLongLong());
    return ids;
}

void TstAccountIsolation::threadPagesAndCounts_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("filterIndex");
    using F = ThreadQuery::Filter;
    const std::pair<F, const char *> all[] = {
        {F::Unresolved, "unresolved"}, {F::Mine, "mine"}, {F::Unassigned, "unassigned"},
        {F::Flagged, "flagged"},       {F::All, "all"},   {F::Resolved, "resolved"},
        {F::Snoozed, "snoozed"}};
    static_assert(std::size(all) == ThreadQuery::FilterCount);
    for (int i = 0; i < 2; ++i) {
        for (const auto &[filter, name] : all)
            QTest::addRow("%s %s", qPrintable(m_fx.accounts[size_t(i)].name), name)
                << i << int(filter);
    }
}

void TstAccountIsolation::threadPagesAndCounts()
{
    QFETCH(int, index);
    QFETCH(int, filterIndex);
    const auto filter = ThreadQuery::Filter(filterIndex);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    // Both accounts' threads get the same agent and flags: only the account tells them apart.
    StoreTestUtil::exec(m_fx.db(), u"UPDATE threads SET assignee = 'ana', flagged = 1"_s);
    ThreadQuery query(m_fx.db());
    const QList<ThreadRow> page = query.page(account, filter, u"ana"_s, std::nullopt, 500);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    const QList<qint64> own = threadsWithMessages(account);
    QList<qint64> listed;
    for (const ThreadRow &row : page) {
        QCOMPARE(row.accountId, account);
        listed.append(row.id);
    }
    for (const qint64 id : listed)
        QVERIFY2(own.contains(id), "a thread of another account is listed");
    if (filter == ThreadQuery::Filter::All)
        QCOMPARE(IsolationFixture::sorted(listed), own);
    const auto counts = query.counts(account, u"ana"_s);
    QVERIFY(counts);
    QCOMPARE((*counts)[size_t(filter)], int(listed.size()));
    // A thread of the other account is not readable as this account's row.
    for (const qint64 theirs : threadsWithMessages(m_fx.other(account))) {
        const auto row = query.fetchRow(theirs);
        QVERIFY(row && row->accountId != account);
    }
}

void TstAccountIsolation::threadListModel()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    ThreadListModel model(m_fx.db(), u"ana"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccount(account);
    model.setFilter(ThreadQuery::Filter::All);
    while (model.canFetchMore({}))
        model.fetchMore({});
    // The other account's writes are announced to every view: this one must ignore them.
    QList<qint64> everyThread = m_fx.idsOf(u"threads"_s, m_fx.accounts[0].id);
    everyThread += m_fx.idsOf(u"threads"_s, m_fx.accounts[1].id);
    model.threadsChanged(everyThread);
    QList<qint64> listed;
    for (int r = 0; r < model.rowCount(); ++r)
        listed.append(model.threadIdAt(r));
    QCOMPARE(IsolationFixture::sorted(listed), threadsWithMessages(account));
    QCOMPARE(model.count(ThreadQuery::Filter::All), int(threadsWithMessages(account).size()));
}

void TstAccountIsolation::searchMessages()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    // Every body of both accounts has the word: only the account tells them apart.
    QList<qint64> expected;
    for (const QString &id :
         rows(m_fx.db(),
              u"SELECT id FROM messages WHERE account_id = ? AND thread_id IS NOT NULL AND "
              u"body LIKE '%invoice%' ORDER BY id"_s,
              {account}))
        expected.append(id.toLongLong());
    QVERIFY(!expected.isEmpty());
    SearchQuery query(m_fx.db());
    QList<qint64> found;
    for (const SearchHit &hit : query.messages(account, u"invoice"_s, 500))
        found.append(hit.messageId);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    QCOMPARE(IsolationFixture::sorted(found), expected);

    SearchResultsModel model(m_fx.db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search(account, u"invoice"_s);
    const QList<qint64> own = m_fx.idsOf(u"threads"_s, account);
    for (int r = 0; r < model.rowCount(); ++r)
        QVERIFY(own.contains(model.hitAt(r).threadId));
}

void TstAccountIsolation::searchContacts()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    SearchQuery query(m_fx.db());
    const QList<qint64> own = m_fx.idsOf(u"threads"_s, account);
    const QStringList names =
        rows(m_fx.db(), u"SELECT name FROM contacts WHERE account_id = ? AND name LIKE 'Dana%'"_s,
             {account});
    QCOMPARE(names.size(), 1);
    for (const QString &text : {u"Dana"_s, m_fx.sharedCustomer}) {
        const QList<SearchHit> hits = query.contacts(account, text, 500);
        QVERIFY2(!hits.isEmpty(), qPrintable(text));
        for (const SearchHit &hit : hits) {
            QVERIFY(own.contains(hit.threadId));
            QCOMPARE(hit.customerName, names.first());
        }
    }
    // The other account's only customer is nobody here.
    const QString theirs = m_fx.accounts[size_t(1 - index)].onlyCustomer;
    QVERIFY(query.contacts(account, theirs, 500).isEmpty());
    QVERIFY(query.contacts(account, theirs.right(4), 500).isEmpty());
}

void TstAccountIsolation::contactDetails()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    QString error;
    const auto details = ContactDetails::load(m_fx.db(), account, m_fx.sharedCustomer, 0, &error);
    QVERIFY2(details, qPrintable(error));
    QCOMPARE(details->accountId, account);
    QCOMPARE(details->name,
             scalar(m_fx.db(), u"SELECT name FROM contacts WHERE account_id = ? AND number = ?"_s,
                    {account, m_fx.sharedCustomer})
                 .toString());
    const auto events = ConsentRows(m_fx.db()).eventsFor(account, m_fx.sharedCustomer);
    QVERIFY(events);
    QCOMPARE(details->consentHistory, *events);
    const QStringList ownNumbers =
        rows(m_fx.db(), u"SELECT number FROM sender_numbers WHERE account_id = ?"_s, {account});
    for (const auto &sender : details->consentBySender)
        QVERIFY2(ownNumbers.contains(sender.senderNumber), qPrintable(sender.senderNumber));
    const QList<qint64> own = m_fx.idsOf(u"threads"_s, account);
    QVERIFY(!details->otherThreads.isEmpty());
    for (const auto &thread : details->otherThreads)
        QVERIFY(own.contains(thread.threadId));
    // The other account's only customer: nothing known here.
    const auto stranger = ContactDetails::load(
        m_fx.db(), account, m_fx.accounts[size_t(1 - index)].onlyCustomer, 0, &error);
    QVERIFY(stranger);
    QVERIFY(!stranger->hasContactRow);
    QVERIFY(stranger->name.isEmpty());
    QVERIFY(stranger->consentHistory.isEmpty());
    QVERIFY(stranger->otherThreads.isEmpty());
}

void TstAccountIsolation::notifications()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    QList<qint64> everyInbound;
    for (const QString &id :
         rows(m_fx.db(), u"SELECT id FROM messages WHERE direction = 'in' ORDER BY id"_s))
        everyInbound.append(id.toLongLong());
    QList<qint64> expected;
    for (const QString &id : rows(m_fx.db(),
                                  u"SELECT id FROM messages WHERE direction = 'in' AND "
                                  u"account_id = ? AND thread_id IS NOT NULL ORDER BY id"_s,
                                  {account}))
        expected.append(id.toLongLong());
    NewMessageQuery query(m_fx.db());
    QList<qint64> notified;
    for (const NewMessage &message : query.inbound(account, everyInbound)) {
        QCOMPARE(message.accountId, account);
        notified.append(message.id);
    }
    QCOMPARE(IsolationFixture::sorted(notified), expected);
    QCOMPARE(query.unreadCount(account),
             scalar(m_fx.db(), u"SELECT sum(unread_count) FROM threads WHERE account_id = ?"_s,
                    {account})
                 .toInt());
}

void TstAccountIsolation::otherAccountsConversation()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    ConversationQuery conversation(m_fx.db());
    ThreadMessageQuery messages(m_fx.db());
    for (const qint64 theirs : m_fx.idsOf(u"threads"_s, m_fx.other(account))) {
        QVERIFY(!conversation.header(account, theirs));
        QVERIFY(conversation.linkedThreads(account, theirs).isEmpty());
        QVERIFY(messages.pageBefore(account, theirs, std::nullopt, 100).isEmpty());
    }
    for (const qint64 own : m_fx.idsOf(u"threads"_s, account)) {
        const auto header = conversation.header(account, own);
        QVERIFY(header && header->accountId == account);
        for (const auto &linked : conversation.linkedThreads(account, own))
            QVERIFY(m_fx.idsOf(u"threads"_s, account).contains(linked.threadId));
    }
}

QTEST_GUILESS_MAIN(TstAccountIsolation)
#include "tst_accountisolation.moc"
