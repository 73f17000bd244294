// OutboxRows::failedMessage: what "send again" copies (thread, body, purpose) from the
// account's failed or undelivered outbound message, and nothing from any other message.
#include "AccountRows.h"
#include "Database.h"
#include "MessageStore.h"
#include "OutboxRows.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

using Purpose = ConsentLedger::MessagePurpose;

class TstOutboxRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failedMessage_data();
    void failedMessage();
    void failedMessageOfAnotherAccount();
    void failedMessageError();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    qint64 outgoing(qint64 thread, const QString &body, Purpose purpose, const QString &status);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_messages;
    qint64 m_acme = 0;
    qint64 m_other = 0;
    qint64 m_thread = 0;
    qint64 m_otherThread = 0;
    int m_refs = 0;
};

void TstOutboxRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"ob.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_messages = std::make_unique<MessageStore>(db());
    AccountRows accounts(db());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    const qint64 ours = accounts.createOrFindSenderNumber(m_acme, u"+15550100001"_s, 1.0);
    const qint64 theirs = accounts.createOrFindSenderNumber(m_other, u"+15550100002"_s, 1.0);
    QVERIFY(ours && theirs);
    m_thread = m_messages->findOrCreateThread(m_acme, u"+15557770001"_s, ours);
    m_otherThread = m_messages->findOrCreateThread(m_other, u"+15557770001"_s, theirs);
    QVERIFY(m_thread && m_otherThread);
}

void TstOutboxRows::cleanup()
{
    m_messages.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(u"ob.sqlite"_s));
}

qint64 TstOutboxRows::outgoing(qint64 thread, const QString &body, Purpose purpose,
                               const QString &status)
{
    OutgoingMessage message;
    message.threadId = thread;
    message.body = body;
    message.clientRef = u"ref-%1"_s.arg(++m_refs);
    message.purpose = purpose;
    qint64 id = 0;
    if (!m_messages->insertOutgoing(message, &id))
        return 0;
    if (!exec(db(), u"UPDATE messages SET status = ? WHERE id = ?"_s, {status, id}).isActive())
        return 0;
    return id;
}

void TstOutboxRows::failedMessage_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("purpose");
    QTest::addColumn<bool>("retryable");
    QTest::newRow("failed") << u"failed"_s << int(Purpose::Conversation) << true;
    QTest::newRow("undelivered") << u"undelivered"_s << int(Purpose::Conversation) << true;
    QTest::newRow("failed confirmation")
        << u"failed"_s << int(Purpose::KeywordConfirmation) << true;
    QTest::newRow("failed campaign") << u"failed"_s << int(Purpose::Campaign) << true;
    QTest::newRow("sent") << u"sent"_s << int(Purpose::Conversation) << false;
    QTest::newRow("delivered") << u"delivered"_s << int(Purpose::Conversation) << false;
    QTest::newRow("queued") << u"queued"_s << int(Purpose::Conversation) << false;
    QTest::newRow("blocked") << u"blocked"_s << int(Purpose::Conversation) << false;
}

void TstOutboxRows::failedMessage()
{
    QFETCH(QString, status);
    QFETCH(int, purpose);
    QFETCH(bool, retryable);
    const qint64 id = outgoing(m_thread, u"Your order shipped"_s, Purpose(purpose), status);
    QVERIFY(id);
    OutboxRows rows(db());
    const auto failed = rows.failedMessage(id, m_acme);
    QVERIFY(rows.errorString().isEmpty());
    QCOMPARE(failed.has_value(), retryable);
    if (!failed)
        return;
    QCOMPARE(failed->threadId, m_thread);
    QCOMPARE(failed->body, u"Your order shipped"_s);
    QCOMPARE(int(failed->purpose), purpose);
}

void TstOutboxRows::failedMessageOfAnotherAccount()
{
    const qint64 theirs = outgoing(m_otherThread, u"Hi"_s, Purpose::Conversation, u"failed"_s);
    QVERIFY(theirs);
    OutboxRows rows(db());
    QVERIFY(!rows.failedMessage(theirs, m_acme));
    QVERIFY(rows.failedMessage(theirs, m_other));
    // An inbound message is never sent again, whatever its status says.
    QVERIFY(exec(db(),
                 u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                 u"to_number, body, status, provider_sid, created_at, updated_at) VALUES (?, ?, "
                 u"'in', '+15557770001', '+15550100001', 'x', 'failed', 'SMin', 1, 1)"_s,
                 {m_acme, m_thread})
                .isActive());
    const qint64 inbound =
        StoreTestUtil::scalar(db(), u"SELECT id FROM messages WHERE provider_sid = 'SMin'"_s)
            .toLongLong();
    QVERIFY(inbound);
    QVERIFY(!rows.failedMessage(inbound, m_acme));
    QVERIFY(!rows.failedMessage(999999, m_acme));
    QVERIFY(rows.errorString().isEmpty());
}

void TstOutboxRows::failedMessageError()
{
    OutboxRows rows{QSqlDatabase()}; // never opened: every statement fails
    QVERIFY(!rows.failedMessage(1, m_acme));
    QVERIFY(!rows.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TstOutboxRows)
#include "tst_outboxrows.moc"
