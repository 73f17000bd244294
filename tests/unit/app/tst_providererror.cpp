#include "ProviderError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QtTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ProviderError::Kind)
Q_DECLARE_METATYPE(std::optional<int>)

namespace {

// Error bodies as Twilio documents and sends them.
const QByteArray kInvalidTo =
    R"({"code": 21211, "message": "The 'To' number 5551234 is not a valid phone number.", )"
    R"("more_info": "https://www.twilio.com/docs/errors/21211", "status": 400})";
const QByteArray kAuthenticate =
    R"({"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.", )"
    R"("message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", )"
    R"("status": 401})";
const QByteArray kTooManyRequests =
    R"({"code": 20429, "message": "Too Many Requests", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20429", "status": 429})";
const QByteArray kUnsubscribed =
    R"({"code": 21610, "message": "Attempt to send to unsubscribed recipient", )"
    R"("more_info": "https://www.twilio.com/docs/errors/21610", "status": 400})";
const QByteArray kNotMobile =
    R"({"code": 21614, "message": "'To' number is not a valid mobile number", )"
    R"("more_info": "https://www.twilio.com/docs/errors/21614", "status": 400})";
const QByteArray kBodyTooLong =
    R"({"code": 21617, "message": "The concatenated message body exceeds the 1600 character )"
    R"(limit", "more_info": "https://www.twilio.com/docs/errors/21617", "status": 400})";
const QByteArray kNotFound =
    R"({"code": 20404, "message": "The requested resource /2010-04-01/Accounts/AC0/Messages/)"
    R"(SM0.json was not found", "more_info": "https://www.twilio.com/docs/errors/20404", )"
    R"("status": 404})";
const QByteArray kRevisionMismatch =
    R"({"code": 54205, "message": "The revision of the Map Item does not match the expected )"
    R"(revision", "more_info": "https://www.twilio.com/docs/errors/54205", "status": 412})";
const QByteArray kInternal =
    R"({"code": 20500, "message": "Internal Server Error", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20500", "status": 500})";
const QByteArray kProxyPage =
    "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

const QDateTime kNow(QDate(2024, 3, 1), QTime(12, 0, 0), Qt::UTC);

} // namespace

class TestProviderError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<bool>("post");
        QTest::addColumn<ProviderError::Kind>("kind");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<bool>("mayBeLost");

        using K = ProviderError::Kind;
        QTest::newRow("21211 invalid To")
            << 400 << kInvalidTo << QByteArray() << true << K::Http << false << false;
        QTest::newRow("20003 authenticate")
            << 401 << kAuthenticate << QByteArray() << false << K::Auth << false << false;
        QTest::newRow("20003 on a POST")
            << 401 << kAuthenticate << QByteArray() << true << K::Auth << false << false;
        QTest::newRow("20429 with Retry-After") << 429 << kTooManyRequests << QByteArray("5")
                                                << true << K::RateLimited << true << false;
        QTest::newRow("20429 without Retry-After")
            << 429 << kTooManyRequests << QByteArray() << true << K::RateLimited << true << false;
        QTest::newRow("21610 unsubscribed")
            << 400 << kUnsubscribed << QByteArray() << true << K::Http << false << false;
        QTest::newRow("21614 not mobile")
            << 400 << kNotMobile << QByteArray() << true << K::Http << false << false;
        QTest::newRow("21617 too long")
            << 400 << kBodyTooLong << QByteArray() << true << K::Http << false << false;
        QTest::newRow("20404 not found")
            << 404 << kNotFound << QByteArray() << false << K::Http << false << false;
        QTest::newRow("54205 revision mismatch")
            << 412 << kRevisionMismatch << QByteArray() << true << K::Http << false << false;
        QTest::newRow("20500 on a GET")
            << 500 << kInternal << QByteArray() << false << K::Http << true << false;
        QTest::newRow("20500 on a POST")
            << 500 << kInternal << QByteArray() << true << K::Http << true << true;
    }

    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(bool, post);
        QFETCH(ProviderError::Kind, kind);
        QFETCH(bool, transient);
        QFETCH(bool, mayBeLost);

        const ProviderError error =
            ProviderError::fromHttpResponse(status, body, retryAfter, post, kNow);
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(error.twilioCode(), std::optional<int>(json.value("code"_L1).toInt()));
        QVERIFY(error.message().startsWith(json.value("message"_L1).toString()));
        QCOMPARE(error.moreInfo(), json.value("more_info"_L1).toString());
        QCOMPARE(error.retryAfterSeconds(),
                 retryAfter.isEmpty() ? std::nullopt : std::optional<int>(retryAfter.toInt()));
        QCOMPARE(error.isTransient(), transient);
        QCOMPARE(error.responseMayBeLost(), mayBeLost);
        QCOMPARE(error.requestWasPost(), post);
    }

    void authErrorSaysWhatIsWrong()
    {
        const ProviderError error =
            ProviderError::fromHttpResponse(401, kAuthenticate, {}, false, kNow);
        QVERIFY(error.displayMessage().startsWith(u"The Account SID or Auth Token is wrong"_s));
        // Twilio's `detail` is the useful part of a 401 and must not be lost.
        QVERIFY(error.message().contains(u"Your AccountSid or AuthToken was incorrect."_s));
    }

    void nonTwilioBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ProviderError::Kind>("kind");
        QTest::addColumn<bool>("transient");
        using K = ProviderError::Kind;
        QTest::newRow("502 HTML from a proxy") << 502 << kProxyPage << K::Http << true;
        QTest::newRow("503 empty") << 503 << QByteArray() << K::Http << true;
        QTest::newRow("400 plain text") << 400 << QByteArray("Bad Request") << K::Http << false;
        QTest::newRow("401 empty") << 401 << QByteArray() << K::Auth << false;
        QTest::newRow("429 empty") << 429 << QByteArray() << K::RateLimited << true;
        QTest::newRow("400 JSON array") << 400 << QByteArray("[1,2]") << K::Http << false;
        QTest::newRow("404 JSON without code")
            << 404 << QByteArray(R"({"error": "nope"})") << K::Http << false;
    }

    void nonTwilioBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ProviderError::Kind, kind);
        QFETCH(bool, transient);
        const ProviderError error = ProviderError::fromHttpResponse(status, body, {}, false, kNow);
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(error.twilioCode(), std::nullopt);
        QVERIFY2(error.message().contains(QString::number(status)), qPrintable(error.message()));
        QCOMPARE(error.isTransient(), transient);
    }

    void codeDecidesKindWhenStatusDoesNot()
    {
        const QByteArray body = R"({"code": 20429, "message": "Too Many Requests", "status": 400})";
        QCOMPARE(ProviderError::fromHttpResponse(400, body, {}, false, kNow).kind(),
                 ProviderError::Kind::RateLimited);
        const QByteArray auth = R"({"code": 20003, "message": "Authenticate", "status": 403})";
        QCOMPARE(ProviderError::fromHttpResponse(403, auth, {}, false, kNow).kind(),
                 ProviderError::Kind::Auth);
    }

    void networkErrors_data()
    {
        QTest::addColumn<QNetworkReply::NetworkError>("networkError");
        QTest::addColumn<bool>("post");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<bool>("mayBeLost");
        using N = QNetworkReply;
        QTest::newRow("closed mid-response, POST")
            << N::RemoteHostClosedError << true << true << true;
        QTest::newRow("closed mid-response, GET")
            << N::RemoteHostClosedError << false << true << false;
        QTest::newRow("refused, POST") << N::ConnectionRefusedError << true << true << false;
        QTest::newRow("host not found, POST") << N::HostNotFoundError << true << true << false;
        QTest::newRow("temporary failure, POST")
            << N::TemporaryNetworkFailureError << true << true << true;
        QTest::newRow("unknown network error, POST")
            << N::UnknownNetworkError << true << true << true;
        QTest::newRow("protocol failure, POST") << N::ProtocolFailure << true << true << true;
        QTest::newRow("TLS handshake, POST")
            << N::SslHandshakeFailedError << true << false << false;
    }

    void networkErrors()
    {
        QFETCH(QNetworkReply::NetworkError, networkError);
        QFETCH(bool, post);
        QFETCH(bool, transient);
        QFETCH(bool, mayBeLost);
        const ProviderError error =
            ProviderError::fromNetworkError(networkError, u"socket said no"_s, post);
        QCOMPARE(error.kind(), ProviderError::Kind::Network);
        QCOMPARE(error.networkError(), networkError);
        QCOMPARE(error.httpStatus(), 0);
        QCOMPARE(error.isTransient(), transient);
        QCOMPARE(error.responseMayBeLost(), mayBeLost);
        QVERIFY(error.displayMessage().contains(u"socket said no"_s));
    }

    void otherKinds_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<bool>("post");
        QTest::addColumn<ProviderError::Kind>("kind");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<bool>("mayBeLost");
        using K = ProviderError::Kind;
        QTest::newRow("timeout, POST") << 0 << true << K::Timeout << true << true;
        QTest::newRow("timeout, GET") << 0 << false << K::Timeout << true << false;
        QTest::newRow("cancelled, POST") << 1 << true << K::Cancelled << false << true;
        QTest::newRow("cancelled, GET") << 1 << false << K::Cancelled << false << false;
        QTest::newRow("unreadable 201, POST") << 2 << true << K::Parse << false << true;
        QTest::newRow("unreadable 200, GET") << 2 << false << K::Parse << false << false;
        QTest::newRow("invalid request") << 3 << false << K::InvalidRequest << false << false;
    }

    void otherKinds()
    {
        QFETCH(int, which);
        QFETCH(bool, post);
        QFETCH(ProviderError::Kind, kind);
        QFETCH(bool, transient);
        QFETCH(bool, mayBeLost);
        const ProviderError error =
            which == 0   ? ProviderError::timeout(30000, post)
            : which == 1 ? ProviderError::cancelled(post)
            : which == 2 ? ProviderError::parse(u"not JSON"_s, post ? 201 : 200, post)
                         : ProviderError::invalidRequest(u"no"_s);
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.isTransient(), transient);
        QCOMPARE(error.responseMayBeLost(), mayBeLost);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<std::optional<int>>("expected");
        const auto httpDate = [](qint64 secondsFromNow) {
            return QLocale::c()
                .toString(kNow.addSecs(secondsFromNow), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                .toLatin1();
        };
        QTest::newRow("seconds") << QByteArray("5") << std::optional<int>(5);
        QTest::newRow("padded") << QByteArray(" 120 ") << std::optional<int>(120);
        QTest::newRow("zero") << QByteArray("0") << std::optional<int>(0);
        QTest::newRow("absent") << QByteArray() << std::optional<int>();
        QTest::newRow("negative") << QByteArray("-1") << std::optional<int>();
        QTest::newRow("plus sign") << QByteArray("+3") << std::optional<int>();
        QTest::newRow("fraction") << QByteArray("1.5") << std::optional<int>();
        QTest::newRow("words") << QByteArray("soon") << std::optional<int>();
        QTest::newRow("HTTP-date ahead") << httpDate(90) << std::optional<int>(90);
        QTest::newRow("HTTP-date past") << httpDate(-90) << std::optional<int>(0);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(std::optional<int>, expected);
        QCOMPARE(ProviderError::parseRetryAfter(header, kNow), expected);
    }
};

QTEST_GUILESS_MAIN(TestProviderError)
#include "tst_providererror.moc"
