// A real smsdesk-cli send killed with SIGKILL while its create is at the provider and the
// answer is still on its way; the next run reconciles instead of sending the text again.
// Both processes are real: the standalone sandbox and the CLI.
#include "SandboxClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString kSupport = u"+14155550100"_s;
const QString kCustomer = u"+14155550301"_s;

} // namespace

class TestOutboxCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedSendIsReconciledNotResent();
    void sendWithoutATokenIsAUsageError();

private:
    QProcess *startSend(const QString &body);
    QJsonArray providerMessages();
    int attemptsRecorded();

    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QUrl m_url;
    QString m_sid;
    QString m_token;
    std::unique_ptr<SandboxClient> m_client;
};

void TestOutboxCrash::initTestCase()
{
    m_sandbox.start(QStringLiteral(SANDBOX_EXECUTABLE),
                    {u"--port"_s, u"0"_s, u"--state"_s, m_dir.filePath(u"sandbox.state"_s),
                     u"--speed"_s, u"100"_s, u"--reply-rate"_s, u"0"_s, u"--seed"_s, u"5"_s});
    QVERIFY(m_sandbox.waitForStarted(10000));
    QStringList lines;
    while (lines.size() < 3) {
        QVERIFY(m_sandbox.canReadLine() || m_sandbox.waitForReadyRead(10000));
        while (m_sandbox.canReadLine())
            lines.append(QString::fromUtf8(m_sandbox.readLine()).trimmed());
    }
    const auto url = QRegularExpression(u"\\Alistening on (\\S+)\\z"_s).match(lines[0]);
    const auto sid = QRegularExpression(u"\\AAccount SID: (\\S+)\\z"_s).match(lines[1]);
    const auto token = QRegularExpression(u"\\AAuth Token: (\\S+)\\z"_s).match(lines[2]);
    QVERIFY2(url.hasMatch() && sid.hasMatch() && token.hasMatch(), qPrintable(lines.join(u'|')));
    m_url = QUrl(url.captured(1));
    m_sid = sid.captured(1);
    m_token = token.captured(1);
    m_client = std::make_unique<SandboxClient>(m_url, m_sid, m_token);
}

void TestOutboxCrash::cleanupTestCase()
{
    if (m_sandbox.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_sandbox.processId()), SIGTERM);
        m_sandbox.waitForFinished(15000);
    }
}

QProcess *TestOutboxCrash::startSend(const QString &body)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_token);
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(SMSDESK_CLI_PATH),
                   {u"send"_s, u"--profile"_s, m_dir.filePath(u"profile.db"_s), u"--account-url"_s,
                    m_url.toString(), u"--account-sid"_s, m_sid, u"--from"_s, kSupport, u"--to"_s,
                    kCustomer, u"--body"_s, body});
    return process;
}

QJsonArray TestOutboxCrash::providerMessages()
{
    return m_client
        ->get(m_client->account(u"/Messages.json"_s + SandboxClient::query({{u"To"_s, kCustomer}})))
        .json.value(u"messages"_s)
        .toArray();
}

int TestOutboxCrash::attemptsRecorded()
{
    const QString name = u"crash-reader"_s;
    int attempts = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_dir.filePath(u"profile.db"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT coalesce(sum(send_attempts), 0) FROM messages"_s) &&
                query.next())
                attempts = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return attempts;
}

void TestOutboxCrash::killedSendIsReconciledNotResent()
{
    // The provider carries the create out at once but answers only 8 s later (every answer,
    // so the test watches the CLI's profile rather than asking the provider).
    QCOMPARE(m_client->setFaults({{u"LatencyMs"_s, u"8000"_s}}).status, 200);
    QProcess *first = startSend(u"first"_s);
    QVERIFY(first->waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(attemptsRecorded(), 1, 20000);
    // Time for the POST to reach the provider; not an assertion, the check is below.
    QTest::qWait(1500);
    QCOMPARE(first->state(), QProcess::Running); // still waiting for the answer
    ::kill(pid_t(first->processId()), SIGKILL);
    QVERIFY(first->waitForFinished(10000));
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    QVERIFY(first->readAllStandardOutput().isEmpty()); // it never learnt the sid
    QCOMPARE(m_client->setFaults({{u"Reset"_s, u"true"_s}}).status, 200);
    // The provider did create it: the next run must find it rather than send it again.
    QCOMPARE(providerMessages().size(), 1);
    QProcess *second = startSend(u"second"_s);
    QVERIFY(second->waitForFinished(60000));
    const QByteArray errors = second->readAllStandardError();
    QVERIFY2(second->exitStatus() == QProcess::NormalExit && second->exitCode() == 0,
             errors.constData());
    const QString printedSid = QString::fromUtf8(second->readAllStandardOutput()).trimmed();

    const QJsonArray all = providerMessages();
    QStringList bodies;
    QString secondSid;
    for (const QJsonValue &message : all) {
        bodies.append(message[u"body"_s].toString());
        if (message[u"body"_s].toString() == u"second"_s)
            secondSid = message[u"sid"_s].toString();
    }
    bodies.sort();
    QCOMPARE(bodies, (QStringList{u"first"_s, u"second"_s}));
    QCOMPARE(printedSid, secondSid);
    // "first" was attempted once in all: found by reconciling, not posted again.
    QCOMPARE(attemptsRecorded(), 2);
}

void TestOutboxCrash::sendWithoutATokenIsAUsageError()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"SMSDESK_AUTH_TOKEN"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH),
                  {u"send"_s, u"--profile"_s, m_dir.filePath(u"other.db"_s), u"--account-url"_s,
                   m_url.toString(), u"--account-sid"_s, m_sid, u"--from"_s, kSupport, u"--to"_s,
                   kCustomer, u"--body"_s, u"x"_s});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 64);
    QVERIFY(process.readAllStandardError().contains("SMSDESK_AUTH_TOKEN"));
    QVERIFY(!QFile::exists(m_dir.filePath(u"other.db"_s)));
}

QTEST_GUILESS_MAIN(TestOutboxCrash)
#include "tst_outbox_crash.moc"
