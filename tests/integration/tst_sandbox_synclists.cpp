// Sync v1 Lists over real HTTP: services created by friendly name, Lists by unique name,
// items appended with strictly increasing indexes read back with From/Bounds/Order/PageSize,
// If-Match updates (412 54155), the 16 KiB limit, TTLs by the sandbox clock and the
// per-object rate limit (429 54009) only when switched on.
#include "SandboxFixture.h"
#include "SandboxState.h"
#include "SyncRateLimiter.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sandbox;

class TestSandboxSyncLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m = {}; }

    void serviceCreatedByFriendlyName();
    void listsByUniqueName();
    void appendedIndexesOnlyGrow();
    void readOrder_data();
    void readOrder();
    void pagesFollowNextPageUrl();
    void updateAndDeleteWithIfMatch();
    void dataLimit_data();
    void dataLimit();
    void itemTtlExpiresByTheSandboxClock();
    void mapItemTtlExpires();
    void collectionTtlExpiresTheList();
    void rateLimitOffByDefault();
    void rateLimitPerObject();

private:
    QList<qint64> indexes(const QString &query);
    HttpResult append(const QString &data, const SandboxClient::Form &extra = {});
    SandboxFixture m;
    QString m_service;
    QString m_list;
};

void TestSandboxSyncLists::init()
{
    QVERIFY(m.start());
    m_service = u"/v1/Services/"_s + m.server->state().sync.service.sid;
    const HttpResult list =
        m.client->post(m_service + u"/Lists"_s, {{u"UniqueName"_s, u"team-log"_s}});
    QCOMPARE(list.status, 201);
    m_list = m_service + u"/Lists/team-log"_s;
}

HttpResult TestSandboxSyncLists::append(const QString &data, const SandboxClient::Form &extra)
{
    SandboxClient::Form form{{u"Data"_s, data}};
    form.append(extra);
    return m.client->post(m_list + u"/Items"_s, form);
}

QList<qint64> TestSandboxSyncLists::indexes(const QString &query)
{
    QList<qint64> result;
    const HttpResult page = m.client->get(m_list + u"/Items"_s + query);
    if (page.status != 200)
        return {-1, page.status};
    for (const QJsonValue &item : page.json.value(u"items"_s).toArray())
        result.append(item[u"index"_s].toInteger());
    return result;
}

void TestSandboxSyncLists::serviceCreatedByFriendlyName()
{
    const HttpResult created = m.client->post(
        u"/v1/Services"_s, {{u"FriendlyName"_s, u"smsdesk"_s}, {u"UniqueName"_s, u"smsdesk"_s}});
    QCOMPARE(created.status, 201);
    const QString sid = created.json.value(u"sid"_s).toString();
    QVERIFY(sid.startsWith(u"IS"_s) && sid != m.server->state().sync.service.sid);
    QCOMPARE(created.json.value(u"friendly_name"_s).toString(), u"smsdesk"_s);
    // unique_name is read-only over REST (OpenAPI): the field is ignored, not applied.
    QVERIFY(created.json.value(u"unique_name"_s).isNull());
    QCOMPARE(m.client->get(u"/v1/Services/smsdesk"_s).status, 404);
    QCOMPARE(m.client->get(u"/v1/Services/"_s + sid).json.value(u"sid"_s).toString(), sid);
    const QJsonArray services =
        m.client->get(u"/v1/Services"_s).json.value(u"services"_s).toArray();
    QCOMPARE(services.size(), 2);

    // The new service has its own Maps and Lists.
    const QString service = u"/v1/Services/"_s + sid;
    QCOMPARE(m.client->post(service + u"/Maps"_s, {{u"UniqueName"_s, u"claims"_s}}).status, 201);
    const HttpResult item = m.client->post(service + u"/Maps/claims/Items"_s,
                                           {{u"Key"_s, u"k"_s}, {u"Data"_s, u"{}"_s}});
    QCOMPARE(item.status, 201);
    QCOMPARE(item.json.value(u"service_sid"_s).toString(), sid);
    QVERIFY(item.json.value(u"url"_s).toString().contains(service + u"/Maps/"_s));
    QCOMPARE(m.client->get(m_service + u"/Maps/claims"_s).status, 404);
    QCOMPARE(m.client->get(service + u"/Lists/team-log"_s).status, 404);
    QCOMPARE(m.client->post(service + u"/Lists"_s, {{u"UniqueName"_s, u"team-log"_s}}).status, 201);
}

void TestSandboxSyncLists::listsByUniqueName()
{
    const HttpResult byName = m.client->get(m_list);
    QCOMPARE(byName.status, 200);
    const QString sid = byName.json.value(u"sid"_s).toString();
    QVERIFY(sid.startsWith(u"ES"_s));
    QCOMPARE(m.client->get(m_service + u"/Lists/"_s + sid).json.value(u"unique_name"_s),
             QJsonValue(u"team-log"_s));
    const HttpResult again =
        m.client->post(m_service + u"/Lists"_s, {{u"UniqueName"_s, u"team-log"_s}});
    QCOMPARE(again.status, 409);
    QCOMPARE(m.client->get(m_service + u"/Lists"_s).json.value(u"lists"_s).toArray().size(), 1);
    const HttpResult missing = m.client->get(m_service + u"/Lists/nope"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json.value(u"code"_s).toInt(), 54100);
    QCOMPARE(m.client->del(m_list).status, 204);
    QCOMPARE(m.client->get(m_list).status, 404);
}

void TestSandboxSyncLists::appendedIndexesOnlyGrow()
{
    for (int i = 0; i < 3; ++i) {
        const HttpResult item = append(u"{\"op\":%1}"_s.arg(i));
        QCOMPARE(item.status, 201);
        QCOMPARE(item.json.value(u"index"_s).toInteger(), qint64(i));
        QCOMPARE(item.headers.value("etag"), item.json.value(u"revision"_s).toString().toUtf8());
    }
    const HttpResult last = m.client->get(m_list + u"/Items/2"_s);
    QCOMPARE(m.client->del(m_list + u"/Items/2"_s).status, 204);
    // The index of a deleted item is never handed out again.
    QCOMPARE(append(u"{}"_s).json.value(u"index"_s).toInteger(), 3);
    QCOMPARE(indexes({}), (QList<qint64>{0, 1, 3}));
    const HttpResult gone = m.client->get(m_list + u"/Items/2"_s);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json.value(u"code"_s).toInt(), 54151);
    QCOMPARE(last.json.value(u"data"_s).toObject().value(u"op"_s).toInt(), 2);
}

void TestSandboxSyncLists::readOrder_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("default: ascending from the first") << u""_s << QList<qint64>{0, 1, 2, 3, 4};
    QTest::newRow("after 2 (the team log's poll)")
        << u"?Order=asc&From=2&Bounds=exclusive"_s << QList<qint64>{3, 4};
    QTest::newRow("from 2 inclusive") << u"?From=2"_s << QList<qint64>{2, 3, 4};
    QTest::newRow("after the last") << u"?From=4&Bounds=exclusive"_s << QList<qint64>{};
    QTest::newRow("descending") << u"?Order=desc"_s << QList<qint64>{4, 3, 2, 1, 0};
    QTest::newRow("descending from 2 inclusive")
        << u"?Order=desc&From=2"_s << QList<qint64>{2, 1, 0};
    QTest::newRow("descending before 2")
        << u"?Order=desc&From=2&Bounds=exclusive"_s << QList<qint64>{1, 0};
    QTest::newRow("page size") << u"?PageSize=2&From=1"_s << QList<qint64>{1, 2};
    QTest::newRow("bad order") << u"?Order=up"_s << QList<qint64>{-1, 400};
    QTest::newRow("From not an index") << u"?From=abc"_s << QList<qint64>{-1, 400};
    QTest::newRow("page size over 100") << u"?PageSize=101"_s << QList<qint64>{-1, 400};
}

void TestSandboxSyncLists::readOrder()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expected);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(append(u"{}"_s).status, 201);
    QCOMPARE(indexes(query), expected);
}

void TestSandboxSyncLists::pagesFollowNextPageUrl()
{
    for (int i = 0; i < 7; ++i)
        QCOMPARE(append(u"{}"_s).status, 201);
    for (const QString &order : {u"asc"_s, u"desc"_s}) {
        QList<qint64> seen;
        QString url =
            m_list + u"/Items?Order="_s + order + u"&From=1&Bounds=exclusive&PageSize=2"_s;
        int pages = 0;
        while (!url.isEmpty() && pages < 10) {
            const HttpResult page = m.client->get(url);
            QCOMPARE(page.status, 200);
            const QJsonObject meta = page.json.value(u"meta"_s).toObject();
            QCOMPARE(meta.value(u"key"_s).toString(), u"items"_s);
            QCOMPARE(meta.value(u"page_size"_s).toInt(), 2);
            QVERIFY(meta.value(u"first_page_url"_s).toString().contains(u"From=1"_s));
            for (const QJsonValue &item : page.json.value(u"items"_s).toArray())
                seen.append(item[u"index"_s].toInteger());
            url = meta.value(u"next_page_url"_s).toString();
            ++pages;
        }
        QCOMPARE(seen, order == u"asc"_s ? (QList<qint64>{2, 3, 4, 5, 6}) : (QList<qint64>{0}));
    }
}

void TestSandboxSyncLists::updateAndDeleteWithIfMatch()
{
    const HttpResult created = append(u"{\"status\":\"open\"}"_s);
    const QString item = m_list + u"/Items/0"_s;
    const QByteArray revision0 = created.json.value(u"revision"_s).toString().toUtf8();
    const HttpResult updated = m.client->post(item, {{u"Data"_s, u"{\"status\":\"resolved\"}"_s}},
                                              {{"If-Match", revision0}});
    QCOMPARE(updated.status, 200);
    QCOMPARE(updated.json.value(u"index"_s).toInteger(), 0);
    const QByteArray revision1 = updated.json.value(u"revision"_s).toString().toUtf8();
    QVERIFY(revision1 != revision0);
    const HttpResult stale =
        m.client->post(item, {{u"Data"_s, u"{\"status\":\"open\"}"_s}}, {{"If-Match", revision0}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json.value(u"code"_s).toInt(), 54155);
    QCOMPARE(m.client->get(item).json.value(u"data"_s).toObject().value(u"status"_s),
             QJsonValue(u"resolved"_s));
    QCOMPARE(m.client->del(item, {{"If-Match", revision0}}).status, 412);
    QCOMPARE(m.client->del(item, {{"If-Match", "\"" + revision1 + "\""}}).status, 204);
    QCOMPARE(m.client->post(item, {{u"Data"_s, u"{}"_s}}).status, 404);
}

void TestSandboxSyncLists::dataLimit_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("exactly 16 KiB") << 16 * 1024 << 201 << 0;
    QTest::newRow("one byte more") << 16 * 1024 + 1 << 400 << 54006;
}

void TestSandboxSyncLists::dataLimit()
{
    QFETCH(int, bytes);
    QFETCH(int, status);
    QFETCH(int, code);
    const QString data = u"{\"x\":\""_s + QString(bytes - 8, u'x') + u"\"}"_s;
    QCOMPARE(data.toUtf8().size(), bytes);
    const HttpResult result = append(data);
    QCOMPARE(result.status, status);
    if (code)
        QCOMPARE(result.json.value(u"code"_s).toInt(), code);
    QCOMPARE(append(u"[1]"_s).json.value(u"code"_s).toInt(), 54206);
    QCOMPARE(m.client->post(m_list + u"/Items"_s, {}).status, 400);
}

void TestSandboxSyncLists::itemTtlExpiresByTheSandboxClock()
{
    const HttpResult shortLived = append(u"{}"_s, {{u"ItemTtl"_s, u"60"_s}});
    QCOMPARE(shortLived.status, 201);
    QVERIFY(!shortLived.json.value(u"date_expires"_s).isNull());
    QVERIFY(append(u"{}"_s).json.value(u"date_expires"_s).isNull());
    // Ttl is ItemTtl's alias, ignored when both are given.
    const HttpResult both = append(u"{}"_s, {{u"Ttl"_s, u"5"_s}, {u"ItemTtl"_s, u"600"_s}});
    QCOMPARE(both.status, 201);
    QCOMPARE(indexes({}), (QList<qint64>{0, 1, 2}));
    m.server->advanceClock(61 * 1000);
    QCOMPARE(indexes({}), (QList<qint64>{1, 2}));
    QCOMPARE(m.client->get(m_list + u"/Items/0"_s).status, 404);
    QCOMPARE(m.client->post(u"/sandbox/clock"_s, {{u"Advance"_s, u"600"_s}}).status, 200);
    QCOMPARE(indexes({}), (QList<qint64>{1}));
    QCOMPARE(append(u"{}"_s, {{u"ItemTtl"_s, u"-1"_s}}).status, 400);
}

void TestSandboxSyncLists::mapItemTtlExpires()
{
    const QString map = m_service + u"/Maps/presence"_s;
    QCOMPARE(m.client->post(m_service + u"/Maps"_s, {{u"UniqueName"_s, u"presence"_s}}).status,
             201);
    const HttpResult item = m.client->post(
        map + u"/Items"_s, {{u"Key"_s, u"ana"_s}, {u"Data"_s, u"{}"_s}, {u"ItemTtl"_s, u"30"_s}});
    QCOMPARE(item.status, 201);
    QVERIFY(!item.json.value(u"date_expires"_s).isNull());
    // An update with a new ItemTtl keeps it alive (a presence heartbeat).
    m.server->advanceClock(20 * 1000);
    QCOMPARE(m.client->post(map + u"/Items/ana"_s, {{u"ItemTtl"_s, u"30"_s}}).status, 200);
    m.server->advanceClock(20 * 1000);
    QCOMPARE(m.client->get(map + u"/Items/ana"_s).status, 200);
    m.server->advanceClock(11 * 1000);
    const HttpResult gone = m.client->get(map + u"/Items/ana"_s);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json.value(u"code"_s).toInt(), 54201);
}

void TestSandboxSyncLists::collectionTtlExpiresTheList()
{
    const HttpResult list = m.client->post(
        m_service + u"/Lists"_s, {{u"UniqueName"_s, u"scratch"_s}, {u"CollectionTtl"_s, u"10"_s}});
    QCOMPARE(list.status, 201);
    QVERIFY(!list.json.value(u"date_expires"_s).isNull());
    m.server->advanceClock(11 * 1000);
    QCOMPARE(m.client->get(m_service + u"/Lists/scratch"_s).status, 404);
    QCOMPARE(m.client->get(m_list).status, 200);
}

void TestSandboxSyncLists::rateLimitOffByDefault()
{
    QVERIFY(!m.server->syncRateLimits().enabled);
    for (int i = 0; i < 250; ++i)
        QCOMPARE(append(u"{}"_s).status, 201);
}

void TestSandboxSyncLists::rateLimitPerObject()
{
    // Speed 1; the clock is frozen below, so the buckets refill only when the test moves it.
    SandboxOptions options = SandboxFixture::testOptions();
    options.speed = 1.0;
    options.syncRateLimits = true;
    QVERIFY(m.start(options));
    m_service = u"/v1/Services/"_s + m.server->state().sync.service.sid;
    QCOMPARE(m.client->post(m_service + u"/Lists"_s, {{u"UniqueName"_s, u"team-log"_s}}).status,
             201);
    QCOMPARE(m.client->post(m_service + u"/Lists"_s, {{u"UniqueName"_s, u"other"_s}}).status, 201);
    QVERIFY(m.server->syncRateLimits().enabled);
    // Sandbox time stands still: the window refills only when the test moves the clock, not
    // when a loaded machine takes 50 ms between two requests.
    m.server->freezeClock();

    // 20 writes/s with a 10 s burst: the burst at once, then 429 with 54009.
    const SyncRateLimits limits = m.server->syncRateLimits();
    const int burst = int(limits.writesPerSecond * limits.burstSeconds);
    int accepted = 0;
    HttpResult refused;
    for (int i = 0; i < 2000; ++i) {
        const HttpResult r = append(u"{}"_s);
        if (r.status != 201) {
            refused = r;
            break;
        }
        ++accepted;
    }
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.json.value(u"code"_s).toInt(), 54009);
    QCOMPARE(accepted, burst);
    // Reads have their own budget; another List has its own; the limit covers the items too.
    QCOMPARE(m.client->get(m_list + u"/Items?PageSize=1"_s).status, 200);
    QCOMPARE(m.client->post(m_service + u"/Lists/other/Items"_s, {{u"Data"_s, u"{}"_s}}).status,
             201);
    QCOMPARE(m.client->post(m_list + u"/Items/0"_s, {{u"Data"_s, u"{}"_s}}).status, 429);
    // The window refills with time.
    m.server->advanceClock(10 * 1000);
    QCOMPARE(append(u"{}"_s).status, 201);

    // Switched off through the control endpoint.
    QCOMPARE(m.client->post(u"/sandbox/sync-limits"_s, {{u"Enabled"_s, u"false"_s}}).status, 200);
    for (int i = 0; i < 250; ++i)
        QCOMPARE(append(u"{}"_s).status, 201);
    QCOMPARE(m.client
                 ->post(u"/sandbox/sync-limits"_s, {{u"Enabled"_s, u"true"_s},
                                                    {u"ReadsPerSecond"_s, u"1"_s},
                                                    {u"BurstSeconds"_s, u"2"_s}})
                 .json.value(u"reads_per_second"_s)
                 .toDouble(),
             1.0);
    QCOMPARE(m.client->get(m_list).status, 200);
    QCOMPARE(m.client->get(m_list).status, 200);
    QCOMPARE(m.client->get(m_list).json.value(u"code"_s).toInt(), 54009);
}

QTEST_MAIN(TestSandboxSyncLists)
#include "tst_sandbox_synclists.moc"
