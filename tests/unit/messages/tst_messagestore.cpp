#include "ChangeRecorder.h"
#include "Database.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

namespace {

const QString OurA = u"+15550100001"_s;
const QString OurB = u"+15550100002"_s;
const QString Notify = u"+15550100003"_s; // send-only notification number
const QString OtherAccounts = u"+15550200001"_s;
const QString Customer = u"+15557770001"_s;
const QString Customer2 = u"+15557770002"_s;
constexpr qint64 Account = 1;

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC).addSecs(minute * 60);
}

MessageRecord inbound(const QString &sid, const QString &from, const QString &to,
                      const QString &body, int minute)
{
    MessageRecord r;
    r.sid = sid;
    r.direction = MessageRecord::Direction::Inbound;
    r.from = from;
    r.to = to;
    r.body = body;
    r.status = u"received"_s;
    r.dateCreated = at(minute);
    r.dateUpdated = at(minute);
    return r;
}

MessageRecord outbound(const QString &sid, const QString &from, const QString &to,
                       const QString &body, int minute, const QString &status = u"sent"_s)
{
    MessageRecord r = inbound(sid, from, to, body, minute);
    r.direction = MessageRecord::Direction::Outbound;
    r.status = status;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(MessageRecord)

class TstMessageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void threadPerCustomerAndSenderNumber();
    void repeatedPageChangesNothing();
    void statusUpdates();
    void newInboundReopensResolvedThread();
    void newInboundWakesSnoozedOpenThread();
    void olderMessageDoesNotBecomeLast();
    void sidRepeatedWithinPage();
    void unrouted_data();
    void unrouted();
    void badRecordIsKeptAside_data();
    void badRecordIsKeptAside();
    void outgoingThenSid();
    void syncCopyMergedOnAttach();
    void attachSidErrors();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    qint64 threadCount() const
    {
        return scalar(db(), u"SELECT count(*) FROM threads"_s).toLongLong();
    }
    QVariant threadField(qint64 id, const QString &column) const
    {
        // column is one of this test's literals, never data.
        return scalar(db(), u"SELECT "_s + column + u" FROM threads WHERE id = ?"_s, {id});
    }
    QVariant messageField(const QString &sid, const QString &column) const
    {
        return scalar(db(), u"SELECT "_s + column + u" FROM messages WHERE provider_sid = ?"_s,
                      {sid});
    }
    bool upsert(const QList<MessageRecord> &page, UpsertStats *stats = nullptr)
    {
        UpsertStats local;
        const bool ok = m_store->upsertPage(Account, page, stats ? stats : &local);
        if (!ok)
            qWarning("upsertPage: %s", qPrintable(m_store->errorString()));
        return ok;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_store;
    std::unique_ptr<ChangeRecorder> m_changes; // what the writer's change feed would publish
};

void TstMessageStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"profile.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY(exec(db(), u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), (2, 'Bakery')"_s)
                .isActive());
    QVERIFY(exec(db(),
                 u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps, "
                 u"send_only_notifications) VALUES (1, ?, 'long_code', 1, 0), "
                 u"(1, ?, 'toll_free', 3, 0), (1, ?, 'long_code', 1, 1), "
                 u"(2, ?, 'long_code', 1, 0)"_s,
                 {OurA, OurB, Notify, OtherAccounts})
                .isActive());
    m_store = std::make_unique<MessageStore>(db());
    m_changes = std::make_unique<ChangeRecorder>();
    QVERIFY(m_changes->install(db()));
}

void TstMessageStore::cleanup()
{
    m_changes.reset();
    m_store.reset(); // before the Database that owns the connection
    m_db.reset();
    m_dir.reset();
}

void TstMessageStore::threadPerCustomerAndSenderNumber()
{
    UpsertStats stats;
    QVERIFY(upsert({inbound(u"SM1"_s, Customer, OurA, u"hi A"_s, 1),
                    inbound(u"SM2"_s, Customer, OurB, u"hi B"_s, 2),
                    outbound(u"SM3"_s, OurA, Customer, u"hello from A"_s, 3),
                    inbound(u"SM4"_s, Customer2, OurA, u"other customer"_s, 4)},
                   &stats));
    QCOMPARE(stats.inserted, 4);
    QCOMPARE(stats.unrouted, 0);
    QCOMPARE(threadCount(), 3);

    const qint64 threadA = messageField(u"SM1"_s, u"thread_id"_s).toLongLong();
    const qint64 threadB = messageField(u"SM2"_s, u"thread_id"_s).toLongLong();
    QVERIFY(threadA != threadB);
    QCOMPARE(messageField(u"SM3"_s, u"thread_id"_s).toLongLong(), threadA);
    QVERIFY(messageField(u"SM4"_s, u"thread_id"_s).toLongLong() != threadA);
    QCOMPARE(threadField(threadA, u"customer_number"_s).toString(), Customer);
    QCOMPARE(scalar(db(),
                    u"SELECT s.number FROM threads t JOIN sender_numbers s "
                    u"ON s.id = t.sender_number_id WHERE t.id = ?"_s,
                    {threadB})
                 .toString(),
             OurB);
    QCOMPARE(threadField(threadA, u"provider_keyword"_s).toString(), QString());
    // Aggregates: our reply is the newest in A; one unread inbound in each thread.
    QCOMPARE(threadField(threadA, u"last_message_id"_s), messageField(u"SM3"_s, u"id"_s));
    QCOMPARE(threadField(threadA, u"last_message_preview"_s).toString(), u"hello from A"_s);
    QCOMPARE(threadField(threadA, u"last_message_at"_s).toLongLong(), at(3).toMSecsSinceEpoch());
    QCOMPARE(threadField(threadA, u"unread_count"_s).toInt(), 1);
    QCOMPARE(threadField(threadB, u"unread_count"_s).toInt(), 1);
    QCOMPARE(stats.newInbound.size(), 3);
    QVERIFY(stats.newInbound.contains(messageField(u"SM4"_s, u"id"_s).toLongLong()));
    QCOMPARE(stats.changedThreads.size(), 3);
}

void TstMessageStore::repeatedPageChangesNothing()
{
    const QList<MessageRecord> page = {inbound(u"SM1"_s, Customer, OurA, u"one"_s, 1),
                                       inbound(u"SM2"_s, Customer, OurA, u"two"_s, 2),
                                       outbound(u"SM3"_s, OurA, Customer, u"three"_s, 3),
                                       inbound(u"SM4"_s, Customer, u"+15559999999"_s, u"x"_s, 4)};
    UpsertStats first;
    QVERIFY(upsert(page, &first));
    QCOMPARE(first.inserted, page.size());
    const QStringList snapshot = {
        scalar(db(), u"SELECT group_concat(unread_count || ':' || last_message_id || ':' || "
                     u"status) FROM threads"_s)
            .toString(),
        scalar(db(), u"SELECT count(*) || ':' || total(id) FROM messages"_s).toString()};

    QVERIFY(!m_changes->takeCommitted().isEmpty()); // the first page changed rows
    UpsertStats second;
    QVERIFY(upsert(page, &second));
    QCOMPARE(second.inserted, 0);
    QCOMPARE(second.updated, 0);
    QCOMPARE(second.unchanged, page.size());
    QCOMPARE(second.unrouted, first.unrouted);
    QVERIFY(second.newInbound.isEmpty());
    QVERIFY(second.changedThreads.isEmpty());
    // Nothing written, so nothing for the change feed to publish.
    QVERIFY(m_changes->takeCommitted().isEmpty());
    const QStringList after = {
        scalar(db(), u"SELECT group_concat(unread_count || ':' || last_message_id || ':' || "
                     u"status) FROM threads"_s)
            .toString(),
        scalar(db(), u"SELECT count(*) || ':' || total(id) FROM messages"_s).toString()};
    QCOMPARE(after, snapshot);
}

void TstMessageStore::statusUpdates()
{
    QVERIFY(upsert({outbound(u"SM1"_s, OurA, Customer, u"Your order is ready"_s, 1, u"queued"_s)}));
    const qint64 thread = messageField(u"SM1"_s, u"thread_id"_s).toLongLong();
    MessageRecord delivered =
        outbound(u"SM1"_s, OurA, Customer, u"Your order is ready"_s, 1, u"delivered"_s);
    delivered.dateSent = at(2);
    delivered.dateUpdated = at(3);
    delivered.price = u"-0.00790"_s;
    delivered.priceUnit = u"USD"_s;
    delivered.numSegments = 2;
    m_changes->takeCommitted();
    UpsertStats stats;
    QVERIFY(upsert({delivered}, &stats));
    QCOMPARE(stats.updated, 1);
    QCOMPARE(stats.inserted, 0);
    // The commit names the message as updated (not added).
    const ChangeSet changes = m_changes->takeCommitted();
    QCOMPARE(changes.messagesUpdated(), QSet<qint64>{messageField(u"SM1"_s, u"id"_s).toLongLong()});
    QVERIFY(changes.messagesAdded().isEmpty());
    QCOMPARE(messageField(u"SM1"_s, u"status"_s).toString(), u"delivered"_s);
    QCOMPARE(messageField(u"SM1"_s, u"price"_s).toString(), u"-0.00790"_s);
    QCOMPARE(messageField(u"SM1"_s, u"segments"_s).toInt(), 2);
    QCOMPARE(messageField(u"SM1"_s, u"sent_at"_s).toLongLong(), at(2).toMSecsSinceEpoch());
    QCOMPARE(messageField(u"SM1"_s, u"updated_at"_s).toLongLong(), at(3).toMSecsSinceEpoch());

    MessageRecord failed = delivered;
    failed.status = u"undelivered"_s;
    failed.errorCode = 30006;
    failed.errorMessage = u"Landline or unreachable carrier"_s;
    QVERIFY(upsert({failed}));
    QCOMPARE(messageField(u"SM1"_s, u"error_code"_s).toInt(), 30006);
    QCOMPARE(messageField(u"SM1"_s, u"status"_s).toString(), u"undelivered"_s);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 1);
    QCOMPARE(threadField(thread, u"unread_count"_s).toInt(), 0);
}

void TstMessageStore::newInboundReopensResolvedThread()
{
    QVERIFY(upsert({inbound(u"SM1"_s, Customer, OurA, u"question"_s, 1)}));
    const qint64 thread = messageField(u"SM1"_s, u"thread_id"_s).toLongLong();
    QVERIFY(exec(db(),
                 u"UPDATE threads SET status = 'resolved', unread_count = 0, "
                 u"snoozed_until = ? WHERE id = ?"_s,
                 {at(600).toMSecsSinceEpoch(), thread})
                .isActive());

    // The same message again (say a status refresh) does not reopen it.
    MessageRecord again = inbound(u"SM1"_s, Customer, OurA, u"question"_s, 1);
    again.dateUpdated = at(5);
    QVERIFY(upsert({again}));
    QCOMPARE(threadField(thread, u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(threadField(thread, u"unread_count"_s).toInt(), 0);

    QVERIFY(upsert({inbound(u"SM2"_s, Customer, OurA, u"one more thing"_s, 10)}));
    QCOMPARE(threadField(thread, u"status"_s).toString(), u"open"_s);
    QVERIFY(threadField(thread, u"snoozed_until"_s).isNull());
    QCOMPARE(threadField(thread, u"unread_count"_s).toInt(), 1);
    QCOMPARE(threadField(thread, u"last_message_preview"_s).toString(), u"one more thing"_s);
}

void TstMessageStore::newInboundWakesSnoozedOpenThread()
{
    QVERIFY(upsert({inbound(u"SM1"_s, Customer, OurA, u"question"_s, 1)}));
    const qint64 thread = messageField(u"SM1"_s, u"thread_id"_s).toLongLong();
    QVERIFY(exec(db(), u"UPDATE threads SET snoozed_until = ? WHERE id = ?"_s,
                 {at(600).toMSecsSinceEpoch(), thread})
                .isActive());
    // Our own reply does not wake it: only the customer writing again does.
    QVERIFY(upsert({outbound(u"SM2"_s, OurA, Customer, u"we'll check"_s, 2)}));
    QCOMPARE(threadField(thread, u"snoozed_until"_s).toLongLong(), at(600).toMSecsSinceEpoch());
    QVERIFY(upsert({inbound(u"SM3"_s, Customer, OurA, u"any news?"_s, 3)}));
    QVERIFY(threadField(thread, u"snoozed_until"_s).isNull());
    QCOMPARE(threadField(thread, u"status"_s).toString(), u"open"_s);
}

void TstMessageStore::olderMessageDoesNotBecomeLast()
{
    QVERIFY(upsert({inbound(u"SM2"_s, Customer, OurA, u"newer"_s, 10)}));
    QVERIFY(upsert({inbound(u"SM1"_s, Customer, OurA, u"older   one\nwith lines"_s, 1)}));
    const qint64 thread = messageField(u"SM2"_s, u"thread_id"_s).toLongLong();
    QCOMPARE(threadField(thread, u"last_message_id"_s), messageField(u"SM2"_s, u"id"_s));
    QCOMPARE(threadField(thread, u"last_message_preview"_s).toString(), u"newer"_s);
    QCOMPARE(threadField(thread, u"unread_count"_s).toInt(), 2);
}

void TstMessageStore::sidRepeatedWithinPage()
{
    QVERIFY(upsert({inbound(u"SM1"_s, Customer, OurA, u"old"_s, 1)}));
    UpsertStats stats;
    // Pages that overlap can repeat a message; new and existing ones mix.
    QVERIFY(upsert({inbound(u"SM2"_s, Customer, OurA, u"two"_s, 2),
                    inbound(u"SM2"_s, Customer, OurA, u"two"_s, 2),
                    inbound(u"SM1"_s, Customer, OurA, u"old"_s, 1)},
                   &stats));
    QCOMPARE(stats.inserted, 1);
    QCOMPARE(stats.unchanged, 2);
    QCOMPARE(stats.newInbound, QList<qint64>{messageField(u"SM2"_s, u"id"_s).toLongLong()});
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 2);
    const qint64 thread = messageField(u"SM2"_s, u"thread_id"_s).toLongLong();
    QCOMPARE(threadField(thread, u"unread_count"_s).toInt(), 2);
    QCOMPARE(threadField(thread, u"last_message_preview"_s).toString(), u"two"_s);
}

void TstMessageStore::unrouted_data()
{
    QTest::addColumn<MessageRecord>("record");
    QTest::newRow("reply to an unknown number")
        << inbound(u"SM1"_s, Customer, u"+15559999999"_s, u"hello?"_s, 1);
    QTest::newRow("reply to a send-only notification number")
        << inbound(u"SM1"_s, Customer, Notify, u"STOP"_s, 1);
    QTest::newRow("reply to another account's number")
        << inbound(u"SM1"_s, Customer, OtherAccounts, u"hi"_s, 1);
    QTest::newRow("notification sent from a send-only number")
        << outbound(u"SM1"_s, Notify, Customer, u"Your code is 1234"_s, 1);
}

void TstMessageStore::unrouted()
{
    QFETCH(MessageRecord, record);
    UpsertStats stats;
    QVERIFY(upsert({record}, &stats));
    QCOMPARE(stats.inserted, 1);
    QCOMPARE(stats.unrouted, 1);
    QVERIFY(stats.changedThreads.isEmpty());
    QVERIFY(messageField(record.sid, u"thread_id"_s).isNull());
    QCOMPARE(messageField(record.sid, u"account_id"_s).toLongLong(), Account);
    QCOMPARE(threadCount(), 0);
    // Inbound still goes on to keyword processing (a STOP to a notification number counts).
    QCOMPARE(stats.newInbound.size(),
             record.direction == MessageRecord::Direction::Inbound ? 1 : 0);
}

void TstMessageStore::badRecordIsKeptAside_data()
{
    QTest::addColumn<MessageRecord>("bad");
    QTest::addColumn<QString>("reason");
    MessageRecord status = inbound(u"SMbad"_s, Customer, OurA, u"x"_s, 2);
    status.status = u"teleported"_s;
    QTest::newRow("unknown status") << status << u"SMbad has an unknown status"_s;
    MessageRecord date = inbound(u"SMbad"_s, Customer, OurA, u"x"_s, 2);
    date.dateCreated = QDateTime();
    QTest::newRow("no creation date") << date << u"SMbad has no creation date"_s;
    QTest::newRow("no sid") << inbound(QString(), Customer, OurA, u"x"_s, 2) << u"no sid"_s;
    QTest::newRow("no number") << inbound(u"SMbad"_s, QString(), OurA, u"x"_s, 2)
                               << u"SMbad has no from"_s;
}

void TstMessageStore::badRecordIsKeptAside()
{
    // A record the store cannot take never fails its page (issue 15): it is kept aside with
    // the reason and the rest of the page is stored.
    QFETCH(MessageRecord, bad);
    QFETCH(QString, reason);
    UpsertStats stats;
    QVERIFY2(m_store->upsertPage(Account, {inbound(u"SM1"_s, Customer, OurA, u"fine"_s, 1), bad},
                                 &stats),
             qPrintable(m_store->errorString()));
    QCOMPARE(stats.inserted, 1);
    QCOMPARE(stats.skipped.size(), 1);
    QVERIFY2(stats.skipped.first().reason.contains(reason),
             qPrintable(stats.skipped.first().reason));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 1);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM skipped_provider_messages"_s).toInt(), 1);
    QCOMPARE(threadCount(), 1);
    // Stored later (a newer version knows the word): no longer kept aside.
    if (!bad.sid.isEmpty()) {
        QVERIFY(upsert({inbound(u"SMbad"_s, Customer, OurA, u"x"_s, 2)}));
        QCOMPARE(scalar(db(), u"SELECT count(*) FROM skipped_provider_messages"_s).toInt(), 0);
    }
}

void TstMessageStore::outgoingThenSid()
{
    const qint64 senderA =
        scalar(db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {OurA}).toLongLong();
    bool created = false;
    const qint64 thread = m_store->findOrCreateThread(Account, Customer, senderA, {}, &created);
    QVERIFY2(thread > 0, qPrintable(m_store->errorString()));
    QVERIFY(created);
    QCOMPARE(m_store->findOrCreateThread(Account, Customer, senderA, {}, &created), thread);
    QVERIFY(!created);

    OutgoingMessage out;
    out.threadId = thread;
    out.body = u"Running 10 minutes late"_s;
    out.clientRef = u"ref-1"_s;
    out.author = u"sam"_s;
    out.encoding = u"gsm7"_s;
    qint64 id = 0;
    QVERIFY2(m_store->insertOutgoing(out, &id), qPrintable(m_store->errorString()));
    QCOMPARE(scalar(db(),
                    u"SELECT status || ' ' || from_number || ' ' || to_number || ' ' || "
                    u"author FROM messages WHERE id = ?"_s,
                    {id})
                 .toString(),
             u"queued "_s + OurA + u' ' + Customer + u" sam"_s);
    QCOMPARE(threadField(thread, u"last_message_id"_s).toLongLong(), id);
    // Asking again with the same reference (a retry after a crash) finds the first message.
    OutgoingMessage again = out;
    qint64 againId = 0;
    QVERIFY2(m_store->insertOutgoing(again, &againId), qPrintable(m_store->errorString()));
    QCOMPARE(againId, id);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 1);
    // The same reference in another thread is a caller's bug, not a retry.
    const qint64 otherThread = m_store->findOrCreateThread(Account, Customer2, senderA);
    OutgoingMessage clash = out;
    clash.threadId = otherThread;
    QVERIFY(!m_store->insertOutgoing(clash));
    QVERIFY(m_store->errorString().contains(u"ref-1"_s));
    // A body over the provider's 1,600 characters is refused before anything is written.
    OutgoingMessage tooLong = out;
    tooLong.clientRef = u"ref-long"_s;
    tooLong.body = QString(OutgoingMessage::MaxBodyChars + 1, u'a');
    QVERIFY(!m_store->insertOutgoing(tooLong));
    QVERIFY2(m_store->errorString().contains(u"1601 characters"_s),
             qPrintable(m_store->errorString()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages WHERE client_ref = 'ref-long'"_s).toInt(),
             0);

    QVERIFY2(m_store->attachSid(u"ref-1"_s, u"SMout"_s, u"queued"_s),
             qPrintable(m_store->errorString()));
    QCOMPARE(messageField(u"SMout"_s, u"id"_s).toLongLong(), id);

    // The next sync page updates the same row and keeps what only we know.
    UpsertStats stats;
    QVERIFY(upsert({outbound(u"SMout"_s, OurA, Customer, out.body, 1, u"delivered"_s)}, &stats));
    QCOMPARE(stats.inserted, 0);
    QCOMPARE(stats.updated, 1);
    QCOMPARE(messageField(u"SMout"_s, u"status"_s).toString(), u"delivered"_s);
    QCOMPARE(messageField(u"SMout"_s, u"author"_s).toString(), u"sam"_s);
    QCOMPARE(messageField(u"SMout"_s, u"client_ref"_s).toString(), u"ref-1"_s);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 1);
}

void TstMessageStore::syncCopyMergedOnAttach()
{
    const qint64 senderA =
        scalar(db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {OurA}).toLongLong();
    OutgoingMessage out;
    out.threadId = m_store->findOrCreateThread(Account, Customer, senderA);
    out.body = u"See you at 3"_s;
    out.clientRef = u"ref-2"_s;
    out.author = u"kim"_s;
    qint64 id = 0;
    QVERIFY(m_store->insertOutgoing(out, &id));
    // The send call is slow; a sync page meanwhile brings the provider's copy.
    MessageRecord copy = outbound(u"SMx"_s, OurA, Customer, out.body, 1, u"delivered"_s);
    copy.price = u"-0.0079"_s;
    QVERIFY(upsert({copy}));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 2);

    QVERIFY2(m_store->attachSid(u"ref-2"_s, u"SMx"_s, u"queued"_s),
             qPrintable(m_store->errorString()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 1);
    QCOMPARE(messageField(u"SMx"_s, u"id"_s).toLongLong(), id);
    QCOMPARE(messageField(u"SMx"_s, u"status"_s).toString(), u"delivered"_s);
    QCOMPARE(messageField(u"SMx"_s, u"price"_s).toString(), u"-0.0079"_s);
    QCOMPARE(messageField(u"SMx"_s, u"author"_s).toString(), u"kim"_s);
    QVERIFY(!threadField(out.threadId, u"last_message_id"_s).isNull());
}

void TstMessageStore::attachSidErrors()
{
    QVERIFY(!m_store->attachSid(u"nope"_s, u"SM1"_s, u"queued"_s));
    QVERIFY(m_store->errorString().contains(u"no message with client reference nope"_s));
    QVERIFY(!m_store->attachSid(u"nope"_s, u"SM1"_s, u"warp"_s));
    QVERIFY(m_store->errorString().contains(u"unknown status"_s));
}

QTEST_GUILESS_MAIN(TstMessageStore)
#include "tst_messagestore.moc"
