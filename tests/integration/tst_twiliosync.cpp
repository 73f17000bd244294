// TwilioClient's Sync v1 map item, list item and service requests and its API key requests
// against a scripted loopback server answering with the examples of Twilio's OpenAPI files
// (data/twilio): an independent check on what the sandbox and the client might both get
// wrong the same way.
#include "TwilioTestSupport.h"

using namespace TwilioTest;
using namespace std::chrono_literals;

class TestTwilioSync : public QObject
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

    void syncServices()
    {
        const QJsonObject page = fixtureObject(u"sync_services.json"_s);
        m_rig->server.script("GET", u"/v1/Services"_s, ScriptedResponse::json(200, toJson(page)));
        Waiter<QList<SyncService>> waiter;
        m_rig->client->listSyncServices(this, waiter.callback());
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
        m_rig->server.script("GET", kItemsPath,
                             {ScriptedResponse::json(200, toJson(first)),
                              ScriptedResponse::json(200, fixture(u"sync_items.json"_s))});

        MapItemQuery query;
        query.order = MapItemQuery::Order::Ascending;
        query.from = u"thread/+1 415"_s;
        query.bounds = MapItemQuery::Bounds::Exclusive;
        query.pageSize = 10;
        Waiter<SyncMapItemPage> waiter;
        m_rig->client->listMapItems(kService, kMap, query, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const FieldList sent = onlyRequest(m_rig->server).query();
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
        m_rig->client->nextMapItemPage(waiter.result().value().nextPageUri, this,
                                       second.callback());
        QVERIFY(second.wait());
        QVERIFY2(second.result().ok(), why(second.result()));
        QCOMPARE(m_rig->server.requests().size(), 2);
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).query(), u"PageToken"_s),
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
        m_rig->server.script("POST", kItemsPath, ScriptedResponse::json(201, toJson(stored)));
        m_rig->server.script("POST", itemPath, ScriptedResponse::json(200, toJson(stored)));
        m_rig->server.script("GET", itemPath, ScriptedResponse::json(200, toJson(stored)));
        m_rig->server.script("DELETE", itemPath, ScriptedResponse::json(204, {}));
        const QJsonObject data{{u"assignee"_s, u"zoë"_s}, {u"flagged"_s, true}};

        Waiter<SyncMapItem> created;
        m_rig->client->createMapItem(kService, kMap, key, data, this, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.result().ok(), why(created.result()));
        const RecordedRequest create = m_rig->server.requests().at(0);
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
        m_rig->client->updateMapItem(kService, kMap, key, data, u"6"_s, this, updated.callback());
        QVERIFY(updated.wait());
        QVERIFY2(updated.result().ok(), why(updated.result()));
        const RecordedRequest update = m_rig->server.requests().at(1);
        QCOMPARE(update.path, itemPath);
        QCOMPARE(update.header("If-Match"), QByteArray("6"));
        QCOMPARE(QJsonDocument::fromJson(RecordedRequest::value(update.form(), u"Data"_s).toUtf8())
                     .object(),
                 data);
        QCOMPARE(RecordedRequest::value(update.form(), u"Key"_s), QString());

        Waiter<SyncMapItem> fetched;
        m_rig->client->fetchMapItem(kService, kMap, key, this, fetched.callback());
        QVERIFY(fetched.wait());
        QVERIFY2(fetched.result().ok(), why(fetched.result()));
        QCOMPARE(fetched.result().value().revision, u"7"_s);

        Waiter<ProviderDone> deleted;
        m_rig->client->deleteMapItem(kService, kMap, key, u"7"_s, this, deleted.callback());
        QVERIFY(deleted.wait());
        QVERIFY2(deleted.result().ok(), why(deleted.result()));
        const RecordedRequest remove = m_rig->server.requests().at(3);
        QCOMPARE(remove.method, QByteArray("DELETE"));
        QCOMPARE(remove.path, itemPath);
        QCOMPARE(remove.header("If-Match"), QByteArray("7"));
    }

    // Presence items live a short while: ItemTtl on create and on every update (a heartbeat);
    // without a TTL none is sent, as before.
    void mapItemTimeToLive()
    {
        const QString itemPath = kItemsPath + u"/desk-1"_s;
        const QJsonObject stored = fixtureObject(u"sync_item.json"_s);
        m_rig->server.script("POST", kItemsPath, ScriptedResponse::json(201, toJson(stored)));
        m_rig->server.script("POST", itemPath,
                             {ScriptedResponse::json(200, toJson(stored)),
                              ScriptedResponse::json(200, toJson(stored))});
        Waiter<SyncMapItem> created;
        m_rig->client->createMapItem(kService, kMap, u"desk-1"_s, {}, 75, this, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.result().ok(), why(created.result()));
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(0).form(), u"ItemTtl"_s),
                 u"75"_s);
        Waiter<SyncMapItem> beat;
        m_rig->client->updateMapItem(kService, kMap, u"desk-1"_s, {}, {}, 75, this,
                                     beat.callback());
        QVERIFY(beat.wait());
        QVERIFY2(beat.result().ok(), why(beat.result()));
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).form(), u"ItemTtl"_s),
                 u"75"_s);
        Waiter<SyncMapItem> plain;
        m_rig->client->updateMapItem(kService, kMap, u"desk-1"_s, {}, {}, this, plain.callback());
        QVERIFY(plain.wait());
        const FieldList form = m_rig->server.requests().at(2).form();
        QVERIFY(std::none_of(form.begin(), form.end(),
                             [](const auto &field) { return field.first == u"ItemTtl"_s; }));
    }

    void findOrCreateMapCreatesAMissingOne()
    {
        const QString maps = u"/v1/Services/"_s + kService + u"/Maps"_s;
        QJsonObject map = fixtureObject(u"sync_list.json"_s); // a map has a list's fields
        map["sid"_L1] = kMap;
        map["unique_name"_L1] = u"presence"_s;
        const QByteArray notFound =
            R"({"code": 54200, "message": "Map not found", )"
            R"("more_info": "https://www.twilio.com/docs/errors/54200", "status": 404})";
        m_rig->server.script("GET", maps + u"/presence"_s, ScriptedResponse::json(404, notFound));
        m_rig->server.script("POST", maps, ScriptedResponse::json(201, toJson(map)));
        Waiter<SyncList> waiter;
        m_rig->client->findOrCreateSyncMap(kService, u"presence"_s, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(m_rig->server.requests().size(), 2);
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).form(), u"UniqueName"_s),
                 u"presence"_s);
        QCOMPARE(waiter.result().value().sid, kMap);
    }

    void updateWithStaleRevision()
    {
        const QString itemPath = kItemsPath + u"/k"_s;
        m_rig->server.script("POST", itemPath, ScriptedResponse::json(412, kRevisionMismatch));
        Waiter<SyncMapItem> waiter;
        m_rig->client->updateMapItem(kService, kMap, u"k"_s, {}, u"3"_s, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        QCOMPARE(waiter.result().error().httpStatus(), 412);
        QCOMPARE(waiter.result().error().twilioCode(), std::optional<int>(54205));
        QVERIFY(!waiter.result().error().isTransient());
    }

    void listItemPageFromTheOpenApiExample()
    {
        const QString itemsPath = u"/v1/Services/"_s + kService + u"/Lists/team-log/Items"_s;
        QJsonObject first = fixtureObject(u"sync_list_items.json"_s);
        QJsonObject meta = first["meta"_L1].toObject();
        const QString next =
            u"https://sync.twilio.com"_s + itemsPath +
            u"?From=99&Bounds=exclusive&Order=asc&PageSize=50&Page=1&PageToken=PT1"_s;
        meta["next_page_url"_L1] = next;
        first["meta"_L1] = meta;
        m_rig->server.script("GET", itemsPath,
                             {ScriptedResponse::json(200, toJson(first)),
                              ScriptedResponse::json(200, fixture(u"sync_list_items.json"_s))});
        ListItemQuery query;
        query.order = ListItemQuery::Order::Ascending;
        query.from = 99;
        query.bounds = ListItemQuery::Bounds::Exclusive;
        query.pageSize = 50;
        Waiter<SyncListItemPage> waiter;
        m_rig->client->listListItems(kService, u"team-log"_s, query, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const FieldList sent = onlyRequest(m_rig->server).query();
        QCOMPARE(RecordedRequest::value(sent, u"Order"_s), u"asc"_s);
        QCOMPARE(RecordedRequest::value(sent, u"From"_s), u"99"_s);
        QCOMPARE(RecordedRequest::value(sent, u"Bounds"_s), u"exclusive"_s);
        QCOMPARE(RecordedRequest::value(sent, u"PageSize"_s), u"50"_s);
        QCOMPARE(waiter.result().value().items.size(), 1);
        compareListItem(waiter.result().value().items.at(0),
                        first["items"_L1].toArray().at(0).toObject());
        QCOMPARE(waiter.result().value().nextPageUri, next);

        Waiter<SyncListItemPage> second;
        m_rig->client->nextListItemPage(next, this, second.callback());
        QVERIFY(second.wait());
        QVERIFY2(second.result().ok(), why(second.result()));
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).query(), u"PageToken"_s),
                 u"PT1"_s);
        QVERIFY(!second.result().value().hasNextPage());
    }

    void appendListItemFromTheOpenApiExample()
    {
        const QString itemsPath = u"/v1/Services/"_s + kService + u"/Lists/team-log/Items"_s;
        const QJsonObject created = fixtureObject(u"sync_list_item.json"_s);
        m_rig->server.script("POST", itemsPath, ScriptedResponse::json(201, toJson(created)));
        const QJsonObject op{{u"kind"_s, u"thread.resolve"_s}, {u"agent"_s, u"zoë"_s}};
        Waiter<SyncListItem> waiter;
        m_rig->client->appendListItem(kService, u"team-log"_s, op, 2592000, this,
                                      waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const RecordedRequest request = onlyRequest(m_rig->server);
        QCOMPARE(QJsonDocument::fromJson(RecordedRequest::value(request.form(), u"Data"_s).toUtf8())
                     .object(),
                 op);
        QCOMPARE(RecordedRequest::value(request.form(), u"ItemTtl"_s), u"2592000"_s);
        compareListItem(waiter.result().value(), created);
    }

    void findOrCreateListAfterLosingTheRace()
    {
        const QString lists = u"/v1/Services/"_s + kService + u"/Lists"_s;
        const QJsonObject list = fixtureObject(u"sync_list.json"_s);
        const QByteArray notFound =
            R"({"code": 20404, "message": "The requested resource was not found", )"
            R"("more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})";
        const QByteArray exists =
            R"({"code": 54301, "message": "Unique name already exists", )"
            R"("more_info": "https://www.twilio.com/docs/errors/54301", "status": 409})";
        m_rig->server.script(
            "GET", lists + u"/team-log"_s,
            {ScriptedResponse::json(404, notFound), ScriptedResponse::json(200, toJson(list))});
        m_rig->server.script("POST", lists, ScriptedResponse::json(409, exists));
        Waiter<SyncList> waiter;
        m_rig->client->findOrCreateSyncList(kService, u"team-log"_s, this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        QCOMPARE(m_rig->server.requests().size(), 3);
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(1).form(), u"UniqueName"_s),
                 u"team-log"_s);
        const SyncList &parsed = waiter.result().value();
        QCOMPARE(parsed.sid, list["sid"_L1].toString());
        QCOMPARE(parsed.uniqueName, list["unique_name"_L1].toString());
        QCOMPARE(parsed.serviceSid, list["service_sid"_L1].toString());
        QCOMPARE(parsed.revision, list["revision"_L1].toString());
        QCOMPARE(parsed.dateExpires, iso(list["date_expires"_L1]));
    }

    void findOrCreateServiceByFriendlyName()
    {
        const QByteArray notFound =
            R"({"code": 20404, "message": "The requested resource was not found", )"
            R"("more_info": "https://www.twilio.com/docs/errors/20404", "status": 404})";
        // The OpenAPI example's service is called "friendly_name": found in the list.
        m_rig->server.script("GET", u"/v1/Services/friendly_name"_s,
                             ScriptedResponse::json(404, notFound));
        m_rig->server.script("GET", u"/v1/Services"_s,
                             ScriptedResponse::json(200, fixture(u"sync_services.json"_s)));
        Waiter<SyncService> found;
        m_rig->client->findOrCreateSyncService(u"friendly_name"_s, this, found.callback());
        QVERIFY(found.wait());
        QVERIFY2(found.result().ok(), why(found.result()));
        QCOMPARE(found.result().value().sid, kService);
        QCOMPARE(m_rig->server.requests().size(), 2);

        // Another name: created with FriendlyName (never UniqueName, which REST cannot set).
        m_rig->server.clearRequests();
        m_rig->server.script("GET", u"/v1/Services/smsdesk"_s,
                             ScriptedResponse::json(404, notFound));
        m_rig->server.script("POST", u"/v1/Services"_s,
                             ScriptedResponse::json(201, fixture(u"sync_service.json"_s)));
        Waiter<SyncService> created;
        m_rig->client->findOrCreateSyncService(u"smsdesk"_s, this, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.result().ok(), why(created.result()));
        const QList<RecordedRequest> &requests = m_rig->server.requests();
        QCOMPARE(requests.size(), 4); // fetch, list, create, list again
        QCOMPARE(requests.at(2).method, QByteArray("POST"));
        QCOMPARE(requests.at(2).form(), (FieldList{{u"FriendlyName"_s, u"smsdesk"_s}}));
        QCOMPARE(created.result().value().sid, kService);
    }

    void apiKeysFromTheOpenApiExamples()
    {
        const QString keysPath = kAccountPath + u"/Keys.json"_s;
        const QJsonObject created = fixtureObject(u"key_create.json"_s);
        m_rig->server.script("POST", keysPath, ScriptedResponse::json(201, toJson(created)));
        m_rig->server.script("GET", keysPath, ScriptedResponse::json(200, fixture(u"keys.json"_s)));
        const QString sid = created["sid"_L1].toString();
        m_rig->server.script("DELETE", kAccountPath + u"/Keys/"_s + sid + u".json"_s,
                             ScriptedResponse::json(204, {}));

        Waiter<NewApiKey> create;
        m_rig->client->createApiKey(u"foo"_s, this, create.callback());
        QVERIFY(create.wait());
        QVERIFY2(create.result().ok(), why(create.result()));
        QCOMPARE(RecordedRequest::value(m_rig->server.requests().at(0).form(), u"FriendlyName"_s),
                 u"foo"_s);
        QCOMPARE(create.result().value().key.sid, sid);
        QCOMPARE(create.result().value().secret, created["secret"_L1].toString());
        QCOMPARE(create.result().value().key.friendlyName, created["friendly_name"_L1].toString());
        QCOMPARE(create.result().value().key.dateCreated, rfc2822(created["date_created"_L1]));

        Waiter<QList<ApiKey>> list;
        m_rig->client->listApiKeys(this, list.callback());
        QVERIFY(list.wait());
        QVERIFY2(list.result().ok(), why(list.result()));
        const QJsonObject listed = fixtureObject(u"keys.json"_s)["keys"_L1].toArray()[0].toObject();
        QCOMPARE(list.result().value().size(), 1);
        QCOMPARE(list.result().value().at(0).sid, listed["sid"_L1].toString());
        QCOMPARE(list.result().value().at(0).dateUpdated, rfc2822(listed["date_updated"_L1]));

        Waiter<ProviderDone> removed;
        m_rig->client->deleteApiKey(sid, this, removed.callback());
        QVERIFY(removed.wait());
        QVERIFY2(removed.result().ok(), why(removed.result()));
        QCOMPARE(m_rig->server.requests().at(2).method, QByteArray("DELETE"));
    }

    void apiKeyIsTheBasicAuthUser()
    {
        const QString keySid = u"SKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;
        const QString secret = u"s3cr+t/ö"_s;
        TwilioClient client(
            &m_rig->network,
            AccountConfig::forSingleBaseUrl(u"Test"_s, kSid, m_rig->server.baseUrl()),
            ApiKeyCredentials{keySid, secret});
        m_rig->server.script("GET", kAccountPath + u"/Keys.json"_s,
                             ScriptedResponse::json(200, fixture(u"keys.json"_s)));
        Waiter<QList<ApiKey>> waiter;
        client.listApiKeys(this, waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY2(waiter.result().ok(), why(waiter.result()));
        const RecordedRequest request = onlyRequest(m_rig->server);
        QVERIFY(request.path.startsWith(kAccountPath)); // URLs keep the Account SID
        QCOMPARE(request.header("Authorization"),
                 "Basic " + (keySid + u':' + secret).toUtf8().toBase64());
    }

    void syncRateLimitIsTransient()
    {
        const QByteArray limited =
            R"({"code": 54009, "message": "Rate limit exceeded", )"
            R"("more_info": "https://www.twilio.com/docs/errors/54009", "status": 429})";
        const QString itemsPath = u"/v1/Services/"_s + kService + u"/Lists/team-log/Items"_s;
        m_rig->server.script("POST", itemsPath, ScriptedResponse::json(429, limited));
        Waiter<SyncListItem> waiter;
        m_rig->client->appendListItem(kService, u"team-log"_s, {}, std::nullopt, this,
                                      waiter.callback());
        QVERIFY(waiter.wait());
        QVERIFY(!waiter.result().ok());
        const ProviderError &error = waiter.result().error();
        QCOMPARE(error.kind(), ProviderError::Kind::RateLimited);
        QCOMPARE(error.twilioCode(), std::optional<int>(54009));
        QVERIFY(error.isTransient());
        QVERIFY(!error.responseMayBeLost());
    }
};

QTEST_GUILESS_MAIN(TestTwilioSync)
#include "tst_twiliosync.moc"
