// "Send later…" end to end against the sandbox executable: a message held here is not sent
// before its time (and does not hold its thread back), and is sent after it; through a
// Messaging Service inside the SendAt window it is created at the provider at once, scheduled
// for its time, and leaves then; cancel cancels it at the provider or here; a time inside
// the customer's quiet hours is refused.
#include "CampaignSendAt.h"
#include "MessageStore.h"
#include "MessagingServiceRefresh.h"
#include "OutboxFixture.h"
#include "SandboxProcess.h"
#include "ScheduledSends.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
const QString kSupport = u"+14155550100"_s;
const QString kCustomer = u"+14155550142"_s;
constexpr int kWaitMs = 20000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

class TestScheduledSends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void heldHereNotBeforeItsTimeAndNotInTheThreadsWay();
    void providerHoldsItThroughTheServiceUntilItsTime();
    void cancelAtTheProvider();
    void cancelHeldHereIsNeverSent();
    void quietHoursAreRefusedWithTheEarliestTime();
    void campaignTextsAreHeldByTheProviderPerRecipient();

private:
    qint64 threadOf(const QString &to);
    void sendThroughServices();
    CommandResult await(const std::function<void(ScheduledSends::Done)> &start);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<OutboxFixture> m_desk;
    std::unique_ptr<ScheduledSends> m_sends;
};

void TestScheduledSends::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<OutboxFixture>();
    QVERIFY(m_desk->start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    m_sends = std::make_unique<ScheduledSends>(m_desk->writer.get());
    m_sends->setOutboxSource([this] { return m_desk->outbox.get(); });
    m_sends->setProviderSource([this]() -> ProviderClient * { return m_desk->client.get(); });
}

void TestScheduledSends::cleanup()
{
    m_sends.reset();
    m_desk.reset();
    m_sandbox.reset();
}

qint64 TestScheduledSends::threadOf(const QString &to)
{
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const qint64 first = m_desk->outbox->queueMessage(kSupport, to, u"Hello"_s, u"agent"_s);
    if (first == 0 || !sent.wait(kWaitMs))
        return 0;
    return m_desk->column(first, u"thread_id"_s).toLongLong();
}

void TestScheduledSends::sendThroughServices()
{
    MessagingServiceRefresh refresh(m_desk->client.get(), m_desk->writer.get(), m_desk->accountId);
    std::optional<QString> error;
    QList<MessagingServiceRows::Entry> entries;
    refresh.refresh(this, [&](const QString &e, const QList<MessagingServiceRows::Entry> &rows) {
        error = e;
        entries = rows;
    });
    QVERIFY(QTest::qWaitFor([&] { return error.has_value(); }, kWaitMs));
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    QCOMPARE(entries.size(), 2); // the sandbox's service pools +…100 and +…101
    QCOMPARE(entries.first().number, kSupport);
    QVERIFY(entries.first().sendThrough);
}

CommandResult TestScheduledSends::await(const std::function<void(ScheduledSends::Done)> &start)
{
    std::optional<CommandResult> result;
    start([&](const CommandResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
        return CommandResult::failure(u"no answer"_s);
    return *result;
}

void TestScheduledSends::heldHereNotBeforeItsTimeAndNotInTheThreadsWay()
{
    const qint64 thread = threadOf(kCustomer);
    QVERIFY(thread > 0);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const qint64 at = nowMs() + 2500;
    std::optional<qint64> later;
    m_desk->outbox->queueScheduledAsync(thread, u"Reminder: see you at 3"_s, u"agent"_s, at, this,
                                        [&](qint64 id, const QString &) { later = id; });
    QVERIFY(QTest::qWaitFor([&] { return later.has_value(); }, kWaitMs));
    QVERIFY(*later > 0);
    QCOMPARE(m_desk->column(*later, u"scheduled_at"_s).toLongLong(), at);
    // A reply typed after it in the same thread goes first.
    const qint64 now = m_desk->outbox->queueMessage(kSupport, kCustomer, u"Right now"_s, u"a"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), kWaitMs);
    QCOMPARE(sent.first().first().toLongLong(), now);
    if (nowMs() < at) {
        QCOMPARE(m_desk->column(*later, u"status"_s).toString(), u"queued"_s);
        QVERIFY(m_desk->column(*later, u"last_attempt_at"_s).isNull());
    }
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, kWaitMs);
    QCOMPARE(sent.last().first().toLongLong(), *later);
    // Posted no earlier than its time.
    const qint64 posted = m_desk->column(*later, u"last_attempt_at"_s).toLongLong();
    QVERIFY(posted >= at);
    qInfo("held message posted %lld ms after its scheduled time", posted - at);
    QVERIFY(!m_desk->column(*later, u"provider_sid"_s).toString().isEmpty());
}

void TestScheduledSends::providerHoldsItThroughTheServiceUntilItsTime()
{
    sendThroughServices();
    const qint64 thread = threadOf(kCustomer);
    QVERIFY(thread > 0);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const qint64 at = (nowMs() + 2LL * 24 * 3600 * 1000) / 1000 * 1000;
    std::optional<qint64> id;
    m_desk->outbox->queueScheduledAsync(thread, u"Your order ships Tuesday"_s, u"agent"_s, at, this,
                                        [&](qint64 i, const QString &) { id = i; });
    QTRY_VERIFY_WITH_TIMEOUT(id.has_value(), kWaitMs);
    // Created at the provider at once, held there.
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QString sid = sent.first().at(1).toString();
    QCOMPARE(m_desk->column(*id, u"status"_s).toString(), u"scheduled"_s);
    QCOMPARE(m_desk->column(*id, u"provider_sid"_s).toString(), sid);
    const QString path = m_sandbox->client->account(u"/Messages/"_s + sid + u".json"_s);
    QJsonObject atProvider = m_sandbox->client->get(path).json;
    QCOMPARE(atProvider.value(u"status"_s).toString(), u"scheduled"_s);
    QCOMPARE(atProvider.value(u"from"_s).toString(), kSupport);
    QVERIFY(atProvider.value(u"messaging_service_sid"_s).toString().startsWith(u"MG"_s));

    // The provider's clock to an hour before the time: still scheduled; past it: sent.
    const qint64 providerNow =
        QDateTime::fromString(m_sandbox->client->post(u"/sandbox/clock"_s, {{u"Advance"_s, u"0"_s}})
                                  .json.value(u"now"_s)
                                  .toString(),
                              Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    QVERIFY(providerNow > 0);
    const qint64 toHourBefore = (at - providerNow) / 1000 - 3600;
    m_sandbox->client->post(u"/sandbox/clock"_s, {{u"Advance"_s, QString::number(toHourBefore)}});
    QCOMPARE(m_sandbox->client->get(path).json.value(u"status"_s).toString(), u"scheduled"_s);
    m_sandbox->client->post(u"/sandbox/clock"_s, {{u"Advance"_s, u"7200"_s}});
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->client->get(path).json.value(u"status"_s).toString(),
                              u"delivered"_s, kWaitMs);
    const QDateTime dateSent = QDateTime::fromString(
        m_sandbox->client->get(path).json.value(u"date_sent"_s).toString(), Qt::RFC2822Date);
    QVERIFY(dateSent.toMSecsSinceEpoch() >= at);
}

void TestScheduledSends::cancelAtTheProvider()
{
    sendThroughServices();
    const qint64 thread = threadOf(kCustomer);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    const qint64 at = nowMs() + 3LL * 24 * 3600 * 1000;
    std::optional<qint64> id;
    m_desk->outbox->queueScheduledAsync(thread, u"Never mind"_s, u"agent"_s, at, this,
                                        [&](qint64 i, const QString &) { id = i; });
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QString sid = sent.first().at(1).toString();
    const CommandResult canceled = await(
        [&](ScheduledSends::Done done) { m_sends->cancel(m_desk->accountId, *id, this, done); });
    QVERIFY2(canceled.ok, qPrintable(canceled.error));
    QCOMPARE(m_desk->column(*id, u"status"_s).toString(), u"canceled"_s);
    QCOMPARE(m_sandbox->client->get(m_sandbox->client->account(u"/Messages/"_s + sid + u".json"_s))
                 .json.value(u"status"_s)
                 .toString(),
             u"canceled"_s);
    // Canceling again is refused: it is no longer waiting.
    QVERIFY(!await([&](ScheduledSends::Done done) {
                 m_sends->cancel(m_desk->accountId, *id, this, done);
             }).ok);
}

void TestScheduledSends::cancelHeldHereIsNeverSent()
{
    const qint64 thread = threadOf(kCustomer);
    const qint64 at = nowMs() + 1500;
    std::optional<qint64> id;
    m_desk->outbox->queueScheduledAsync(thread, u"Held then canceled"_s, u"agent"_s, at, this,
                                        [&](qint64 i, const QString &) { id = i; });
    QTRY_VERIFY_WITH_TIMEOUT(id.has_value(), kWaitMs);
    const CommandResult canceled = await(
        [&](ScheduledSends::Done done) { m_sends->cancel(m_desk->accountId, *id, this, done); });
    QVERIFY2(canceled.ok, qPrintable(canceled.error));
    // Past its time, and a later message of the thread sent: still not at the provider.
    QVERIFY(QTest::qWaitFor([&] { return nowMs() > at + 200; }, kWaitMs));
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    m_desk->outbox->queueMessage(kSupport, kCustomer, u"After"_s, u"agent"_s);
    QVERIFY(sent.wait(kWaitMs));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(m_desk->column(*id, u"status"_s).toString(), u"canceled"_s);
    for (const QJsonValue &m : m_sandbox->messagesTo(kCustomer))
        QVERIFY(m.toObject().value(u"body"_s).toString() != u"Held then canceled"_s);
}

void TestScheduledSends::quietHoursAreRefusedWithTheEarliestTime()
{
    const qint64 thread = threadOf(kCustomer);
    std::optional<QString> zone;
    m_sends->customerZone(thread, this, [&](const QString &z) { zone = z; });
    QVERIFY(QTest::qWaitFor([&] { return zone.has_value(); }, kWaitMs));
    QVERIFY(!zone->isEmpty()); // no contact: the number's region's default zone
    const QTimeZone la(zone->toUtf8());
    const QDate tomorrow = QDateTime::currentDateTimeUtc().toTimeZone(la).date().addDays(1);
    const CommandResult refused = await([&](ScheduledSends::Done done) {
        m_sends->schedule(m_desk->accountId, thread, u"Late"_s, tomorrow, QTime(22, 30), u"agent"_s,
                          this, done);
    });
    QVERIFY(!refused.ok);
    QVERIFY2(refused.error.contains(u"quiet hours"_s), qPrintable(refused.error));
    QVERIFY2(refused.error.contains(u"08:00 (customer's time)"_s), qPrintable(refused.error));

    const CommandResult accepted = await([&](ScheduledSends::Done done) {
        m_sends->schedule(m_desk->accountId, thread, u"Morning"_s, tomorrow, QTime(9, 15),
                          u"agent"_s, this, done);
    });
    QVERIFY2(accepted.ok, qPrintable(accepted.error));
    QCOMPARE(m_desk->column(accepted.id, u"scheduled_at"_s).toLongLong(),
             QDateTime(tomorrow, QTime(9, 15), la).toMSecsSinceEpoch());
}

void TestScheduledSends::campaignTextsAreHeldByTheProviderPerRecipient()
{
    sendThroughServices();
    const QStringList recipients{u"+14155550143"_s, u"+14155550144"_s};
    QList<CampaignSendAt::Planned> planned;
    const qint64 base = nowMs() + 24LL * 3600 * 1000;
    for (int i = 0; i < recipients.size(); ++i) {
        const qint64 thread = threadOf(recipients[i]);
        QVERIFY(thread > 0);
        const qint64 id = m_desk->writer->call([&](WriterContext &context) -> qint64 {
            OutgoingMessage m;
            m.threadId = thread;
            m.body = u"Friday sale: 20% off"_s;
            m.clientRef = u"campaign:1:%1"_s.arg(i);
            m.purpose = ConsentLedger::MessagePurpose::Conversation;
            qint64 inserted = 0;
            return context.messages->insertOutgoing(m, &inserted) ? inserted : 0;
        });
        QVERIFY(id > 0);
        // Each recipient's own time: an hour apart.
        planned.append({id, base + i * 3600LL * 1000 + 250});
    }
    QVERIFY(CampaignSendAt::providerSendAt(planned[0].atMs, nowMs()).has_value());
    QVERIFY(!CampaignSendAt::providerSendAt(nowMs() + 60 * 1000, nowMs()).has_value());

    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    std::optional<int> scheduled;
    CampaignSendAt::schedule(m_desk->writer.get(), m_desk->outbox.get(), planned, this,
                             [&](int n, const QString &) { scheduled = n; });
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.has_value(), kWaitMs);
    QCOMPARE(*scheduled, 2);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, kWaitMs);
    QStringList paths;
    for (const CampaignSendAt::Planned &p : planned) {
        QCOMPARE(m_desk->column(p.messageId, u"status"_s).toString(), u"scheduled"_s);
        QCOMPARE(m_desk->column(p.messageId, u"scheduled_at"_s).toLongLong(),
                 (p.atMs + 999) / 1000 * 1000);
        paths.append(m_sandbox->client->account(
            u"/Messages/"_s + m_desk->column(p.messageId, u"provider_sid"_s).toString() +
            u".json"_s));
    }
    // The provider's clock to half an hour after the first time: the first leaves, the
    // second (an hour later) still waits.
    const qint64 providerNow =
        QDateTime::fromString(m_sandbox->client->post(u"/sandbox/clock"_s, {{u"Advance"_s, u"0"_s}})
                                  .json.value(u"now"_s)
                                  .toString(),
                              Qt::ISODateWithMs)
            .toMSecsSinceEpoch();
    m_sandbox->client->post(u"/sandbox/clock"_s,
                            {{u"Advance"_s, QString::number((base - providerNow) / 1000 + 1800)}});
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->client->get(paths[0]).json.value(u"status"_s).toString(),
                              u"delivered"_s, kWaitMs);
    QCOMPARE(m_sandbox->client->get(paths[1]).json.value(u"status"_s).toString(), u"scheduled"_s);
}

QTEST_MAIN(TestScheduledSends)
#include "tst_scheduledsends.moc"
