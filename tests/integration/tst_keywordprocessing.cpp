// Inbound keyword processing against the real sandbox: STOP, HELP, JOIN and a custom keyword
// injected as customers' texts, synced, processed; consent recorded and each reply queued
// exactly once across re-syncs, re-runs, a restart and a crash between queuing and marking.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "ConsentRows.h"
#include "InboundKeywordProcessor.h"
#include "KeywordProcessRows.h"
#include "KeywordProcessing.h"
#include "Outbox.h"
#include "SandboxState.h"
#include "SenderNumberSync.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace sandbox;

using StoreTestUtil::rows;
using StoreTestUtil::scalar;

namespace {

const QString kShortCode = u"74621"_s;       // exclusive short code: the provider does not answer
const QString kLongCode = u"+14155550100"_s; // the provider answers its default keywords
const QString kShared = u"33733"_s;          // shared short code, provider keyword DESK

struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<StoreWriter> writer;
    qint64 accountId = 0;

    QString profile() const { return dir.filePath(u"profile.sqlite"_s); }

    bool start()
    {
        SandboxOptions options;
        options.speed = 100.0;
        options.seed = 42;
        options.replyRate = 0.0;
        server = std::make_unique<SandboxServer>(options);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return false;
        client = std::make_unique<TwilioClient>(
            &network,
            AccountConfig::forSingleBaseUrl(u"Test"_s, server->accountSid(), server->baseUrl()),
            server->authToken());
        if (!reopenWriter())
            return false;
        const QString sid = server->accountSid();
        accountId = writer->call(
            [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Test"_s, sid); });
        return accountId > 0;
    }

    // A restart: the old writer (and everything on it) goes, a new one opens the profile.
    bool reopenWriter()
    {
        writer.reset();
        writer = std::make_unique<StoreWriter>(profile());
        return writer->open();
    }

    bool syncNumbers()
    {
        SenderNumberSync numbers(accountId, client.get(), writer.get());
        bool done = false;
        QObject::connect(&numbers, &SenderNumberSync::finished, [&] { done = true; });
        QObject::connect(&numbers, &SenderNumberSync::failed, [&] { done = true; });
        numbers.run();
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return false;
        // The sandbox lists its shared short code like any short code; say what it is.
        return writer->call([](WriterContext &c) {
            QSqlQuery q(c.db());
            q.prepare(u"UPDATE sender_numbers SET kind = 'shared_short_code', "
                      u"provider_keyword = 'DESK' WHERE number = ?"_s);
            q.addBindValue(kShared);
            return q.exec();
        });
    }

    bool sync()
    {
        SyncEngine engine(accountId, client.get(), writer.get());
        bool done = false;
        bool ok = false;
        QObject::connect(&engine, &SyncEngine::finished, [&] { done = ok = true; });
        QObject::connect(&engine, &SyncEngine::failed, [&] { done = true; });
        QObject::connect(&engine, &SyncEngine::storeFailed, [&] { done = true; });
        engine.syncNow();
        return QTest::qWaitFor([&] { return done; }, 60000) && ok;
    }

    qint64 numberId(const QString &number)
    {
        const qint64 account = accountId;
        return writer->call([&](WriterContext &c) {
            return scalar(c.db(),
                          u"SELECT id FROM sender_numbers WHERE number = ? AND account_id = ?"_s,
                          {number, account})
                .toLongLong();
        });
    }

    qint64 addProcess(const QString &number, KeywordProcess::Type type, const QString &reply,
                      const QStringList &extraKeywords = {})
    {
        KeywordProcessRows::Row row;
        row.senderNumberId = numberId(number);
        row.process = KeywordProcess::create(type, number);
        row.process.keywords += extraKeywords;
        row.process.status = KeywordProcess::Status::Started;
        row.reply = reply;
        const qint64 account = accountId;
        return writer->call([&](WriterContext &c) {
            KeywordProcessRows processes(c.db());
            const qint64 id = processes.create(account, row, u"admin"_s);
            if (id == 0)
                qWarning("process refused: %s", qPrintable(processes.errorString()));
            return id;
        });
    }

    InboundKeywordProcessor::Result process()
    {
        const qint64 account = accountId;
        return writer->call([account](WriterContext &c) {
            return InboundKeywordProcessor(c.db(), c.messages.get()).run(account);
        });
    }

    ConsentLedger::ConsentState consent(const QString &customer, const QString &ours)
    {
        const qint64 account = accountId;
        return writer->call([&](WriterContext &c) {
            const auto ledger = ConsentRows(c.db()).ledgerFor(account, customer);
            return ledger ? ledger->consent(customer, ours).state
                          : ConsentLedger::ConsentState::Unknown;
        });
    }

    // "customer|body|purpose" of every reply the processor queued, by customer.
    QStringList replies()
    {
        return writer->call([](WriterContext &c) {
            return rows(c.db(), u"SELECT to_number, body, purpose, status FROM messages "
                                u"WHERE client_ref LIKE 'keyword:%' ORDER BY to_number"_s);
        });
    }

    QString inject(const QString &from, const QString &to, const QString &body)
    {
        const auto result = server->injectInbound(from, to, body);
        if (!result.ok)
            qWarning("inject failed: %s", qPrintable(result.error));
        return result.sid;
    }
};

} // namespace

class TestKeywordProcessing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywordsActExactlyOnce();
    void crashAfterQueuingDoesNotSendTwice();
    void runsAfterEverySync();
    void repliesAreSentOnceThroughTheOutbox();
};

void TestKeywordProcessing::keywordsActExactlyOnce()
{
    Env env;
    QVERIFY(env.start());
    QVERIFY(env.syncNumbers());
    QVERIFY(env.sync());
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Unsubscribe, u"Unsubscribed."_s));
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Help, u"Help: call us."_s));
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Subscribe, u"Welcome back!"_s,
                           {u"JOIN"_s}));
    QVERIFY(env.addProcess(kLongCode, KeywordProcess::Type::Unsubscribe, u"Bye."_s));
    QVERIFY(env.addProcess(kLongCode, KeywordProcess::Type::AutoReply, u"Code PROMO42"_s,
                           {u"PROMO"_s}));
    QVERIFY(env.addProcess(kShared, KeywordProcess::Type::Unsubscribe, u"DESK: unsubscribed."_s));

    const QString stopSid = env.inject(u"+14155550161"_s, kShortCode, u"  Stop "_s);
    env.inject(u"+14155550162"_s, kShortCode, u"HELP"_s);
    env.inject(u"+14155550163"_s, kShortCode, u"join"_s);
    env.inject(u"+14155550164"_s, kLongCode, u"promo"_s);
    env.inject(u"+14155550165"_s, kLongCode, u"We have got to STOP this bill"_s);
    env.inject(u"+14155550166"_s, kLongCode, u"STOP"_s);
    env.inject(u"+14155550167"_s, kShared, u"desk stop"_s);
    QVERIFY(!stopSid.isEmpty());
    QVERIFY(env.sync());

    const auto first = env.process();
    QVERIFY2(first.errors.isEmpty(), qPrintable(first.errors.join(u'\n')));
    QCOMPARE(first.processed, 7);
    QCOMPARE(first.optOuts, 3);
    QCOMPARE(first.optIns, 1);

    using State = ConsentLedger::ConsentState;
    QCOMPARE(env.consent(u"+14155550161"_s, kShortCode), State::OptedOut);
    QCOMPARE(env.consent(u"+14155550163"_s, kShortCode), State::OptedIn);
    QCOMPARE(env.consent(u"+14155550165"_s, kLongCode), State::Unknown);
    QCOMPARE(env.consent(u"+14155550166"_s, kLongCode), State::OptedOut);
    QCOMPARE(env.consent(u"+14155550167"_s, kShared), State::OptedOut);
    // Per number: the STOP to the short code does not block the long code.
    QCOMPARE(env.consent(u"+14155550161"_s, kLongCode), State::Unknown);

    // The long code's STOP was answered by the provider: no second text from us.
    const QStringList expected = {
        u"+14155550161|Unsubscribed.|keyword_confirmation|queued"_s,
        u"+14155550162|Help: call us.|keyword_confirmation|queued"_s,
        u"+14155550163|Welcome back!|keyword_confirmation|queued"_s,
        u"+14155550164|Code PROMO42|keyword_confirmation|queued"_s,
        u"+14155550167|DESK: unsubscribed.|keyword_confirmation|queued"_s,
    };
    QCOMPARE(env.replies(), expected);
    QCOMPARE(first.queuedReplyIds.size(), expected.size());

    // The consent event carries its evidence.
    const qint64 account = env.accountId;
    const auto events = env.writer->call([&](WriterContext &c) {
        return *ConsentRows(c.db()).eventsFor(account, u"+14155550161"_s);
    });
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().source, ConsentEvent::Source::Keyword);
    QCOMPARE(events.first().detail, u"STOP"_s);
    QCOMPARE(events.first().messageSid, stopSid);

    // The thread shows what happened.
    const QString note = env.writer->call([&](WriterContext &c) {
        return scalar(c.db(),
                      u"SELECT k.note FROM keyword_runs k JOIN messages m ON m.id = k.message_id "
                      u"WHERE m.provider_sid = ?"_s,
                      {stopSid})
            .toString();
    });
    QVERIFY2(note.startsWith(u"Opted out by keyword STOP."_s), qPrintable(note));

    // The same pages synced again, the processor run again, then a restart and a new one.
    QVERIFY(env.sync());
    QVERIFY(env.sync());
    const auto second = env.process();
    QCOMPARE(second.processed, 0);
    QVERIFY(second.queuedReplyIds.isEmpty());
    QVERIFY(env.reopenWriter());
    KeywordProcessing restarted(env.writer.get(), env.accountId);
    QSignalSpy done(&restarted, &KeywordProcessing::processed);
    restarted.processNow();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().first().value<InboundKeywordProcessor::Result>().processed, 0);
    QCOMPARE(env.replies(), expected);
    const auto consentRows = env.writer->call([](WriterContext &c) {
        return scalar(c.db(), u"SELECT count(*) FROM consent_events"_s).toInt();
    });
    QCOMPARE(consentRows, 4);
}

void TestKeywordProcessing::crashAfterQueuingDoesNotSendTwice()
{
    Env env;
    QVERIFY(env.start());
    QVERIFY(env.syncNumbers());
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Help, u"Help text"_s));
    const QString sid = env.inject(u"+14155550171"_s, kShortCode, u"help"_s);
    QVERIFY(env.sync());

    // The run that crashed had queued the reply but not marked the message processed.
    const qint64 queuedBeforeCrash = env.writer->call([&](WriterContext &c) {
        const qint64 thread = scalar(c.db(),
                                     u"SELECT thread_id FROM messages "
                                     u"WHERE provider_sid = ?"_s,
                                     {sid})
                                  .toLongLong();
        OutgoingMessage reply;
        reply.threadId = thread;
        reply.body = u"Help text"_s;
        reply.clientRef = InboundKeywordProcessor::replyClientRef(sid, 0);
        reply.purpose = ConsentLedger::MessagePurpose::KeywordConfirmation;
        qint64 id = 0;
        return c.messages->insertOutgoing(reply, &id) ? id : 0;
    });
    QVERIFY(queuedBeforeCrash > 0);

    QVERIFY(env.reopenWriter());
    const auto result = env.process();
    QCOMPARE(result.processed, 1);
    QCOMPARE(result.queuedReplyIds, QList<qint64>{queuedBeforeCrash});
    QCOMPARE(env.replies().size(), 1);
}

void TestKeywordProcessing::runsAfterEverySync()
{
    Env env;
    QVERIFY(env.start());
    QVERIFY(env.syncNumbers());
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Unsubscribe, u"Done."_s));
    env.inject(u"+14155550172"_s, kShortCode, u"STOP"_s);

    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    KeywordProcessing processing(env.writer.get(), env.accountId);
    QObject::connect(&engine, &SyncEngine::finished, &processing,
                     &KeywordProcessing::onSyncFinished);
    QSignalSpy queued(&processing, &KeywordProcessing::repliesQueued);
    engine.syncNow();
    QVERIFY(queued.wait(60000));
    QCOMPARE(queued.first().first().value<QList<qint64>>().size(), 1);
    QCOMPARE(env.consent(u"+14155550172"_s, kShortCode), ConsentLedger::ConsentState::OptedOut);
}

void TestKeywordProcessing::repliesAreSentOnceThroughTheOutbox()
{
    Env env;
    QVERIFY(env.start());
    QVERIFY(env.syncNumbers());
    QVERIFY(env.addProcess(kShortCode, KeywordProcess::Type::Unsubscribe, u"You're out."_s));
    const QString customer = u"+14155550173"_s;
    env.inject(customer, kShortCode, u"STOP"_s);

    // The wiring the desktop uses: sync → keyword processing → the outbox.
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    KeywordProcessing processing(env.writer.get(), env.accountId);
    Outbox outbox(env.writer.get(), env.client.get(), env.accountId);
    QObject::connect(&engine, &SyncEngine::finished, &processing,
                     &KeywordProcessing::onSyncFinished);
    QObject::connect(&processing, &KeywordProcessing::repliesQueued, &outbox, &Outbox::adopt);
    QVERIFY(outbox.start());
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    QSignalSpy blocked(&outbox, &Outbox::messageBlocked);
    QSignalSpy processed(&processing, &KeywordProcessing::processed);
    engine.syncNow();
    QVERIFY(sent.wait(60000));
    QCOMPARE(sent.size(), 1);
    // The opted-out customer got the confirmation of the keyword, and it is recorded.
    QCOMPARE(env.consent(customer, kShortCode), ConsentLedger::ConsentState::OptedOut);
    QVERIFY(blocked.isEmpty());
    const qint64 replyId = sent.first().first().toLongLong();

    // Later syncs and a second hand-over of the same reply send nothing more.
    processed.clear();
    engine.syncNow();
    QVERIFY(processed.wait(60000));
    QCOMPARE(processed.first().first().value<InboundKeywordProcessor::Result>().processed, 0);
    outbox.adopt({replyId});
    env.writer->call([](WriterContext &) {}); // the adopt job has run when this returns
    QCoreApplication::processEvents();
    QCOMPARE(outbox.pendingCount(), 0);
    QCOMPARE(sent.size(), 1);
    int toCustomer = 0;
    const auto &store = env.server->state().messages;
    for (qsizetype i = 0; i < store.size(); ++i)
        toCustomer += store.number(store.at(quint32(i)).to) == customer;
    QCOMPARE(toCustomer, 1);
}

QTEST_GUILESS_MAIN(TestKeywordProcessing)
#include "tst_keywordprocessing.moc"
