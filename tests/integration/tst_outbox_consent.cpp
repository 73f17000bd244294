// The outbox honours consent: nothing reaches an opted-out customer but the confirmation of
// the keyword they texted, whether they opted out before the message was queued or while it
// waited. Also the hand-over of messages other jobs queued (adopt) and the async queue call.
#include "ConsentRows.h"
#include "OutboxFixture.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kSupport = u"+14155550100"_s;
constexpr int kWaitMs = 30000;

} // namespace

class TestOutboxConsent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void optedOutCustomerIsRefusedBeforeAnythingIsWritten();
    void optOutToAnotherNumberDoesNotBlock();
    void keywordConfirmationReachesAnOptedOutCustomer();
    void optOutWhileQueuedBlocksTheSend();
    void adoptedMessagesAreSentOnce();
    void asyncQueueAnswersOnThisThread();
    void retrySendsAFailedMessageAgain();
    void sendWaitsForTheTeamsConsentState();

private:
    bool optOut(const QString &customer, const QString &sender);
    qint64 threadWith(const QString &customer);
    int messageCount();

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<OutboxFixture> m_desk;
};

void TestOutboxConsent::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<OutboxFixture>();
}

void TestOutboxConsent::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

bool TestOutboxConsent::optOut(const QString &customer, const QString &sender)
{
    ConsentEvent event;
    event.contactNumber = customer;
    event.senderNumber = sender;
    event.kind = ConsentEvent::Kind::OptOut;
    event.source = ConsentEvent::Source::Keyword;
    event.detail = u"STOP"_s;
    event.actor = u"system"_s;
    event.occurredAt = QDateTime::currentDateTimeUtc();
    const qint64 account = m_desk->accountId;
    return m_desk->writer->call(
        [&](WriterContext &context) { return ConsentRows(context.db()).record(account, event); });
}

qint64 TestOutboxConsent::threadWith(const QString &customer)
{
    const qint64 account = m_desk->accountId;
    return m_desk->writer->call([&](WriterContext &context) -> qint64 {
        QSqlQuery query(context.db());
        query.prepare(u"SELECT id FROM sender_numbers WHERE number = ?"_s);
        query.addBindValue(kSupport);
        if (!query.exec() || !query.next())
            return 0;
        return context.messages->findOrCreateThread(account, customer, query.value(0).toLongLong());
    });
}

int TestOutboxConsent::messageCount()
{
    return m_desk->writer->call([](WriterContext &context) {
        QSqlQuery query(context.db());
        return query.exec(u"SELECT count(*) FROM messages"_s) && query.next()
                   ? query.value(0).toInt()
                   : -1;
    });
}

void TestOutboxConsent::optedOutCustomerIsRefusedBeforeAnythingIsWritten()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550301"_s;
    QVERIFY(optOut(customer, kSupport));
    QCOMPARE(m_desk->outbox->queueMessage(kSupport, customer, u"Still there?"_s, u"ana"_s), 0);
    QVERIFY2(m_desk->outbox->errorString().contains(u"opted out"_s),
             qPrintable(m_desk->outbox->errorString()));
    QVERIFY(m_desk->outbox->errorString().contains(u"STOP"_s));
    QCOMPARE(messageCount(), 0);
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 0);
}

void TestOutboxConsent::optOutToAnotherNumberDoesNotBlock()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550302"_s;
    // Per-number scope, as the provider applies it: a STOP to another of our numbers.
    QVERIFY(optOut(customer, u"+14155550199"_s));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QVERIFY(m_desk->outbox->queueMessage(kSupport, customer, u"Hello"_s, u"ana"_s) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);
}

void TestOutboxConsent::keywordConfirmationReachesAnOptedOutCustomer()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550303"_s;
    QVERIFY(optOut(customer, kSupport));
    const qint64 thread = threadWith(customer);
    QVERIFY(thread > 0);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QCOMPARE(m_desk->outbox->queueMessage(thread, u"More news?"_s, u"ana"_s), 0);
    const qint64 id =
        m_desk->outbox->queueMessage(thread, u"You are unsubscribed. Reply START to resubscribe."_s,
                                     u"system"_s, Outbox::Purpose::KeywordConfirmation);
    QVERIFY2(id > 0, qPrintable(m_desk->outbox->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    QCOMPARE(m_desk->column(id, u"purpose"_s).toString(), u"keyword_confirmation"_s);
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);
}

void TestOutboxConsent::optOutWhileQueuedBlocksTheSend()
{
    // One segment every 5 s: the second message waits for the bucket long enough for the
    // customer's STOP to arrive.
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 0.2));
    const QString customer = u"+14155550304"_s;
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QSignalSpy blocked(m_desk->outbox.get(), &Outbox::messageBlocked);
    QSignalSpy updated(m_desk->writer->changes(), &ChangeFeed::changed);
    const qint64 first = m_desk->outbox->queueMessage(kSupport, customer, u"One"_s, u"ana"_s);
    const qint64 second = m_desk->outbox->queueMessage(kSupport, customer, u"Two"_s, u"ana"_s);
    QVERIFY(first > 0 && second > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    QCOMPARE(sent.first().first().toLongLong(), first);
    QVERIFY(optOut(customer, kSupport));

    QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 1, kWaitMs);
    QCOMPARE(blocked.first().first().toLongLong(), second);
    QVERIFY(blocked.first().at(1).toString().contains(u"opted out"_s));
    QCOMPARE(m_desk->column(second, u"status"_s).toString(), u"blocked"_s);
    QVERIFY(m_desk->column(second, u"error_message"_s).toString().contains(u"STOP"_s));
    QVERIFY(m_desk->column(second, u"provider_sid"_s).isNull());
    // The blocked status reached the views through the change feed, with no announce call.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(updated.cbegin(), updated.cend(),
                    [second](const QList<QVariant> &signal) {
                        return signal.first().value<ChangeSet>().messagesUpdated().contains(second);
                    }),
        kWaitMs);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);
}

void TestOutboxConsent::adoptedMessagesAreSentOnce()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550305"_s;
    const qint64 thread = threadWith(customer);
    QVERIFY(thread > 0);
    // Another job (a campaign batch, a keyword reply) stores the message itself.
    const qint64 id = m_desk->writer->call([thread](WriterContext &context) -> qint64 {
        OutgoingMessage message;
        message.threadId = thread;
        message.body = u"Spring sale starts today"_s;
        message.clientRef = u"campaign:1:1"_s;
        message.purpose = ConsentLedger::MessagePurpose::Campaign;
        qint64 messageId = 0;
        return context.messages->insertOutgoing(message, &messageId) ? messageId : 0;
    });
    QVERIFY(id > 0);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    m_desk->outbox->adopt({id});
    m_desk->outbox->adopt({id}); // handed over twice
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    m_desk->outbox->adopt({id}); // and once more after it went out
    QTest::qWait(300);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);
}

void TestOutboxConsent::asyncQueueAnswersOnThisThread()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550306"_s;
    const qint64 thread = threadWith(customer);
    QVERIFY(thread > 0);
    QObject context;
    qint64 answeredId = -1;
    QString answeredError;
    m_desk->outbox->queueMessageAsync(thread, u"On my way"_s, u"ana"_s, &context,
                                      [&](qint64 messageId, const QString &error) {
                                          QCOMPARE(QThread::currentThread(), qApp->thread());
                                          answeredId = messageId;
                                          answeredError = error;
                                      });
    QTRY_VERIFY_WITH_TIMEOUT(answeredId >= 0, kWaitMs);
    QVERIFY2(answeredId > 0, qPrintable(answeredError));
    QCOMPARE(m_desk->column(answeredId, u"status"_s).isValid(), true);

    QVERIFY(optOut(customer, kSupport));
    answeredId = -1;
    m_desk->outbox->queueMessageAsync(thread, u"Again"_s, u"ana"_s, &context,
                                      [&](qint64 messageId, const QString &error) {
                                          answeredId = messageId;
                                          answeredError = error;
                                      });
    QTRY_VERIFY_WITH_TIMEOUT(answeredId >= 0, kWaitMs);
    QCOMPARE(answeredId, 0);
    QVERIFY(answeredError.contains(u"opted out"_s));
}

void TestOutboxConsent::retrySendsAFailedMessageAgain()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550307"_s;
    const qint64 thread = threadWith(customer);
    QVERIFY(thread > 0);
    const qint64 account = m_desk->accountId;
    // A message the carrier gave up on, as a sync stores it.
    const qint64 failed = m_desk->writer->call([&](WriterContext &context) -> qint64 {
        QSqlQuery query(context.db());
        query.prepare(u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                      u"to_number, body, status, provider_sid, error_code, error_message, "
                      u"created_at, updated_at) VALUES (?, ?, 'out', ?, ?, 'Your order shipped', "
                      u"'undelivered', 'SMfailed', 30003, 'Unreachable handset', 1, 1) "
                      u"RETURNING id"_s);
        for (const QVariant &value : QVariantList{account, thread, kSupport, customer})
            query.addBindValue(value);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    });
    QVERIFY(failed > 0);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QObject context;
    qint64 retried = -1;
    QString error;
    m_desk->outbox->retryAsync(failed, u"ana"_s, &context, [&](qint64 id, const QString &e) {
        retried = id;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(retried >= 0, kWaitMs);
    QVERIFY2(retried > 0 && retried != failed, qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QJsonArray atProvider = m_sandbox->messagesTo(customer);
    QCOMPARE(atProvider.size(), 1);
    QCOMPARE(atProvider.first()[u"body"_s].toString(), u"Your order shipped"_s);
    QCOMPARE(m_desk->column(failed, u"status"_s).toString(), u"undelivered"_s);
    // The copy takes the failure's place in the thread; the failure is not retried twice.
    QCOMPARE(m_desk->column(failed, u"retried_by"_s).toLongLong(), retried);
    const qint64 copy = retried;
    retried = -1;
    m_desk->outbox->retryAsync(failed, u"ana"_s, &context, [&](qint64 id, const QString &e) {
        retried = id;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(retried >= 0, kWaitMs);
    QCOMPARE(retried, 0);
    QVERIFY2(error.contains(u"already sent again"_s), qPrintable(error));
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);
    QVERIFY(m_desk->column(copy, u"retried_by"_s).isNull());

    // A permanent refusal (unsubscribed, invalid number, a voice-only sender) is not sent
    // again: the same request would fail the same way.
    const qint64 refused = m_desk->writer->call([&](WriterContext &context) -> qint64 {
        QSqlQuery query(context.db());
        query.prepare(u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                      u"to_number, body, status, client_ref, error_code, error_message, "
                      u"created_at, updated_at) VALUES (?, ?, 'out', ?, ?, 'Hello', 'failed', "
                      u"'ref-21606', 21606, 'Not an SMS-capable number', 2, 2) RETURNING id"_s);
        for (const QVariant &value : QVariantList{account, thread, kSupport, customer})
            query.addBindValue(value);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    });
    QVERIFY(refused > 0);
    retried = -1;
    m_desk->outbox->retryAsync(refused, u"ana"_s, &context, [&](qint64 id, const QString &e) {
        retried = id;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(retried >= 0, kWaitMs);
    QCOMPARE(retried, 0);
    QVERIFY2(error.contains(u"21606"_s), qPrintable(error));
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 1);

    // Only a failed outbound message can be retried.
    retried = -1;
    m_desk->outbox->retryAsync(retried, u"ana"_s, &context, [&](qint64 id, const QString &e) {
        retried = id;
        error = e;
    });
    QTRY_VERIFY_WITH_TIMEOUT(retried >= 0, kWaitMs);
    QCOMPARE(retried, 0);
    QVERIFY(error.contains(u"nothing to retry"_s));
}

void TestOutboxConsent::sendWaitsForTheTeamsConsentState()
{
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString customer = u"+14155550306"_s;
    // A team's desktop: each send first asks whether the team's consent state is fresh. The
    // team log cannot be read yet ...
    bool fresh = false;
    int asked = 0;
    m_desk->outbox->setConsentGate([&](QObject *, std::function<void(bool)> done) {
        ++asked;
        done(fresh);
    });
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QSignalSpy blocked(m_desk->outbox.get(), &Outbox::messageBlocked);
    const qint64 id = m_desk->outbox->queueMessage(kSupport, customer, u"Hi again"_s, u"ana"_s);
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(asked >= 1, kWaitMs);
    // ... so nothing leaves, and the message waits in the outbox.
    QVERIFY(sent.isEmpty());
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 0);
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"queued"_s);
    // Reading the log brings a teammate's unsubscribe; then the state is fresh.
    QVERIFY(optOut(customer, kSupport));
    fresh = true;
    QTRY_COMPARE_WITH_TIMEOUT(blocked.size(), 1, kWaitMs);
    QVERIFY(asked >= 2);
    QVERIFY(sent.isEmpty());
    QCOMPARE(m_sandbox->messagesTo(customer).size(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxConsent)
#include "tst_outbox_consent.moc"
