// The Team page's API keys against the in-process sandbox over real HTTP: an admin creates a
// key for a person (its secret shown once, never in the list), the key works for that person,
// and revoking it from the page makes the provider refuse it (20003).
#include "TeamKeysBox.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

class TstTeamKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createShowsTheSecretOnceAndRevokeCutsAccess();
    void withoutAProviderNothingPretends();

private:
    // The person's desktop, set up with the key instead of the Auth Token.
    std::optional<ProviderResult<ProviderAccount>> connectWith(const QString &sid,
                                                               const QString &secret);

    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    AccountConfig m_config;
    std::unique_ptr<TwilioClient> m_admin;
    std::unique_ptr<TeamKeysBox> m_box;
};

void TstTeamKeys::init()
{
    sandbox::SandboxOptions options;
    options.speed = 1.0;
    options.seed = 7;
    options.replyRate = 0.0;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QVERIFY(m_server->listen());
    m_config =
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl());
    m_admin = std::make_unique<TwilioClient>(&m_network, m_config, m_server->authToken());
    m_box = std::make_unique<TeamKeysBox>([this] { return m_admin.get(); });
}

void TstTeamKeys::cleanup()
{
    m_box.reset();
    m_admin.reset();
    m_server.reset();
}

std::optional<ProviderResult<ProviderAccount>> TstTeamKeys::connectWith(const QString &sid,
                                                                        const QString &secret)
{
    TwilioClient agent(&m_network, m_config, ApiKeyCredentials{sid, secret});
    std::optional<ProviderResult<ProviderAccount>> result;
    agent.testConnection(
        this, [&result](const ProviderResult<ProviderAccount> &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return std::nullopt;
    return result;
}

void TstTeamKeys::createShowsTheSecretOnceAndRevokeCutsAccess()
{
    QSignalSpy finished(m_box.get(), &TeamKeysBox::finished);
    m_box->createFor(u"Sam Ortiz"_s);
    // Created, then the list re-read.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY(finished.first().first().toBool());
    const QString secret = m_box->shownSecret();
    QCOMPARE(secret.size(), 32);
    QTableWidget *keys = m_box->keys();
    QCOMPARE(keys->rowCount(), 1);
    const QString sid = keys->item(0, 0)->text();
    QVERIFY(sid.startsWith(u"SK"_s));
    QCOMPARE(keys->item(0, 1)->text(), u"SMS Desk \u00b7 Sam Ortiz"_s);
    // The list never holds the secret.
    for (int c = 0; c < keys->columnCount(); ++c)
        QVERIFY(!keys->item(0, c)->text().contains(secret));

    const auto before = connectWith(sid, secret);
    QVERIFY(before && before->ok());

    keys->selectRow(0);
    m_box->findChild<QPushButton *>(u"teamRevokeKey"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QVERIFY(finished.last().first().toBool());
    QCOMPARE(keys->rowCount(), 0);
    QVERIFY(m_box->shownSecret().isEmpty());
    QVERIFY(m_box->findChild<QLabel *>(u"teamKeyStatus"_s)->text().contains(sid));
    const auto after = connectWith(sid, secret);
    QVERIFY(after && !after->ok());
    QCOMPARE(after->error().kind(), ProviderError::Kind::Auth);
}

void TstTeamKeys::withoutAProviderNothingPretends()
{
    TeamKeysBox box([] { return static_cast<ProviderClient *>(nullptr); });
    QSignalSpy finished(&box, &TeamKeysBox::finished);
    box.createFor(u"Sam"_s);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(box.shownSecret().isEmpty());
    QVERIFY(box.findChild<QLabel *>(u"teamKeyStatus"_s)->text().startsWith(u"Not connected"_s));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstTeamKeys test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_teamkeys.moc"
