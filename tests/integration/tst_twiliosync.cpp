// TwilioClient's Sync v1 map item and service requests against a scripted loopback server.
#include "TwilioTestSupport.h"

using namespace TwilioTest;
using namespace std::chrono_literals;

class TestTwilioSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Rig> m_rig;

private slots:
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
};

QTEST_GUILESS_MAIN(TestTwilioSync)
#include "tst_twiliosync.moc"
