// Keychain keys by profile UUID and Account SID, against a real Secret Service (run inside a
// private D-Bus session with gnome-keyring, like tst_secretstore): row ids repeat across
// profiles, so two profiles' "account 1" must not share a token; tokens kept under the old
// row-id key move to the new key on their first read.
#include "AccountConfig.h"
#include "AccountSetup.h"
#include "SecretStore.h"
#include "StoreWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kSid = u"AC0123456789abcdef0123456789abcdef"_s;

bool noKeychainRun()
{
    return qEnvironmentVariableIsSet("SMSDESK_TEST_NO_KEYCHAIN");
}

} // namespace

class TestSecretStoreProfiles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretStore> m_store;
    QStringList m_keys; // removed by cleanup()

    SecretResult wait(const std::function<void(SecretCallback)> &operation)
    {
        std::optional<SecretResult> answer;
        operation([&answer](const SecretResult &result) { answer = result; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 30000)) {
            SecretResult timedOut;
            timedOut.error = SecretError{SecretError::Kind::Failed, u"no answer"_s};
            return timedOut;
        }
        return *answer;
    }
    SecretResult read(const QString &key)
    {
        return wait([&](SecretCallback done) { m_store->read(key, this, std::move(done)); });
    }
    SecretResult readMigrating(const QString &key, const QString &legacyKey)
    {
        m_keys << key << legacyKey;
        return wait([&](SecretCallback done) {
            m_store->readMigrating(key, legacyKey, this, std::move(done));
        });
    }
    bool write(const QString &key, const QString &secret)
    {
        m_keys << key;
        return wait(
                   [&](SecretCallback done) { m_store->write(key, secret, this, std::move(done)); })
            .ok();
    }
    // Saves an account the way the setup dialog does; its row id, or 0.
    qint64 saveAccount(StoreWriter &writer, const QString &token)
    {
        AccountSetup setup(&writer, m_store.get());
        QSignalSpy saved(&setup, &AccountSetup::saved);
        setup.save(AccountConfig::forSingleBaseUrl(u"Bloom"_s, kSid, QUrl(u"http://127.0.0.1:9"_s)),
                   token);
        m_keys << SecretStore::authTokenKey(writer.profileUuid(), kSid);
        return saved.wait(30000) ? saved.first().first().toLongLong() : 0;
    }

private Q_SLOTS:
    void init()
    {
        if (noKeychainRun())
            QSKIP("needs a keychain");
        // A service of its own: never the real entries, nor another run's.
        m_store = std::make_unique<SecretStore>(
            u"SMS Desk test %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        m_keys.clear();
    }

    void cleanup()
    {
        if (!m_store)
            return;
        m_keys.removeDuplicates();
        for (const QString &key : std::as_const(m_keys))
            wait([&](SecretCallback done) { m_store->remove(key, this, std::move(done)); });
        m_store.reset();
    }

    void keysNameTheProfileAndTheAccountSid()
    {
        QCOMPARE(SecretStore::authTokenKey(u"0f5e0c1a-6b1e-4f55-9a57-4c1a2b3c4d5e"_s, kSid),
                 u"profile/0f5e0c1a-6b1e-4f55-9a57-4c1a2b3c4d5e/account/"_s + kSid +
                     u"/auth-token"_s);
        QCOMPARE(SecretStore::accountKey(u"p"_s, kSid, u"api-key"),
                 u"profile/p/account/"_s + kSid + u"/api-key"_s);
        QCOMPARE(SecretStore::legacyAuthTokenKey(42), u"account/42/auth-token"_s);
    }

    void twoProfilesWithTheSameRowIdKeepTheirOwnTokens()
    {
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        StoreWriter profileA(dirA.filePath(u"profile.sqlite"_s));
        StoreWriter profileB(dirB.filePath(u"profile.sqlite"_s));
        QVERIFY(profileA.open());
        QVERIFY(profileB.open());
        QVERIFY(!profileA.profileUuid().isEmpty());
        QVERIFY(QUuid::fromString(profileA.profileUuid()).version() == QUuid::Random);
        QVERIFY(profileA.profileUuid() != profileB.profileUuid());

        // Same row id, same Account SID (one Twilio account in two profiles).
        QCOMPARE(saveAccount(profileA, u"token-of-a"_s), 1);
        QCOMPARE(saveAccount(profileB, u"token-of-b"_s), 1);

        const QString legacy = SecretStore::legacyAuthTokenKey(1);
        const SecretResult a =
            readMigrating(SecretStore::authTokenKey(profileA.profileUuid(), kSid), legacy);
        const SecretResult b =
            readMigrating(SecretStore::authTokenKey(profileB.profileUuid(), kSid), legacy);
        QVERIFY2(a.ok(), qPrintable(a.error ? a.error->message : QString()));
        QVERIFY(b.ok());
        QCOMPARE(a.secret, u"token-of-a"_s);
        QCOMPARE(b.secret, u"token-of-b"_s);
        // Nothing was written under the row id.
        QCOMPARE(read(legacy).error->kind, SecretError::Kind::NotFound);
    }

    void aLegacyEntryMovesToTheNewKeyOnFirstRead()
    {
        const QString legacy = SecretStore::legacyAuthTokenKey(7);
        const QString key =
            SecretStore::authTokenKey(QUuid::createUuid().toString(QUuid::WithoutBraces), kSid);
        QVERIFY(write(legacy, u"kept-by-0.1"_s));
        QCOMPARE(read(key).error->kind, SecretError::Kind::NotFound);

        const SecretResult first = readMigrating(key, legacy);
        QVERIFY2(first.ok(), qPrintable(first.error ? first.error->message : QString()));
        QCOMPARE(first.secret, u"kept-by-0.1"_s);
        // Moved: the new key holds it, the old one is gone.
        QCOMPARE(read(key).secret, u"kept-by-0.1"_s);
        QCOMPARE(read(legacy).error->kind, SecretError::Kind::NotFound);
        // And the next read finds it where it now lives.
        QCOMPARE(readMigrating(key, legacy).secret, u"kept-by-0.1"_s);
    }

    void aNewEntryWinsAndLeavesTheLegacyOneAlone()
    {
        const QString legacy = SecretStore::legacyAuthTokenKey(8);
        const QString key =
            SecretStore::authTokenKey(QUuid::createUuid().toString(QUuid::WithoutBraces), kSid);
        QVERIFY(write(legacy, u"old"_s));
        QVERIFY(write(key, u"new"_s));
        QCOMPARE(readMigrating(key, legacy).secret, u"new"_s);
        QCOMPARE(read(legacy).secret, u"old"_s);
    }

    void nothingUnderEitherKeyIsNotFound()
    {
        const QString key =
            SecretStore::authTokenKey(QUuid::createUuid().toString(QUuid::WithoutBraces), kSid);
        const SecretResult result = readMigrating(key, SecretStore::legacyAuthTokenKey(9));
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, SecretError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreProfiles)
#include "tst_secretstore_profiles.moc"
