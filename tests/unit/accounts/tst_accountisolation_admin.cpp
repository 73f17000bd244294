// Account isolation (issue 6 item 5), the admin screens' reads: the consent ledger and its
// CSV export, campaigns (rows and list model), a campaign's audience and its consent
// suppression, templates, keyword processes, sender numbers (own and lent) and unrouted
// replies. Reading one account of a two-account profile returns exactly that account's rows
// and nothing of the other; each case runs for both accounts, expectations come from the
// tables' account_id.
#include "AudienceQuery.h"
#include "CampaignListModel.h"
#include "CampaignRows.h"
#include "ConsentCsv.h"
#include "IsolationFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;

class TstAccountIsolationAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fx.build(), qPrintable(m_fx.error)); }
    void consentLedgerAndExport_data() { m_fx.addAccountRows(); }
    void consentLedgerAndExport();
    void campaigns_data() { m_fx.addAccountRows(); }
    void campaigns();
    void campaignAudience_data() { m_fx.addAccountRows(); }
    void campaignAudience();
    void templates_data() { m_fx.addAccountRows(); }
    void templates();
    void keywordProcesses_data() { m_fx.addAccountRows(); }
    void keywordProcesses();
    void senderNumbers_data() { m_fx.addAccountRows(); }
    void senderNumbers();
    void unroutedReplies_data() { m_fx.addAccountRows(); }
    void unroutedReplies();

private:
    IsolationFixture m_fx;
};

void TstAccountIsolationAdmin::consentLedgerAndExport()
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

void TstAccountIsolationAdmin::campaigns()
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
    QCOMPARE(IsolationFixture::sorted(ids), m_fx.idsOf(u"campaigns"_s, account));

    CampaignListModel model(m_fx.db(), account);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    QList<qint64> listed;
    for (int r = 0; r < model.rowCount(); ++r)
        listed.append(model.index(r, 0).data(CampaignListModel::IdRole).toLongLong());
    QCOMPARE(IsolationFixture::sorted(listed), m_fx.idsOf(u"campaigns"_s, account));
}

void TstAccountIsolationAdmin::campaignAudience()
{
    QFETCH(int, index);
    const auto &a = m_fx.accounts[size_t(index)];
    AudienceQuery query(m_fx.db());
    const auto contacts = query.contacts(a.id, {});
    QVERIFY(contacts);
    QList<qint64> ids;
    for (const auto &contact : *contacts)
        ids.append(contact.id);
    QCOMPARE(IsolationFixture::sorted(ids), m_fx.idsOf(u"contacts"_s, a.id));
    AudienceQuery::Options options;
    options.senderNumber = a.number;
    options.atMs = QDateTime::currentMSecsSinceEpoch();
    const auto evaluation = query.evaluate(a.id, {}, options);
    QVERIFY(evaluation);
    QCOMPARE(evaluation->matched(), int(ids.size()));
    // Suppression by consent reads this account's ledger only: the shared customer is
    // suppressed exactly when this account's events say it opted out.
    const auto ledger = ConsentRows(m_fx.db()).ledgerFor(a.id, m_fx.sharedCustomer);
    QVERIFY(ledger);
    const bool optedOut = ledger->consent(m_fx.sharedCustomer, a.number).state ==
                          ConsentLedger::ConsentState::OptedOut;
    // (It may be left out for other reasons too, such as its open thread: only the
    // Unsubscribed reason is the ledger's.)
    bool unsubscribed = false;
    for (const auto &[row, reason] : evaluation->filter.excluded) {
        if (evaluation->contacts.at(row).number == m_fx.sharedCustomer)
            unsubscribed = reason == SuppressionReason::Unsubscribed;
    }
    QCOMPARE(unsubscribed, optedOut);
    const QList<QString> recipients = query.recipients(a.id, {}, options);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    QVERIFY(!recipients.contains(m_fx.accounts[size_t(1 - index)].onlyCustomer));
}

void TstAccountIsolationAdmin::templates()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    TemplateRows rows(m_fx.db());
    QList<qint64> ids;
    for (const auto &summary : rows.list(account))
        ids.append(summary.id);
    QCOMPARE(IsolationFixture::sorted(ids), m_fx.idsOf(u"templates"_s, account));
    for (const qint64 theirs : m_fx.idsOf(u"templates"_s, m_fx.other(account))) {
        QVERIFY(!rows.summary(account, theirs));
        QVERIFY(rows.versions(account, theirs).isEmpty());
        const qint64 version =
            scalar(m_fx.db(), u"SELECT id FROM template_versions WHERE template_id = ?"_s, {theirs})
                .toLongLong();
        QVERIFY(!rows.version(account, version));
    }
}

void TstAccountIsolationAdmin::keywordProcesses()
{
    QFETCH(int, index);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    KeywordProcessRows rows(m_fx.db());
    const auto list = rows.list(account);
    QVERIFY(list);
    QList<qint64> ids;
    for (const auto &row : *list)
        ids.append(row.process.id);
    QCOMPARE(IsolationFixture::sorted(ids), m_fx.idsOf(u"keyword_processes"_s, account));
    for (const qint64 theirs : m_fx.idsOf(u"keyword_processes"_s, m_fx.other(account)))
        QVERIFY(!rows.find(account, theirs));
    for (const qint64 number : m_fx.idsOf(u"sender_numbers"_s, m_fx.other(account))) {
        const auto processes = rows.listFor(account, number);
        QVERIFY(!processes || processes->isEmpty());
    }
}

void TstAccountIsolationAdmin::senderNumbers()
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
    QCOMPARE(IsolationFixture::sorted(ids), IsolationFixture::sorted(expected));
    // The other account's own numbers cannot be read as this account's.
    for (const qint64 theirs : m_fx.idsOf(u"sender_numbers"_s, m_fx.other(account))) {
        if (!expected.contains(theirs))
            QVERIFY(!rows.find(account, theirs));
    }
}

void TstAccountIsolationAdmin::unroutedReplies()
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
    QCOMPARE(IsolationFixture::sorted(ids), expected);
}

QTEST_GUILESS_MAIN(TstAccountIsolationAdmin)
#include "tst_accountisolation_admin.moc"
