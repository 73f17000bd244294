// Scripts can retry `smsdesk-cli send` safely (issue 15, item 6): --ref KEY makes a re-run the
// same message, even after the first run was killed mid-send; --wait bounds a run against an
// unreachable provider (exit 75, still queued).
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kSupport = u"+14155550100"_s;

QStringList sendArgs(const QString &profile, const QString &url, const QString &sid,
                     const QString &to, const QStringList &extra)
{
    return QStringList{u"send"_s,
                       u"--profile"_s,
                       profile,
                       u"--account-url"_s,
                       url,
                       u"--account-sid"_s,
                       sid,
                       u"--from"_s,
                       kSupport,
                       u"--to"_s,
                       to,
                       u"--body"_s,
                       u"Your table is ready"_s} +
           extra;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QString &token)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, token);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    if (!process.waitForStarted() || !process.waitForFinished(60000) ||
        process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

class TestSendRef : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameRefIsTheSameMessage();
    void rerunAfterSigkillSendsOnce();
    void waitBoundsTheRun();
};

void TestSendRef::sameRefIsTheSameMessage()
{
    SandboxProcess sandbox;
    QVERIFY(sandbox.start());
    QTemporaryDir dir;
    const QString to = u"+14155550281"_s;
    const QStringList args = sendArgs(dir.filePath(u"p.db"_s), sandbox.url.toString(), sandbox.sid,
                                      to, {u"--ref"_s, u"order-17"_s});
    const Run first = run(args, sandbox.token);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const Run again = run(args, sandbox.token);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.out, first.out);
    QCOMPARE(sandbox.messagesTo(to).size(), 1);
    // Another key is another message.
    const Run other = run(sendArgs(dir.filePath(u"p.db"_s), sandbox.url.toString(), sandbox.sid, to,
                                   {u"--ref"_s, u"order-18"_s}),
                          sandbox.token);
    QCOMPARE(other.exitCode, 0);
    QVERIFY(other.out != first.out);
    QCOMPARE(sandbox.messagesTo(to).size(), 2);
}

void TestSendRef::rerunAfterSigkillSendsOnce()
{
    SandboxProcess sandbox;
    QVERIFY(sandbox.start());
    QTemporaryDir dir;
    const QString to = u"+14155550282"_s;
    const QStringList args = sendArgs(dir.filePath(u"p.db"_s), sandbox.url.toString(), sandbox.sid,
                                      to, {u"--ref"_s, u"job-1"_s});
    // The create is carried out at once, its answer comes 20 s later: the kill lands between.
    QVERIFY(sandbox.setFaults({{u"LatencyMs"_s, u"20000"_s}}));
    QProcess killed;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, sandbox.token);
    killed.setProcessEnvironment(env);
    killed.start(QStringLiteral(SMSDESK_CLI_PATH), args);
    QVERIFY(killed.waitForStarted());
    // /sandbox/ control calls get no latency: the create has been carried out.
    const auto messages = [&] {
        return sandbox.client->get(u"/sandbox/info"_s).json.value(u"messages"_s).toInt();
    };
    const int before = messages();
    QTRY_COMPARE_WITH_TIMEOUT(messages(), before + 1, 15000);
    killed.kill(); // SIGKILL
    killed.waitForFinished();
    QCOMPARE(killed.state(), QProcess::NotRunning);
    QCOMPARE(killed.exitStatus(), QProcess::CrashExit);

    QVERIFY(sandbox.setFaults({}));
    const Run rerun = run(args, sandbox.token);
    QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
    const QJsonArray atProvider = sandbox.messagesTo(to);
    QCOMPARE(atProvider.size(), 1); // sent once
    QCOMPARE(QString::fromUtf8(rerun.out.trimmed()), atProvider.first()[u"sid"_s].toString());
}

void TestSendRef::waitBoundsTheRun()
{
    QTemporaryDir dir;
    const Run r =
        run(sendArgs(dir.filePath(u"p.db"_s), u"http://127.0.0.1:1"_s, u"AC"_s + QString(32, u'0'),
                     u"+14155550283"_s, {u"--wait"_s, u"2"_s, u"--ref"_s, u"k"_s}),
            u"token"_s);
    QCOMPARE(r.exitCode, 75);
    QVERIFY2(r.err.contains("queued, not yet sent"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestSendRef)
#include "tst_sendref.moc"
