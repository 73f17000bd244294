// The binaries keep their secrets in: with every Qt category's debug output switched on, no
// Authorization header or token reaches the sandbox's or the CLI's log, wrong passwords
// included; and a running sandbox or CLI has no core file to leave behind.
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

QProcessEnvironment everythingLogged()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    return environment;
}

// The "Max core file size" soft limit of a running process, or -1 while unreadable.
qint64 coreLimitOf(qint64 pid)
{
    QFile limits(u"/proc/%1/limits"_s.arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromUtf8(limits.readAll());
    const auto match = QRegularExpression(uR"(Max core file size\s+(\S+))"_s).match(text);
    return match.hasMatch() && match.captured(1) != u"unlimited"_s ? match.captured(1).toLongLong()
                                                                   : -1;
}

int get(QNetworkAccessManager &network, const QUrl &url, const QString &user,
        const QString &password)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64());
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return 0;
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

class TstHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandboxLogsNoCredentialAndDumpsNoCore()
    {
        QProcess sandbox;
        sandbox.setProcessEnvironment(everythingLogged());
        sandbox.start(QStringLiteral(SANDBOX_EXECUTABLE),
                      {u"--port"_s, u"0"_s, u"--reply-rate"_s, u"0"_s});
        QVERIFY(sandbox.waitForStarted());
        QStringList lines;
        while (lines.size() < 3 && sandbox.waitForReadyRead(10000)) {
            while (sandbox.canReadLine())
                lines.append(QString::fromUtf8(sandbox.readLine()).trimmed());
        }
        QCOMPARE(lines.size(), 3);
        const QUrl base(lines.at(0).section(u' ', 2));
        const QString sid = lines.at(1).section(u' ', 2);
        const QString token = lines.at(2).section(u' ', 2);
        QVERIFY(!token.isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(coreLimitOf(sandbox.processId()), 0, 5000);

        QNetworkAccessManager network;
        const QUrl account = base.resolved(QUrl(u"/2010-04-01/Accounts/%1.json"_s.arg(sid)));
        const QString wrong = u"not-the-token-but-close"_s;
        QCOMPARE(get(network, account, sid, wrong), 401);
        QCOMPARE(get(network, account, sid, token), 200);

        ::kill(pid_t(sandbox.processId()), SIGTERM);
        QVERIFY(sandbox.waitForFinished(10000));
        const QByteArray log = sandbox.readAllStandardError();
        // Something was logged at debug level, so the filter had work to do.
        QVERIFY2(!log.isEmpty(), "expected debug output from QT_LOGGING_RULES=*.debug=true");
        for (const QByteArray &secret : {token.toUtf8(), (sid + u':' + token).toUtf8().toBase64(),
                                         wrong.toUtf8(), (sid + u':' + wrong).toUtf8().toBase64()})
            QVERIFY2(!log.contains(secret), secret.constData());
    }

    void cliLogsNoCredentialAndDumpsNoCore()
    {
        // A server that takes the connection and never answers keeps the CLI running.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QTemporaryDir dir;
        QProcessEnvironment environment = everythingLogged();
        const QString token = u"cli-secret-token-0123456789abcdef"_s;
        environment.insert(u"SMSDESK_TEST_TOKEN"_s, token);
        QProcess cli;
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(SMSDESK_CLI_PATH),
                  {u"sync"_s, u"--profile"_s, dir.filePath(u"p.sqlite"_s), u"--account-url"_s,
                   u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), u"--account-sid"_s,
                   u"AC00000000000000000000000000000001"_s, u"--auth-token-env"_s,
                   u"SMSDESK_TEST_TOKEN"_s});
        QVERIFY(cli.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(coreLimitOf(cli.processId()), 0, 5000);
        // Let it send its request (and log it, were anything to log) before it is stopped.
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections() || silent.waitForNewConnection(100),
                                 10000);
        QTest::qWait(300);
        cli.kill();
        QVERIFY(cli.waitForFinished(10000));
        const QByteArray log = cli.readAllStandardError() + cli.readAllStandardOutput();
        const QString sid = u"AC00000000000000000000000000000001"_s;
        for (const QByteArray &secret : {token.toUtf8(), (sid + u':' + token).toUtf8().toBase64()})
            QVERIFY2(!log.contains(secret), secret.constData());
    }
};

QTEST_GUILESS_MAIN(TstHardening)
#include "tst_hardening.moc"
