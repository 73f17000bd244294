// TwilioClient's team workspace requests against the in-process sandbox: the account's Sync
// service and team-log List found or created, items appended and read after an index, API
// keys created, used for Basic auth and revoked (20003), and 429/54009 as transient.
#include "SandboxState.h"
#include "SyncRateLimiter.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

template<typename T>
std::optional<ProviderResult<T>> await(QObject *context,
                                       const std::function<void(ProviderCallback<T>)> &start)
{
    std::optional<ProviderResult<T>> result;
    start([&result](const ProviderResult<T> &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return std::nullopt;
    Q_UNUSED(context);
    return result;
}

template<typename T>
const char *why(const std::optional<ProviderResult<T>> &result)
{
    static QByteArray text;
    text = !result        ? QByteArrayLiteral("no answer")
           : result->ok() ? QByteArray()
                          : result->error().message().toUtf8();
    return text.constData();
}

} // namespace

#define AWAIT(T, call) await<T>(this, [&](ProviderCallback<T> done) { call; })

class TestTwilioSyncLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void findOrCreateService();
    void findOrCreateList();
    void appendAndReadAfterAnIndex();
    void appendRefusesOversizedData();
    void apiKeysCreateListDelete();
    void apiKeyAuthenticatesAndRevocationFails();
    void rateLimitIsTransient();

private:
    std::unique_ptr<TwilioClient> clientWithKey(const ApiKeyCredentials &key);
    QString teamService();

    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    AccountConfig m_config;
};

void TestTwilioSyncLists::init()
{
    sandbox::SandboxOptions options;
    options.speed = 1.0;
    options.seed = 7;
    options.replyRate = 0.0;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QVERIFY(m_server->listen());
    m_config =
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl());
    m_client = std::make_unique<TwilioClient>(&m_network, m_config, m_server->authToken());
}

void TestTwilioSyncLists::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<TwilioClient> TestTwilioSyncLists::clientWithKey(const ApiKeyCredentials &key)
{
    return std::make_unique<TwilioClient>(&m_network, m_config, key);
}

QString TestTwilioSyncLists::teamService()
{
    const auto service =
        AWAIT(SyncService, m_client->findOrCreateSyncService(u"smsdesk"_s, this, done));
    return service && service->ok() ? service->value().sid : QString();
}

void TestTwilioSyncLists::findOrCreateService()
{
    // Twilio's default service is found by its unique name.
    const auto byUniqueName =
        AWAIT(SyncService, m_client->findOrCreateSyncService(u"default"_s, this, done));
    QVERIFY2(byUniqueName && byUniqueName->ok(), why(byUniqueName));
    QCOMPARE(byUniqueName->value().sid, m_server->state().sync.service.sid);

    const auto created =
        AWAIT(SyncService, m_client->findOrCreateSyncService(u"smsdesk"_s, this, done));
    QVERIFY2(created && created->ok(), why(created));
    QCOMPARE(created->value().friendlyName, u"smsdesk"_s);
    QVERIFY(created->value().sid != m_server->state().sync.service.sid);
    const auto again =
        AWAIT(SyncService, m_client->findOrCreateSyncService(u"smsdesk"_s, this, done));
    QVERIFY2(again && again->ok(), why(again));
    QCOMPARE(again->value().sid, created->value().sid);
    const auto all = AWAIT(QList<SyncService>, m_client->listSyncServices(this, done));
    QVERIFY2(all && all->ok(), why(all));
    QCOMPARE(all->value().size(), 2);
}

void TestTwilioSyncLists::findOrCreateList()
{
    const QString service = teamService();
    QVERIFY(!service.isEmpty());
    const auto created =
        AWAIT(SyncList, m_client->findOrCreateSyncList(service, u"team-log"_s, this, done));
    QVERIFY2(created && created->ok(), why(created));
    QVERIFY(created->value().sid.startsWith(u"ES"_s));
    QCOMPARE(created->value().uniqueName, u"team-log"_s);
    QCOMPARE(created->value().serviceSid, service);
    QVERIFY(created->value().dateCreated.isValid());
    QVERIFY(!created->value().dateExpires.isValid());
    const auto found =
        AWAIT(SyncList, m_client->findOrCreateSyncList(service, u"team-log"_s, this, done));
    QVERIFY2(found && found->ok(), why(found));
    QCOMPARE(found->value().sid, created->value().sid);

    // Two desktops at once: both end with the same list.
    std::optional<ProviderResult<SyncList>> a;
    std::optional<ProviderResult<SyncList>> b;
    m_client->findOrCreateSyncList(service, u"roster-log"_s, this,
                                   [&](const ProviderResult<SyncList> &r) { a.emplace(r); });
    m_client->findOrCreateSyncList(service, u"roster-log"_s, this,
                                   [&](const ProviderResult<SyncList> &r) { b.emplace(r); });
    QVERIFY(QTest::qWaitFor([&] { return a && b; }, 15000));
    QVERIFY2(a->ok() && b->ok(), why(a->ok() ? b : a));
    QCOMPARE(a->value().sid, b->value().sid);
}

void TestTwilioSyncLists::appendAndReadAfterAnIndex()
{
    const QString service = teamService();
    const auto list =
        AWAIT(SyncList, m_client->findOrCreateSyncList(service, u"team-log"_s, this, done));
    QVERIFY2(list && list->ok(), why(list));
    for (int i = 0; i < 5; ++i) {
        const QJsonObject op{{u"kind"_s, u"thread.resolve"_s}, {u"n"_s, i}};
        const std::optional<int> ttl = i == 0 ? std::optional<int>(3600) : std::nullopt;
        const auto item = AWAIT(
            SyncListItem, m_client->appendListItem(service, u"team-log"_s, op, ttl, this, done));
        QVERIFY2(item && item->ok(), why(item));
        QCOMPARE(item->value().index, qint64(i));
        QCOMPARE(item->value().data, op);
        QCOMPARE(item->value().listSid, list->value().sid);
        QVERIFY(!item->value().revision.isEmpty());
        QCOMPARE(item->value().dateExpires.isValid(), i == 0);
    }

    // The team log's poll: after index 1, ascending, two per page, by the list's SID.
    ListItemQuery query;
    query.order = ListItemQuery::Order::Ascending;
    query.from = 1;
    query.bounds = ListItemQuery::Bounds::Exclusive;
    query.pageSize = 2;
    QList<qint64> seen;
    auto page = AWAIT(SyncListItemPage,
                      m_client->listListItems(service, list->value().sid, query, this, done));
    while (page && page->ok()) {
        for (const SyncListItem &item : page->value().items)
            seen.append(item.index);
        if (!page->value().hasNextPage())
            break;
        const QString next = page->value().nextPageUri;
        page = AWAIT(SyncListItemPage, m_client->nextListItemPage(next, this, done));
    }
    QVERIFY2(page && page->ok(), why(page));
    QCOMPARE(seen, (QList<qint64>{2, 3, 4}));

    ListItemQuery newest;
    newest.order = ListItemQuery::Order::Descending;
    newest.pageSize = 1;
    const auto last = AWAIT(SyncListItemPage,
                            m_client->listListItems(service, u"team-log"_s, newest, this, done));
    QVERIFY2(last && last->ok(), why(last));
    QCOMPARE(last->value().items.size(), 1);
    QCOMPARE(last->value().items.first().index, 4);
    QVERIFY(last->value().hasNextPage());

    ListItemQuery inclusive;
    inclusive.from = 3;
    const auto fromThree = AWAIT(
        SyncListItemPage, m_client->listListItems(service, u"team-log"_s, inclusive, this, done));
    QVERIFY2(fromThree && fromThree->ok(), why(fromThree));
    QCOMPARE(fromThree->value().items.size(), 2);
    QCOMPARE(fromThree->value().items.first().index, 3);

    const auto missing =
        AWAIT(SyncListItemPage, m_client->listListItems(service, u"nope"_s, {}, this, done));
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error().httpStatus(), 404);
    QVERIFY(!missing->error().isTransient());
}

void TestTwilioSyncLists::appendRefusesOversizedData()
{
    const QString service = teamService();
    QVERIFY(
        AWAIT(SyncList, m_client->findOrCreateSyncList(service, u"team-log"_s, this, done))->ok());
    const QJsonObject big{{u"x"_s, QString(16 * 1024, u'x')}};
    const auto refused = AWAIT(SyncListItem, m_client->appendListItem(service, u"team-log"_s, big,
                                                                      std::nullopt, this, done));
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().kind(), ProviderError::Kind::InvalidRequest);
}

void TestTwilioSyncLists::apiKeysCreateListDelete()
{
    const auto created = AWAIT(NewApiKey, m_client->createApiKey(u"Ana's laptop"_s, this, done));
    QVERIFY2(created && created->ok(), why(created));
    QVERIFY(created->value().key.sid.startsWith(u"SK"_s));
    QCOMPARE(created->value().key.friendlyName, u"Ana's laptop"_s);
    QVERIFY(created->value().key.dateCreated.isValid());
    QCOMPARE(created->value().secret.size(), 32);
    QVERIFY(AWAIT(NewApiKey, m_client->createApiKey(u"Bo"_s, this, done))->ok());

    const auto keys = AWAIT(QList<ApiKey>, m_client->listApiKeys(this, done));
    QVERIFY2(keys && keys->ok(), why(keys));
    QCOMPARE(keys->value().size(), 2);
    QCOMPARE(keys->value().first().sid, created->value().key.sid);

    const auto deleted =
        AWAIT(ProviderDone, m_client->deleteApiKey(created->value().key.sid, this, done));
    QVERIFY2(deleted && deleted->ok(), why(deleted));
    QCOMPARE(AWAIT(QList<ApiKey>, m_client->listApiKeys(this, done))->value().size(), 1);
    const auto bad = AWAIT(ProviderDone, m_client->deleteApiKey(u"SK123"_s, this, done));
    QCOMPARE(bad->error().kind(), ProviderError::Kind::InvalidRequest);
}

void TestTwilioSyncLists::apiKeyAuthenticatesAndRevocationFails()
{
    const auto created = AWAIT(NewApiKey, m_client->createApiKey(u"cy"_s, this, done));
    QVERIFY2(created && created->ok(), why(created));
    std::unique_ptr<TwilioClient> agent =
        clientWithKey({created->value().key.sid, created->value().secret});

    const auto connection = AWAIT(ProviderAccount, agent->testConnection(this, done));
    QVERIFY2(connection && connection->ok(), why(connection));
    QCOMPARE(connection->value().sid, m_server->accountSid());

    // The key works on the account's URLs: Sync and Messages.
    const auto service =
        AWAIT(SyncService, agent->findOrCreateSyncService(u"smsdesk"_s, this, done));
    QVERIFY2(service && service->ok(), why(service));
    QVERIFY(AWAIT(SyncList,
                  agent->findOrCreateSyncList(service->value().sid, u"team-log"_s, this, done))
                ->ok());
    const auto sent =
        AWAIT(ProviderMessage,
              agent->sendMessage(u"+14155550100"_s, u"+14155550142"_s, u"hi"_s, this, done));
    QVERIFY2(sent && sent->ok(), why(sent));
    // A Standard key cannot manage keys.
    const auto noKeys = AWAIT(QList<ApiKey>, agent->listApiKeys(this, done));
    QVERIFY(noKeys && !noKeys->ok());
    QCOMPARE(noKeys->error().kind(), ProviderError::Kind::Auth);

    QVERIFY(
        AWAIT(ProviderDone, m_client->deleteApiKey(created->value().key.sid, this, done))->ok());
    const auto revoked =
        AWAIT(SyncListItem, agent->appendListItem(service->value().sid, u"team-log"_s, {},
                                                  std::nullopt, this, done));
    QVERIFY(revoked && !revoked->ok());
    QCOMPARE(revoked->error().httpStatus(), 401);
    QCOMPARE(revoked->error().twilioCode(), std::optional<int>(20003));
    QCOMPARE(revoked->error().kind(), ProviderError::Kind::Auth);
    QVERIFY(!revoked->error().isTransient());

    std::unique_ptr<TwilioClient> malformed = clientWithKey({u"not-a-key"_s, u"x"_s});
    const auto invalid =
        AWAIT(SyncService, malformed->findOrCreateSyncService(u"smsdesk"_s, this, done));
    QCOMPARE(invalid->error().kind(), ProviderError::Kind::InvalidRequest);
}

void TestTwilioSyncLists::rateLimitIsTransient()
{
    const QString service = teamService();
    QVERIFY(
        AWAIT(SyncList, m_client->findOrCreateSyncList(service, u"team-log"_s, this, done))->ok());
    sandbox::SyncRateLimits limits;
    limits.enabled = true;
    limits.readsPerSecond = 1.0;
    limits.burstSeconds = 1.0;
    m_server->setSyncRateLimits(limits);
    std::optional<ProviderResult<SyncListItemPage>> page;
    for (int i = 0; i < 10; ++i) {
        page = AWAIT(SyncListItemPage,
                     m_client->listListItems(service, u"team-log"_s, {}, this, done));
        QVERIFY(page);
        if (!page->ok())
            break;
    }
    QVERIFY(!page->ok());
    QCOMPARE(page->error().httpStatus(), 429);
    QCOMPARE(page->error().twilioCode(), std::optional<int>(54009));
    QCOMPARE(page->error().kind(), ProviderError::Kind::RateLimited);
    QVERIFY(page->error().isTransient());
    QVERIFY(!page->error().responseMayBeLost());
}

QTEST_GUILESS_MAIN(TestTwilioSyncLists)
#include "tst_twiliosynclists.moc"
