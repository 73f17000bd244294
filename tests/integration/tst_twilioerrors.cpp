// How TwilioClient reports failures: HTTP errors, dropped connections, timeouts,
// cancellation, destroyed receivers and input it refuses to send.
#include "TwilioTestSupport.h"

#include <QTcpServer>

using namespace TwilioTest;
using namespace std::chrono_literals;

class TestTwilioErrors : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Rig> m_rig;

private Q_SLOTS:
    void init()
    {
        m_rig = std::make_unique<Rig>();
        QVERIFY(m_rig->start());
    }

    void cleanup() { m_rig.reset(); }

    void testConnectionWithWrongCredentials()
    {
        m_rig->server.script("GET", kAccountPath + u".json"_s,
                             ScriptedResponse::json(401, kAuthenticate));
        Waiter<ProviderAccount> waiter;
        m_rig->client->testConnection(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        const ProviderError &error = waiter.result().error();
        QCOMPARE(error.kind(), ProviderError::Kind::Auth);
        QCOMPARE(error.twilioCode(), std::optional<int>(20003));
        QVERIFY2(error.displayMessage().startsWith(u"The Account SID or Auth Token is wrong"_s),
                 qPrintable(error.displayMessage()));
        QVERIFY(!error.isTransient());
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("action"); // ScriptedResponse::Action
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<bool>("post");
        QTest::addColumn<ProviderError::Kind>("kind");
        QTest::addColumn<int>("code"); // 0: none
        QTest::addColumn<bool>("transient");
        QTest::addColumn<bool>("mayBeLost");

        using K = ProviderError::Kind;
        const int reply = static_cast<int>(ScriptedResponse::Action::Reply);
        const int closeMid = static_cast<int>(ScriptedResponse::Action::CloseMidBody);
        const int closeNow = static_cast<int>(ScriptedResponse::Action::CloseWithoutReply);
        const int hang = static_cast<int>(ScriptedResponse::Action::Hang);
        const QByteArray created = fixture(u"message_create.json"_s);

        QTest::newRow("400 21211") << reply << 400 << kInvalidTo << QByteArray() << true << K::Http
                                   << 21211 << false << false;
        QTest::newRow("429 with Retry-After") << reply << 429 << kTooManyRequests << QByteArray("7")
                                              << true << K::RateLimited << 20429 << true << false;
        QTest::newRow("429 without Retry-After")
            << reply << 429 << kTooManyRequests << QByteArray() << true << K::RateLimited << 20429
            << true << false;
        QTest::newRow("500 on a POST") << reply << 500 << kInternal << QByteArray() << true
                                       << K::Http << 20500 << true << true;
        QTest::newRow("500 on a GET") << reply << 500 << kInternal << QByteArray() << false
                                      << K::Http << 20500 << true << false;
        QTest::newRow("502 HTML") << reply << 502 << QByteArray("<html>Bad Gateway</html>")
                                  << QByteArray() << false << K::Http << 0 << true << false;
        QTest::newRow("201 not JSON") << reply << 201 << QByteArray("{\"sid\": ") << QByteArray()
                                      << true << K::Parse << 0 << false << true;
        QTest::newRow("200 wrong field type") << reply << 200 << kWrongFieldType << QByteArray()
                                              << false << K::Parse << 0 << false << false;
        QTest::newRow("closed mid-response, POST") << closeMid << 201 << created << QByteArray()
                                                   << true << K::Network << 0 << true << true;
        QTest::newRow("closed mid-response, GET") << closeMid << 200 << created << QByteArray()
                                                  << false << K::Network << 0 << true << false;
        QTest::newRow("closed without reply, POST") << closeNow << 0 << QByteArray() << QByteArray()
                                                    << true << K::Network << 0 << true << true;
        QTest::newRow("timeout, POST")
            << hang << 0 << QByteArray() << QByteArray() << true << K::Timeout << 0 << true << true;
        QTest::newRow("timeout, GET") << hang << 0 << QByteArray() << QByteArray() << false
                                      << K::Timeout << 0 << true << false;
    }

    void errorMapping()
    {
        QFETCH(int, action);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(bool, post);
        QFETCH(ProviderError::Kind, kind);
        QFETCH(int, code);
        QFETCH(bool, transient);
        QFETCH(bool, mayBeLost);

        ScriptedResponse response = ScriptedResponse::json(status, body);
        response.action = static_cast<ScriptedResponse::Action>(action);
        if (!retryAfter.isEmpty()) {
            response.headers.append({"Retry-After", retryAfter});
        }
        if (response.action == ScriptedResponse::Action::Hang) {
            m_rig->client->setTimeout(150ms);
        }
        const QString sid = u"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
        Waiter<ProviderMessage> waiter;
        if (post) {
            m_rig->server.script("POST", kAccountPath + u"/Messages.json"_s, response);
            m_rig->client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, u"hi"_s, this,
                                       waiter.callback());
        } else {
            m_rig->server.script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s,
                                 response);
            m_rig->client->fetchMessage(sid, this, waiter.callback());
        }
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        const ProviderError &error = waiter.result().error();
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.twilioCode(), code ? std::optional<int>(code) : std::nullopt);
        if (kind == ProviderError::Kind::Http || kind == ProviderError::Kind::RateLimited ||
            kind == ProviderError::Kind::Parse) {
            QCOMPARE(error.httpStatus(), status);
        }
        QCOMPARE(error.retryAfterSeconds(),
                 retryAfter.isEmpty() ? std::nullopt : std::optional<int>(retryAfter.toInt()));
        QCOMPARE(error.isTransient(), transient);
        QCOMPARE(error.responseMayBeLost(), mayBeLost);
        QCOMPARE(waiter.calls(), 1);
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl closed = m_rig->server.baseUrl();
        closed.setPort(probe.serverPort());
        probe.close();
        TwilioClient client(&m_rig->network, AccountConfig::forSingleBaseUrl(u"x"_s, kSid, closed),
                            kToken);
        Waiter<ProviderMessage> waiter;
        client.sendMessage(u"+15005550006"_s, u"+15005550001"_s, u"hi"_s, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        const ProviderError &error = waiter.result().error();
        QCOMPARE(error.kind(), ProviderError::Kind::Network);
        QCOMPARE(error.networkError(), QNetworkReply::ConnectionRefusedError);
        QVERIFY(error.isTransient());
        QVERIFY(!error.responseMayBeLost()); // never reached the provider: safe to resend
    }

    void destroyedContextIsNeverCalled()
    {
        const QString sid = u"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
        m_rig->server.script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s,
                             ScriptedResponse::json(200, fixture(u"message_fetch.json"_s)));
        auto *context = new QObject;
        bool called = false;
        m_rig->client->fetchMessage(
            sid, context, [&called](const ProviderResult<ProviderMessage> &) { called = true; });
        delete context;
        Waiter<ProviderMessage> other;
        m_rig->client->fetchMessage(sid, this, other.callback());
        QVERIFY(other.wait());
        QVERIFY(QTest::qWaitFor([this] { return m_rig->client->pendingRequests() == 0; }, 10000));
        QCOMPARE(m_rig->server.requests().size(), 2); // the first request did go out
        QVERIFY(!called);
    }

    void cancelAllReportsCancelled()
    {
        m_rig->server.script("POST", kAccountPath + u"/Messages.json"_s, ScriptedResponse::hang());
        Waiter<ProviderMessage> waiter;
        m_rig->client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, u"hi"_s, this,
                                   waiter.callback());
        QVERIFY(QTest::qWaitFor([this] { return !m_rig->server.requests().isEmpty(); }, 10000));
        m_rig->client->cancelAll();
        QVERIFY(waiter.wait());
        QCOMPARE(waiter.result().error().kind(), ProviderError::Kind::Cancelled);
        QVERIFY(waiter.result().error().responseMayBeLost());
        QCOMPARE(m_rig->client->pendingRequests(), 0);
    }

    void invalidConfigurationSendsNothing()
    {
        AccountConfig config =
            AccountConfig::forSingleBaseUrl(u"x"_s, kSid, m_rig->server.baseUrl());
        config.apiBaseUrl = QUrl(u"http://api.example.com"_s);
        TwilioClient client(&m_rig->network, config, kToken);
        Waiter<ProviderAccount> waiter;
        client.testConnection(this, waiter.callback());
        QVERIFY(waiter.wait());
        QCOMPARE(waiter.result().error().kind(), ProviderError::Kind::InvalidRequest);
        QVERIFY(waiter.result().error().message().contains(u"https://"_s));
        QVERIFY(m_rig->server.requests().isEmpty());
    }

    void invalidInputSendsNothing()
    {
        Waiter<ProviderMessage> badSid;
        m_rig->client->fetchMessage(u"SM123"_s, this, badSid.callback());
        Waiter<ProviderMessage> noBody;
        m_rig->client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, QString(), this,
                                   noBody.callback());
        Waiter<LineTypeLookup> notE164;
        m_rig->client->lookupLineType(u"4159929960"_s, this, notE164.callback());
        Waiter<SyncMapItem> longKey;
        m_rig->client->createMapItem(kService, kMap, QString(257, u'k'), {}, this,
                                     longKey.callback());
        // Asynchronous like every other outcome: nothing is called from inside the call.
        QVERIFY(!badSid.called() && !noBody.called() && !notE164.called() && !longKey.called());
        QVERIFY(badSid.wait() && noBody.wait() && notE164.wait() && longKey.wait());
        for (const ProviderError &error : {badSid.result().error(), noBody.result().error(),
                                           notE164.result().error(), longKey.result().error()}) {
            QCOMPARE(error.kind(), ProviderError::Kind::InvalidRequest);
            QVERIFY(!error.message().isEmpty());
        }
        QVERIFY(m_rig->server.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTwilioErrors)
#include "tst_twilioerrors.moc"
