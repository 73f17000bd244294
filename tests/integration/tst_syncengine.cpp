// SyncEngine and SenderNumberSync against the real sandbox, in process, on a loopback port.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "FaultSettings.h"
#include "ProviderMapping.h"
#include "SandboxState.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncCursor.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {

SandboxOptions sandboxOptions()
{
    SandboxOptions options;
    options.speed = 100.0;
    options.seed = 42;
    options.replyRate = 0.0;
    return options;
}

// One sandbox, one profile, one account wired to it.
struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<StoreWriter> writer;
    qint64 accountId = 0;

    bool start(const QString &token = {})
    {
        server = std::make_unique<SandboxServer>(sandboxOptions());
        if (!server->listen(QHostAddress::LocalHost, 0))
            return false;
        const AccountConfig config =
            AccountConfig::forSingleBaseUrl(u"Test"_s, server->accountSid(), server->baseUrl());
        client = std::make_unique<TwilioClient>(&network, config,
                                                token.isEmpty() ? server->authToken() : token);
        writer = std::make_unique<StoreWriter>(dir.filePath(u"profile.sqlite"_s));
        if (!writer->open())
            return false;
        const QString sid = server->accountSid();
        accountId = writer->call(
            [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Test"_s, sid); });
        return accountId > 0;
    }

    bool syncNumbers()
    {
        SenderNumberSync numbers(accountId, client.get(), writer.get());
        bool done = false;
        bool ok = false;
        QObject::connect(&numbers, &SenderNumberSync::finished,
                         [&](const SenderNumberSync::Result &r) {
                             done = true;
                             ok = r.storeError.isEmpty();
                         });
        QObject::connect(&numbers, &SenderNumberSync::failed, [&] { done = true; });
        numbers.run();
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

    // The sandbox's own view: sid → status.
    QHash<QString, QString> providerMessages() const
    {
        QHash<QString, QString> result;
        const auto &store = server->state().messages;
        for (qsizetype i = 0; i < store.size(); ++i) {
            const StoredMessage &m = store.at(quint32(i));
            result.insert(m.sid.toString("SM"_L1), QString(statusName(m.status)));
        }
        return result;
    }

    QHash<QString, QString> storedMessages()
    {
        const qint64 id = accountId;
        return writer->call([id](WriterContext &c) {
            QHash<QString, QString> result;
            QSqlQuery q(c.db());
            q.prepare(u"SELECT provider_sid, status FROM messages WHERE account_id = ?"_s);
            q.addBindValue(id);
            q.exec();
            while (q.next())
                result.insert(q.value(0).toString(), q.value(1).toString());
            return result;
        });
    }

    qint64 storedCount()
    {
        return writer->call([](WriterContext &c) {
            QSqlQuery q(c.db());
            q.exec(u"SELECT count(*) FROM messages"_s);
            return q.next() ? q.value(0).toLongLong() : -1;
        });
    }
};

struct Outcome
{
    bool done = false;
    std::optional<SyncSummary> summary;
    std::optional<ProviderError> error;
    QString storeError;
};

Outcome runSync(SyncEngine &engine)
{
    Outcome outcome;
    QObject guard;
    QObject::connect(&engine, &SyncEngine::finished, &guard, [&](const SyncSummary &s) {
        outcome.summary = s;
        outcome.done = true;
    });
    QObject::connect(&engine, &SyncEngine::failed, &guard, [&](const ProviderError &e) {
        outcome.error = e;
        outcome.done = true;
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &guard, [&](const QString &e) {
        outcome.storeError = e;
        outcome.done = true;
    });
    engine.syncNow();
    if (!QTest::qWaitFor([&] { return outcome.done; }, 120000))
        qWarning("sync did not finish in time");
    return outcome;
}

RetryPolicy::Settings fastRetries()
{
    RetryPolicy::Settings settings;
    settings.base = std::chrono::milliseconds(1);
    settings.cap = std::chrono::milliseconds(20);
    settings.maxAttempts = 30;
    return settings;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void senderKind_data();
    void senderKind();
    void direction_data();
    void direction();
    void fullSyncMatchesProvider();
    void incrementalFilesInboundInThreads();
    void pendingStatusesReachFinal();
    void restartResumesFullSync();
    void nothingNewWritesNothingAndStopsAfterOnePage();
    void statusChangeDeepInTheDayIsPickedUp();
    void wrongCredentialsFail();
    void transientErrorsAreRetried();
    void numberOfAnotherAccountIsLeftAlone();
};

void TestSyncEngine::senderKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<double>("mps");
    const int phone = int(ProviderNumber::Kind::PhoneNumber);
    QTest::newRow("local") << phone << u"+14155550100"_s << u"long_code"_s << 1.0;
    for (const char *prefix : {"800", "833", "844", "855", "866", "877", "888"})
        QTest::newRow(prefix) << phone << (u"+1"_s + QLatin1StringView(prefix) + u"5550100"_s)
                              << u"toll_free"_s << 3.0;
    QTest::newRow("822 is not toll-free") << phone << u"+18225550100"_s << u"long_code"_s << 1.0;
    QTest::newRow("UK 0800-like") << phone << u"+448005550100"_s << u"long_code"_s << 1.0;
    QTest::newRow("short code") << int(ProviderNumber::Kind::ShortCode) << u"88222"_s
                                << u"short_code"_s << 100.0;
}

void TestSyncEngine::senderKind()
{
    QFETCH(int, kind);
    QFETCH(QString, number);
    QFETCH(QString, expected);
    QFETCH(double, mps);
    ProviderNumber n;
    n.kind = ProviderNumber::Kind(kind);
    n.number = number;
    QCOMPARE(SenderNumberSync::kindOf(n), expected);
    QCOMPARE(SenderNumberSync::defaultThroughput(expected), mps);
}

void TestSyncEngine::direction_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("expected"); // -1: refused
    QTest::newRow("inbound") << u"inbound"_s << int(MessageRecord::Direction::Inbound);
    QTest::newRow("api") << u"outbound-api"_s << int(MessageRecord::Direction::Outbound);
    QTest::newRow("call") << u"outbound-call"_s << int(MessageRecord::Direction::Outbound);
    QTest::newRow("reply") << u"outbound-reply"_s << int(MessageRecord::Direction::Outbound);
    QTest::newRow("unknown") << u"sideways"_s << -1;
}

void TestSyncEngine::direction()
{
    QFETCH(QString, word);
    QFETCH(int, expected);
    ProviderMessage m;
    m.sid = u"SM00000000000000000000000000000001"_s;
    m.direction = word;
    m.status = u"delivered"_s;
    m.dateCreated = QDateTime::currentDateTimeUtc();
    QString error;
    const auto record = ProviderMapping::toRecord(m, &error);
    if (expected < 0) {
        QVERIFY(!record);
        QVERIFY2(error.contains(word), qPrintable(error));
    } else {
        QVERIFY2(record, qPrintable(error));
        QCOMPARE(int(record->direction), expected);
    }
}

void TestSyncEngine::fullSyncMatchesProvider()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(2500, 40, 10);
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    engine.setConcurrency(1); // one sequence of pages (tst_parallelsync: the ranges)
    QList<qint64> etas;
    connect(&engine, &SyncEngine::progress, this,
            [&](int, qint64, qint64 eta) { etas.append(eta); });
    QList<bool> runs;
    connect(&engine, &SyncEngine::runStarted, this, [&](bool full) { runs.append(full); });
    QList<QDateTime> reached;
    connect(&engine, &SyncEngine::historyReached, this,
            [&](const QDateTime &oldest) { reached.append(oldest); });
    const Outcome outcome = runSync(engine);
    QVERIFY2(outcome.summary, qPrintable(outcome.storeError));
    const auto expected = env.providerMessages();
    QCOMPARE(env.storedMessages(), expected);
    QCOMPARE(outcome.summary->inserted, qint64(expected.size()));
    QCOMPARE(outcome.summary->pages, int((expected.size() + 999) / 1000));
    QVERIFY(outcome.summary->fullSync);
    QCOMPARE(etas.first(), qint64(-1));
    QCOMPARE(runs, QList<bool>{true});
    // One point per page, moving back in time, ending at the oldest stored message.
    QCOMPARE(reached.size(), outcome.summary->pages);
    QVERIFY(std::is_sorted(reached.rbegin(), reached.rend()));
    const qint64 oldestStored = env.writer->call([](WriterContext &c) {
        QSqlQuery q(c.db());
        q.exec(u"SELECT min(coalesce(sent_at, created_at)) FROM messages"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    });
    QCOMPARE(reached.last().toMSecsSinceEpoch(), oldestStored);

    // Threads: every routed message is in one; seeded history uses 40 conversations.
    const qint64 unrouted = env.writer->call([](WriterContext &c) {
        QSqlQuery q(c.db());
        q.exec(u"SELECT count(*) FROM messages WHERE thread_id IS NULL"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    });
    QCOMPARE(unrouted, 0);

    // A second run is incremental and adds nothing.
    const Outcome again = runSync(engine);
    QVERIFY(again.summary);
    QVERIFY(!again.summary->fullSync);
    QCOMPARE(runs, (QList<bool>{true, false}));
    QCOMPARE(reached.size(), outcome.summary->pages);
    QCOMPARE(again.summary->inserted, 0);
    QCOMPARE(env.storedMessages(), expected);
}

void TestSyncEngine::incrementalFilesInboundInThreads()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(300, 10, 5);
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    QVERIFY(runSync(engine).summary);

    QStringList ours;
    for (const SenderNumber &n : env.server->state().numbers.all()) {
        if (n.kind == SenderNumber::Kind::LongCode && n.sms)
            ours.append(n.number);
    }
    QVERIFY(ours.size() >= 2);
    const QString customer = u"+14155550177"_s;
    const auto first = env.server->injectInbound(customer, ours[0], u"hello one"_s);
    const auto second = env.server->injectInbound(customer, ours[1], u"hello two"_s);
    QVERIFY2(first.ok && second.ok, qPrintable(first.error + second.error));

    const Outcome outcome = runSync(engine);
    QVERIFY(outcome.summary);
    QVERIFY(!outcome.summary->fullSync);
    QCOMPARE(outcome.summary->newInbound.size(), 2);
    QCOMPARE(env.storedMessages(), env.providerMessages());

    const auto threads = env.writer->call([customer](WriterContext &c) {
        QSqlQuery q(c.db());
        q.prepare(u"SELECT s.number FROM threads t JOIN sender_numbers s ON s.id = "
                  "t.sender_number_id WHERE t.customer_number = ? ORDER BY s.number"_s);
        q.addBindValue(customer);
        q.exec();
        QStringList numbers;
        while (q.next())
            numbers.append(q.value(0).toString());
        return numbers;
    });
    QStringList expected = {ours[0], ours[1]};
    expected.sort();
    QCOMPARE(threads, expected);
}

void TestSyncEngine::pendingStatusesReachFinal()
{
    Env env;
    QVERIFY(env.start());
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    QVERIFY(runSync(engine).summary); // empty history: the cursor becomes incremental

    QString from;
    for (const SenderNumber &n : env.server->state().numbers.all()) {
        if (n.kind == SenderNumber::Kind::LongCode && n.sms)
            from = n.number;
    }
    QStringList sids;
    for (const QString &to : {u"+14155550181"_s, u"+14155550182"_s}) {
        std::optional<ProviderMessage> sent;
        env.client->sendMessage(from, to, u"status please"_s, this,
                                [&](const ProviderResult<ProviderMessage> &r) {
                                    QVERIFY(r.ok());
                                    sent = r.value();
                                });
        QVERIFY(QTest::qWaitFor([&] { return sent.has_value(); }, 30000));
        // What the outbox stores once the provider accepted the message.
        auto record = ProviderMapping::toRecord(*sent);
        QVERIFY(record);
        QVERIFY(ProviderMapping::isPendingStatus(record->status));
        QVERIFY(env.writer->call([&](WriterContext &c) {
            UpsertStats stats;
            return c.messages->upsertPage(env.accountId, {*record}, &stats);
        }));
        sids.append(sent->sid);
    }
    auto finalAtProvider = [&] {
        const auto provider = env.providerMessages();
        for (const QString &sid : sids) {
            if (ProviderMapping::isPendingStatus(provider.value(sid)))
                return false;
        }
        return true;
    };
    QVERIFY(QTest::qWaitFor(finalAtProvider, 60000));

    // Move the cursor past today so listing finds nothing: only the pending refresh can
    // bring the new statuses.
    const qint64 id = env.accountId;
    QVERIFY(env.writer->call([id](WriterContext &c) {
        SyncCursor cursor;
        cursor.phase = SyncCursor::Phase::Incremental;
        cursor.day = QDateTime::currentDateTimeUtc().date().addDays(2);
        return SyncCursor::save(c, id, cursor, nullptr);
    }));
    const Outcome outcome = runSync(engine);
    QVERIFY(outcome.summary);
    QCOMPARE(outcome.summary->pendingRefreshed, int(sids.size()));
    const auto stored = env.storedMessages();
    const auto provider = env.providerMessages();
    for (const QString &sid : sids) {
        QCOMPARE(stored.value(sid), provider.value(sid));
        QVERIFY(!ProviderMapping::isPendingStatus(stored.value(sid)));
    }
}

void TestSyncEngine::restartResumesFullSync()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(3000, 30, 10);
    QVERIFY(env.syncNumbers());
    constexpr int pageSize = 500;
    const int totalPages = (int(env.server->state().messages.size()) + pageSize - 1) / pageSize;
    QVERIFY(totalPages >= 4);

    QPointer<SyncEngine> first = new SyncEngine(env.accountId, env.client.get(), env.writer.get());
    first->setPageSize(pageSize);
    first->setConcurrency(1);
    connect(first, &SyncEngine::progress, this, [&](int pages, qint64, qint64) {
        if (pages == 2)
            first->deleteLater();
    });
    first->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return first.isNull(); }, 60000));
    // The engine fetches the next page while one is stored: a third page already handed to
    // the writer when the engine died is stored too (with its cursor), never half of one.
    const qint64 storedBefore = env.storedCount();
    QVERIFY2(storedBefore == 2 * pageSize || storedBefore == 3 * pageSize,
             qPrintable(QString::number(storedBefore)));
    const int pagesBefore = int(storedBefore / pageSize);
    const qint64 id = env.accountId;
    const auto cursor =
        env.writer->call([id](WriterContext &c) { return SyncCursor::load(c, id, nullptr); });
    QVERIFY(cursor);
    QCOMPARE(cursor->phase, SyncCursor::Phase::Full);
    QVERIFY(!cursor->nextPageUri.isEmpty());

    SyncEngine second(env.accountId, env.client.get(), env.writer.get());
    second.setPageSize(pageSize);
    second.setConcurrency(4); // a sequence begun goes on as one
    const Outcome outcome = runSync(second);
    QVERIFY(outcome.summary);
    QVERIFY(outcome.summary->fullSync);
    QCOMPARE(outcome.summary->pages, totalPages - pagesBefore);
    QCOMPARE(env.storedMessages(), env.providerMessages());
}

void TestSyncEngine::wrongCredentialsFail()
{
    Env env;
    QVERIFY(env.start(u"0123456789abcdef0123456789abcdef"_s));
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    const Outcome outcome = runSync(engine);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind(), ProviderError::Kind::Auth);
    QCOMPARE(outcome.error->twilioCode().value_or(0), 20003);
    const qint64 id = env.accountId;
    QVERIFY(!env.writer->call([id](WriterContext &c) { return SyncCursor::load(c, id, nullptr); }));
}

void TestSyncEngine::transientErrorsAreRetried()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(2000, 20, 10);
    QVERIFY(env.syncNumbers());
    FaultSettings faults;
    faults.rate500 = 0.4;
    env.server->setFaults(faults);
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    engine.setPageSize(200);
    engine.setRetrySettings(fastRetries());
    const Outcome outcome = runSync(engine);
    QVERIFY2(outcome.summary, outcome.error ? qPrintable(outcome.error->displayMessage()) : "");
    env.server->setFaults(FaultSettings());
    QCOMPARE(env.storedMessages(), env.providerMessages());
}

void TestSyncEngine::numberOfAnotherAccountIsLeftAlone()
{
    Env env;
    QVERIFY(env.start());
    const QString taken = env.server->state().numbers.all().first().number;
    const qint64 other = env.writer->call([taken](WriterContext &c) {
        AccountRows rows(c.db());
        const qint64 id = rows.createOrFind(u"Other"_s, QString());
        if (id == 0)
            qWarning() << "account:" << rows.errorString();
        QSqlQuery q(c.db());
        q.prepare(u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
                  "VALUES (?, ?, 'long_code', 1)"_s);
        q.addBindValue(id);
        q.addBindValue(taken);
        if (!q.exec())
            qWarning() << "insert failed:" << q.lastError().text() << id;
        return q.lastError().isValid() ? 0 : id;
    });
    QVERIFY(other > 0);
    SenderNumberSync numbers(env.accountId, env.client.get(), env.writer.get());
    std::optional<SenderNumberSync::Result> result;
    connect(&numbers, &SenderNumberSync::finished, this,
            [&](const SenderNumberSync::Result &r) { result = r; });
    numbers.run();
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
    QCOMPARE(result->inOtherAccount, QStringList{taken});
    QCOMPARE(result->added, int(env.server->state().numbers.all().size()) - 1);
    const qint64 owner = env.writer->call([taken](WriterContext &c) {
        QSqlQuery q(c.db());
        q.prepare(u"SELECT account_id FROM sender_numbers WHERE number = ?"_s);
        q.addBindValue(taken);
        q.exec();
        return q.next() ? q.value(0).toLongLong() : 0;
    });
    QCOMPARE(owner, other);

    // Running again changes nothing: the numbers are already there, unchanged.
    result.reset();
    numbers.run();
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
    QVERIFY2(result->storeError.isEmpty(), qPrintable(result->storeError));
    QCOMPARE(result->added, 0);
    QCOMPARE(result->updated, 0);
    QCOMPARE(result->inOtherAccount, QStringList{taken});
}

namespace {

// Messages the sandbox holds sent on the current UTC day, and a page size that lists them in
// at least four pages (the incremental listing starts at that day).
qint64 sentToday(const Env &env)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    qint64 count = 0;
    const auto &store = env.server->state().messages;
    for (qsizetype i = 0; i < store.size(); ++i) {
        const StoredMessage &m = store.at(quint32(i));
        if (m.dateSent && QDateTime::fromMSecsSinceEpoch(m.dateSent, Qt::UTC).date() == today)
            ++count;
    }
    return count;
}

} // namespace

void TestSyncEngine::nothingNewWritesNothingAndStopsAfterOnePage()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(3000, 30, 1);
    QVERIFY(env.syncNumbers());
    const qint64 today = sentToday(env);
    if (today < 8)
        QSKIP("too few messages sent today (just after midnight UTC)");
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    engine.setPageSize(int(std::min<qint64>(today / 4, 1000)));
    QVERIFY(runSync(engine).summary);

    const Outcome again = runSync(engine);
    QVERIFY2(again.summary, qPrintable(again.storeError));
    QVERIFY(!again.summary->fullSync);
    QCOMPARE(again.summary->pages, 1);
    QCOMPARE(again.summary->written, 0);
    QCOMPARE(again.summary->inserted, 0);
    QCOMPARE(again.summary->updated, 0);
    QVERIFY(again.summary->unchanged > 0);
    QCOMPARE(env.storedMessages(), env.providerMessages());

    // Something new still arrives (and is the only row written).
    QString ours;
    for (const SenderNumber &n : env.server->state().numbers.all()) {
        if (n.kind == SenderNumber::Kind::LongCode && n.sms)
            ours = n.number;
    }
    QVERIFY(env.server->injectInbound(u"+14155550199"_s, ours, u"new one"_s).ok);
    const Outcome third = runSync(engine);
    QVERIFY(third.summary);
    QCOMPARE(third.summary->newInbound.size(), 1);
    QCOMPARE(third.summary->written, 1);
    QCOMPARE(env.storedMessages(), env.providerMessages());
}

void TestSyncEngine::statusChangeDeepInTheDayIsPickedUp()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(3000, 30, 1);
    QVERIFY(env.syncNumbers());
    const qint64 today = sentToday(env);
    if (today < 8)
        QSKIP("too few messages sent today (just after midnight UTC)");
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    engine.setPageSize(int(std::min<qint64>(today / 4, 1000)));
    QVERIFY(runSync(engine).summary);

    // The oldest outbound message of today (on the listing's last page) was stored while it
    // was still "sent"; the provider has delivered it since.
    const qint64 id = env.accountId;
    const qint64 dayStart =
        QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QString sid = env.writer->call([id, dayStart](WriterContext &c) {
        QSqlQuery q(c.db());
        q.prepare(u"SELECT provider_sid FROM messages WHERE account_id = ? AND direction = "
                  u"'out' AND sent_at >= ? ORDER BY sent_at LIMIT 1"_s);
        q.addBindValue(id);
        q.addBindValue(dayStart);
        q.exec();
        const QString found = q.next() ? q.value(0).toString() : QString();
        q.finish();
        q.prepare(u"UPDATE messages SET status = 'sent', updated_at = updated_at - 1500 "
                  u"WHERE provider_sid = ?"_s);
        q.addBindValue(found);
        q.exec();
        return found;
    });
    QVERIFY(!sid.isEmpty());
    QCOMPARE(env.storedMessages().value(sid), u"sent"_s);

    const Outcome again = runSync(engine);
    QVERIFY(again.summary);
    QVERIFY(again.summary->pages > 1);
    QCOMPARE(again.summary->written, 1);
    QCOMPARE(again.summary->updated, 1);
    QCOMPARE(env.storedMessages().value(sid), u"delivered"_s);
    QCOMPARE(env.storedMessages(), env.providerMessages());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
