// Schema rules: uniqueness, append-only tables and the full-text index kept in step.
#include "Database.h"
#include "RawConnection.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::ftsConsistent;
using StoreTestUtil::scalar;
using StoreTestUtil::search;

class TstSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void uniqueness_data();
    void uniqueness();
    void consentEventsAreAppendOnly();
    void auditLogIsAppendOnly();
    void ftsFollowsMessagesAndContacts();

private:
    QString path() const { return m_dir->filePath(u"profile.sqlite"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstSchema::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstSchema::uniqueness_data()
{
    QTest::addColumn<QString>("duplicate");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("sender number in two accounts")
        << u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
           u"VALUES (2, '+15550100001', 'long_code', 1)"_s
        << u"sender_numbers.number"_s << false;
    QTest::newRow("duplicate thread key")
        << u"INSERT INTO threads (account_id, customer_number, sender_number_id) "
           u"VALUES (1, '+15557770001', 1)"_s
        << u"threads.account_id, threads.customer_number"_s << false;
    QTest::newRow("same customer on another number is another thread")
        << u"INSERT INTO threads (account_id, customer_number, sender_number_id) "
           u"VALUES (1, '+15557770001', 2)"_s
        << QString() << true;
    QTest::newRow("duplicate provider sid")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
           u"'+15550100001', 'again', 'received', 'SM1', 2, 2)"_s
        << u"messages.provider_sid"_s << false;
    QTest::newRow("duplicate client_ref")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, client_ref, created_at, updated_at) VALUES (1, 1, 'out', '+15550100001', "
           u"'+15557770001', 'again', 'queued', 'ref-1', 2, 2)"_s
        << u"messages.client_ref"_s << false;
    QTest::newRow("messages without client_ref are many")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
           u"'+15550100001', 'more', 'received', 'SM3', 2, 2)"_s
        << QString() << true;
    QTest::newRow("duplicate contact in an account")
        << u"INSERT INTO contacts (account_id, number) VALUES (1, '+15557770001')"_s
        << u"contacts.account_id, contacts.number"_s << false;
    QTest::newRow("same contact number in another account")
        << u"INSERT INTO contacts (account_id, number) VALUES (2, '+15557770001')"_s << QString()
        << true;
}

void TstSchema::uniqueness()
{
    QFETCH(QString, duplicate);
    QFETCH(QString, constraint);
    QFETCH(bool, accepted);
    Database db(path());
    QVERIFY(db.open());
    RawConnection raw(path());
    QVERIFY(raw.runScript(
        u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), (2, 'Bakery');"
        u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
        u"VALUES (1, 1, '+15550100001', 'long_code', 1), (2, 1, '+15550100002', 'long_code', 1);"
        u"INSERT INTO contacts (account_id, number) VALUES (1, '+15557770001');"
        u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
        u"VALUES (1, 1, '+15557770001', 1);"
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
        u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
        u"'+15550100001', 'hi', 'received', 'SM1', 1, 1);"
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
        u"status, provider_sid, client_ref, created_at, updated_at) VALUES (1, 1, 'out', "
        u"'+15550100001', '+15557770001', 'hello', 'sent', 'SM2', 'ref-1', 1, 1);"_s));

    QSqlQuery query(db.connection());
    const bool ok = query.exec(duplicate);
    QCOMPARE(ok, accepted);
    if (!accepted) {
        const QString error = query.lastError().databaseText();
        QVERIFY2(error.contains(u"UNIQUE constraint failed: "_s + constraint), qPrintable(error));
    }
}

void TstSchema::consentEventsAreAppendOnly()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    QVERIFY(exec(c, u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom')"_s).isActive());
    QVERIFY(exec(c, u"INSERT INTO consent_events (account_id, contact_number, kind, source, "
                    u"detail, actor, occurred_at) VALUES (1, '+15557770001', 'opt_out', "
                    u"'keyword', 'STOP', 'system', 1)"_s)
                .isActive());

    QSqlQuery update(c);
    QVERIFY(!update.exec(u"UPDATE consent_events SET kind = 'opt_in'"_s));
    QVERIFY2(update.lastError().databaseText().contains(u"append-only"_s),
             qPrintable(update.lastError().text()));
    QSqlQuery remove(c);
    QVERIFY(!remove.exec(u"DELETE FROM consent_events"_s));
    QVERIFY(remove.lastError().databaseText().contains(u"append-only"_s));
    QCOMPARE(scalar(c, u"SELECT kind FROM consent_events"_s).toString(), u"opt_out"_s);

    // A later opt-in is a new event; the history stays.
    QVERIFY(exec(c, u"INSERT INTO consent_events (account_id, contact_number, kind, source, "
                    u"actor, occurred_at) VALUES (1, '+15557770001', 'opt_in', 'keyword', "
                    u"'system', 2)"_s)
                .isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM consent_events"_s).toInt(), 2);

    // The history goes only with its account.
    QVERIFY(exec(c, u"DELETE FROM accounts WHERE id = 1"_s).isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM consent_events"_s).toInt(), 0);
}

void TstSchema::auditLogIsAppendOnly()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    QVERIFY(exec(c, u"INSERT INTO audit_log (actor, action) VALUES ('sam', 'thread.resolve')"_s)
                .isActive());
    QSqlQuery query(c);
    QVERIFY(!query.exec(u"UPDATE audit_log SET actor = 'eve'"_s));
    QVERIFY(!query.exec(u"DELETE FROM audit_log"_s));
    QCOMPARE(scalar(c, u"SELECT actor FROM audit_log"_s).toString(), u"sam"_s);
}

void TstSchema::ftsFollowsMessagesAndContacts()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    RawConnection raw(path());
    QVERIFY(raw.runScript(
        u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), (2, 'Bakery');"
        u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
        u"VALUES (1, 1, '+15550100001', 'long_code', 1);"
        u"INSERT INTO contacts (account_id, number, name) VALUES (1, '+15557770001', 'Dana "
        u"Whitfield');"
        u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
        u"VALUES (1, 1, '+15557770001', 1);"
        u"INSERT INTO messages (id, account_id, thread_id, direction, from_number, to_number, "
        u"body, status, provider_sid, created_at, updated_at) VALUES "
        u"(1, 1, 1, 'in', '+15557770001', '+15550100001', 'Is the crème brûlée ready?', "
        u"'received', 'SM1', 1, 1),"
        u"(2, 1, 1, 'out', '+15550100001', '+15557770001', 'Yes, pick up at noon', 'sent', "
        u"'SM2', 2, 2),"
        u"(3, 1, NULL, 'in', '+15557770002', '+15550100009', 'wrong number', 'received', "
        u"'SM3', 3, 3);"_s));
    QVERIFY(ftsConsistent(c));
    QCOMPARE(search(c, u"creme"_s), QStringList{u"1"_s}); // diacritics folded
    QCOMPARE(search(c, u"whitfield"_s), (QStringList{u"1"_s, u"2"_s}));
    QCOMPARE(search(c, u"wrong"_s), QStringList{u"3"_s});

    QVERIFY(exec(c, u"UPDATE messages SET body = 'Is the tart ready?' WHERE id = 1"_s).isActive());
    QVERIFY(search(c, u"creme"_s).isEmpty());
    QCOMPARE(search(c, u"tart"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"UPDATE contacts SET name = 'Dana Okafor'"_s).isActive());
    QVERIFY(search(c, u"whitfield"_s).isEmpty());
    QCOMPARE(search(c, u"okafor"_s), (QStringList{u"1"_s, u"2"_s}));
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"INSERT INTO contacts (account_id, number, name) "
                    u"VALUES (1, '+15557770002', 'Lee Marsh')"_s)
                .isActive());
    QCOMPARE(search(c, u"marsh"_s), QStringList{u"3"_s});
    QVERIFY(exec(c, u"UPDATE contacts SET number = '+15557770003' WHERE name = 'Lee Marsh'"_s)
                .isActive());
    QVERIFY(search(c, u"marsh"_s).isEmpty());
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"DELETE FROM messages WHERE id = 2"_s).isActive());
    QCOMPARE(search(c, u"okafor"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"DELETE FROM contacts WHERE name = 'Dana Okafor'"_s).isActive());
    QVERIFY(search(c, u"okafor"_s).isEmpty());
    QCOMPARE(search(c, u"tart"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    // Cascades from an account delete keep the index in step too.
    QVERIFY(exec(c, u"DELETE FROM accounts WHERE id = 1"_s).isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM messages"_s).toInt(), 0);
    QVERIFY(search(c, u"tart"_s).isEmpty());
    QVERIFY(ftsConsistent(c));
}

QTEST_GUILESS_MAIN(TstSchema)
#include "tst_schema.moc"
