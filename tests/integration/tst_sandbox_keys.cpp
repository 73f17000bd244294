// API keys over real HTTP: create (secret shown once), list and fetch without secrets,
// delete; Basic auth with "SK...:secret" on the account's URLs, 401/20003 for a wrong secret,
// a deleted key, or a Standard key on the Account and Keys resources; keys and Lists survive
// a save and load of the state file, which holds no secret.
#include "SandboxFixture.h"
#include "SandboxState.h"

#include <QDataStream>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sandbox;

class TestSandboxKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void createListFetchDelete();
    void keyAuthenticatesOnTheAccountsUrls();
    void revokedOrWrongKeyIsRefused();
    void stateKeepsKeysAndLists();
    void formatOneStateStillLoads();

private:
    HttpResult createKey(const QString &name)
    {
        return m.client->post(m.client->account(u"/Keys.json"_s), {{u"FriendlyName"_s, name}});
    }
    std::unique_ptr<SandboxClient> keyClient(const QString &sid, const QString &secret) const
    {
        auto client =
            std::make_unique<SandboxClient>(m.server->baseUrl(), m.server->accountSid(), QString());
        client->setCredentials(sid, secret);
        return client;
    }
    static void expectAuthError(const HttpResult &result)
    {
        QCOMPARE(result.status, 401);
        QCOMPARE(result.json.value(u"code"_s).toInt(), 20003);
    }
    SandboxFixture m;
};

void TestSandboxKeys::createListFetchDelete()
{
    const HttpResult created = createKey(u"Ana's laptop"_s);
    QCOMPARE(created.status, 201);
    const QString sid = created.json.value(u"sid"_s).toString();
    QVERIFY(QRegularExpression(u"\\ASK[0-9a-f]{32}\\z"_s).match(sid).hasMatch());
    QCOMPARE(created.json.value(u"secret"_s).toString().size(), 32);
    QCOMPARE(created.json.value(u"friendly_name"_s).toString(), u"Ana's laptop"_s);
    QVERIFY(QDateTime::fromString(created.json.value(u"date_created"_s).toString(), Qt::RFC2822Date)
                .isValid());

    const HttpResult list = m.client->get(m.client->account(u"/Keys.json"_s));
    QCOMPARE(list.status, 200);
    const QJsonArray keys = list.json.value(u"keys"_s).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first()[u"sid"_s].toString(), sid);
    QVERIFY(!keys.first().toObject().contains(u"secret"_s));
    const HttpResult fetched = m.client->get(m.client->account(u"/Keys/"_s + sid + u".json"_s));
    QCOMPARE(fetched.status, 200);
    QVERIFY(!fetched.json.contains(u"secret"_s));

    QCOMPARE(createKey(QString(65, u'n')).status, 400);
    QCOMPARE(m.client->del(m.client->account(u"/Keys/"_s + sid + u".json"_s)).status, 204);
    QCOMPARE(m.client->get(m.client->account(u"/Keys/"_s + sid + u".json"_s)).status, 404);
    QCOMPARE(m.client->del(m.client->account(u"/Keys/"_s + sid + u".json"_s)).status, 404);
    QCOMPARE(
        m.client->get(m.client->account(u"/Keys.json"_s)).json.value(u"keys"_s).toArray().size(),
        0);
}

void TestSandboxKeys::keyAuthenticatesOnTheAccountsUrls()
{
    const HttpResult created = createKey(u"bo"_s);
    const auto keyOwner = keyClient(created.json.value(u"sid"_s).toString(),
                                    created.json.value(u"secret"_s).toString());
    SandboxClient &key = *keyOwner;
    QCOMPARE(key.get(key.account(u"/Messages.json"_s)).status, 200);
    QCOMPARE(key.get(key.account(u"/IncomingPhoneNumbers.json"_s)).status, 200);
    QCOMPARE(key.sendMessage(u"+14155550100"_s, u"+14155550142"_s, u"hi"_s).status, 201);
    QCOMPARE(key.get(u"/v2/PhoneNumbers/%2B14155550142"_s).status, 200);
    QCOMPARE(key.get(u"/v1/Services"_s).status, 200);
    const QString service = u"/v1/Services/"_s + m.server->state().sync.service.sid;
    QCOMPARE(key.post(service + u"/Lists"_s, {{u"UniqueName"_s, u"log"_s}}).status, 201);
    QCOMPARE(key.post(service + u"/Lists/log/Items"_s, {{u"Data"_s, u"{}"_s}}).status, 201);
    // A Standard key cannot reach the Account or Keys resources, nor another account.
    expectAuthError(key.get(key.account(u".json"_s)));
    expectAuthError(key.get(key.account(u"/Keys.json"_s)));
    expectAuthError(key.post(key.account(u"/Keys.json"_s), {{u"FriendlyName"_s, u"x"_s}}));
    expectAuthError(
        key.get(u"/2010-04-01/Accounts/AC"_s + QString(32, u'0') + u"/Messages.json"_s));
}

void TestSandboxKeys::revokedOrWrongKeyIsRefused()
{
    const HttpResult created = createKey(u"cy"_s);
    const QString sid = created.json.value(u"sid"_s).toString();
    const QString secret = created.json.value(u"secret"_s).toString();
    const auto wrongOwner = keyClient(sid, secret + u'x');
    SandboxClient &wrong = *wrongOwner;
    expectAuthError(wrong.get(wrong.account(u"/Messages.json"_s)));
    const auto keyOwner = keyClient(sid, secret);
    SandboxClient &key = *keyOwner;
    QCOMPARE(key.get(key.account(u"/Messages.json"_s)).status, 200);
    QCOMPARE(m.client->del(m.client->account(u"/Keys/"_s + sid + u".json"_s)).status, 204);
    expectAuthError(key.get(key.account(u"/Messages.json"_s)));
    expectAuthError(key.get(u"/v1/Services"_s));
}

void TestSandboxKeys::stateKeepsKeysAndLists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SandboxOptions options = SandboxFixture::testOptions();
    options.statePath = dir.filePath(u"state.bin"_s);
    QVERIFY(m.start(options));
    const HttpResult created = createKey(u"dee"_s);
    const QString sid = created.json.value(u"sid"_s).toString();
    const QString secret = created.json.value(u"secret"_s).toString();
    const QString service = u"/v1/Services/"_s + m.server->state().sync.service.sid;
    QCOMPARE(m.client->post(service + u"/Lists"_s, {{u"UniqueName"_s, u"team-log"_s}}).status, 201);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            m.client->post(service + u"/Lists/team-log/Items"_s, {{u"Data"_s, u"{}"_s}}).status,
            201);
    QCOMPARE(m.client->del(service + u"/Lists/team-log/Items/2"_s).status, 204);
    const HttpResult created2 =
        m.client->post(u"/v1/Services"_s, {{u"FriendlyName"_s, u"smsdesk"_s}});
    QCOMPARE(m.client->post(u"/sandbox/save"_s, {}).status, 200);

    QFile file(options.statePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(secret.toUtf8()));
    QByteArray utf16; // as QDataStream writes a QString: UTF-16, big-endian
    for (const QChar c : secret)
        utf16 += QByteArray(1, char(c.unicode() >> 8)) + char(c.unicode() & 0xff);
    QVERIFY(!bytes.contains(utf16));

    SandboxFixture again;
    QVERIFY(again.start(options));
    SandboxClient key(again.server->baseUrl(), again.server->accountSid(), {});
    key.setCredentials(sid, secret);
    QCOMPARE(key.get(key.account(u"/Messages.json"_s)).status, 200);
    const QJsonArray items =
        again.client->get(service + u"/Lists/team-log/Items"_s).json.value(u"items"_s).toArray();
    QCOMPARE(items.size(), 2);
    // The next index continues after the deleted one.
    QCOMPARE(again.client->post(service + u"/Lists/team-log/Items"_s, {{u"Data"_s, u"{}"_s}})
                 .json.value(u"index"_s)
                 .toInteger(),
             3);
    QCOMPARE(again.client->get(u"/v1/Services/"_s + created2.json.value(u"sid"_s).toString())
                 .json.value(u"friendly_name"_s)
                 .toString(),
             u"smsdesk"_s);
}

void TestSandboxKeys::formatOneStateStillLoads()
{
    // A format-1 file is a format-4 file with the token inline, without map item expiries,
    // without the three sections after the messages (services, lists, keys) and without the
    // Messaging Services at the end: with no map items and those sections empty, it is the same
    // bytes minus the Messaging Services and three zero counts, with version 1.
    QTemporaryDir dir;
    SandboxOptions options = SandboxFixture::testOptions();
    options.statePath = dir.filePath(u"state.bin"_s);
    QVERIFY(m.start(options));
    const QString sid = m.client->sendMessage(u"+14155550100"_s, u"+14155550142"_s, u"kept"_s)
                            .json.value(u"sid"_s)
                            .toString();
    QCOMPARE(m.client->post(u"/sandbox/save"_s, {}).status, 200);
    const QString accountSid = m.server->accountSid();
    const QString token = m.server->authToken();
    QByteArray messaging;
    QDataStream messagingStream(&messaging, QIODevice::WriteOnly);
    messagingStream.setVersion(QDataStream::Qt_6_4);
    m.server->state().messagingServices.save(messagingStream);
    m = {};
    QFile file(options.statePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.endsWith(messaging));
    bytes.chop(messaging.size());
    QVERIFY(bytes.endsWith(QByteArray(3 * 8, '\0')));
    bytes.chop(3 * 8);
    bytes.replace(4, 4, QByteArray("\0\0\0\1", 4)); // the version, big-endian
    // Formats 1 and 2 kept the token right after the account SID (format 3 keeps it apart).
    QByteArray streamedToken;
    QDataStream stream(&streamedToken, QIODevice::WriteOnly);
    stream << token;
    bytes.insert(8 + 4 + accountSid.size() * 2, streamedToken);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();

    QVERIFY2(m.start(options), qPrintable(m.server ? m.server->errorString() : QString()));
    QCOMPARE(m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).status, 200);
    QCOMPARE(
        m.client->get(m.client->account(u"/Keys.json"_s)).json.value(u"keys"_s).toArray().size(),
        0);
}

QTEST_MAIN(TestSandboxKeys)
#include "tst_sandbox_keys.moc"
