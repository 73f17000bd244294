// A send-only notification number lent by its owner to another account: the borrower can
// send from it (the message is the borrower's, in a borrower thread, its consent checked in
// the borrower's ledger, and it reaches the provider), a number not lent cannot be used, and
// replies to it reach no inbox of either account.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "ConsentRows.h"
#include "Outbox.h"
#include "SandboxState.h"
#include "SenderNumberRows.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace sandbox;

using StoreTestUtil::scalar;

class TestLentNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void borrowerSendsFromTheLentNumber();
    void borrowerConsentIsChecked();
    void notLentIsRefused();
    void repliesStayUnrouted();

private:
    QVariant value(const QString &sql, const QVariantList &values = {});
    bool optOut(qint64 account, const QString &customer, const QString &sender);

    std::unique_ptr<QTemporaryDir> m_dir; // one profile per test
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<Outbox> m_outbox; // the borrower's
    qint64 m_owner = 0;
    qint64 m_borrower = 0;
    QString m_lent;   // send-only, lent to the borrower
    QString m_unlent; // the owner's two-way number
};

QVariant TestLentNumber::value(const QString &sql, const QVariantList &values)
{
    return m_writer->call([&](WriterContext &c) { return scalar(c.db(), sql, values); });
}

bool TestLentNumber::optOut(qint64 account, const QString &customer, const QString &sender)
{
    ConsentEvent event;
    event.contactNumber = customer;
    event.senderNumber = sender;
    event.kind = ConsentEvent::Kind::OptOut;
    event.source = ConsentEvent::Source::Agent;
    event.actor = u"ana"_s;
    event.occurredAt = QDateTime::currentDateTimeUtc();
    return m_writer->call(
        [&](WriterContext &c) { return ConsentRows(c.db()).record(account, event); });
}

void TestLentNumber::init()
{
    SandboxOptions options;
    options.speed = 100.0;
    options.seed = 11;
    options.replyRate = 0.0;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    // Two SMS-capable long codes of the sandbox.
    QStringList longCodes;
    for (const SenderNumber &n : m_server->state().numbers.all()) {
        if (n.sms && n.kind == SenderNumber::Kind::LongCode)
            longCodes.append(n.number);
    }
    QVERIFY(longCodes.size() >= 2);
    m_lent = longCodes.at(0);
    m_unlent = longCodes.at(1);
    m_client = std::make_unique<TwilioClient>(
        &m_network,
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl()),
        m_server->authToken());
    m_dir = std::make_unique<QTemporaryDir>();
    m_writer = std::make_unique<StoreWriter>(m_dir->filePath(u"profile.sqlite"_s));
    QVERIFY(m_writer->open());
    const QString sid = m_server->accountSid();
    QString error;
    const bool ok = m_writer->call([&](WriterContext &c) {
        AccountRows accounts(c.db());
        m_owner = accounts.createOrFind(u"Owner"_s, sid);
        m_borrower = accounts.createOrFind(u"Borrower"_s, u"AC0000000000000000000000000000b0b0"_s);
        const qint64 lent = accounts.createOrFindSenderNumber(m_owner, m_lent, 1.0);
        const qint64 unlent = accounts.createOrFindSenderNumber(m_owner, m_unlent, 1.0);
        SenderNumberRows numbers(c.db());
        const bool done = lent && unlent && numbers.setSendOnly(m_owner, lent, true, u"admin"_s) &&
                          numbers.assign(lent, m_borrower, u"admin"_s);
        error = numbers.errorString() + accounts.errorString();
        return done;
    });
    QVERIFY2(ok, qPrintable(error));
    m_outbox = std::make_unique<Outbox>(m_writer.get(), m_client.get(), m_borrower);
    QVERIFY(m_outbox->start());
}

void TestLentNumber::cleanup()
{
    m_outbox.reset();
    m_writer.reset();
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

void TestLentNumber::borrowerSendsFromTheLentNumber()
{
    QSignalSpy sent(m_outbox.get(), &Outbox::messageSent);
    const QString customer = u"+14155550142"_s;
    const qint64 id = m_outbox->queueMessage(m_lent, customer, u"Your order shipped."_s, u"bo"_s);
    QVERIFY2(id > 0, qPrintable(m_outbox->errorString()));
    // The borrower's message, in a borrower's thread on the lent number.
    QCOMPARE(value(u"SELECT account_id FROM messages WHERE id = ?"_s, {id}).toLongLong(),
             m_borrower);
    QCOMPARE(value(u"SELECT t.account_id FROM messages m JOIN threads t ON t.id = m.thread_id "
                   u"WHERE m.id = ?"_s,
                   {id})
                 .toLongLong(),
             m_borrower);
    QCOMPARE(value(u"SELECT from_number FROM messages WHERE id = ?"_s, {id}).toString(), m_lent);
    QCOMPARE(value(u"SELECT count(*) FROM threads WHERE account_id = ?"_s, {m_owner}).toInt(), 0);
    QVERIFY(sent.wait(30000));
    QCOMPARE(sent.first().first().toLongLong(), id);
    const QString sid = sent.first().at(1).toString();
    QCOMPARE(value(u"SELECT provider_sid FROM messages WHERE id = ?"_s, {id}).toString(), sid);
}

void TestLentNumber::borrowerConsentIsChecked()
{
    const QString customer = u"+14155550143"_s;
    QVERIFY(optOut(m_borrower, customer, m_lent));
    const int before = value(u"SELECT count(*) FROM messages"_s).toInt();
    QCOMPARE(m_outbox->queueMessage(m_lent, customer, u"Sale today"_s, u"bo"_s), 0);
    QVERIFY2(m_outbox->errorString().contains(u"opted out"_s, Qt::CaseInsensitive),
             qPrintable(m_outbox->errorString()));
    QCOMPARE(value(u"SELECT count(*) FROM messages"_s).toInt(), before);
}

void TestLentNumber::notLentIsRefused()
{
    const int before = value(u"SELECT count(*) FROM messages"_s).toInt();
    QCOMPARE(m_outbox->queueMessage(m_unlent, u"+14155550144"_s, u"Hi"_s, u"bo"_s), 0);
    QVERIFY2(m_outbox->errorString().contains(m_unlent), qPrintable(m_outbox->errorString()));
    QVERIFY2(m_outbox->errorString().contains(u"not lent"_s), qPrintable(m_outbox->errorString()));
    QCOMPARE(value(u"SELECT count(*) FROM messages"_s).toInt(), before);
    QCOMPARE(value(u"SELECT count(*) FROM threads"_s).toInt(), 0);
}

void TestLentNumber::repliesStayUnrouted()
{
    // The reply as either account's sync would store it.
    int n = 0;
    for (const qint64 account : {m_owner, m_borrower}) {
        MessageRecord reply;
        reply.sid = u"SM%1"_s.arg(QString::number(++n).rightJustified(32, u'0'));
        reply.direction = MessageRecord::Direction::Inbound;
        reply.from = u"+14155550145"_s;
        reply.to = m_lent;
        reply.body = u"Who is this?"_s;
        reply.status = u"received"_s;
        reply.dateCreated = reply.dateUpdated = QDateTime::currentDateTimeUtc();
        QVERIFY(m_writer->call(
            [&](WriterContext &c) { return c.messages->upsertPage(account, {reply}, nullptr); }));
        QVERIFY(value(u"SELECT thread_id FROM messages WHERE provider_sid = ?"_s, {reply.sid})
                    .isNull());
    }
    QCOMPARE(value(u"SELECT count(*) FROM threads"_s).toInt(), 0);
    // The owner's admin sees its reply in the unrouted list.
    const auto unrouted = m_writer->call(
        [&](WriterContext &c) { return SenderNumberRows(c.db()).unroutedReplies(m_owner); });
    QVERIFY(unrouted);
    QCOMPARE(unrouted->size(), 1);
    QCOMPARE(unrouted->first().to, m_lent);
}

QTEST_GUILESS_MAIN(TestLentNumber)
#include "tst_lentnumber.moc"
