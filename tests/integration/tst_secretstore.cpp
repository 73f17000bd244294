// SecretStore against a real Secret Service (run by ./smsdesk.sh test inside a private D-Bus
// session with an unlocked gnome-keyring), and, as tst_secretstore_nokeychain, with no D-Bus
// session at all (SMSDESK_TEST_NO_KEYCHAIN=1).
#include "SecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"SMS Desk Tests"_s;

bool noKeychainRun()
{
    return qEnvironmentVariableIsSet("SMSDESK_TEST_NO_KEYCHAIN");
}

class SecretWaiter
{
public:
    SecretCallback callback()
    {
        return [this](const SecretResult &result) { m_results.append(result); };
    }
    bool wait(int count = 1)
    {
        return QTest::qWaitFor([this, count] { return m_results.size() >= count; }, 30000);
    }
    const SecretResult &result(int i = 0) const { return m_results.at(i); }
    int calls() const { return static_cast<int>(m_results.size()); }

private:
    QList<SecretResult> m_results;
};

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    QString m_key;
    QTemporaryDir m_configHome;

    SecretResult run(SecretStore &store, char operation, const QString &secret = {})
    {
        SecretWaiter waiter;
        switch (operation) {
        case 'r':
            store.read(m_key, this, waiter.callback());
            break;
        case 'w':
            store.write(m_key, secret, this, waiter.callback());
            break;
        default:
            store.remove(m_key, this, waiter.callback());
        }
        if (!waiter.wait()) {
            SecretResult timedOut;
            timedOut.error = SecretError{SecretError::Kind::Failed, u"no answer"_s};
            return timedOut;
        }
        return waiter.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Any plaintext secret file (QtKeychain's QSettings fallback) would land here. On
        // Linux, QtKeychain 0.13 does not use that fallback for libsecret errors even when
        // enabled, so this guards against a file appearing, not against the flag itself.
        QVERIFY(m_configHome.isValid());
        qputenv("XDG_CONFIG_HOME", m_configHome.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(u"SMS Desk Tests"_s);
        QCoreApplication::setApplicationName(u"tst_secretstore"_s);
    }

    void init()
    {
        m_key = u"account/%1/auth-token"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        g_messages.clear();
        g_previousHandler = qInstallMessageHandler(captureMessages);
    }

    void cleanup()
    {
        qInstallMessageHandler(g_previousHandler);
        if (!noKeychainRun()) {
            SecretStore store(kService);
            run(store, 'd');
        }
        // Never a plaintext file.
        QDirIterator files(m_configHome.path(), QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
    }

    void authTokenKey()
    {
        QCOMPARE(SecretStore::authTokenKey(u"0f5e0c1a-6b1e-4f55-9a57-4c1a2b3c4d5e"_s,
                                           u"AC0123456789abcdef0123456789abcdef"_s),
                 u"profile/0f5e0c1a-6b1e-4f55-9a57-4c1a2b3c4d5e/account/"
                 u"AC0123456789abcdef0123456789abcdef/auth-token"_s);
        QCOMPARE(SecretStore().serviceName(), u"SMS Desk"_s);
    }

    void roundTrip()
    {
        if (noKeychainRun()) {
            QSKIP("the no-keychain run covers the fallback only");
        }
        SecretStore store(kService);
        const SecretResult written = run(store, 'w', u"first-token"_s);
        QVERIFY2(written.ok(), qPrintable(written.error ? written.error->message : QString()));
        if (!written.ok()) {
            QFAIL("No Secret Service: run through ./smsdesk.sh test, or exclude with -LE keychain");
        }
        QVERIFY(!written.sessionOnly);

        SecretResult read = run(store, 'r');
        QVERIFY(read.ok());
        QCOMPARE(read.secret, u"first-token"_s);
        QVERIFY(!read.sessionOnly);

        QVERIFY(run(store, 'w', u"second-tökén ✓"_s).ok());
        read = run(store, 'r');
        QVERIFY(read.ok());
        QCOMPARE(read.secret, u"second-tökén ✓"_s);

        // A second store (like a restarted app) reads what the first wrote.
        SecretStore other(kService);
        QCOMPARE(run(other, 'r').secret, u"second-tökén ✓"_s);

        QVERIFY(run(store, 'd').ok());
        read = run(store, 'r');
        QVERIFY(!read.ok());
        QCOMPARE(read.error->kind, SecretError::Kind::NotFound);
        QVERIFY(run(store, 'd').ok()); // removing nothing succeeds
    }

    void queuedOperationsRunInOrder()
    {
        if (noKeychainRun()) {
            QSKIP("the no-keychain run covers the fallback only");
        }
        SecretStore store(kService);
        SecretWaiter waiter;
        // Issued back to back: each job starts only after the previous one finished.
        store.write(m_key, u"one"_s, this, waiter.callback());
        store.read(m_key, this, waiter.callback());
        store.write(m_key, u"two"_s, this, waiter.callback());
        store.read(m_key, this, waiter.callback());
        store.remove(m_key, this, waiter.callback());
        store.read(m_key, this, waiter.callback());
        QCOMPARE(store.pendingCount(), 6);
        QVERIFY(waiter.wait(6));
        QCOMPARE(waiter.calls(), 6);
        QVERIFY(waiter.result(0).ok());
        QCOMPARE(waiter.result(1).secret, u"one"_s);
        QVERIFY(waiter.result(2).ok());
        QCOMPARE(waiter.result(3).secret, u"two"_s);
        QVERIFY(waiter.result(4).ok());
        QCOMPARE(waiter.result(5).error->kind, SecretError::Kind::NotFound);
        QCOMPARE(store.pendingCount(), 0);
    }

    void destroyedContextIsNotCalledButTheWriteHappens()
    {
        if (noKeychainRun()) {
            QSKIP("the no-keychain run covers the fallback only");
        }
        SecretStore store(kService);
        auto *context = new QObject;
        bool called = false;
        store.write(m_key, u"kept"_s, context, [&called](const SecretResult &) { called = true; });
        delete context;
        QCOMPARE(run(store, 'r').secret, u"kept"_s);
        QVERIFY(!called);
    }

    void secretNeverLogged()
    {
        if (noKeychainRun()) {
            QSKIP("the no-keychain run covers the fallback only");
        }
        SecretStore store(kService);
        QVERIFY(run(store, 'w', u"do-not-log-me"_s).ok());
        QVERIFY(run(store, 'r').ok());
        for (const QString &message : std::as_const(g_messages)) {
            QVERIFY2(!message.contains(u"do-not-log-me"_s), qPrintable(message));
        }
    }

    void badInputIsRefused()
    {
        SecretStore store(kService);
        SecretWaiter waiter;
        store.write(QString(), u"x"_s, this, waiter.callback());
        store.write(m_key, QString(), this, waiter.callback());
        QCOMPARE(waiter.calls(), 0); // asynchronous, like every outcome
        QVERIFY(waiter.wait(2));
        QCOMPARE(waiter.result(0).error->kind, SecretError::Kind::Failed);
        QVERIFY(waiter.result(0).error->message.contains(u"key"_s));
        QCOMPARE(waiter.result(1).error->kind, SecretError::Kind::Failed);
        QVERIFY(waiter.result(1).error->message.contains(u"empty"_s));
    }

    void withoutKeychainTheErrorIsClear()
    {
        if (!noKeychainRun()) {
            QSKIP("runs as tst_secretstore_nokeychain");
        }
        SecretStore store(kService);
        QVERIFY(!store.sessionOnlyFallback());
        for (const SecretResult &result :
             {run(store, 'w', u"secret-token"_s), run(store, 'r'), run(store, 'd')}) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error->kind, SecretError::Kind::NoKeychain);
            QVERIFY2(result.error->message.startsWith(u"No keychain is available: "_s),
                     qPrintable(result.error->message));
            QVERIFY(!result.sessionOnly);
        }
    }

    void sessionOnlyFallbackWhenOptedIn()
    {
        if (!noKeychainRun()) {
            QSKIP("runs as tst_secretstore_nokeychain");
        }
        SecretStore store(kService);
        store.setSessionOnlyFallback(true);

        const SecretResult written = run(store, 'w', u"secret-token"_s);
        QVERIFY2(written.ok(), qPrintable(written.error ? written.error->message : QString()));
        QVERIFY(written.sessionOnly);
        const auto mentionsFallback = [this](const QString &message) {
            return message.contains(m_key) && message.contains(u"this session only"_s);
        };
        QVERIFY(std::any_of(g_messages.cbegin(), g_messages.cend(), mentionsFallback));
        for (const QString &message : std::as_const(g_messages)) {
            QVERIFY2(!message.contains(u"secret-token"_s), qPrintable(message));
        }

        SecretResult read = run(store, 'r');
        QVERIFY(read.ok());
        QVERIFY(read.sessionOnly);
        QCOMPARE(read.secret, u"secret-token"_s);

        // Memory of this store only: another store (another session) knows nothing.
        SecretStore other(kService);
        other.setSessionOnlyFallback(true);
        QCOMPARE(run(other, 'r').error->kind, SecretError::Kind::NotFound);

        QVERIFY(run(store, 'd').ok());
        read = run(store, 'r');
        QCOMPARE(read.error->kind, SecretError::Kind::NotFound);
        QVERIFY(read.error->message.contains(u"No keychain is available"_s));
    }

    void turningTheFallbackOffForgets()
    {
        if (!noKeychainRun()) {
            QSKIP("runs as tst_secretstore_nokeychain");
        }
        SecretStore store(kService);
        store.setSessionOnlyFallback(true);
        QVERIFY(run(store, 'w', u"secret-token"_s).ok());
        store.setSessionOnlyFallback(false);
        const SecretResult read = run(store, 'r');
        QCOMPARE(read.error->kind, SecretError::Kind::NoKeychain);
        store.setSessionOnlyFallback(true);
        QCOMPARE(run(store, 'r').error->kind, SecretError::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
