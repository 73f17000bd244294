// TwilioClient requests and the parsing of every field of the 2010 and Lookup APIs, against
// a scripted loopback server answering with the examples of Twilio's OpenAPI files.
#include "TwilioTestSupport.h"

using namespace TwilioTest;
using namespace std::chrono_literals;

class TestTwilioClient : public QObject
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

    void sendMessagePostsTheForm()
    {
        m_rig->server.script("POST", kAccountPath + u"/Messages.json"_s,
                             ScriptedResponse::json(201, fixture(u"message_create.json"_s)));
        const QString from = u"+14155552345"_s;
        const QString to = u"+14155550100"_s;
        const QString body = u"Héllo 👍 a+b=c & 100% sure?\nLine two"_s;
        Waiter<ProviderMessage> waiter;
        m_rig->client->sendMessage(from, to, body, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));

        const RecordedRequest &request = onlyRequest(m_rig->server);
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
        m_rig->server.script("GET", kAccountPath + u"/Messages/"_s + sid + u".json"_s,
                             ScriptedResponse::json(200, toJson(json)));
        Waiter<ProviderMessage> waiter;
        m_rig->client->fetchMessage(sid, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(onlyRequest(m_rig->server).method, QByteArray("GET"));
        // The example is a failed message with a price: the optional fields are all set.
        QVERIFY(waiter.result().value().errorCode.has_value());
        QVERIFY(waiter.result().value().price.has_value());
        compareMessage(waiter.result().value(), json);
    }

    void listMessagesSendsFilters()
    {
        const QJsonObject page = fixtureObject(u"messages_page.json"_s);
        m_rig->server.script("GET", kAccountPath + u"/Messages.json"_s,
                             ScriptedResponse::json(200, toJson(page)));
        MessageFilter filter;
        filter.to = u"+18182008801"_s;
        filter.from = u"+12019235161"_s;
        filter.dateSent = QDate(2019, 5, 24);
        filter.dateSentBefore = QDate(2019, 5, 25);
        filter.dateSentAfter = QDate(2019, 5, 3);
        filter.pageSize = 2;
        Waiter<MessagePage> waiter;
        m_rig->client->listMessages(filter, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));

        const FieldList query = onlyRequest(m_rig->server).query();
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
        m_rig->server.script("GET", parsed.path(),
                             ScriptedResponse::json(200, fixture(u"messages_last_page.json"_s)));
        Waiter<MessagePage> waiter;
        m_rig->client->nextMessagePage(prefix + uri, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const RecordedRequest &request = onlyRequest(m_rig->server);
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
        m_rig->server.script("GET", path,
                             {ScriptedResponse::json(200, toJson(first)),
                              ScriptedResponse::json(200, toJson(second))});

        Waiter<QList<ProviderNumber>> waiter;
        m_rig->client->listIncomingNumbers(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(m_rig->server.requests().size(), 2);
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).query(), u"PageToken"_s),
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
        m_rig->server.script("GET", kAccountPath + u"/SMS/ShortCodes.json"_s,
                             ScriptedResponse::json(200, toJson(page)));
        Waiter<QList<ProviderNumber>> waiter;
        m_rig->client->listShortCodes(this, waiter.callback());
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
        m_rig->server.script("GET", u"/v2/PhoneNumbers/"_s + e164,
                             ScriptedResponse::json(200, toJson(json)));
        Waiter<LineTypeLookup> waiter;
        m_rig->client->lookupLineType(e164, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(RecordedRequest::value(onlyRequest(m_rig->server).query(), u"Fields"_s),
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
        m_rig->server.script("GET", kAccountPath + u".json"_s,
                             ScriptedResponse::json(200, toJson(json)));
        Waiter<ProviderAccount> waiter;
        m_rig->client->testConnection(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const ProviderAccount &account = waiter.result().value();
        QCOMPARE(account.sid, json["sid"_L1].toString());
        QCOMPARE(account.friendlyName, json["friendly_name"_L1].toString());
        QCOMPARE(account.status, json["status"_L1].toString());
        QCOMPARE(account.type, json["type"_L1].toString());
    }

    void defaultTimeoutIsThirtySeconds()
    {
        QCOMPARE(m_rig->client->timeout(), std::chrono::milliseconds(30s));
    }
};

QTEST_GUILESS_MAIN(TestTwilioClient)
#include "tst_twilioclient.moc"
