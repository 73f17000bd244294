// Sync v1 over real HTTP: the account's Service, Maps by unique name, Items with If-Match
// revisions (409 54208, 412 54205, 404 54201) and key-ordered paging with From/Bounds/Order.
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

class TestSandboxSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m = {}; }

    void serviceIsListed();
    void mapsByUniqueName();
    void itemLifecycleWithRevisions();
    void itemValidation_data();
    void itemValidation();
    void itemsPageInKeyOrder_data();
    void itemsPageInKeyOrder();
    void previousPageUrlGoesBack();

private:
    QString items() const { return m_map + u"/Items"_s; }
    QStringList keys(const QString &query, int pageSize, int *pages = nullptr);
    SandboxFixture m;
    QString m_service;
    QString m_map;
};

void TestSandboxSync::init()
{
    QVERIFY(m.start());
    const QJsonArray services =
        m.client->get(u"/v1/Services"_s).json.value(u"services"_s).toArray();
    QCOMPARE(services.size(), 1);
    m_service = u"/v1/Services/"_s + services.first()[u"sid"_s].toString();
    const HttpResult map = m.client->post(m_service + u"/Maps"_s, {{u"UniqueName"_s, u"team"_s}});
    QCOMPARE(map.status, 201);
    m_map = m_service + u"/Maps/"_s + map.json.value(u"sid"_s).toString();
}

void TestSandboxSync::serviceIsListed()
{
    const HttpResult list = m.client->get(u"/v1/Services"_s);
    QCOMPARE(list.json.value(u"meta"_s).toObject().value(u"key"_s).toString(), u"services"_s);
    const QJsonObject service = list.json.value(u"services"_s).toArray().first().toObject();
    QVERIFY(QRegularExpression(u"\\AIS[0-9a-f]{32}\\z"_s)
                .match(service.value(u"sid"_s).toString())
                .hasMatch());
    QCOMPARE(service.value(u"account_sid"_s).toString(), m.server->accountSid());
    QCOMPARE(m.client->get(m_service).json.value(u"sid"_s), service.value(u"sid"_s));
    QCOMPARE(m.client->get(u"/v1/Services/default"_s).json.value(u"sid"_s),
             service.value(u"sid"_s));
    QCOMPARE(m.client->get(u"/v1/Services/IS00000000000000000000000000000000"_s).status, 404);
}

void TestSandboxSync::mapsByUniqueName()
{
    const HttpResult byName = m.client->get(m_service + u"/Maps/team"_s);
    QCOMPARE(byName.status, 200);
    QVERIFY(byName.json.value(u"sid"_s).toString().startsWith(u"MP"_s));
    QCOMPARE(byName.json.value(u"unique_name"_s).toString(), u"team"_s);
    const HttpResult again = m.client->post(m_service + u"/Maps"_s, {{u"UniqueName"_s, u"team"_s}});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json.value(u"code"_s).toInt(), 54301);
    const HttpResult list = m.client->get(m_service + u"/Maps"_s);
    QCOMPARE(list.json.value(u"maps"_s).toArray().size(), 1);

    const HttpResult other =
        m.client->post(m_service + u"/Maps"_s, {{u"UniqueName"_s, u"scratch"_s}});
    QCOMPARE(other.status, 201);
    QCOMPARE(m.client->del(m_service + u"/Maps/scratch"_s).status, 204);
    const HttpResult gone = m.client->get(m_service + u"/Maps/scratch"_s);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json.value(u"code"_s).toInt(), 54200);
}

void TestSandboxSync::itemLifecycleWithRevisions()
{
    const HttpResult created = m.client->post(
        items(), {{u"Key"_s, u"thread:42"_s}, {u"Data"_s, u"{\"assignee\":\"ana\"}"_s}});
    QCOMPARE(created.status, 201);
    const QString revision0 = created.json.value(u"revision"_s).toString();
    QCOMPARE(created.json.value(u"data"_s).toObject().value(u"assignee"_s).toString(), u"ana"_s);
    QCOMPARE(created.json.value(u"key"_s).toString(), u"thread:42"_s);

    const HttpResult duplicate =
        m.client->post(items(), {{u"Key"_s, u"thread:42"_s}, {u"Data"_s, u"{}"_s}});
    QCOMPARE(duplicate.status, 409);
    QCOMPARE(duplicate.json.value(u"code"_s).toInt(), 54208);

    const QString item = items() + u"/thread%3A42"_s;
    QCOMPARE(m.client->get(item).json.value(u"data"_s), created.json.value(u"data"_s));

    const HttpResult updated = m.client->post(item, {{u"Data"_s, u"{\"assignee\":\"bo\"}"_s}},
                                              {{"If-Match", revision0.toUtf8()}});
    QCOMPARE(updated.status, 200);
    const QString revision1 = updated.json.value(u"revision"_s).toString();
    QVERIFY(revision1 != revision0);
    QCOMPARE(updated.json.value(u"data"_s).toObject().value(u"assignee"_s).toString(), u"bo"_s);

    const HttpResult stale = m.client->post(item, {{u"Data"_s, u"{\"assignee\":\"cy\"}"_s}},
                                            {{"If-Match", revision0.toUtf8()}});
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.json.value(u"code"_s).toInt(), 54205);
    QCOMPARE(m.client->get(item).json.value(u"data"_s).toObject().value(u"assignee"_s).toString(),
             u"bo"_s);

    QCOMPARE(m.client->del(item, {{"If-Match", revision0.toUtf8()}}).status, 412);
    QCOMPARE(m.client->del(item, {{"If-Match", revision1.toUtf8()}}).status, 204);
    const HttpResult gone = m.client->get(item);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json.value(u"code"_s).toInt(), 54201);
    QCOMPARE(m.client->post(item, {{u"Data"_s, u"{}"_s}}).json.value(u"code"_s).toInt(), 54201);
}

void TestSandboxSync::itemValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("code");
    QTest::newRow("empty key") << u""_s << u"{}"_s << 54209;
    QTest::newRow("key of 257 characters") << QString(257, u'k') << u"{}"_s << 54209;
    QTest::newRow("data not JSON") << u"a"_s << u"{not json"_s << 54206;
    QTest::newRow("data not an object") << u"a"_s << u"[1,2]"_s << 54206;
    QTest::newRow("data over 16 KiB")
        << u"a"_s << (u"{\"x\":\""_s + QString(16400, u'x') + u"\"}"_s) << 54006;
}

void TestSandboxSync::itemValidation()
{
    QFETCH(QString, key);
    QFETCH(QString, data);
    QFETCH(int, code);
    const HttpResult r = m.client->post(items(), {{u"Key"_s, key}, {u"Data"_s, data}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"code"_s).toInt(), code);
}

QStringList TestSandboxSync::keys(const QString &query, int pageSize, int *pages)
{
    QStringList out;
    QString next = items() + query + (query.isEmpty() ? u"?"_s : u"&"_s) + u"PageSize="_s +
                   QString::number(pageSize);
    int count = 0;
    while (!next.isEmpty()) {
        const HttpResult page = m.client->get(next);
        if (page.status != 200)
            return {u"error %1"_s.arg(page.status)};
        ++count;
        for (const QJsonValue &v : page.json.value(u"items"_s).toArray())
            out.append(v[u"key"_s].toString());
        next = page.json.value(u"meta"_s).toObject().value(u"next_page_url"_s).toString();
    }
    if (pages)
        *pages = count;
    return out;
}

void TestSandboxSync::itemsPageInKeyOrder_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("bounds");
    QTest::newRow("all, asc") << QString() << QString() << QString();
    QTest::newRow("all, desc") << u"desc"_s << QString() << QString();
    QTest::newRow("from k10 inclusive") << u"asc"_s << u"k10"_s << u"inclusive"_s;
    QTest::newRow("from k10 exclusive") << u"asc"_s << u"k10"_s << u"exclusive"_s;
    QTest::newRow("from k10 desc") << u"desc"_s << u"k10"_s << QString();
    QTest::newRow("from between keys") << u"asc"_s << u"k105"_s << QString();
}

void TestSandboxSync::itemsPageInKeyOrder()
{
    QFETCH(QString, order);
    QFETCH(QString, from);
    QFETCH(QString, bounds);
    QStringList created;
    for (int i = 24; i >= 0; --i) { // created out of order on purpose
        const QString key = u"k%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        QCOMPARE(
            m.client->post(items(), {{u"Key"_s, key}, {u"Data"_s, u"{\"n\":%1}"_s.arg(i)}}).status,
            201);
        created.append(key);
    }
    // The expected keys, derived independently of the server.
    std::sort(created.begin(), created.end());
    QStringList expected;
    for (const QString &key : created) {
        if (from.isEmpty())
            expected.append(key);
        else if (order == u"desc"_s ? key <= from
                                    : (bounds == u"exclusive"_s ? key > from : key >= from))
            expected.append(key);
    }
    if (order == u"desc"_s)
        std::reverse(expected.begin(), expected.end());

    SandboxClient::Form params;
    if (!order.isEmpty())
        params.append({u"Order"_s, order});
    if (!from.isEmpty())
        params.append({u"From"_s, from});
    if (!bounds.isEmpty())
        params.append({u"Bounds"_s, bounds});
    int pages = 0;
    QCOMPARE(keys(SandboxClient::query(params), 10, &pages), expected);
    QCOMPARE(pages, int((expected.size() + 9) / 10));
}

void TestSandboxSync::previousPageUrlGoesBack()
{
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m.client
                     ->post(items(), {{u"Key"_s, u"p%1"_s.arg(i, 2, 10, QLatin1Char('0'))},
                                      {u"Data"_s, u"{}"_s}})
                     .status,
                 201);
    const HttpResult first = m.client->get(items() + u"?PageSize=5"_s);
    const QJsonObject meta = first.json.value(u"meta"_s).toObject();
    QVERIFY(meta.value(u"previous_page_url"_s).isNull());
    QVERIFY(meta.value(u"url"_s).toString().startsWith(m.server->baseUrl().toString()));
    const HttpResult second = m.client->get(meta.value(u"next_page_url"_s).toString());
    QCOMPARE(second.json.value(u"meta"_s).toObject().value(u"page"_s).toInt(), 1);
    const HttpResult back = m.client->get(
        second.json.value(u"meta"_s).toObject().value(u"previous_page_url"_s).toString());
    QCOMPARE(back.json.value(u"items"_s).toArray(), first.json.value(u"items"_s).toArray());
    QCOMPARE(m.client->get(items() + u"?PageSize=101"_s).status, 400);
}

QTEST_MAIN(TestSandboxSync)
#include "tst_sandbox_sync.moc"
