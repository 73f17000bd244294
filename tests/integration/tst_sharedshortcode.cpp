// A shared short code end to end against the sandbox: number sync lists it as a plain short
// code (Twilio's ShortCode resource has no "shared" flag), the admin marks it shared with its
// provider keyword, a later sync keeps that, and the customer's "<KEYWORD> STOP" opts out
// through the Unsubscribe process made on it.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "ConsentRows.h"
#include "DemoNumberSeeding.h"
#include "InboundKeywordProcessor.h"
#include "KeywordProcessRows.h"
#include "SandboxState.h"
#include "SenderNumberRows.h"
#include "SenderNumberSync.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace sandbox;

using StoreTestUtil::scalar;

class TestSharedShortCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void adminMarkSurvivesNumberSync();
    void providerKeywordStopOptsOutThroughTheProcess();
    void demoSeedingMarksOnceAndRespectsTheAdmin();

private:
    std::optional<SenderNumberSync::Result> syncNumbers();
    bool syncMessages();
    std::optional<SenderNumberRows::Row> sharedRow();
    bool markShared();

    std::unique_ptr<QTemporaryDir> m_dir; // one profile per test
    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<StoreWriter> m_writer;
    qint64 m_account = 0;
    // From the sandbox's own directory (test seeding only): its shared short code and the
    // provider keyword it routes to this account.
    QString m_code;
    QString m_keyword;
};

void TestSharedShortCode::init()
{
    SandboxOptions options;
    options.speed = 100.0;
    options.seed = 7;
    options.replyRate = 0.0;
    m_server = std::make_unique<SandboxServer>(options);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    for (const SenderNumber &n : m_server->state().numbers.all()) {
        if (n.shared && !n.providerKeywords.isEmpty()) {
            m_code = n.number;
            m_keyword = n.providerKeywords.first();
        }
    }
    QVERIFY2(!m_code.isEmpty(), "the sandbox has no shared short code");
    m_client = std::make_unique<TwilioClient>(
        &m_network,
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl()),
        m_server->authToken());
    m_dir = std::make_unique<QTemporaryDir>();
    m_writer = std::make_unique<StoreWriter>(m_dir->filePath(u"profile.sqlite"_s));
    QVERIFY(m_writer->open());
    const QString sid = m_server->accountSid();
    m_account = m_writer->call(
        [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Test"_s, sid); });
    QVERIFY(m_account > 0);
}

void TestSharedShortCode::cleanup()
{
    m_writer.reset();
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

std::optional<SenderNumberSync::Result> TestSharedShortCode::syncNumbers()
{
    SenderNumberSync numbers(m_account, m_client.get(), m_writer.get());
    std::optional<SenderNumberSync::Result> result;
    bool failed = false;
    QObject::connect(&numbers, &SenderNumberSync::finished,
                     [&](const SenderNumberSync::Result &r) { result = r; });
    QObject::connect(&numbers, &SenderNumberSync::failed, [&] { failed = true; });
    numbers.run();
    if (!QTest::qWaitFor([&] { return result || failed; }, 30000))
        qWarning("number sync did not finish");
    return result;
}

bool TestSharedShortCode::syncMessages()
{
    SyncEngine engine(m_account, m_client.get(), m_writer.get());
    bool done = false;
    bool ok = false;
    QObject::connect(&engine, &SyncEngine::finished, [&] { done = ok = true; });
    QObject::connect(&engine, &SyncEngine::failed, [&] { done = true; });
    QObject::connect(&engine, &SyncEngine::storeFailed, [&] { done = true; });
    engine.syncNow();
    return QTest::qWaitFor([&] { return done; }, 60000) && ok;
}

std::optional<SenderNumberRows::Row> TestSharedShortCode::sharedRow()
{
    const qint64 account = m_account;
    const QString code = m_code;
    return m_writer->call([&](WriterContext &c) -> std::optional<SenderNumberRows::Row> {
        const qint64 id =
            scalar(c.db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {code})
                .toLongLong();
        return SenderNumberRows(c.db()).find(account, id);
    });
}

bool TestSharedShortCode::markShared()
{
    const auto row = sharedRow();
    if (!row)
        return false;
    const qint64 account = m_account;
    const QString keyword = m_keyword;
    return m_writer->call([&](WriterContext &c) {
        SenderNumberRows rows(c.db());
        const bool ok = rows.setSharedShortCode(account, row->id, keyword, u"admin"_s);
        if (!ok)
            qWarning("refused: %s", qPrintable(rows.errorString()));
        return ok;
    });
}

void TestSharedShortCode::adminMarkSurvivesNumberSync()
{
    const auto first = syncNumbers();
    QVERIFY(first);
    QVERIFY(first->added > 0);
    auto row = sharedRow();
    QVERIFY(row);
    // The provider cannot say it: a plain short code until the admin does.
    QCOMPARE(row->kind, u"short_code"_s);
    QCOMPARE(row->providerKeyword, QString());

    QVERIFY(markShared());
    const QString label = row->label;
    const auto again = syncNumbers();
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QVERIFY(again->storeError.isEmpty());
    row = sharedRow();
    QCOMPARE(row->kind, u"shared_short_code"_s);
    QCOMPARE(row->providerKeyword, m_keyword);
    QCOMPARE(row->label, label);
}

void TestSharedShortCode::providerKeywordStopOptsOutThroughTheProcess()
{
    QVERIFY(syncNumbers());
    QVERIFY(markShared());
    QVERIFY(syncNumbers()); // a sync between marking and use changes nothing

    KeywordProcessRows::Row process;
    process.senderNumberId = sharedRow()->id;
    process.process = KeywordProcess::create(KeywordProcess::Type::Unsubscribe, m_code);
    process.process.status = KeywordProcess::Status::Started;
    process.reply = u"Unsubscribed from our texts."_s;
    const qint64 account = m_account;
    const qint64 processId = m_writer->call([&](WriterContext &c) {
        KeywordProcessRows rows(c.db());
        const qint64 id = rows.create(account, process, u"admin"_s);
        if (id == 0)
            qWarning("refused: %s", qPrintable(rows.errorString()));
        return id;
    });
    QVERIFY(processId > 0);

    const QString customer = u"+14155550181"_s;
    const QString bystander = u"+14155550182"_s;
    const auto stop = m_server->injectInbound(customer, m_code, m_keyword + u" STOP"_s);
    QVERIFY2(stop.ok, qPrintable(stop.error));
    // Not a keyword on its own: a sentence that happens to contain STOP after the keyword.
    const auto chat =
        m_server->injectInbound(bystander, m_code, m_keyword + u" please do not stop"_s);
    QVERIFY2(chat.ok, qPrintable(chat.error));
    QVERIFY(syncMessages());

    const auto result = m_writer->call([account](WriterContext &c) {
        return InboundKeywordProcessor(c.db(), c.messages.get()).run(account);
    });
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
    QCOMPARE(result.optOuts, 1);
    QCOMPARE(result.queuedReplyIds.size(), 1);

    const QString code = m_code;
    const auto consent = [&](const QString &who) {
        return m_writer->call([&](WriterContext &c) {
            const auto ledger = ConsentRows(c.db()).ledgerFor(account, who);
            return ledger ? ledger->consent(who, code).state : ConsentLedger::ConsentState::Unknown;
        });
    };
    QCOMPARE(consent(customer), ConsentLedger::ConsentState::OptedOut);
    QCOMPARE(consent(bystander), ConsentLedger::ConsentState::Unknown);
    // Through the process made on the shared short code, not the provider's defaults.
    const QString stopSid = stop.sid;
    const QStringList run = m_writer->call([&](WriterContext &c) {
        return StoreTestUtil::rows(c.db(),
                                   u"SELECT k.outcome, k.process_id FROM keyword_runs k JOIN "
                                   u"messages m ON m.id = k.message_id WHERE m.provider_sid = ?"_s,
                                   {stopSid});
    });
    QCOMPARE(run, QStringList{u"matched|%1"_s.arg(processId)});
}

void TestSharedShortCode::demoSeedingMarksOnceAndRespectsTheAdmin()
{
    QVERIFY(syncNumbers());
    // What the demo's provider reports (SandboxDemoProvider::sharedShortCodes, covered by
    // tst_desksession): the sandbox's shared short code and its keyword.
    const QList<DemoNumberSeeding::SharedCode> codes{{m_code, m_keyword}};
    const qint64 account = m_account;
    const auto seed = [&] {
        QString error;
        const int marked = m_writer->call([&](WriterContext &c) {
            return DemoNumberSeeding::markSharedShortCodes(c, account, codes, &error);
        });
        if (marked < 0)
            qWarning("seeding failed: %s", qPrintable(error));
        return marked;
    };
    QCOMPARE(seed(), 1);
    QCOMPARE(sharedRow()->kind, u"shared_short_code"_s);
    QCOMPARE(sharedRow()->providerKeyword, m_keyword);
    QCOMPARE(seed(), 0); // already marked
    // An admin turns it back into an exclusive short code: the next demo start keeps that.
    const qint64 id = sharedRow()->id;
    QVERIFY(m_writer->call([&](WriterContext &c) {
        return SenderNumberRows(c.db()).setSharedShortCode(account, id, QString(), u"ana"_s);
    }));
    QCOMPARE(seed(), 0);
    QCOMPARE(sharedRow()->kind, u"short_code"_s);
}

QTEST_GUILESS_MAIN(TestSharedShortCode)
#include "tst_sharedshortcode.moc"
