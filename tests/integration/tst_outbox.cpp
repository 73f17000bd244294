// The outbox against the real sandbox over loopback: queued-first writes, retries of every
// fault, reconciliation of lost creates, permanent failures, offline sending and pacing.
#include "OutboxFixture.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const QString kSupport = u"+14155550100"_s;
constexpr int kWaitMs = 30000;

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void queuedRowIsWrittenBeforeTheAnswer();
    void sentMessageIsDelivered();
    void serverErrorsAreRetriedExactlyOnce_data();
    void serverErrorsAreRetriedExactlyOnce();
    void rateLimitIsRetried_data();
    void rateLimitIsRetried();
    void droppedCreateIsNotResentByTheTransport();
    void droppedCreateIsReconciledNotResent();
    void permanentErrorsFail_data();
    void permanentErrorsFail();
    void offlineMessagesGoWhenTheProviderIsBack();
    void tokenBucketPacesSegmentsInOrder();
    void startResumesQueuedAndInFlightRows();

private:
    bool startOutbox(double throughputMps = 100.0);
    // The provider's messages to `to`, newest first.
    QJsonArray providerMessagesTo(const QString &to);
    qint64 queue(const QString &to, const QString &body);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<OutboxFixture> m_desk;
};

void TestOutbox::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<OutboxFixture>();
}

void TestOutbox::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

bool TestOutbox::startOutbox(double throughputMps)
{
    return m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, throughputMps);
}

QJsonArray TestOutbox::providerMessagesTo(const QString &to)
{
    m_sandbox->setFaults({});
    return m_sandbox->messagesTo(to);
}

qint64 TestOutbox::queue(const QString &to, const QString &body)
{
    return m_desk->outbox->queueMessage(kSupport, to, body, u"agent@example.com"_s);
}

void TestOutbox::queuedRowIsWrittenBeforeTheAnswer()
{
    QVERIFY(startOutbox());
    QVERIFY(m_sandbox->setFaults({{u"LatencyMs"_s, u"500"_s}}));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    QSignalSpy queued(m_desk->outbox.get(), &Outbox::messageQueued);
    const qint64 id = queue(u"+14155550201"_s, u"hello"_s);
    QVERIFY2(id > 0, qPrintable(m_desk->outbox->errorString()));
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().first().toLongLong(), id);
    // On disk, queued, with its idempotency key and no sid, while the provider has nothing.
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"queued"_s);
    QVERIFY(!m_desk->column(id, u"client_ref"_s).toString().isEmpty());
    QVERIFY(m_desk->column(id, u"provider_sid"_s).isNull());
    QCOMPARE(sent.size(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QString sid = sent.first().at(1).toString();
    QCOMPARE(m_desk->column(id, u"provider_sid"_s).toString(), sid);
    QCOMPARE(m_desk->column(id, u"send_attempts"_s).toInt(), 1);
    const QJsonArray atProvider = providerMessagesTo(u"+14155550201"_s);
    QCOMPARE(atProvider.size(), 1);
    QCOMPARE(atProvider.first()[u"sid"_s].toString(), sid);
}

void TestOutbox::sentMessageIsDelivered()
{
    QVERIFY(startOutbox());
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const qint64 id = queue(u"+14155550202"_s, u"delivered?"_s);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QString sid = sent.first().at(1).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->messageStatus(sid), u"delivered"_s, kWaitMs);
    QCOMPARE(m_desk->column(id, u"direction"_s).toString(), u"out"_s);
    QCOMPARE(m_desk->column(id, u"to_number"_s).toString(), u"+14155550202"_s);
}

void TestOutbox::serverErrorsAreRetriedExactlyOnce_data()
{
    QTest::addColumn<double>("rate500");
    QTest::addColumn<double>("rate503");
    QTest::newRow("500") << 0.6 << 0.0;
    QTest::newRow("503") << 0.0 << 0.6;
    QTest::newRow("both") << 0.3 << 0.3;
}

void TestOutbox::serverErrorsAreRetriedExactlyOnce()
{
    QFETCH(double, rate500);
    QFETCH(double, rate503);
    QVERIFY(startOutbox());
    QVERIFY(m_sandbox->setFaults({{u"Rate500"_s, QString::number(rate500)},
                                  {u"Rate503"_s, QString::number(rate503)},
                                  {u"Seed"_s, u"3"_s}}));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    int failed = 0;
    connect(m_desk->outbox.get(), &Outbox::messageFailed, this, [&failed] { ++failed; });
    const QStringList customers{u"+14155550211"_s, u"+14155550212"_s, u"+14155550213"_s,
                                u"+14155550214"_s, u"+14155550215"_s};
    for (const QString &to : customers)
        QVERIFY(queue(to, u"retry me"_s) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), int(customers.size()), kWaitMs);
    QCOMPARE(failed, 0);
    int attempts = 0;
    for (const QList<QVariant> &signal : sent)
        attempts += m_desk->column(signal.first().toLongLong(), u"send_attempts"_s).toInt();
    // The faults did bite, so the retries are what this test checks.
    QVERIFY2(attempts > int(customers.size()), qPrintable(QString::number(attempts)));
    for (const QString &to : customers)
        QCOMPARE(providerMessagesTo(to).size(), 1);
}

void TestOutbox::rateLimitIsRetried_data()
{
    QTest::addColumn<int>("retryAfter");
    QTest::newRow("no Retry-After") << -1;
    QTest::newRow("Retry-After 1") << 1;
}

void TestOutbox::rateLimitIsRetried()
{
    QFETCH(int, retryAfter);
    QVERIFY(startOutbox());
    QVERIFY(m_sandbox->setFaults({{u"MaxConcurrent"_s, u"1"_s},
                                  {u"LatencyMs"_s, u"300"_s},
                                  {u"RetryAfter"_s, QString::number(retryAfter)}}));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const QStringList customers{u"+14155550221"_s, u"+14155550222"_s, u"+14155550223"_s};
    for (const QString &to : customers)
        QVERIFY(queue(to, u"busy"_s) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), int(customers.size()), kWaitMs);
    int attempts = 0;
    for (const QList<QVariant> &signal : sent)
        attempts += m_desk->column(signal.first().toLongLong(), u"send_attempts"_s).toInt();
    QVERIFY2(attempts > int(customers.size()), qPrintable(QString::number(attempts)));
    for (const QString &to : customers)
        QCOMPARE(providerMessagesTo(to).size(), 1);
}

void TestOutbox::droppedCreateIsNotResentByTheTransport()
{
    // Qt 6.4's network manager re-sends a request whose connection closed before any
    // answer, POST included; TwilioTransport must not let it (see tst_sandbox_faults).
    QVERIFY(startOutbox());
    QVERIFY(m_sandbox->setFaults({{u"DropNext"_s, u"1"_s}}));
    const QString to = u"+14155550232"_s;
    std::optional<ProviderResult<ProviderMessage>> result;
    m_desk->client->sendMessage(
        kSupport, to, u"raw create"_s, this,
        [&result](const ProviderResult<ProviderMessage> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWaitMs);
    QVERIFY(!result->ok());
    QVERIFY(result->error().responseMayBeLost());
    QVERIFY(result->error().isTransient());
    QCOMPARE(providerMessagesTo(to).size(), 1);
}

void TestOutbox::droppedCreateIsReconciledNotResent()
{
    QVERIFY(startOutbox());
    QVERIFY(m_sandbox->setFaults({{u"DropNext"_s, u"1"_s}}));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const QString to = u"+14155550231"_s;
    const qint64 id = queue(to, u"exactly once"_s);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    QCOMPARE(m_sandbox->client->get(u"/sandbox/faults"_s).json.value(u"drop_next"_s).toInt(),
             0); // the drop happened
    const QJsonArray atProvider = providerMessagesTo(to);
    QCOMPARE(atProvider.size(), 1);
    QCOMPARE(m_desk->column(id, u"provider_sid"_s).toString(),
             atProvider.first()[u"sid"_s].toString());
    // Found by reconciling, not by a second create.
    QCOMPARE(m_desk->column(id, u"send_attempts"_s).toInt(), 1);
}

void TestOutbox::permanentErrorsFail_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("consentEvents");
    QTest::newRow("21211 invalid") << u"+15005550001"_s << 21211 << 0;
    QTest::newRow("21610 opted out") << u"+15005550004"_s << 21610 << 1;
    QTest::newRow("21614 not SMS-capable") << u"+15005550009"_s << 21614 << 0;
}

void TestOutbox::permanentErrorsFail()
{
    QFETCH(QString, to);
    QFETCH(int, code);
    QFETCH(int, consentEvents);
    QVERIFY(startOutbox());
    std::optional<ProviderError> failure;
    qint64 failedId = 0;
    connect(m_desk->outbox.get(), &Outbox::messageFailed, this,
            [&](qint64 messageId, const ProviderError &error) {
                failedId = messageId;
                failure = error;
            });
    const qint64 id = queue(to, u"no way"_s);
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), kWaitMs);
    QCOMPARE(failedId, id);
    const ProviderError error = *failure;
    QCOMPARE(error.twilioCode().value_or(0), code);
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"failed"_s);
    QCOMPARE(m_desk->column(id, u"error_code"_s).toInt(), code);
    QCOMPARE(m_desk->column(id, u"error_message"_s).toString(), error.message());
    QVERIFY(!error.message().isEmpty());
    QCOMPARE(m_desk->column(id, u"send_attempts"_s).toInt(), 1);
    const QList<QVariantList> events = m_desk->writer->call([&](WriterContext &context) {
        QList<QVariantList> rows;
        QSqlQuery query(context.db());
        query.prepare(u"SELECT kind, source, detail, contact_number, sender_number "
                      u"FROM consent_events WHERE contact_number = :to"_s);
        query.bindValue(u":to"_s, to);
        if (query.exec())
            while (query.next())
                rows.append({query.value(0), query.value(1), query.value(2), query.value(3),
                             query.value(4)});
        return rows;
    });
    QCOMPARE(events.size(), consentEvents);
    if (consentEvents == 1) {
        QCOMPARE(events.first().at(0).toString(), u"opt_out"_s);
        QCOMPARE(events.first().at(1).toString(), u"provider_error"_s);
        QCOMPARE(events.first().at(2).toString(), QString::number(code));
        QCOMPARE(events.first().at(4).toString(), kSupport);
    }
}

void TestOutbox::offlineMessagesGoWhenTheProviderIsBack()
{
    const quint16 port = m_sandbox->port();
    const QUrl baseUrl = m_sandbox->url;
    const QString sid = m_sandbox->sid;
    const QString token = m_sandbox->token;
    m_sandbox->stop(); // nothing listens on the port now
    QVERIFY(m_desk->start(baseUrl, sid, token, kSupport, 100.0));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const QString to = u"+14155550241"_s;
    const qint64 id = queue(to, u"while offline"_s);
    QVERIFY(id > 0);
    // Refused a few times and still queued.
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->column(id, u"send_attempts"_s).toInt() >= 3, kWaitMs);
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"queued"_s);
    QCOMPARE(sent.size(), 0);

    // The same seed gives the same credentials.
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start(port));
    QCOMPARE(m_sandbox->sid, sid);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    QCOMPARE(providerMessagesTo(to).size(), 1);
}

void TestOutbox::tokenBucketPacesSegmentsInOrder()
{
    constexpr double kRate = 1.0; // segments per second, a long code
    QVERIFY(startOutbox(kRate));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const QString to = u"+14155550251"_s;
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        const QString body = QString::number(i) + u' ' + QString(400, u'x'); // 3 GSM-7 segments
        ids.append(queue(to, body));
        QVERIFY(ids.last() > 0);
        QCOMPARE(m_desk->column(ids.last(), u"segments"_s).toInt(), 3);
    }
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, kWaitMs);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(sent.at(i).first().toLongLong(), ids.at(i)); // FIFO in the thread
    // The provider's own clock (sandbox time, `speed` times faster than ours) says how far
    // apart the creates arrived: at least 3 segments / rate each.
    const QJsonArray atProvider = providerMessagesTo(to);
    QCOMPARE(atProvider.size(), 3);
    const double speed = 100.0; // SandboxProcess's --speed
    QList<QDateTime> created;
    for (int i = atProvider.size() - 1; i >= 0; --i) // oldest first
        created.append(
            QDateTime::fromString(atProvider.at(i)[u"date_created"_s].toString(), Qt::RFC2822Date));
    for (int i = 1; i < created.size(); ++i) {
        const qint64 gapSeconds = created.at(i - 1).secsTo(created.at(i));
        // At --speed 100 each wall millisecond of request jitter is 0.1 s of sandbox time,
        // and the dates have whole seconds: allow 10% (unpaced sends would be ~0 s apart).
        QVERIFY2(gapSeconds >= qint64(0.9 * 3.0 / kRate * speed),
                 qPrintable(u"gap %1 s"_s.arg(gapSeconds)));
    }
}

void TestOutbox::startResumesQueuedAndInFlightRows()
{
    // Rows a previous run left: one never attempted, one attempted whose create never
    // reached the provider (so reconciling finds nothing and it is sent).
    QVERIFY(
        m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0, false));
    const QString to = u"+14155550261"_s;
    const auto insert = [&](const QString &body, bool attempted) {
        return m_desk->writer->call([&](WriterContext &context) -> qint64 {
            QSqlQuery query(context.db());
            query.prepare(u"SELECT id FROM sender_numbers WHERE number = :n"_s);
            query.bindValue(u":n"_s, kSupport);
            if (!query.exec() || !query.next())
                return 0;
            OutgoingMessage message;
            message.threadId = context.messages->findOrCreateThread(m_desk->accountId, to,
                                                                    query.value(0).toLongLong());
            message.body = body;
            message.clientRef = QUuid::createUuid().toString();
            qint64 id = 0;
            if (!context.messages->insertOutgoing(message, &id))
                return 0;
            if (attempted &&
                !OutboxRows(context.db()).markAttempt(id, QDateTime::currentMSecsSinceEpoch()))
                return 0;
            return id;
        });
    };
    const qint64 attempted = insert(u"was in flight"_s, true);
    const qint64 queued = insert(u"never tried"_s, false);
    QVERIFY(attempted > 0 && queued > 0);
    const qint64 thread = m_desk->column(queued, u"thread_id"_s).toLongLong();
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    {
        // The desktop starts the outbox on the GUI thread, which must never wait for the
        // writer: StoreWriter::call aborts there from now on.
        StoreWriter::forbidWaitingFrom(QThread::currentThread());
        const auto allowAgain = qScopeGuard([] { StoreWriter::forbidWaitingFrom(nullptr); });
        QVERIFY(m_desk->outbox->start());
        QVERIFY(!m_desk->outbox->start()); // once
        // Typed before the unsent rows are loaded: it still goes after them.
        qint64 typed = -1;
        m_desk->outbox->queueMessageAsync(thread, u"typed meanwhile"_s, u"ana"_s, this,
                                          [&typed](qint64 id, const QString &) { typed = id; });
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 3, kWaitMs);
        QVERIFY(typed > queued);
        QCOMPARE(sent.at(2).first().toLongLong(), typed);
    }
    QCOMPARE(sent.at(0).first().toLongLong(), attempted); // thread order kept
    QCOMPARE(sent.at(1).first().toLongLong(), queued);
    QCOMPARE(m_desk->column(attempted, u"send_attempts"_s).toInt(), 2);
    QCOMPARE(m_desk->column(queued, u"send_attempts"_s).toInt(), 1);
    const QJsonArray atProvider = providerMessagesTo(to);
    QCOMPARE(atProvider.size(), 3);
    QVERIFY(atProvider.at(1)[u"body"_s].toString() != atProvider.at(2)[u"body"_s].toString());
    QCOMPARE(atProvider.at(0)[u"body"_s].toString(), u"typed meanwhile"_s);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
