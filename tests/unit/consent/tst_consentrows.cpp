#include "AccountRows.h"
#include "ConsentRows.h"
#include "Database.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Customer = u"+15557770001"_s;
const QString OurA = u"+15550100001"_s;
const QString OurB = u"+15550100002"_s;

ConsentEvent consentEvent(ConsentEvent::Kind kind, const QString &sender, int minute)
{
    ConsentEvent e;
    e.contactNumber = Customer;
    e.senderNumber = sender;
    e.kind = kind;
    e.source = ConsentEvent::Source::Agent;
    e.detail = u"asked on the phone"_s;
    e.actor = u"ana"_s;
    e.occurredAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC).addSecs(minute * 60);
    return e;
}

} // namespace

class TstConsentRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void recordsAndReadsBackInOrder();
    void incompleteEventIsRefused_data();
    void incompleteEventIsRefused();
    void ledgerFollowsTheAccountScope();
    void otherAccountsEventsStayOut();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstConsentRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"consent.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(m_db->connection());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(m_account > 0 && m_other > 0);
}

void TstConsentRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"consent.sqlite"_s));
}

void TstConsentRows::recordsAndReadsBackInOrder()
{
    ConsentRows rows(m_db->connection());
    const ConsentEvent later = consentEvent(ConsentEvent::Kind::OptIn, OurA, 10);
    ConsentEvent earlier = consentEvent(ConsentEvent::Kind::OptOut, OurA, 5);
    earlier.source = ConsentEvent::Source::Keyword;
    earlier.detail = u"STOP"_s;
    earlier.messageSid = u"SM123"_s;
    QVERIFY2(rows.record(m_account, later), qPrintable(rows.errorString()));
    QVERIFY2(rows.record(m_account, earlier), qPrintable(rows.errorString()));

    const auto events = rows.eventsFor(m_account, Customer);
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0), earlier);
    QCOMPARE(events->at(1), later);
}

void TstConsentRows::incompleteEventIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("number") << u"number"_s << u"customer's number"_s;
    QTest::newRow("actor") << u"actor"_s << u"who recorded it"_s;
    QTest::newRow("time") << u"time"_s << u"time it happened"_s;
}

void TstConsentRows::incompleteEventIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, message);
    ConsentEvent e = consentEvent(ConsentEvent::Kind::OptOut, OurA, 0);
    if (field == u"number")
        e.contactNumber.clear();
    else if (field == u"actor")
        e.actor = u"  "_s;
    else
        e.occurredAt = {};
    ConsentRows rows(m_db->connection());
    QVERIFY(!rows.record(m_account, e));
    QVERIFY2(rows.errorString().contains(message), qPrintable(rows.errorString()));
    QCOMPARE(
        StoreTestUtil::scalar(m_db->connection(), u"SELECT count(*) FROM consent_events"_s).toInt(),
        0);
}

void TstConsentRows::ledgerFollowsTheAccountScope()
{
    ConsentRows rows(m_db->connection());
    QVERIFY(rows.record(m_account, consentEvent(ConsentEvent::Kind::OptOut, OurA, 1)));
    QCOMPARE(rows.scope(m_account), ConsentLedger::Scope::PerNumber);

    auto ledger = rows.ledgerFor(m_account, Customer);
    QVERIFY(ledger);
    QVERIFY(!ledger->maySend(Customer, OurA, ConsentLedger::MessagePurpose::Conversation));
    QVERIFY(ledger->maySend(Customer, OurB, ConsentLedger::MessagePurpose::Conversation));

    QVERIFY2(rows.setScope(m_account, ConsentLedger::Scope::AccountWide),
             qPrintable(rows.errorString()));
    ledger = rows.ledgerFor(m_account, Customer);
    QVERIFY(ledger);
    QVERIFY(!ledger->maySend(Customer, OurB, ConsentLedger::MessagePurpose::Conversation));
    QVERIFY(!rows.setScope(9999, ConsentLedger::Scope::PerNumber));
    QVERIFY(rows.errorString().contains(u"9999"_s));
}

void TstConsentRows::otherAccountsEventsStayOut()
{
    ConsentRows rows(m_db->connection());
    QVERIFY(rows.record(m_other, consentEvent(ConsentEvent::Kind::OptOut, OurA, 1)));
    const auto mine = rows.eventsFor(m_account, Customer);
    QVERIFY(mine);
    QVERIFY(mine->isEmpty());
    QCOMPARE(rows.eventsOf(m_other)->size(), 1);
    const auto ledger = rows.ledgerFor(m_account, Customer);
    QVERIFY(ledger);
    QVERIFY(ledger->maySend(Customer, OurA, ConsentLedger::MessagePurpose::Conversation));
}

QTEST_GUILESS_MAIN(TstConsentRows)
#include "tst_consentrows.moc"
