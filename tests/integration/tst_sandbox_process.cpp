// The real smsdesk-sandbox executable: --port 0, the listening line and credentials on
// stdout, a request with them, a clean stop on SIGTERM/SIGINT, and --state across restarts.
#include "SandboxClient.h"

#include <QDataStream>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsPrintsCredentialsAndStopsOnSignal_data();
    void startsPrintsCredentialsAndStopsOnSignal();
    void stateSurvivesRestart();
    void badOptionsExitWithAMessage_data();
    void badOptionsExitWithAMessage();

private:
    struct Started
    {
        QUrl url;
        QString sid;
        QString token;
    };
    static bool start(QProcess &process, const QStringList &arguments, Started *out);
    static bool stop(QProcess &process, int signalNumber);
};

bool TestSandboxProcess::start(QProcess &process, const QStringList &arguments, Started *out)
{
    process.start(QStringLiteral(SANDBOX_EXECUTABLE), arguments);
    if (!process.waitForStarted(10000))
        return false;
    QStringList lines;
    while (lines.size() < 3) {
        if (!process.canReadLine() && !process.waitForReadyRead(10000))
            return false;
        while (process.canReadLine())
            lines.append(QString::fromUtf8(process.readLine()).trimmed());
    }
    const auto listening =
        QRegularExpression(u"\\Alistening on (http://127\\.0\\.0\\.1:(\\d+))\\z"_s).match(lines[0]);
    const auto sid = QRegularExpression(u"\\AAccount SID: (AC[0-9a-f]{32})\\z"_s).match(lines[1]);
    const auto token = QRegularExpression(u"\\AAuth Token: ([0-9a-f]{32})\\z"_s).match(lines[2]);
    if (!listening.hasMatch() || !sid.hasMatch() || !token.hasMatch() ||
        listening.captured(2).toInt() == 0) {
        qWarning() << "unexpected output" << lines;
        return false;
    }
    *out = {QUrl(listening.captured(1)), sid.captured(1), token.captured(1)};
    return true;
}

bool TestSandboxProcess::stop(QProcess &process, int signalNumber)
{
    ::kill(pid_t(process.processId()), signalNumber);
    return process.waitForFinished(15000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

void TestSandboxProcess::startsPrintsCredentialsAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestSandboxProcess::startsPrintsCredentialsAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    QProcess process;
    Started started;
    QVERIFY(start(process, {u"--port"_s, u"0"_s, u"--speed"_s, u"100"_s}, &started));
    SandboxClient client(started.url, started.sid, started.token);
    const HttpResult numbers = client.get(client.account(u"/IncomingPhoneNumbers.json"_s));
    QCOMPARE(numbers.status, 200);
    QVERIFY(!numbers.json.value(u"incoming_phone_numbers"_s).toArray().isEmpty());
    client.setCredentials(started.sid, QString(32, u'0'));
    QCOMPARE(client.get(client.account(u"/IncomingPhoneNumbers.json"_s)).status, 401);
    QVERIFY(stop(process, signalNumber));
}

void TestSandboxProcess::stateSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateFile = dir.filePath(u"sandbox.state"_s);
    QString sid;
    Started first;
    {
        QProcess process;
        QVERIFY(start(process, {u"--port"_s, u"0"_s, u"--state"_s, stateFile}, &first));
        SandboxClient client(first.url, first.sid, first.token);
        // Paused: the message is still queued when the sandbox stops.
        QCOMPARE(client.post(u"/sandbox/carrier"_s, {{u"Paused"_s, u"true"_s}}).status, 200);
        const HttpResult sent =
            client.sendMessage(u"+14155550100"_s, u"+14155550142"_s, u"remember me"_s);
        QCOMPARE(sent.status, 201);
        sid = sent.json.value(u"sid"_s).toString();
        QCOMPARE(client.inject(u"+14155550143"_s, u"+14155550100"_s, u"STOP"_s).status, 201);
        const QString service = client.get(u"/v1/Services"_s)
                                    .json.value(u"services"_s)
                                    .toArray()
                                    .first()[u"sid"_s]
                                    .toString();
        QCOMPARE(
            client.post(u"/v1/Services/"_s + service + u"/Maps"_s, {{u"UniqueName"_s, u"team"_s}})
                .status,
            201);
        QVERIFY(stop(process, SIGTERM));
    }
    // Owner-only files, and the token only in the credentials file beside the data.
    const QString credentials = stateFile + u".credentials"_s;
    for (const QString &path : {stateFile, credentials}) {
        const auto others = QFileDevice::ReadGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteGroup | QFileDevice::WriteOther;
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY2(!(QFileInfo(path).permissions() & others), qPrintable(path));
    }
    QFile data(stateFile);
    QVERIFY(data.open(QIODevice::ReadOnly));
    const QByteArray bytes = data.readAll();
    QVERIFY(!bytes.contains(first.token.toUtf8()));
    QByteArray streamed; // how QDataStream would have written it
    QDataStream stream(&streamed, QIODevice::WriteOnly);
    stream << first.token;
    QVERIFY(!bytes.contains(streamed.mid(4)));
    QProcess process;
    Started second;
    QVERIFY(start(process, {u"--port"_s, u"0"_s, u"--state"_s, stateFile, u"--speed"_s, u"100"_s},
                  &second));
    // Same account and credentials, same messages, opt-outs and Sync data.
    QCOMPARE(second.sid, first.sid);
    QCOMPARE(second.token, first.token);
    SandboxClient client(second.url, second.sid, second.token);
    const HttpResult fetched = client.get(client.account(u"/Messages/"_s + sid + u".json"_s));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json.value(u"body"_s).toString(), u"remember me"_s);
    // It was saved queued (paused carrier) and carries on after the restart.
    const QString path = client.account(u"/Messages/"_s + sid + u".json"_s);
    QTRY_COMPARE_WITH_TIMEOUT(client.get(path).json.value(u"status"_s).toString(), u"delivered"_s,
                              20000);
    QCOMPARE(client.sendMessage(u"+14155550100"_s, u"+14155550143"_s, u"x"_s)
                 .json.value(u"code"_s)
                 .toInt(),
             21610);
    QCOMPARE(client.get(u"/v1/Services/default/Maps/team"_s).status, 200);
    QVERIFY(stop(process, SIGTERM));
}

void TestSandboxProcess::badOptionsExitWithAMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad port") << QStringList{u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("bad speed") << QStringList{u"--speed"_s, u"fast"_s} << u"--speed"_s;
    QTest::newRow("bad host") << QStringList{u"--host"_s, u"nowhere"_s} << u"--host"_s;
    QTest::newRow("unknown option") << QStringList{u"--colour"_s} << u"colour"_s;
}

void TestSandboxProcess::badOptionsExitWithAMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QProcess process;
    process.start(QStringLiteral(SANDBOX_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(QString::fromUtf8(process.readAllStandardError()).contains(mentions),
             qPrintable(mentions));
}

QTEST_MAIN(TestSandboxProcess)
#include "tst_sandbox_process.moc"
