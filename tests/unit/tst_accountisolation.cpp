// Account isolation (issue 6 item 5): for every read path of the models — thread list pages
// and counts, search (messages and contacts), contact details, notifications, the consent
// ledger and its CSV export, campaigns, templates, keyword processes, sender numbers,
// unrouted replies, one conversation — reading one account of a two-account profile returns
// exactly that account's rows and nothing of the other. Each case runs for both accounts;
// the expected rows come from the tables' account_id. The CLI's reads are checked in
// tests/integration/tst_accountisolation_cli.cpp.
#include "CampaignListModel.h"
#include "CampaignRows.h"
#include "ConsentCsv.h"
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

#include <algorithm>

using namespace Qt::StringLiterals;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;

namespace {

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

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
    void consentLedgerAndExport_data() { accounts(); }
    void consentLedgerAndExport();
    void campaigns_data() { accounts(); }
    void campaigns();
    void templates_data() { accounts(); }
    void templates();
    void keywordProcesses_data() { accounts(); }
    void keywordProcesses();
    void senderNumbers_data() { accounts(); }
    void senderNumbers();
    void unroutedReplies_data() { accounts(); }
    void unroutedReplies();
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
    QTest::addColumn<int>("index");
    for (int i = 0; i < 2; ++i)
        QTest::newRow(qPrintable(m_fx.accounts[size_t(i)].name)) << i;
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
        QCOMPARE(sorted(listed), own);
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
    QCOMPARE(sorted(listed), threadsWithMessages(account));
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
    QCOMPARE(sorted(found), expected);

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
    QCOMPARE(sorted(notified), expected);
    QCOMPARE(query.unreadCount(account),
             scalar(m_fx.db(), u"SELECT sum(unread_count) FROM threads WHERE account_id = ?"_s,
                    {account})
                 .toInt());
}

void TstAccountIsolation::consentLedgerAndExport()
{
    QFETCH(int, index);
    const auto &a = m_fx.accounts[size_t(index)];
    const auto events = ConsentRows(m_fx.db()).eventsOf(a.id);
    QVERIFY(events);
    const QStringList expected =
        rows(m_fx.db(),
             u"SELECT contact_number, actor FROM consent_events WHERE account_id = ? "
             u"ORDER BY id"_s,
             {a.id});
    QStringList read;
    for (const ConsentEvent &event : *events)
        read.append(event.contactNumber + u'|' + event.actor);
    read.sort();
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(read, sortedExpected);
    // The export holds the account's events and nothing with the other account's marks.
    const QString csv = ConsentCsv::toCsv(*events);
    const auto &b = m_fx.accounts[size_t(1 - index)];
    QVERIFY(!csv.contains(b.onlyCustomer));
    for (const QString &actor :
         rows(m_fx.db(), u"SELECT DISTINCT actor FROM consent_events WHERE account_id = ?"_s,
              {b.id}))
        QVERIFY2(!csv.contains(actor), qPrintable(actor));
    QCOMPARE(csv.count(u'\n'), int(events->size()) + 1); // the header and one line each
}

void TstAccountIsolation::campaigns()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    CampaignRows rows(m_fx.db());
    const auto list = rows.list(account);
    QVERIFY(list);
    QList<qint64> ids;
    for (const auto &summary : *list) {
        QCOMPARE(summary.accountId, account);
        ids.append(summary.id);
    }
    QCOMPARE(sorted(ids), m_fx.idsOf(u"campaigns"_s, account));

    CampaignListModel model(m_fx.db(), account);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    QList<qint64> listed;
    for (int r = 0; r < model.rowCount(); ++r)
        listed.append(model.index(r, 0).data(CampaignListModel::IdRole).toLongLong());
    QCOMPARE(sorted(listed), m_fx.idsOf(u"campaigns"_s, account));
}

void TstAccountIsolation::templates()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    TemplateRows rows(m_fx.db());
    QList<qint64> ids;
    for (const auto &summary : rows.list(account))
        ids.append(summary.id);
    QCOMPARE(sorted(ids), m_fx.idsOf(u"templates"_s, account));
    for (const qint64 theirs : m_fx.idsOf(u"templates"_s, m_fx.other(account))) {
        QVERIFY(!rows.summary(account, theirs));
        QVERIFY(rows.versions(account, theirs).isEmpty());
        const qint64 version =
            scalar(m_fx.db(), u"SELECT id FROM template_versions WHERE template_id = ?"_s, {theirs})
                .toLongLong();
        QVERIFY(!rows.version(account, version));
    }
}

void TstAccountIsolation::keywordProcesses()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    KeywordProcessRows rows(m_fx.db());
    const auto list = rows.list(account);
    QVERIFY(list);
    QList<qint64> ids;
    for (const auto &row : *list)
        ids.append(row.process.id);
    QCOMPARE(sorted(ids), m_fx.idsOf(u"keyword_processes"_s, account));
    for (const qint64 theirs : m_fx.idsOf(u"keyword_processes"_s, m_fx.other(account)))
        QVERIFY(!rows.find(account, theirs));
    for (const qint64 number : m_fx.idsOf(u"sender_numbers"_s, m_fx.other(account))) {
        const auto processes = rows.listFor(account, number);
        QVERIFY(!processes || processes->isEmpty());
    }
}

void TstAccountIsolation::senderNumbers()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    SenderNumberRows rows(m_fx.db());
    const auto list = rows.list(account);
    QVERIFY(list);
    // Its own numbers, and the send-only numbers lent to it (marked as borrowed).
    QList<qint64> expected = m_fx.idsOf(u"sender_numbers"_s, account);
    for (const QString &id :
         StoreTestUtil::rows(m_fx.db(),
                             u"SELECT sender_number_id FROM sender_number_shares "
                             u"WHERE account_id = ?"_s,
                             {account}))
        expected.append(id.toLongLong());
    QList<qint64> ids;
    for (const auto &row : *list) {
        ids.append(row.id);
        QCOMPARE(row.sharedIn, row.accountId != account);
        if (row.sharedIn)
            QVERIFY(row.sharedWithAccountIds.isEmpty()); // who else borrows it is not ours
    }
    QCOMPARE(sorted(ids), sorted(expected));
    // The other account's own numbers cannot be read as this account's.
    for (const qint64 theirs : m_fx.idsOf(u"sender_numbers"_s, m_fx.other(account))) {
        if (!expected.contains(theirs))
            QVERIFY(!rows.find(account, theirs));
    }
}

void TstAccountIsolation::unroutedReplies()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    const auto replies = SenderNumberRows(m_fx.db()).unroutedReplies(account);
    QVERIFY(replies);
    QList<qint64> ids;
    for (const auto &reply : *replies)
        ids.append(reply.messageId);
    QList<qint64> expected;
    for (const QString &id : rows(m_fx.db(),
                                  u"SELECT id FROM messages WHERE account_id = ? AND "
                                  u"thread_id IS NULL AND direction = 'in' ORDER BY id"_s,
                                  {account}))
        expected.append(id.toLongLong());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(sorted(ids), expected);
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
