// Account setup as an admin does it: type the credentials, test them against the provider
// (the in-process sandbox), save. The token must end up in the keychain and nowhere else;
// without a keychain, nothing is kept unless the admin opts into a session-only token.
#include "AccountRows.h"
#include "AccountSetup.h"
#include "AccountSetupDialog.h"
#include "DeskSession.h"
#include "SecretStore.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "Theme.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {

bool noKeychainRun()
{
    return qEnvironmentVariableIsSet("SMSDESK_TEST_NO_KEYCHAIN");
}

// Every file under `dir` (the profile with its -wal, the config home) as bytes.
bool anyFileContains(const QString &dir, const QByteArray &needle)
{
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

} // namespace

class TestAccountSetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typingMistakesAreNamed_data();
    void typingMistakesAreNamed();
    void wrongTokenSaysSo();
    void rightCredentialsConnect();
    void saveRefusesWhatTheProviderRefused();
    void savedTokenIsOnlyInTheKeychain();
    void noKeychainNeedsAnExplicitChoice();
    void sessionOpensTheSavedAccount();
    void sessionMovesATokenKeptUnderTheRowId();
    void apiKeyInsteadOfTheAuthToken();

private:
    void fill(AccountSetupDialog &dialog, const QString &sid, const QString &token);

    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    QString m_profileUuid; // kept: some tests close the writer before cleanup()
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AccountSetup> m_setup;
};

void TestAccountSetup::initTestCase()
{
    // A plaintext fallback (QSettings) would land here.
    qputenv("XDG_CONFIG_HOME", m_home.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(u"SMS Desk Tests"_s);
    QCoreApplication::setApplicationName(u"tst_accountsetup"_s);
}

void TestAccountSetup::init()
{
    SandboxOptions options;
    options.seed = 11;
    m_sandbox = std::make_unique<SandboxServer>(options);
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    m_writer = std::make_unique<StoreWriter>(m_dir->filePath(u"profile.sqlite"_s));
    QVERIFY(m_writer->open());
    m_profileUuid = m_writer->profileUuid();
    QVERIFY(!m_profileUuid.isEmpty());
    m_secrets = std::make_unique<SecretStore>(
        u"SMS Desk test %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    m_setup = std::make_unique<AccountSetup>(m_writer.get(), m_secrets.get());
}

void TestAccountSetup::cleanup()
{
    if (m_secrets && !noKeychainRun()) {
        bool done = false;
        m_secrets->remove(SecretStore::authTokenKey(m_profileUuid, m_sandbox->accountSid()), this,
                          [&done](const SecretResult &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    m_setup.reset();
    m_secrets.reset();
    m_writer.reset();
    m_dir.reset();
    m_sandbox.reset();
}

void TestAccountSetup::fill(AccountSetupDialog &dialog, const QString &sid, const QString &token)
{
    dialog.nameEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), u"Acme Dental"_s);
    dialog.sidEdit()->clear();
    QTest::keyClicks(dialog.sidEdit(), sid);
    dialog.tokenEdit()->clear();
    QTest::keyClicks(dialog.tokenEdit(), token);
    dialog.baseUrlEdit()->setText(m_sandbox->baseUrl().toString());
}

void TestAccountSetup::typingMistakesAreNamed_data()
{
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("expected");
    const QString good = u"AC"_s + QString(32, u'a');
    QTest::newRow("api key sid") << u"SK"_s + QString(32, u'a') << u"t"_s << QString()
                                 << u"must start with \"AC\""_s;
    QTest::newRow("short sid") << u"AC123"_s << u"t"_s << QString() << u"5 characters"_s;
    QTest::newRow("no token") << good << QString() << QString() << u"Auth Token is empty"_s;
    QTest::newRow("plain http to a remote host")
        << good << u"t"_s << u"http://api.example.com"_s << u"https"_s;
}

void TestAccountSetup::typingMistakesAreNamed()
{
    QFETCH(QString, sid);
    QFETCH(QString, token);
    QFETCH(QString, baseUrl);
    QFETCH(QString, expected);
    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, sid, token);
    if (!baseUrl.isEmpty())
        dialog.baseUrlEdit()->setText(baseUrl);
    QSignalSpy tested(m_setup.get(), &AccountSetup::tested);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY2(dialog.statusLabel()->text().contains(expected),
             qPrintable(dialog.statusLabel()->text()));
    QCOMPARE(tested.size(), 0); // nothing went to the provider
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(dialog.statusLabel()->text().contains(expected));
    QVERIFY(m_writer->call([](WriterContext &c) { return AccountRows(c.db()).list(); }).isEmpty());
}

void TestAccountSetup::wrongTokenSaysSo()
{
    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, m_sandbox->accountSid(), m_sandbox->authToken() + u"x"_s);
    QSignalSpy tested(m_setup.get(), &AccountSetup::tested);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    const QString shown = dialog.statusLabel()->text();
    QVERIFY2(shown.contains(u"Account SID or Auth Token is wrong"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"20003"_s), qPrintable(shown));
    QVERIFY(dialog.testButton()->isEnabled());

    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        Theme::apply(*qApp);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(dir + u"/account-setup.png"_s));
        qApp->setStyleSheet({});
    }
}

void TestAccountSetup::rightCredentialsConnect()
{
    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, m_sandbox->accountSid(), m_sandbox->authToken());
    QSignalSpy tested(m_setup.get(), &AccountSetup::tested);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(dialog.statusLabel()->text().startsWith(u"Connected to"_s));
}

// Save tests again: credentials the provider just refused are never kept (Save used to keep
// them, and the account then failed every sync).
void TestAccountSetup::saveRefusesWhatTheProviderRefused()
{
    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, m_sandbox->accountSid(), m_sandbox->authToken() + u"x"_s);
    QSignalSpy tested(m_setup.get(), &AccountSetup::tested);
    QSignalSpy saved(m_setup.get(), &AccountSetup::saved);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(tested.wait(15000)); // Save asked the provider again
    const QString shown = dialog.statusLabel()->text();
    QVERIFY2(shown.startsWith(u"Not saved:"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Account SID or Auth Token is wrong"_s), qPrintable(shown));
    QVERIFY(dialog.saveButton()->isEnabled());
    QCOMPARE(saved.size(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(m_writer->call([](WriterContext &c) { return AccountRows(c.db()).list(); }).isEmpty());
}

void TestAccountSetup::savedTokenIsOnlyInTheKeychain()
{
    if (noKeychainRun())
        QSKIP("needs a keychain");
    AccountSetupDialog dialog(m_setup.get());
    const QString token = m_sandbox->authToken();
    fill(dialog, m_sandbox->accountSid(), token);
    QSignalSpy saved(m_setup.get(), &AccountSetup::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(15000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.sessionOnly());
    const qint64 id = dialog.savedAccountId();
    QVERIFY(id > 0);

    const auto row =
        m_writer->call([id](WriterContext &c) { return AccountRows(c.db()).find(id); });
    QVERIFY(row);
    QCOMPARE(row->name, u"Acme Dental"_s);
    QCOMPARE(row->providerSid, m_sandbox->accountSid());
    QCOMPARE(row->apiBaseUrl, m_sandbox->baseUrl().toString());

    SecretResult read;
    bool done = false;
    m_secrets->read(SecretStore::authTokenKey(m_profileUuid, row->providerSid), this,
                    [&](const SecretResult &result) {
                        read = result;
                        done = true;
                    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY(read.ok());
    QCOMPARE(read.secret, token);
    // Not in the profile (nor its WAL), not in any settings file.
    m_writer.reset();
    QVERIFY(!anyFileContains(m_dir->path(), token.toUtf8()));
    QVERIFY(!anyFileContains(m_home.path(), token.toUtf8()));
}

void TestAccountSetup::noKeychainNeedsAnExplicitChoice()
{
    if (!noKeychainRun())
        QSKIP("runs as tst_accountsetup_nokeychain, without a D-Bus session");
    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, m_sandbox->accountSid(), m_sandbox->authToken());
    QSignalSpy asked(&dialog, &AccountSetupDialog::sessionOnlyConsentNeeded);
    QSignalSpy saved(m_setup.get(), &AccountSetup::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 30000);
    QVERIFY(dialog.statusLabel()->text().contains(u"No keychain"_s));
    QCOMPARE(saved.size(), 0);

    dialog.answerSessionOnly(false);
    QVERIFY(dialog.statusLabel()->text().contains(u"Nothing was kept"_s));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // Asked again on the next save; this time the admin accepts.
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 30000);
    dialog.answerSessionOnly(true);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);
    QVERIFY(dialog.sessionOnly());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    m_writer.reset();
    QVERIFY(!anyFileContains(m_dir->path(), m_sandbox->authToken().toUtf8()));
    QVERIFY(!anyFileContains(m_home.path(), m_sandbox->authToken().toUtf8()));
}

void TestAccountSetup::sessionOpensTheSavedAccount()
{
    if (noKeychainRun())
        QSKIP("needs a keychain");
    const QString profile = m_dir->filePath(u"desk.sqlite"_s);
    DeskSession session;
    QVERIFY(session.openProfile(profile));
    AccountSetup setup(session.writer(), session.secrets());
    AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Acme"_s, m_sandbox->accountSid(), m_sandbox->baseUrl());
    QSignalSpy saved(&setup, &AccountSetup::saved);
    QSignalSpy needed(&session, &DeskSession::credentialsNeeded);
    QSignalSpy opened(&session, &DeskSession::accountOpened);

    // Nothing stored yet: the session asks for credentials rather than guessing.
    session.openAccount(1);
    QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, 15000);
    QCOMPARE(opened.size(), 0);

    setup.save(config, m_sandbox->authToken());
    QVERIFY(saved.wait(15000));
    const qint64 id = saved.first().first().toLongLong();
    session.openAccount(id);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    QVERIFY(session.outbox());
    QSignalSpy synced(session.syncEngine(), &SyncEngine::finished);
    QVERIFY(synced.wait(30000));
    bool removed = false;
    session.secrets()->remove(
        SecretStore::authTokenKey(session.writer()->profileUuid(), m_sandbox->accountSid()), this,
        [&removed](const SecretResult &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
}

// A token an older version kept under "account/<row id>/auth-token": the first open reads
// it, connects, and moves it to the profile-and-SID key.
void TestAccountSetup::sessionMovesATokenKeptUnderTheRowId()
{
    if (noKeychainRun())
        QSKIP("needs a keychain");
    DeskSession session;
    QVERIFY(session.openProfile(m_dir->filePath(u"desk.sqlite"_s)));
    AccountSetup setup(session.writer(), session.secrets());
    QSignalSpy saved(&setup, &AccountSetup::saved);
    setup.save(
        AccountConfig::forSingleBaseUrl(u"Acme"_s, m_sandbox->accountSid(), m_sandbox->baseUrl()),
        m_sandbox->authToken());
    QVERIFY(saved.wait(15000));
    const qint64 id = saved.first().first().toLongLong();
    const QString key =
        SecretStore::authTokenKey(session.writer()->profileUuid(), m_sandbox->accountSid());
    const QString legacy = SecretStore::legacyAuthTokenKey(id);
    const auto run = [&](auto operation) {
        std::optional<SecretResult> answer;
        operation([&answer](const SecretResult &r) { answer = r; });
        return QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000) ? *answer
                                                                                : SecretResult{};
    };
    // As 0.1 left it: only the row-id entry.
    QVERIFY(run([&](SecretCallback done) { session.secrets()->remove(key, this, done); }).ok());
    QVERIFY(run([&](SecretCallback done) {
                session.secrets()->write(legacy, m_sandbox->authToken(), this, done);
            }).ok());

    QSignalSpy opened(&session, &DeskSession::accountOpened);
    QSignalSpy needed(&session, &DeskSession::credentialsNeeded);
    session.openAccount(id);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    QCOMPARE(needed.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        run([&](SecretCallback done) { session.secrets()->read(key, this, done); }).secret,
        m_sandbox->authToken(), 10000);
    const SecretResult old =
        run([&](SecretCallback done) { session.secrets()->read(legacy, this, done); });
    QVERIFY(old.error);
    QCOMPARE(old.error->kind, SecretError::Kind::NotFound);
    QVERIFY(run([&](SecretCallback done) { session.secrets()->remove(key, this, done); }).ok());
}

// A person's desktop set up with the API key an admin created for them: tested, kept in the
// keychain (and the Auth Token entry of this desktop removed), and the session signs in with
// it; once the admin revokes the key, the provider refuses it.
void TestAccountSetup::apiKeyInsteadOfTheAuthToken()
{
    if (noKeychainRun())
        QSKIP("needs a keychain");
    QNetworkAccessManager network;
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Acme"_s, m_sandbox->accountSid(), m_sandbox->baseUrl());
    TwilioClient admin(&network, config, m_sandbox->authToken());
    std::optional<ProviderResult<NewApiKey>> created;
    admin.createApiKey(u"Sam"_s, this, [&](const ProviderResult<NewApiKey> &r) { created = r; });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 15000);
    QVERIFY(created->ok());
    const ApiKeyCredentials key{created->value().key.sid, created->value().secret};

    AccountSetupDialog dialog(m_setup.get());
    fill(dialog, m_sandbox->accountSid(), key.keySecret);
    dialog.methodBox()->setCurrentIndex(1);
    QVERIFY(dialog.keySidEdit()->isVisibleTo(&dialog));
    // A key SID that is no key SID is named before anything is asked of the provider.
    dialog.keySidEdit()->setText(u"AC123"_s);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(dialog.statusLabel()->text().contains(u"SK and 32"_s));
    dialog.keySidEdit()->setText(key.keySid);
    QSignalSpy tested(m_setup.get(), &AccountSetup::tested);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(15000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));

    const auto run = [&](auto operation) {
        std::optional<SecretResult> answer;
        operation([&answer](const SecretResult &r) { answer = r; });
        return QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000) ? *answer
                                                                                : SecretResult{};
    };
    const QString tokenKey = SecretStore::authTokenKey(m_profileUuid, m_sandbox->accountSid());
    const QString keyKey = SecretStore::apiKeyKey(m_profileUuid, m_sandbox->accountSid());
    QVERIFY(run([&](SecretCallback done) {
                m_secrets->write(tokenKey, m_sandbox->authToken(), this, done);
            }).ok());
    QSignalSpy saved(m_setup.get(), &AccountSetup::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(15000));
    QCOMPARE(run([&](SecretCallback done) { m_secrets->read(keyKey, this, done); }).secret,
             key.toSecret());
    const SecretResult token =
        run([&](SecretCallback done) { m_secrets->read(tokenKey, this, done); });
    QVERIFY(token.error && token.error->kind == SecretError::Kind::NotFound);
    QVERIFY(run([&](SecretCallback done) { m_secrets->remove(keyKey, this, done); }).ok());
    m_writer.reset();
    QVERIFY(!anyFileContains(m_dir->path(), key.keySecret.toUtf8()));

    // The desktop's session signs in with the key.
    DeskSession session;
    QVERIFY(session.openProfile(m_dir->filePath(u"desk.sqlite"_s)));
    AccountSetup setup(session.writer(), session.secrets());
    QSignalSpy stored(&setup, &AccountSetup::saved);
    setup.save(config, key);
    QVERIFY(stored.wait(15000));
    QSignalSpy opened(&session, &DeskSession::accountOpened);
    session.openAccount(stored.first().first().toLongLong());
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
    QSignalSpy synced(session.syncEngine(), &SyncEngine::finished);
    QVERIFY(synced.wait(30000));
    // Revoked by the admin: the provider refuses this desktop from now on.
    std::optional<ProviderResult<ProviderDone>> deleted;
    admin.deleteApiKey(key.keySid, this,
                       [&](const ProviderResult<ProviderDone> &r) { deleted = r; });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value() && deleted->ok(), 15000);
    std::optional<ProviderError::Kind> refused;
    connect(session.syncEngine(), &SyncEngine::failed, this,
            [&refused](const ProviderError &error) { refused = error.kind(); });
    session.syncEngine()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 30000);
    QCOMPARE(*refused, ProviderError::Kind::Auth);
    QVERIFY(run([&](SecretCallback done) {
                session.secrets()->remove(SecretStore::apiKeyKey(session.writer()->profileUuid(),
                                                                 m_sandbox->accountSid()),
                                          this, done);
            }).ok());
}

QTEST_MAIN(TestAccountSetup)
#include "tst_accountsetup.moc"
