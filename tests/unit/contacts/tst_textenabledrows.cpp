// Which customer numbers need a Lookup, and what Lookup answers and delivery errors leave on
// their contacts.
#include "AccountRows.h"
#include "Database.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"
#include "TextEnabledRows.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

namespace {

constexpr qint64 kNow = 1'800'000'000'000;
constexpr qint64 kTtl = 30LL * 24 * 3600 * 1000;
const QString kOurs = u"+15550100001"_s;

} // namespace

class TstTextEnabledRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void threadCustomersAndImportedContactsNeedALookup();
    void verdictsAreKeptUntilTheyGoStale();
    void lineTypeDecidesTheVerdict_data();
    void lineTypeDecidesTheVerdict();
    void deliveryError30006MarksTheNumber();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    qint64 thread(qint64 account, const QString &customer);
    QStringList needing(qint64 account, qint64 now = kNow);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_store;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstTextEnabledRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"t.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_store = std::make_unique<MessageStore>(db());
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(accounts.createOrFindSenderNumber(m_account, kOurs, 1.0) > 0);
    QVERIFY(accounts.createOrFindSenderNumber(m_other, u"+15550200001"_s, 1.0) > 0);
}

void TstTextEnabledRows::cleanup()
{
    m_store.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(u"t.sqlite"_s));
}

qint64 TstTextEnabledRows::thread(qint64 account, const QString &customer)
{
    const qint64 sender =
        scalar(db(), u"SELECT id FROM sender_numbers WHERE account_id = ?"_s, {account})
            .toLongLong();
    return m_store->findOrCreateThread(account, customer, sender);
}

QStringList TstTextEnabledRows::needing(qint64 account, qint64 now)
{
    TextEnabledRows rows(db());
    const QStringList numbers = rows.numbersNeedingLookup(account, now, kTtl, 100);
    if (!rows.errorString().isEmpty())
        qWarning("%s", qPrintable(rows.errorString()));
    return numbers;
}

void TstTextEnabledRows::threadCustomersAndImportedContactsNeedALookup()
{
    QVERIFY(thread(m_account, u"+15557770001"_s) > 0); // typed by an agent: no contact row
    QVERIFY(thread(m_account, u"33733"_s) > 0);        // a short code: Lookup cannot say
    QVERIFY(thread(m_other, u"+15557770009"_s) > 0);   // another account's customer
    // Imported, no conversation yet.
    exec(db(), u"INSERT INTO contacts (account_id, number, name) VALUES (?, ?, 'Ana')"_s,
         {m_account, u"+15557770002"_s});
    QCOMPARE(needing(m_account), (QStringList{u"+15557770001"_s, u"+15557770002"_s}));
    QCOMPARE(needing(m_other), QStringList{u"+15557770009"_s});
}

void TstTextEnabledRows::verdictsAreKeptUntilTheyGoStale()
{
    QVERIFY(thread(m_account, u"+15557770001"_s) > 0);
    QVERIFY(thread(m_account, u"+15557770002"_s) > 0);
    TextEnabledRows rows(db());
    QVERIFY(rows.recordLookup(m_account, u"+15557770001"_s, u"mobile"_s, kNow));
    // An agent's verdict is never overridden by a scan.
    exec(db(),
         u"INSERT INTO contacts (account_id, number, text_enabled, text_enabled_source, "
         u"text_enabled_checked_at) VALUES (?, ?, 'yes', 'agent', ?)"_s,
         {m_account, u"+15557770002"_s, kNow});
    QVERIFY(needing(m_account).isEmpty());
    QCOMPARE(needing(m_account, kNow + kTtl + 1), QStringList{u"+15557770001"_s});
}

void TstTextEnabledRows::lineTypeDecidesTheVerdict_data()
{
    QTest::addColumn<QString>("lineType");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("mobile") << u"mobile"_s << u"yes"_s;
    QTest::newRow("landline") << u"landline"_s << u"no"_s;
    QTest::newRow("voip") << u"nonFixedVoip"_s << u"unknown"_s;
}

void TstTextEnabledRows::lineTypeDecidesTheVerdict()
{
    QFETCH(QString, lineType);
    QFETCH(QString, verdict);
    TextEnabledRows rows(db());
    QVERIFY(rows.markChecking(m_account, u"+15557770001"_s, kNow));
    QVERIFY(rows.recordLookup(m_account, u"+15557770001"_s, lineType, kNow));
    QCOMPARE(scalar(db(),
                    u"SELECT text_enabled || '/' || line_type || '/' || text_enabled_source "
                    u"FROM contacts WHERE number = ?"_s,
                    {u"+15557770001"_s})
                 .toString(),
             verdict + u'/' + lineType + u"/lookup"_s);
}

void TstTextEnabledRows::deliveryError30006MarksTheNumber()
{
    const qint64 id = thread(m_account, u"+15557770001"_s);
    TextEnabledRows rows(db());
    QVERIFY(rows.recordLookup(m_account, u"+15557770001"_s, u"mobile"_s, kNow));
    exec(db(),
         u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
         u"status, provider_sid, error_code, created_at, updated_at) "
         u"VALUES (?, ?, 'out', ?, ?, 'hi', 'undelivered', 'SM1', 30006, ?, ?)"_s,
         {m_account, id, kOurs, u"+15557770001"_s, kNow, kNow});
    QCOMPARE(rows.markUndeliverable(m_account, kNow + 1), 1);
    QCOMPARE(scalar(db(), u"SELECT text_enabled || '/' || text_enabled_source FROM contacts"_s)
                 .toString(),
             u"no/delivery_error"_s);
    QCOMPARE(rows.markUndeliverable(m_account, kNow + 2), 0); // already marked
    QCOMPARE(rows.markUndeliverable(m_other, kNow + 2), 0);
    QCOMPARE(rows.threadsOf(m_account, u"+15557770001"_s), QList<qint64>{id});
}

QTEST_GUILESS_MAIN(TstTextEnabledRows)
#include "tst_textenabledrows.moc"
