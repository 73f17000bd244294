// TwilioClient against a scripted HTTP server on loopback, answering with the example bodies
// of Twilio's OpenAPI files (data/twilio). Expected values are read from those same files.
#include "ScriptedHttpServer.h"
#include "TwilioClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(ProviderError::Kind)

namespace {

const QString kSid = u"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
const QString kToken = u"tökén+/="_s; // non-ASCII: Basic auth must carry UTF-8
const QString kAccountPath = u"/2010-04-01/Accounts/"_s + kSid;
const QString kService = u"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
const QString kMap = u"MPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
const QString kItemsPath = u"/v1/Services/"_s + kService + u"/Maps/"_s + kMap + u"/Items"_s;

// Error bodies as Twilio sends them.
const QByteArray kAuthenticate =
    R"({"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.", )"
    R"("message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", )"
    R"("status": 401})";
const QByteArray kInvalidTo =
    R"({"code": 21211, "message": "The 'To' number 5551234 is not a valid phone number.", )"
    R"("more_info": "https://www.twilio.com/docs/errors/21211", "status": 400})";
const QByteArray kTooManyRequests =
    R"({"code": 20429, "message": "Too Many Requests", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20429", "status": 429})";
const QByteArray kInternal =
    R"({"code": 20500, "message": "Internal Server Error", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20500", "status": 500})";
const QByteArray kRevisionMismatch =
    R"({"code": 54205, "message": "The revision of the Map Item does not match the expected )"
    R"(revision", "more_info": "https://www.twilio.com/docs/errors/54205", "status": 412})";
const QByteArray kWrongFieldType = R"({"sid": "SM1", "num_segments": "many"})";

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TWILIO_FIXTURES) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(fixture(name)).object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QDateTime rfc2822(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::RFC2822Date).toUTC();
}

QDateTime iso(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

std::optional<int> optionalInt(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ? std::nullopt : std::optional<int>(value.toInt());
}

// The error text of a failed result, for test failure messages; empty on success.
template<typename T>
const char *why(const ProviderResult<T> &result)
{
    static QByteArray text;
    text = result.ok() ? QByteArray() : result.error().message().toUtf8();
    return text.constData();
}

template<typename T>
class Waiter
{
public:
    ProviderCallback<T> callback()
    {
        return [this](const ProviderResult<T> &result) {
            m_result.emplace(result);
            ++m_calls;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return m_result.has_value(); }, 10000);
    }
    const ProviderResult<T> &result() const { return *m_result; }
    bool called() const { return m_calls > 0; }
    int calls() const { return m_calls; }

private:
    std::optional<ProviderResult<T>> m_result;
    int m_calls = 0;
};

void compareMessage(const ProviderMessage &message, const QJsonObject &json)
{
    QCOMPARE(message.sid, json["sid"_L1].toString());
    QCOMPARE(message.accountSid, json["account_sid"_L1].toString());
    QCOMPARE(message.messagingServiceSid, json["messaging_service_sid"_L1].toString());
    QCOMPARE(message.from, json["from"_L1].toString());
    QCOMPARE(message.to, json["to"_L1].toString());
    QCOMPARE(message.body, json["body"_L1].toString());
    QCOMPARE(message.status, json["status"_L1].toString());
    QCOMPARE(message.direction, json["direction"_L1].toString());
    QCOMPARE(message.numSegments, json["num_segments"_L1].toString().toInt());
    QCOMPARE(message.numMedia, json["num_media"_L1].toString().toInt());
    QCOMPARE(message.errorCode, optionalInt(json["error_code"_L1]));
    QCOMPARE(message.errorMessage, json["error_message"_L1].toString());
    QCOMPARE(message.price, json["price"_L1].isNull()
                                ? std::nullopt
                                : std::optional<QString>(json["price"_L1].toString()));
    QCOMPARE(message.priceUnit, json["price_unit"_L1].toString());
    QCOMPARE(message.dateCreated, rfc2822(json["date_created"_L1]));
    QCOMPARE(message.dateSent, rfc2822(json["date_sent"_L1]));
    QCOMPARE(message.dateUpdated, rfc2822(json["date_updated"_L1]));
    QCOMPARE(message.uri, json["uri"_L1].toString());
    QCOMPARE(message.dateCreated.timeSpec(), Qt::UTC);
}

void compareMapItem(const SyncMapItem &item, const QJsonObject &json)
{
    QCOMPARE(item.key, json["key"_L1].toString());
    QCOMPARE(item.revision, json["revision"_L1].toString());
    QCOMPARE(item.data, json["data"_L1].toObject());
    QCOMPARE(item.accountSid, json["account_sid"_L1].toString());
    QCOMPARE(item.serviceSid, json["service_sid"_L1].toString());
    QCOMPARE(item.mapSid, json["map_sid"_L1].toString());
    QCOMPARE(item.url, json["url"_L1].toString());
    QCOMPARE(item.createdBy, json["created_by"_L1].toString());
    QCOMPARE(item.dateCreated, iso(json["date_created"_L1]));
    QCOMPARE(item.dateUpdated, iso(json["date_updated"_L1]));
    QCOMPARE(item.dateExpires, iso(json["date_expires"_L1]));
}

} // namespace

class TestTwilioClient : public QObject
{
    Q_OBJECT

private:
    ScriptedHttpServer *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    TwilioClient *m_client = nullptr;

    // The single request the server received; a test failure (and an empty request) when it
    // received another number.
    RecordedRequest onlyRequest() const
    {
        const qsizetype count = m_server->requests().size();
        if (count != 1) {
            QTest::qFail(qPrintable(u"expected one request, the server received %1"_s.arg(count)),
                         __FILE__, __LINE__);
            return {};
        }
        return m_server->requests().constFirst();
    }

private slots:
    void init()
    {
        m_server = new ScriptedHttpServer(this);
        QVERIFY(m_server->start());
        m_network = new QNetworkAccessManager(this);
        m_client = new TwilioClient(
            m_network, AccountConfig::forSingleBaseUrl(u"Test"_s, kSid, m_server->baseUrl()),
            kToken, this);
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
        delete m_server;
    }

    void sendMessagePostsTheForm()
    {
        m_server->script("POST", kAccountPath + u"/Messages.json"_s,
                         ScriptedResponse::json(201, fixture(u"message_create.json"_s)));
        const QString from = u"+14155552345"_s;
        const QString to = u"+14155550100"_s;
        const QString body = u"Héllo 👍 a+b=c & 100% sure?\nLine two"_s;
        Waiter<ProviderMessage> waiter;
        m_client->sendMessage(from, to, body, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));

        const RecordedRequest &request = onlyRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, kAccountPath + u"/Messages.json"_s);
        QCOMPARE(request.header("Authorization"),
                 "Basic " + (kSid + u':' + kToken).toUtf8().toBase64());
        QVERIFY(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        QCOMPARE(request.header("User-Agent"), QByteArray("SMS Desk/" SMSDESK_VERSION));
        const FieldList form = request.form();
        QCOMPARE(form.size(), 3);
        QCOMPARE(RecordedRequest::value(form, u"To"_s), to);
        QCOMPARE(RecordedRequest::value(form, u"From"_s), from);
        QCOMPARE(RecordedRequest::value(form, u"Body"_s), body);

        compareMessage(waiter.result().value(), fixtureObject(u"message_create.json"_s));
    }

    void fetchMessageParsesEveryField()
    {
        const QJsonObject json = fixtureObject(u"message_fetch.json"_s);
        const QString sid = json["sid"_L1].toString();
        m_server->script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s,
                         ScriptedResponse::json(200, toJson(json)));
        Waiter<ProviderMessage> waiter;
        m_client->fetchMessage(sid, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(onlyRequest().method, QByteArray("GET"));
        // The example is a failed message with a price: the optional fields are all set.
        QVERIFY(waiter.result().value().errorCode.has_value());
        QVERIFY(waiter.result().value().price.has_value());
        compareMessage(waiter.result().value(), json);
    }

    void listMessagesSendsFilters()
    {
        const QJsonObject page = fixtureObject(u"messages_page.json"_s);
        m_server->script("GET", kAccountPath + u"/Messages.json"_s,
                         ScriptedResponse::json(200, toJson(page)));
        MessageFilter filter;
        filter.to = u"+18182008801"_s;
        filter.from = u"+12019235161"_s;
        filter.dateSent = QDate(2019, 5, 24);
        filter.dateSentBefore = QDate(2019, 5, 25);
        filter.dateSentAfter = QDate(2019, 5, 3);
        filter.pageSize = 2;
        Waiter<MessagePage> waiter;
        m_client->listMessages(filter, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));

        const FieldList query = onlyRequest().query();
        QCOMPARE(RecordedRequest::value(query, u"To"_s), filter.to);
        QCOMPARE(RecordedRequest::value(query, u"From"_s), filter.from);
        QCOMPARE(RecordedRequest::value(query, u"DateSent"_s), u"2019-05-24"_s);
        QCOMPARE(RecordedRequest::value(query, u"DateSent<"_s), u"2019-05-25"_s);
        QCOMPARE(RecordedRequest::value(query, u"DateSent>"_s), u"2019-05-03"_s);
        QCOMPARE(RecordedRequest::value(query, u"PageSize"_s), u"2"_s);
        QCOMPARE(query.size(), 6);

        const MessagePage &result = waiter.result().value();
        const QJsonArray messages = page["messages"_L1].toArray();
        QCOMPARE(result.items.size(), messages.size());
        for (qsizetype i = 0; i < messages.size(); ++i) {
            compareMessage(result.items.at(i), messages.at(i).toObject());
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        QCOMPARE(result.nextPageUri, page["next_page_uri"_L1].toString());
        QVERIFY(result.hasNextPage());
    }

    void nextMessagePageFollowsTheUri_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("relative, as Twilio sends it") << QString();
        // Credentials go only to the configured host, whatever the page link says.
        QTest::newRow("absolute on another host") << u"https://elsewhere.example.com"_s;
    }

    void nextMessagePageFollowsTheUri()
    {
        QFETCH(QString, prefix);
        const QString uri = fixtureObject(u"messages_page.json"_s)["next_page_uri"_L1].toString();
        const QUrl parsed(uri);
        m_server->script("GET", parsed.path(),
                         ScriptedResponse::json(200, fixture(u"messages_last_page.json"_s)));
        Waiter<MessagePage> waiter;
        m_client->nextMessagePage(prefix + uri, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const RecordedRequest &request = onlyRequest();
        QCOMPARE(request.path, parsed.path());
        QCOMPARE(request.query(),
                 RecordedRequest::decodeForm(parsed.query(QUrl::FullyEncoded).toLatin1()));
        QVERIFY(!request.header("Authorization").isEmpty());
        QVERIFY(waiter.result().value().items.isEmpty());
        QVERIFY(!waiter.result().value().hasNextPage());
    }

    void listIncomingNumbersFollowsEveryPage()
    {
        const QString path = kAccountPath + u"/IncomingPhoneNumbers.json"_s;
        QJsonObject first = fixtureObject(u"incoming_numbers.json"_s);
        first["next_page_uri"_L1] = QString(path + u"?PageSize=1000&Page=1&PageToken=PT2"_s);
        QJsonObject second = fixtureObject(u"incoming_numbers.json"_s);
        QJsonArray numbers = second["incoming_phone_numbers"_L1].toArray();
        QJsonObject other = numbers.at(0).toObject();
        other["sid"_L1] = u"PNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"_s;
        other["phone_number"_L1] = u"+18089255328"_s;
        numbers.replace(0, other);
        second["incoming_phone_numbers"_L1] = numbers;
        m_server->script("GET", path,
                         {ScriptedResponse::json(200, toJson(first)),
                          ScriptedResponse::json(200, toJson(second))});

        Waiter<QList<ProviderNumber>> waiter;
        m_client->listIncomingNumbers(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(RecordedRequest::value(m_server->requests().at(1).query(), u"PageToken"_s),
                 u"PT2"_s);

        const QList<ProviderNumber> &result = waiter.result().value();
        QCOMPARE(result.size(), 2);
        const QJsonObject json = first["incoming_phone_numbers"_L1].toArray().at(0).toObject();
        const QJsonObject capabilities = json["capabilities"_L1].toObject();
        const ProviderNumber &number = result.at(0);
        QCOMPARE(number.kind, ProviderNumber::Kind::PhoneNumber);
        QCOMPARE(number.sid, json["sid"_L1].toString());
        QCOMPARE(number.number, json["phone_number"_L1].toString());
        QCOMPARE(number.friendlyName, json["friendly_name"_L1].toString());
        QCOMPARE(number.type, json["type"_L1].toString());
        QCOMPARE(number.status, json["status"_L1].toString());
        QCOMPARE(number.sms, capabilities["sms"_L1].toBool());
        QCOMPARE(number.mms, capabilities["mms"_L1].toBool());
        QCOMPARE(number.voice, capabilities["voice"_L1].toBool());
        QCOMPARE(number.dateCreated, rfc2822(json["date_created"_L1]));
        QCOMPARE(number.dateUpdated, rfc2822(json["date_updated"_L1]));
        QCOMPARE(result.at(1).sid, other["sid"_L1].toString());
        QCOMPARE(result.at(1).number, other["phone_number"_L1].toString());
    }

    void listShortCodes()
    {
        const QJsonObject page = fixtureObject(u"short_codes.json"_s);
        m_server->script("GET", kAccountPath + u"/SMS/ShortCodes.json"_s,
                         ScriptedResponse::json(200, toJson(page)));
        Waiter<QList<ProviderNumber>> waiter;
        m_client->listShortCodes(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const QJsonObject json = page["short_codes"_L1].toArray().at(0).toObject();
        QCOMPARE(waiter.result().value().size(), 1);
        const ProviderNumber &code = waiter.result().value().at(0);
        QCOMPARE(code.kind, ProviderNumber::Kind::ShortCode);
        QCOMPARE(code.sid, json["sid"_L1].toString());
        QCOMPARE(code.number, json["short_code"_L1].toString());
        QCOMPARE(code.friendlyName, json["friendly_name"_L1].toString());
        QVERIFY(code.sms);
        QCOMPARE(code.dateCreated, rfc2822(json["date_created"_L1]));
    }

    void lookupLineType_data()
    {
        QTest::addColumn<QString>("fixtureName");
        QTest::newRow("line type") << u"lookup_line_type.json"_s;
        QTest::newRow("invalid number") << u"lookup_invalid.json"_s;
    }

    void lookupLineType()
    {
        QFETCH(QString, fixtureName);
        const QJsonObject json = fixtureObject(fixtureName);
        const QString e164 = json["phone_number"_L1].toString();
        m_server->script("GET", u"/v2/PhoneNumbers/"_s + e164,
                         ScriptedResponse::json(200, toJson(json)));
        Waiter<LineTypeLookup> waiter;
        m_client->lookupLineType(e164, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(RecordedRequest::value(onlyRequest().query(), u"Fields"_s),
                 u"line_type_intelligence"_s);

        const LineTypeLookup &lookup = waiter.result().value();
        const QJsonObject lti = json["line_type_intelligence"_L1].toObject();
        QStringList validationErrors;
        for (const QJsonValue &value : json["validation_errors"_L1].toArray()) {
            validationErrors.append(value.toString());
        }
        QCOMPARE(lookup.phoneNumber, e164);
        QCOMPARE(lookup.valid, json["valid"_L1].toBool());
        QCOMPARE(lookup.validationErrors, validationErrors);
        QCOMPARE(lookup.countryCode, json["country_code"_L1].toString());
        QCOMPARE(lookup.callingCountryCode, json["calling_country_code"_L1].toString());
        QCOMPARE(lookup.nationalFormat, json["national_format"_L1].toString());
        QCOMPARE(lookup.hasLineTypeIntelligence, json["line_type_intelligence"_L1].isObject());
        QCOMPARE(lookup.lineType, lti["type"_L1].toString());
        QCOMPARE(lookup.carrierName, lti["carrier_name"_L1].toString());
        QCOMPARE(lookup.mobileCountryCode, lti["mobile_country_code"_L1].toString());
        QCOMPARE(lookup.mobileNetworkCode, lti["mobile_network_code"_L1].toString());
        QCOMPARE(lookup.lineTypeErrorCode, optionalInt(lti["error_code"_L1]));
    }

    void testConnectionFetchesTheAccount()
    {
        const QJsonObject json = fixtureObject(u"account.json"_s);
        m_server->script("GET", kAccountPath + u".json"_s,
                         ScriptedResponse::json(200, toJson(json)));
        Waiter<ProviderAccount> waiter;
        m_client->testConnection(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const ProviderAccount &account = waiter.result().value();
        QCOMPARE(account.sid, json["sid"_L1].toString());
        QCOMPARE(account.friendlyName, json["friendly_name"_L1].toString());
        QCOMPARE(account.status, json["status"_L1].toString());
        QCOMPARE(account.type, json["type"_L1].toString());
    }

    void testConnectionWithWrongCredentials()
    {
        m_server->script("GET", kAccountPath + u".json"_s,
                         ScriptedResponse::json(401, kAuthenticate));
        Waiter<ProviderAccount> waiter;
        m_client->testConnection(this, waiter.callback());
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
            m_client->setTimeout(150ms);
        }
        const QString sid = u"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
        Waiter<ProviderMessage> waiter;
        if (post) {
            m_server->script("POST", kAccountPath + u"/Messages.json"_s, response);
            m_client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, u"hi"_s, this,
                                  waiter.callback());
        } else {
            m_server->script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s, response);
            m_client->fetchMessage(sid, this, waiter.callback());
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
        QUrl closed = m_server->baseUrl();
        closed.setPort(probe.serverPort());
        probe.close();
        TwilioClient client(m_network, AccountConfig::forSingleBaseUrl(u"x"_s, kSid, closed),
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

    void syncServices()
    {
        const QJsonObject page = fixtureObject(u"sync_services.json"_s);
        m_server->script("GET", u"/v1/Services"_s, ScriptedResponse::json(200, toJson(page)));
        Waiter<QList<SyncService>> waiter;
        m_client->listSyncServices(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const QJsonObject json = page["services"_L1].toArray().at(0).toObject();
        QCOMPARE(waiter.result().value().size(), 1);
        const SyncService &service = waiter.result().value().at(0);
        QCOMPARE(service.sid, json["sid"_L1].toString());
        QCOMPARE(service.uniqueName, json["unique_name"_L1].toString());
        QCOMPARE(service.friendlyName, json["friendly_name"_L1].toString());
        QCOMPARE(service.accountSid, json["account_sid"_L1].toString());
        QCOMPARE(service.dateCreated, iso(json["date_created"_L1]));
    }

    void listMapItemsAndFollowTheAbsoluteNextUrl()
    {
        QJsonObject first = fixtureObject(u"sync_items.json"_s);
        QJsonArray items = first["items"_L1].toArray();
        QJsonObject item = items.at(0).toObject();
        item["data"_L1] = QJsonObject{{u"assignee"_s, u"ana"_s}, {u"unread"_s, 3}};
        items.replace(0, item);
        first["items"_L1] = items;
        QJsonObject meta = first["meta"_L1].toObject();
        const QString next =
            u"https://sync.twilio.com"_s + kItemsPath + u"?PageSize=10&Page=1&PageToken=PTnext"_s;
        meta["next_page_url"_L1] = next;
        first["meta"_L1] = meta;
        m_server->script("GET", kItemsPath,
                         {ScriptedResponse::json(200, toJson(first)),
                          ScriptedResponse::json(200, fixture(u"sync_items.json"_s))});

        MapItemQuery query;
        query.order = MapItemQuery::Order::Ascending;
        query.from = u"thread/+1 415"_s;
        query.bounds = MapItemQuery::Bounds::Exclusive;
        query.pageSize = 10;
        Waiter<SyncMapItemPage> waiter;
        m_client->listMapItems(kService, kMap, query, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const FieldList sent = onlyRequest().query();
        QCOMPARE(RecordedRequest::value(sent, u"Order"_s), u"asc"_s);
        QCOMPARE(RecordedRequest::value(sent, u"From"_s), query.from);
        QCOMPARE(RecordedRequest::value(sent, u"Bounds"_s), u"exclusive"_s);
        QCOMPARE(RecordedRequest::value(sent, u"PageSize"_s), u"10"_s);
        QCOMPARE(waiter.result().value().items.size(), 1);
        compareMapItem(waiter.result().value().items.at(0), item);
        if (QTest::currentTestFailed()) {
            return;
        }
        QCOMPARE(waiter.result().value().nextPageUri, next);

        Waiter<SyncMapItemPage> second;
        m_client->nextMapItemPage(waiter.result().value().nextPageUri, this, second.callback());
        QVERIFY(second.wait());
        QVERIFY2(second.result().ok(), why(second.result()));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(RecordedRequest::value(m_server->requests().at(1).query(), u"PageToken"_s),
                 u"PTnext"_s);
        QVERIFY(!second.result().value().hasNextPage());
    }

    void mapItemWrites()
    {
        const QString key = u"thread/AC1 +14155550100"_s; // '/', ' ' and '+' in a key
        const QString itemPath = kItemsPath + u'/' + key;
        QJsonObject stored = fixtureObject(u"sync_item.json"_s);
        stored["key"_L1] = key;
        stored["revision"_L1] = u"7"_s;
        m_server->script("POST", kItemsPath, ScriptedResponse::json(201, toJson(stored)));
        m_server->script("POST", itemPath, ScriptedResponse::json(200, toJson(stored)));
        m_server->script("GET", itemPath, ScriptedResponse::json(200, toJson(stored)));
        m_server->script("DELETE", itemPath, ScriptedResponse::json(204, {}));
        const QJsonObject data{{u"assignee"_s, u"zoë"_s}, {u"flagged"_s, true}};

        Waiter<SyncMapItem> created;
        m_client->createMapItem(kService, kMap, key, data, this, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.result().ok(), why(created.result()));
        const RecordedRequest create = m_server->requests().at(0);
        QCOMPARE(create.method, QByteArray("POST"));
        QCOMPARE(RecordedRequest::value(create.form(), u"Key"_s), key);
        QCOMPARE(QJsonDocument::fromJson(RecordedRequest::value(create.form(), u"Data"_s).toUtf8())
                     .object(),
                 data);
        compareMapItem(created.result().value(), stored);
        if (QTest::currentTestFailed()) {
            return;
        }

        Waiter<SyncMapItem> updated;
        m_client->updateMapItem(kService, kMap, key, data, u"6"_s, this, updated.callback());
        QVERIFY(updated.wait());
        QVERIFY2(updated.result().ok(), why(updated.result()));
        const RecordedRequest update = m_server->requests().at(1);
        QCOMPARE(update.path, itemPath);
        QCOMPARE(update.header("If-Match"), QByteArray("6"));
        QCOMPARE(QJsonDocument::fromJson(RecordedRequest::value(update.form(), u"Data"_s).toUtf8())
                     .object(),
                 data);
        QCOMPARE(RecordedRequest::value(update.form(), u"Key"_s), QString());

        Waiter<SyncMapItem> fetched;
        m_client->fetchMapItem(kService, kMap, key, this, fetched.callback());
        QVERIFY(fetched.wait());
        QVERIFY2(fetched.result().ok(), why(fetched.result()));
        QCOMPARE(fetched.result().value().revision, u"7"_s);

        Waiter<ProviderDone> deleted;
        m_client->deleteMapItem(kService, kMap, key, u"7"_s, this, deleted.callback());
        QVERIFY(deleted.wait());
        QVERIFY2(deleted.result().ok(), why(deleted.result()));
        const RecordedRequest remove = m_server->requests().at(3);
        QCOMPARE(remove.method, QByteArray("DELETE"));
        QCOMPARE(remove.path, itemPath);
        QCOMPARE(remove.header("If-Match"), QByteArray("7"));
    }

    void updateWithStaleRevision()
    {
        const QString itemPath = kItemsPath + u"/k"_s;
        m_server->script("POST", itemPath, ScriptedResponse::json(412, kRevisionMismatch));
        Waiter<SyncMapItem> waiter;
        m_client->updateMapItem(kService, kMap, u"k"_s, {}, u"3"_s, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        QCOMPARE(waiter.result().error().httpStatus(), 412);
        QCOMPARE(waiter.result().error().twilioCode(), std::optional<int>(54205));
        QVERIFY(!waiter.result().error().isTransient());
    }

    void destroyedContextIsNeverCalled()
    {
        const QString sid = u"SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
        m_server->script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s,
                         ScriptedResponse::json(200, fixture(u"message_fetch.json"_s)));
        auto *context = new QObject;
        bool called = false;
        m_client->fetchMessage(
            sid, context, [&called](const ProviderResult<ProviderMessage> &) { called = true; });
        delete context;
        Waiter<ProviderMessage> other;
        m_client->fetchMessage(sid, this, other.callback());
        QVERIFY(other.wait());
        QVERIFY(QTest::qWaitFor([this] { return m_client->pendingRequests() == 0; }, 10000));
        QCOMPARE(m_server->requests().size(), 2); // the first request did go out
        QVERIFY(!called);
    }

    void cancelAllReportsCancelled()
    {
        m_server->script("POST", kAccountPath + u"/Messages.json"_s, ScriptedResponse::hang());
        Waiter<ProviderMessage> waiter;
        m_client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, u"hi"_s, this,
                              waiter.callback());
        QVERIFY(QTest::qWaitFor([this] { return !m_server->requests().isEmpty(); }, 10000));
        m_client->cancelAll();
        QVERIFY(waiter.wait());
        QCOMPARE(waiter.result().error().kind(), ProviderError::Kind::Cancelled);
        QVERIFY(waiter.result().error().responseMayBeLost());
        QCOMPARE(m_client->pendingRequests(), 0);
    }

    void invalidConfigurationSendsNothing()
    {
        AccountConfig config = AccountConfig::forSingleBaseUrl(u"x"_s, kSid, m_server->baseUrl());
        config.apiBaseUrl = QUrl(u"http://api.example.com"_s);
        TwilioClient client(m_network, config, kToken);
        Waiter<ProviderAccount> waiter;
        client.testConnection(this, waiter.callback());
        QVERIFY(waiter.wait());
        QCOMPARE(waiter.result().error().kind(), ProviderError::Kind::InvalidRequest);
        QVERIFY(waiter.result().error().message().contains(u"https://"_s));
        QVERIFY(m_server->requests().isEmpty());
    }

    void invalidInputSendsNothing()
    {
        Waiter<ProviderMessage> badSid;
        m_client->fetchMessage(u"SM123"_s, this, badSid.callback());
        Waiter<ProviderMessage> noBody;
        m_client->sendMessage(u"+15005550006"_s, u"+15005550001"_s, QString(), this,
                              noBody.callback());
        Waiter<LineTypeLookup> notE164;
        m_client->lookupLineType(u"4159929960"_s, this, notE164.callback());
        Waiter<SyncMapItem> longKey;
        m_client->createMapItem(kService, kMap, QString(257, u'k'), {}, this, longKey.callback());
        // Asynchronous like every other outcome: nothing is called from inside the call.
        QVERIFY(!badSid.called() && !noBody.called() && !notE164.called() && !longKey.called());
        QVERIFY(badSid.wait() && noBody.wait() && notE164.wait() && longKey.wait());
        for (const ProviderError &error : {badSid.result().error(), noBody.result().error(),
                                           notE164.result().error(), longKey.result().error()}) {
            QCOMPARE(error.kind(), ProviderError::Kind::InvalidRequest);
            QVERIFY(!error.message().isEmpty());
        }
        QVERIFY(m_server->requests().isEmpty());
    }

    void defaultTimeoutIsThirtySeconds()
    {
        QCOMPARE(m_client->timeout(), std::chrono::milliseconds(30s));
    }
};

QTEST_GUILESS_MAIN(TestTwilioClient)
#include "tst_twilioclient.moc"
