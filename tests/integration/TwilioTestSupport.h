// Shared by the TwilioClient tests: a scripted loopback server with a client pointed at it,
// the example bodies of Twilio's OpenAPI files (data/twilio), and helpers to wait for and
// check results. Parsed values are checked against those same files.
#pragma once

#include "ScriptedHttpServer.h"
#include "TwilioClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(ProviderError::Kind)

namespace TwilioTest {

inline const QString kSid = u"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
inline const QString kToken = u"tökén+/="_s; // non-ASCII: Basic auth must carry UTF-8
inline const QString kAccountPath = u"/2010-04-01/Accounts/"_s + kSid;
inline const QString kService = u"ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
inline const QString kMap = u"MPaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
inline const QString kItemsPath = u"/v1/Services/"_s + kService + u"/Maps/"_s + kMap + u"/Items"_s;

// Error bodies as Twilio sends them.
inline const QByteArray kAuthenticate =
    R"({"code": 20003, "detail": "Your AccountSid or AuthToken was incorrect.", )"
    R"("message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", )"
    R"("status": 401})";
inline const QByteArray kInvalidTo =
    R"({"code": 21211, "message": "The 'To' number 5551234 is not a valid phone number.", )"
    R"("more_info": "https://www.twilio.com/docs/errors/21211", "status": 400})";
inline const QByteArray kTooManyRequests =
    R"({"code": 20429, "message": "Too Many Requests", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20429", "status": 429})";
inline const QByteArray kInternal =
    R"({"code": 20500, "message": "Internal Server Error", )"
    R"("more_info": "https://www.twilio.com/docs/errors/20500", "status": 500})";
inline const QByteArray kRevisionMismatch =
    R"({"code": 54205, "message": "The revision of the Map Item does not match the expected )"
    R"(revision", "more_info": "https://www.twilio.com/docs/errors/54205", "status": 412})";
inline const QByteArray kWrongFieldType = R"({"sid": "SM1", "num_segments": "many"})";

inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(TWILIO_FIXTURES) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

inline QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(fixture(name)).object();
}

inline QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QDateTime rfc2822(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::RFC2822Date).toUTC();
}

inline QDateTime iso(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

inline std::optional<int> optionalInt(const QJsonValue &value)
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

inline void compareMessage(const ProviderMessage &message, const QJsonObject &json)
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

inline void compareMapItem(const SyncMapItem &item, const QJsonObject &json)
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

inline void compareListItem(const SyncListItem &item, const QJsonObject &json)
{
    QCOMPARE(item.index, json["index"_L1].toInteger());
    QCOMPARE(item.revision, json["revision"_L1].toString());
    QCOMPARE(item.data, json["data"_L1].toObject());
    QCOMPARE(item.accountSid, json["account_sid"_L1].toString());
    QCOMPARE(item.serviceSid, json["service_sid"_L1].toString());
    QCOMPARE(item.listSid, json["list_sid"_L1].toString());
    QCOMPARE(item.url, json["url"_L1].toString());
    QCOMPARE(item.createdBy, json["created_by"_L1].toString());
    QCOMPARE(item.dateCreated, iso(json["date_created"_L1]));
    QCOMPARE(item.dateUpdated, iso(json["date_updated"_L1]));
    QCOMPARE(item.dateExpires, iso(json["date_expires"_L1]));
}

// The single request the server received; a test failure (and an empty request) otherwise.
inline RecordedRequest onlyRequest(const ScriptedHttpServer &server)
{
    const qsizetype count = server.requests().size();
    if (count != 1) {
        QTest::qFail(qPrintable(u"expected one request, the server received %1"_s.arg(count)),
                     __FILE__, __LINE__);
        return {};
    }
    return server.requests().constFirst();
}

// A scripted server and a TwilioClient configured for it.
struct Rig
{
    bool start()
    {
        if (!server.start()) {
            return false;
        }
        client = std::make_unique<TwilioClient>(
            &network, AccountConfig::forSingleBaseUrl(u"Test"_s, kSid, server.baseUrl()), kToken);
        return true;
    }

    ScriptedHttpServer server;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;
};

} // namespace TwilioTest
