// Every kind of sandbox answer checked against Twilio's official OpenAPI files
// (tests/data/twilio-oai): all listed properties present, none extra, types and formats.
#include "OpenApiValidator.h"
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {
const QString kSupport = u"+14155550100"_s;
const QString kCustomer = u"+14155550142"_s;
const QString kMessages = u"/2010-04-01/Accounts/{AccountSid}/Messages.json"_s;
const QString kMessage = u"/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"_s;

QString spec(const char *file)
{
    return QStringLiteral(TWILIO_OAI_DIR "/") + QString::fromLatin1(file);
}
} // namespace

#define QVERIFY_CONFORMS(problems)                                                                 \
    do {                                                                                           \
        const QStringList p_ = (problems);                                                         \
        QVERIFY2(p_.isEmpty(), qPrintable(p_.join(u'\n')));                                        \
    } while (false)

class TestSandboxOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void validatorCatchesMistakes();
    void messagesConform();
    void numbersConform();
    void accountConforms();
    void lookupConforms();
    void syncConforms();
    void syncListsConform();
    void keysConform();

private:
    SandboxFixture m;
    std::unique_ptr<OpenApiValidator> m_api;
    std::unique_ptr<OpenApiValidator> m_lookups;
    std::unique_ptr<OpenApiValidator> m_sync;
};

void TestSandboxOpenApi::initTestCase()
{
    m_api = std::make_unique<OpenApiValidator>(spec("twilio_api_v2010.json"));
    m_lookups = std::make_unique<OpenApiValidator>(spec("twilio_lookups_v2.json"));
    m_sync = std::make_unique<OpenApiValidator>(spec("twilio_sync_v1.json"));
    QVERIFY(m_api->isValid() && m_lookups->isValid() && m_sync->isValid());
}

void TestSandboxOpenApi::validatorCatchesMistakes()
{
    QJsonObject good = m.client->sendMessage(kSupport, kCustomer, u"check"_s).json;
    QVERIFY_CONFORMS(m_api->validateResponse(kMessages, u"post"_s, 201, good));

    QJsonObject missing = good;
    missing.remove(u"num_segments"_s);
    QCOMPARE(m_api->validateResponse(kMessages, u"post"_s, 201, missing).size(), 1);
    QJsonObject extra = good;
    extra.insert(u"segments"_s, 1);
    QCOMPARE(m_api->validateResponse(kMessages, u"post"_s, 201, extra).size(), 1);
    QJsonObject wrongType = good;
    wrongType.insert(u"num_segments"_s, 1); // a string in the spec
    QCOMPARE(m_api->validateResponse(kMessages, u"post"_s, 201, wrongType).size(), 1);
    QJsonObject badEnum = good;
    badEnum.insert(u"status"_s, u"on-its-way"_s);
    QCOMPARE(m_api->validateResponse(kMessages, u"post"_s, 201, badEnum).size(), 1);
    QJsonObject badSid = good;
    badSid.insert(u"sid"_s, u"SM123"_s);
    QVERIFY(!m_api->validateResponse(kMessages, u"post"_s, 201, badSid).isEmpty());
    QJsonObject badDate = good;
    badDate.insert(u"date_created"_s, u"2026-11-23T08:00:00Z"_s);
    QCOMPARE(m_api->validateResponse(kMessages, u"post"_s, 201, badDate).size(), 1);
}

void TestSandboxOpenApi::messagesConform()
{
    const HttpResult created = m.client->sendMessage(kSupport, kCustomer, u"queued one"_s);
    QCOMPARE(created.status, 201);
    QVERIFY_CONFORMS(m_api->validateResponse(kMessages, u"post"_s, 201, created.json));

    // Delivered, undelivered (with error code) and received messages.
    const QString delivered = created.json.value(u"sid"_s).toString();
    const QString undelivered =
        m.client->sendMessage(kSupport, u"+14155550197"_s, u"x"_s).json.value(u"sid"_s).toString();
    QCOMPARE(m.client->inject(kCustomer, kSupport, u"HELP"_s).status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(delivered), u"delivered"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(undelivered), u"undelivered"_s, 20000);
    for (const QString &sid : {delivered, undelivered}) {
        const HttpResult fetched =
            m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s));
        QVERIFY_CONFORMS(m_api->validateResponse(kMessage, u"get"_s, 200, fetched.json));
    }
    const HttpResult page = m.client->get(m.client->account(u"/Messages.json?PageSize=2"_s));
    QVERIFY(!page.json.value(u"next_page_uri"_s).isNull());
    QVERIFY_CONFORMS(m_api->validateResponse(kMessages, u"get"_s, 200, page.json));
    const HttpResult all = m.client->get(m.client->account(u"/Messages.json"_s));
    QVERIFY(all.json.value(u"messages"_s).toArray().size() >=
            4); // includes inbound and the help reply
    QVERIFY_CONFORMS(m_api->validateResponse(kMessages, u"get"_s, 200, all.json));
    const HttpResult empty =
        m.client->get(m.client->account(u"/Messages.json?To=%2B14155550177"_s));
    QVERIFY_CONFORMS(m_api->validateResponse(kMessages, u"get"_s, 200, empty.json));
}

void TestSandboxOpenApi::numbersConform()
{
    const HttpResult numbers = m.client->get(m.client->account(u"/IncomingPhoneNumbers.json"_s));
    QVERIFY_CONFORMS(
        m_api->validateResponse(u"/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"_s,
                                u"get"_s, 200, numbers.json));
    const QString pn =
        numbers.json.value(u"incoming_phone_numbers"_s).toArray().first()[u"sid"_s].toString();
    QVERIFY_CONFORMS(m_api->validateResponse(
        u"/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"_s, u"get"_s, 200,
        m.client->get(m.client->account(u"/IncomingPhoneNumbers/"_s + pn + u".json"_s)).json));
    const HttpResult codes = m.client->get(m.client->account(u"/SMS/ShortCodes.json"_s));
    QVERIFY_CONFORMS(m_api->validateResponse(
        u"/2010-04-01/Accounts/{AccountSid}/SMS/ShortCodes.json"_s, u"get"_s, 200, codes.json));
    const QString sc = codes.json.value(u"short_codes"_s).toArray().first()[u"sid"_s].toString();
    QVERIFY_CONFORMS(m_api->validateResponse(
        u"/2010-04-01/Accounts/{AccountSid}/SMS/ShortCodes/{Sid}.json"_s, u"get"_s, 200,
        m.client->get(m.client->account(u"/SMS/ShortCodes/"_s + sc + u".json"_s)).json));
}

void TestSandboxOpenApi::accountConforms()
{
    // What "Test connection" fetches.
    const HttpResult account = m.client->get(m.client->account(u".json"_s));
    QCOMPARE(account.status, 200);
    QVERIFY_CONFORMS(
        m_api->validateResponse(u"/2010-04-01/Accounts/{Sid}.json"_s, u"get"_s, 200, account.json));
    const HttpResult other =
        m.client->get(u"/2010-04-01/Accounts/AC"_s + QString(32, u'0') + u".json"_s);
    QCOMPARE(other.status, 404);
}

void TestSandboxOpenApi::lookupConforms()
{
    for (const QString &query :
         {u"/v2/PhoneNumbers/%2B14155550142?Fields=line_type_intelligence"_s,
          u"/v2/PhoneNumbers/%2B14155550142"_s, u"/v2/PhoneNumbers/%2B141555501234567"_s,
          u"/v2/PhoneNumbers/%2B442079460000?Fields=line_type_intelligence"_s}) {
        const HttpResult r = m.client->get(query);
        QCOMPARE(r.status, 200);
        QVERIFY_CONFORMS(m_lookups->validateResponse(u"/v2/PhoneNumbers/{PhoneNumber}"_s, u"get"_s,
                                                     200, r.json));
    }
}

void TestSandboxOpenApi::syncConforms()
{
    const HttpResult services = m.client->get(u"/v1/Services"_s);
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services"_s, u"get"_s, 200, services.json));
    const QString service =
        u"/v1/Services/"_s +
        services.json.value(u"services"_s).toArray().first()[u"sid"_s].toString();
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services/{Sid}"_s, u"get"_s, 200,
                                              m.client->get(service).json));

    const HttpResult map = m.client->post(service + u"/Maps"_s, {{u"UniqueName"_s, u"team"_s}});
    QVERIFY_CONFORMS(
        m_sync->validateResponse(u"/v1/Services/{ServiceSid}/Maps"_s, u"post"_s, 201, map.json));
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services/{ServiceSid}/Maps"_s, u"get"_s, 200,
                                              m.client->get(service + u"/Maps"_s).json));
    const QString mapPath = service + u"/Maps/"_s + map.json.value(u"sid"_s).toString();
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services/{ServiceSid}/Maps/{Sid}"_s, u"get"_s,
                                              200, m.client->get(mapPath).json));

    const QString items = u"/v1/Services/{ServiceSid}/Maps/{MapSid}/Items"_s;
    for (int i = 0; i < 3; ++i) {
        const HttpResult item = m.client->post(
            mapPath + u"/Items"_s, {{u"Key"_s, u"k%1"_s.arg(i)}, {u"Data"_s, u"{\"n\":1}"_s}});
        QVERIFY_CONFORMS(m_sync->validateResponse(items, u"post"_s, 201, item.json));
    }
    QVERIFY_CONFORMS(m_sync->validateResponse(items + u"/{Key}"_s, u"get"_s, 200,
                                              m.client->get(mapPath + u"/Items/k1"_s).json));
    QVERIFY_CONFORMS(m_sync->validateResponse(
        items + u"/{Key}"_s, u"post"_s, 200,
        m.client->post(mapPath + u"/Items/k1"_s, {{u"Data"_s, u"{\"n\":2}"_s}}).json));
    const HttpResult page = m.client->get(mapPath + u"/Items?PageSize=2"_s);
    QVERIFY(!page.json.value(u"meta"_s)[u"next_page_url"_s].isNull());
    QVERIFY_CONFORMS(m_sync->validateResponse(items, u"get"_s, 200, page.json));
}

void TestSandboxOpenApi::syncListsConform()
{
    const HttpResult service =
        m.client->post(u"/v1/Services"_s, {{u"FriendlyName"_s, u"smsdesk"_s}});
    QCOMPARE(service.status, 201);
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services"_s, u"post"_s, 201, service.json));
    QVERIFY_CONFORMS(m_sync->validateResponse(u"/v1/Services"_s, u"get"_s, 200,
                                              m.client->get(u"/v1/Services"_s).json));
    const QString servicePath = u"/v1/Services/"_s + service.json.value(u"sid"_s).toString();

    const QString lists = u"/v1/Services/{ServiceSid}/Lists"_s;
    const HttpResult list =
        m.client->post(servicePath + u"/Lists"_s,
                       {{u"UniqueName"_s, u"team-log"_s}, {u"CollectionTtl"_s, u"0"_s}});
    QCOMPARE(list.status, 201);
    QVERIFY_CONFORMS(m_sync->validateResponse(lists, u"post"_s, 201, list.json));
    QVERIFY_CONFORMS(m_sync->validateResponse(lists, u"get"_s, 200,
                                              m.client->get(servicePath + u"/Lists"_s).json));
    const QString listPath = servicePath + u"/Lists/team-log"_s;
    QVERIFY_CONFORMS(
        m_sync->validateResponse(lists + u"/{Sid}"_s, u"get"_s, 200, m.client->get(listPath).json));
    const HttpResult expiring = m.client->post(
        servicePath + u"/Lists"_s, {{u"UniqueName"_s, u"scratch"_s}, {u"Ttl"_s, u"3600"_s}});
    QVERIFY_CONFORMS(m_sync->validateResponse(lists, u"post"_s, 201, expiring.json));

    const QString items = u"/v1/Services/{ServiceSid}/Lists/{ListSid}/Items"_s;
    for (int i = 0; i < 3; ++i) {
        SandboxClient::Form form{{u"Data"_s, u"{\"op\":%1}"_s.arg(i)}};
        if (i == 1)
            form.append({u"ItemTtl"_s, u"600"_s}); // a date_expires
        const HttpResult item = m.client->post(listPath + u"/Items"_s, form);
        QCOMPARE(item.status, 201);
        QVERIFY_CONFORMS(m_sync->validateResponse(items, u"post"_s, 201, item.json));
    }
    QVERIFY_CONFORMS(m_sync->validateResponse(items + u"/{Index}"_s, u"get"_s, 200,
                                              m.client->get(listPath + u"/Items/1"_s).json));
    QVERIFY_CONFORMS(m_sync->validateResponse(
        items + u"/{Index}"_s, u"post"_s, 200,
        m.client->post(listPath + u"/Items/1"_s, {{u"Data"_s, u"{\"op\":9}"_s}}).json));
    const HttpResult page =
        m.client->get(listPath + u"/Items?Order=asc&From=0&Bounds=exclusive&PageSize=1"_s);
    QVERIFY(!page.json.value(u"meta"_s)[u"next_page_url"_s].isNull());
    QVERIFY_CONFORMS(m_sync->validateResponse(items, u"get"_s, 200, page.json));
    const HttpResult next =
        m.client->get(page.json.value(u"meta"_s)[u"next_page_url"_s].toString());
    QVERIFY(!next.json.value(u"meta"_s)[u"previous_page_url"_s].isNull());
    QVERIFY_CONFORMS(m_sync->validateResponse(items, u"get"_s, 200, next.json));
    QVERIFY_CONFORMS(m_sync->validateResponse(
        items, u"get"_s, 200, m.client->get(listPath + u"/Items?Order=desc"_s).json));
    QVERIFY_CONFORMS(m_sync->validateResponse(items, u"get"_s, 200,
                                              m.client->get(listPath + u"/Items?From=99"_s).json));
    // Map items with an ItemTtl carry date_expires in the map item schema too.
    QCOMPARE(m.client->post(servicePath + u"/Maps"_s, {{u"UniqueName"_s, u"presence"_s}}).status,
             201);
    QVERIFY_CONFORMS(m_sync->validateResponse(
        u"/v1/Services/{ServiceSid}/Maps/{MapSid}/Items"_s, u"post"_s, 201,
        m.client
            ->post(servicePath + u"/Maps/presence/Items"_s,
                   {{u"Key"_s, u"ana"_s}, {u"Data"_s, u"{}"_s}, {u"ItemTtl"_s, u"30"_s}})
            .json));
}

void TestSandboxOpenApi::keysConform()
{
    const QString keys = u"/2010-04-01/Accounts/{AccountSid}/Keys.json"_s;
    QVERIFY_CONFORMS(m_api->validateResponse(
        keys, u"get"_s, 200, m.client->get(m.client->account(u"/Keys.json"_s)).json));
    const HttpResult created =
        m.client->post(m.client->account(u"/Keys.json"_s), {{u"FriendlyName"_s, u"ana"_s}});
    QCOMPARE(created.status, 201);
    QVERIFY_CONFORMS(m_api->validateResponse(keys, u"post"_s, 201, created.json));
    m.client->post(m.client->account(u"/Keys.json"_s), {{u"FriendlyName"_s, u"bo"_s}});
    const HttpResult page = m.client->get(m.client->account(u"/Keys.json?PageSize=1"_s));
    QVERIFY(!page.json.value(u"next_page_uri"_s).isNull());
    QVERIFY_CONFORMS(m_api->validateResponse(keys, u"get"_s, 200, page.json));
    const QString one =
        m.client->account(u"/Keys/"_s + created.json.value(u"sid"_s).toString() + u".json"_s);
    QVERIFY_CONFORMS(m_api->validateResponse(u"/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json"_s,
                                             u"get"_s, 200, m.client->get(one).json));
    QVERIFY_CONFORMS(
        m_api->validateResponse(u"/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json"_s, u"post"_s,
                                200, m.client->post(one, {{u"FriendlyName"_s, u"ana 2"_s}}).json));
}

QTEST_MAIN(TestSandboxOpenApi)
#include "tst_sandbox_openapi.moc"
