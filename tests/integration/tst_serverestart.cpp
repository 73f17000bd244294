// `smsdesk-cli serve` as a process under systemd-like supervision: SIGTERM while a campaign is
// sending stops it cleanly (exit 0), and a restart finishes the campaign with every recipient
// texted exactly once at the provider (its Messages list): no loss, no duplicate. Repeated
// with randomized stop moments. Also: serve reads the account's Messaging Service pools when
// it connects, and the campaign's texts go through the service.
#include "CampaignFixture.h"
#include "StoreTestUtil.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

constexpr int kRecipients = 160;
constexpr int kRuns = 4;

QStringList customers(int n)
{
    QStringList numbers;
    for (int i = 0; i < n; ++i) // mobiles only: the sandbox's x80-x99 are landlines
        numbers.append(u"+1415555%1"_s.arg(2000 + (i / 80) * 100 + i % 80, 4, 10, QChar(u'0')));
    numbers.sort();
    return numbers;
}

} // namespace

class TstServeRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigtermDuringCampaignThenRestartSendsEachOnce();

private:
    bool startServe(QProcess &process, const QString &profile, SandboxProcess &sandbox,
                    const QString &log);
    QVariant read(const QString &profile, const QString &sql);
    static QString logOf(const QString &log);
};

bool TstServeRestart::startServe(QProcess &process, const QString &profile, SandboxProcess &sandbox,
                                 const QString &log)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, sandbox.token);
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);
    process.start(QStringLiteral(SMSDESK_CLI_PATH),
                  {u"serve"_s, u"--profile"_s, profile, u"--account-url"_s, sandbox.url.toString(),
                   u"--account-sid"_s, sandbox.sid});
    return process.waitForStarted(10000);
}

QVariant TstServeRestart::read(const QString &profile, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"read"_s);
        db.setDatabaseName(profile);
        if (db.open())
            value = StoreTestUtil::scalar(db, sql, {});
    }
    QSqlDatabase::removeDatabase(u"read"_s);
    return value;
}

QString TstServeRestart::logOf(const QString &log)
{
    QFile file(log);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TstServeRestart::sigtermDuringCampaignThenRestartSendsEachOnce()
{
    const QStringList numbers = customers(kRecipients);
    QRandomGenerator random(QRandomGenerator::global()->generate());
    for (int run = 0; run < kRuns; ++run) {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start());
        CampaignFixture desk;
        // Slow enough that SIGTERM comes mid-campaign: two senders at 25 texts/s.
        QVERIFY(desk.startDesk(sandbox, 25.0, false));
        QString error;
        const qint64 id = desk.plan(numbers, &error);
        QVERIFY2(id, qPrintable(error));
        // The account as serve names it (by its SID).
        QVERIFY(desk.writer->call([&](WriterContext &context) {
            QSqlQuery q(context.db());
            return q.exec(u"UPDATE accounts SET name = '%1'"_s.arg(sandbox.sid));
        }));
        const QString profile = desk.writer->profilePath();
        desk.outbox.reset();
        desk.client.reset();
        desk.writer.reset();
        const QString log = desk.dir.filePath(u"serve.log"_s);

        // Stopped after a random share of the texts left, a random moment later.
        const int stopAfter = 10 + int(random.bounded(kRecipients / 2));
        const int extraMs = int(random.bounded(200));
        QProcess first;
        QVERIFY(startServe(first, profile, sandbox, log));
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return CampaignFixture::providerRecipients(sandbox).size() >= stopAfter; },
                60000),
            qPrintable(logOf(log)));
        QTest::qWait(extraMs);
        ::kill(pid_t(first.processId()), SIGTERM);
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QVERIFY2(first.exitCode() == 0, qPrintable(logOf(log)));
        QVERIFY(logOf(log).contains(u"stopping on signal 15"_s));
        const qsizetype beforeRestart = CampaignFixture::providerRecipients(sandbox).size();
        qInfo("run %d: SIGTERM after %d texts (+%d ms), %lld at the provider when it stopped", run,
              stopAfter, extraMs, qlonglong(beforeRestart));
        QVERIFY2(beforeRestart < kRecipients, "the campaign finished before SIGTERM");
        // serve read the Messaging Service pools when it connected (both numbers are pooled).
        QCOMPARE(read(profile, u"SELECT count(*) FROM messaging_service_numbers"_s).toInt(), 2);

        QProcess second;
        QVERIFY(startServe(second, profile, sandbox, log));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return read(profile,
                                     u"SELECT status FROM campaigns WHERE id = %1"_s.arg(id))
                                    .toString() == u"completed"_s;
                     },
                     90000),
                 qPrintable(logOf(log)));
        ::kill(pid_t(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);

        // Total = planned, no recipient twice.
        QCOMPARE(CampaignFixture::providerRecipients(sandbox), numbers);
        QCOMPARE(read(profile, u"SELECT count(DISTINCT message_id) FROM campaign_recipients "
                               "WHERE state = 'sent'"_s)
                     .toInt(),
                 kRecipients);
        // Through the service, as its pool says.
        const QJsonObject page =
            sandbox.client->get(sandbox.client->account(u"/Messages.json?PageSize=5"_s)).json;
        const QJsonArray listed = page.value(u"messages"_s).toArray();
        QVERIFY(!listed.isEmpty());
        for (const QJsonValue &m : listed)
            QVERIFY(m.toObject().value(u"messaging_service_sid"_s).toString().startsWith(u"MG"_s));
    }
}

QTEST_GUILESS_MAIN(TstServeRestart)
#include "tst_serverestart.moc"
