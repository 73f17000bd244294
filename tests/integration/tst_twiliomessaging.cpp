// TwilioClient's Messaging Services and SendAt scheduling against the sandbox executable:
// services with their sender pools, a send through a service (from filled in later), a
// scheduled create at the right time, its cancel, and the requests refused before leaving.
#include "AccountConfig.h"
#include "MessagingBaseUrl.h"
#include "SandboxProcess.h"
#include "TwilioClient.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
const QString kCustomer = u"+14155550142"_s;

template<typename T>
QByteArray why(const ProviderResult<T> &result)
{
    return result.ok() ? QByteArray() : result.error().message().toUtf8();
}
} // namespace

class TestTwilioMessaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsServicesWithTheirSenders();
    void sendsThroughAServiceWithoutFrom();
    void schedulesAtTheProviderAndCancels();
    void refusesWhatTheProviderWouldRefuse();
    void messagingHostFollowsTheApiHost();

private:
    template<typename T>
    std::optional<ProviderResult<T>> await(std::function<void(ProviderCallback<T>)> start)
    {
        std::optional<ProviderResult<T>> result;
        start([&result](const ProviderResult<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return std::nullopt;
        return result;
    }
    QString serviceSid();

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_client;
};

void TestTwilioMessaging::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<TwilioClient>(
        m_network.get(), AccountConfig::forSingleBaseUrl(u"Test"_s, m_sandbox->sid, m_sandbox->url),
        m_sandbox->token);
}

void TestTwilioMessaging::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_sandbox.reset();
}

QString TestTwilioMessaging::serviceSid()
{
    const auto services = await<QList<MessagingService>>(
        [this](auto done) { m_client->listMessagingServices(this, done); });
    return services && services->ok() && !services->value().isEmpty()
               ? services->value().first().sid
               : QString();
}

void TestTwilioMessaging::listsServicesWithTheirSenders()
{
    // A second service, so the pools are read per service.
    QCOMPARE(m_sandbox->client->post(u"/messaging/v1/Services"_s, {{u"FriendlyName"_s, u"Empty"_s}})
                 .status,
             201);
    const auto services = await<QList<MessagingService>>(
        [this](auto done) { m_client->listMessagingServices(this, done); });
    QVERIFY(services);
    QVERIFY2(services->ok(), why(*services).constData());
    QCOMPARE(services->value().size(), 2);
    const MessagingService &first = services->value().first();
    QVERIFY(first.sid.startsWith(u"MG"_s));
    QCOMPARE(first.friendlyName, u"SMS Desk A2P 10DLC"_s);
    QCOMPARE(first.usecase, u"customer_care"_s);
    QVERIFY(first.stickySender);
    QCOMPARE(first.senders.size(), 2);
    QCOMPARE(first.senders.first().phoneNumber, u"+14155550100"_s);
    QCOMPARE(first.senders.first().serviceSid, first.sid);
    QVERIFY(first.senders.first().capabilities.contains(u"SMS"_s));
    QCOMPARE(services->value().last().friendlyName, u"Empty"_s);
    QVERIFY(services->value().last().senders.isEmpty());
}

void TestTwilioMessaging::sendsThroughAServiceWithoutFrom()
{
    const QString service = serviceSid();
    QVERIFY(!service.isEmpty());
    MessageSendOptions options;
    options.messagingServiceSid = service;
    const auto sent = await<ProviderMessage>([&](auto done) {
        m_client->sendMessageWithOptions(QString(), kCustomer, u"Through the pool"_s, options, this,
                                         done);
    });
    QVERIFY(sent);
    QVERIFY2(sent->ok(), why(*sent).constData());
    QCOMPARE(sent->value().status, u"accepted"_s);
    QVERIFY(sent->value().from.isEmpty());
    QCOMPARE(sent->value().messagingServiceSid, service);
    // The pool's sender arrives later.
    QString from;
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto fetched = await<ProviderMessage>(
                [&](auto done) { m_client->fetchMessage(sent->value().sid, this, done); });
            from = fetched && fetched->ok() ? fetched->value().from : QString();
            return !from.isEmpty();
        },
        20000));
    QVERIFY(from == u"+14155550100"_s || from == u"+14155550101"_s);
}

void TestTwilioMessaging::schedulesAtTheProviderAndCancels()
{
    const QString service = serviceSid();
    MessageSendOptions options;
    options.messagingServiceSid = service;
    // Whole seconds: SendAt travels as YYYY-MM-DDTHH:MM:SSZ.
    options.sendAt =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3 * 24 * 3600, Qt::UTC);
    const auto scheduled = await<ProviderMessage>([&](auto done) {
        m_client->sendMessageWithOptions(u"+14155550101"_s, kCustomer, u"See you Tuesday"_s,
                                         options, this, done);
    });
    QVERIFY(scheduled);
    QVERIFY2(scheduled->ok(), why(*scheduled).constData());
    QCOMPARE(scheduled->value().status, u"scheduled"_s);
    QCOMPARE(scheduled->value().from, u"+14155550101"_s);
    QVERIFY(!scheduled->value().dateSent.isValid());

    const auto canceled = await<ProviderMessage>(
        [&](auto done) { m_client->cancelScheduledMessage(scheduled->value().sid, this, done); });
    QVERIFY(canceled && canceled->ok());
    QCOMPARE(canceled->value().status, u"canceled"_s);
    const auto again = await<ProviderMessage>(
        [&](auto done) { m_client->cancelScheduledMessage(scheduled->value().sid, this, done); });
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().twilioCode().value_or(0), 30409);
}

void TestTwilioMessaging::refusesWhatTheProviderWouldRefuse()
{
    MessageSendOptions later;
    later.sendAt = QDateTime::currentDateTimeUtc().addDays(1);
    const auto noService = await<ProviderMessage>([&](auto done) {
        m_client->sendMessageWithOptions(u"+14155550100"_s, kCustomer, u"x"_s, later, this, done);
    });
    QVERIFY(noService && !noService->ok());
    QCOMPARE(noService->error().kind(), ProviderError::Kind::InvalidRequest);
    MessageSendOptions badSid;
    badSid.messagingServiceSid = u"IS123"_s;
    const auto bad = await<ProviderMessage>([&](auto done) {
        m_client->sendMessageWithOptions(QString(), kCustomer, u"x"_s, badSid, this, done);
    });
    QVERIFY(bad && !bad->ok());
    QCOMPARE(bad->error().kind(), ProviderError::Kind::InvalidRequest);
    // Too soon for the provider: its own code comes back.
    MessageSendOptions soon;
    soon.messagingServiceSid = serviceSid();
    soon.sendAt = QDateTime::currentDateTimeUtc().addSecs(60);
    const auto tooSoon = await<ProviderMessage>([&](auto done) {
        m_client->sendMessageWithOptions(QString(), kCustomer, u"x"_s, soon, this, done);
    });
    QVERIFY(tooSoon && !tooSoon->ok());
    QCOMPARE(tooSoon->error().twilioCode().value_or(0), 35114);
}

void TestTwilioMessaging::messagingHostFollowsTheApiHost()
{
    QCOMPARE(MessagingBaseUrl::forApi(QUrl(u"https://api.twilio.com"_s)),
             QUrl(u"https://messaging.twilio.com"_s));
    QCOMPARE(MessagingBaseUrl::forApi(QUrl(u"https://api.dublin.ie1.twilio.com/"_s)),
             QUrl(u"https://messaging.dublin.ie1.twilio.com"_s));
    QCOMPARE(MessagingBaseUrl::forApi(QUrl(u"http://127.0.0.1:4000/"_s)),
             QUrl(u"http://127.0.0.1:4000/messaging"_s));
    QCOMPARE(MessagingBaseUrl::pageBaseForApi(QUrl(u"http://127.0.0.1:4000"_s)),
             QUrl(u"http://127.0.0.1:4000"_s));
}

QTEST_GUILESS_MAIN(TestTwilioMessaging)
#include "tst_twiliomessaging.moc"
