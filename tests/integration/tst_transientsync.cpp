// Transient provider failures never stop syncing (issue 15, item 4): the desktop's session and
// `smsdesk-cli sync` against TwilioFixtureProvider answering 503 where a real account might.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "Database.h"
#include "DeskSession.h"
#include "StoreWriter.h"
#include "TwilioFixtureProvider.h"

#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Ours = u"+14155550100"_s;
const QString Customer = u"+14155550123"_s;

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The fixture answers on this thread, so the CLI is waited for without blocking it.
CliRun runCli(const QStringList &arguments, const QString &token)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, token);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForStarted() ||
        !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

qint64 scalar(const QString &profile, const QString &sql)
{
    Database db(profile);
    if (!db.open())
        return -1;
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QString now()
{
    return TwilioFixtureProvider::rfc2822(QDateTime::currentDateTimeUtc().addSecs(-30));
}

} // namespace

class TestTransientSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cliSyncRidesOutTransientErrors();
    void cliWrongAccountSidCreatesNothing();
    void deskSessionSyncsAfterA503AtOpen();
};

void TestTransientSync::cliSyncRidesOutTransientErrors()
{
    TwilioFixtureProvider provider;
    QVERIFY2(provider.load(), qPrintable(provider.errorString()));
    provider.addNumber(Ours);
    provider.addMessage({{u"from"_s, Customer},
                         {u"to"_s, Ours},
                         {u"direction"_s, u"inbound"_s},
                         {u"status"_s, u"received"_s},
                         {u"date_created"_s, now()},
                         {u"date_sent"_s, now()},
                         {u"date_updated"_s, now()}});
    provider.failNext(u"/IncomingPhoneNumbers.json"_s, 503);
    provider.failNext(u"/Messages.json"_s, 429);
    provider.failNext(u"/Messages.json"_s, 0); // the connection drops
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"p.sqlite"_s);
    const CliRun run =
        runCli({u"sync"_s, u"--profile"_s, profile, u"--account-url"_s,
                provider.baseUrl().toString(), u"--account-sid"_s, provider.accountSid()},
               provider.authToken());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.startsWith("synced 1 messages (1 new"), run.out.constData());
    // The 503 and the 429 each told; a dropped connection may be resent by Qt itself.
    QVERIFY2(run.err.count("retrying in") >= 2, run.err.constData());
    QCOMPARE(scalar(profile, u"SELECT count(*) FROM messages WHERE thread_id IS NOT NULL"_s), 1);
}

void TestTransientSync::cliWrongAccountSidCreatesNothing()
{
    TwilioFixtureProvider provider;
    QVERIFY2(provider.load(), qPrintable(provider.errorString()));
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"p.sqlite"_s);
    const QString wrongSid = u"AC"_s + QString(32, u'b');
    CliRun run = runCli({u"sync"_s, u"--profile"_s, profile, u"--account-url"_s,
                         provider.baseUrl().toString(), u"--account-sid"_s, wrongSid},
                        provider.authToken());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("nothing was written"), run.err.constData());
    QVERIFY(!QFileInfo::exists(profile) ||
            scalar(profile, u"SELECT count(*) FROM accounts"_s) == 0);
    // A wrong token for the right SID: the same.
    run = runCli({u"sync"_s, u"--profile"_s, profile, u"--account-url"_s,
                  provider.baseUrl().toString(), u"--account-sid"_s, provider.accountSid()},
                 u"not-the-token"_s);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(!QFileInfo::exists(profile) ||
            scalar(profile, u"SELECT count(*) FROM accounts"_s) == 0);
}

void TestTransientSync::deskSessionSyncsAfterA503AtOpen()
{
    TwilioFixtureProvider provider;
    QVERIFY2(provider.load(), qPrintable(provider.errorString()));
    provider.addNumber(Ours);
    provider.failNext(u"/IncomingPhoneNumbers.json"_s, 503);
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"desk.sqlite"_s);
    DeskSession session;
    QVERIFY(session.openProfile(profile));
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Fixture"_s, provider.accountSid(), provider.baseUrl());
    const QString sid = provider.accountSid();
    const qint64 accountId = session.writer()->call([&](WriterContext &c) -> qint64 {
        auto rows = c.repo<AccountRows>();
        const qint64 id = rows.createOrFind(u"Fixture"_s, sid);
        return id > 0 && rows.updateProvider(config.toRow(id)) ? id : 0;
    });
    QVERIFY(accountId > 0);
    QStringList status;
    connect(&session, &DeskSession::statusMessage, this, [&](const QString &s) { status << s; });
    session.openAccount(accountId, provider.authToken());

    // The customer asks for HELP after the desktop opened.
    QTRY_VERIFY_WITH_TIMEOUT(provider.requestCount(u"/Messages.json"_s) > 0, 60000);
    const QString help = provider.addMessage({{u"from"_s, Customer},
                                              {u"to"_s, Ours},
                                              {u"direction"_s, u"inbound"_s},
                                              {u"status"_s, u"received"_s},
                                              {u"body"_s, u"HELP"_s},
                                              {u"date_created"_s, now()},
                                              {u"date_sent"_s, now()},
                                              {u"date_updated"_s, now()}});
    const QString stored = u"SELECT count(*) FROM messages m JOIN keyword_runs k ON "
                           u"k.message_id = m.id WHERE m.provider_sid = '"_s +
                           help + u"'"_s;
    QTRY_VERIFY_WITH_TIMEOUT(scalar(profile, stored) == 1, 60000);
    QVERIFY2(!status.filter(u"Offline since"_s).isEmpty(), qPrintable(status.join(u" | "_s)));
}

QTEST_GUILESS_MAIN(TestTransientSync)
#include "tst_transientsync.moc"
