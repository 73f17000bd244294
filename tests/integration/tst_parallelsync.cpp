// The parallel first sync (day ranges listed by several page streams) against the real
// sandbox, in process: the same profile as a sequential sync, resumable per range, and a 429
// lowers the number of streams.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "FaultSettings.h"
#include "SandboxState.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncCursor.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sandbox;

namespace {

struct Profile
{
    std::unique_ptr<StoreWriter> writer;
    qint64 accountId = 0;

    // Rows of `sql` (one account's data, no local ids) as text, sorted: comparable across
    // profiles whatever order the rows were written in.
    QStringList dump(const QString &sql)
    {
        const qint64 id = accountId;
        QStringList rows = writer->call([sql, id](WriterContext &c) {
            QStringList out;
            QSqlQuery q(c.db());
            q.prepare(sql);
            q.addBindValue(id);
            if (!q.exec())
                out.append(u"error: "_s + sql);
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i)
                    fields.append(q.value(i).toString());
                out.append(fields.join(u'|'));
            }
            return out;
        });
        rows.sort();
        return rows;
    }
};

// Threads with their aggregates (unread count, last message, preview), by customer and
// sender; messages by sid with their thread's customer; what full-text search finds.
const QString ThreadsSql =
    u"SELECT t.customer_number, s.number, t.status, t.unread_count, t.last_message_at, "
    u"t.last_message_preview, m.provider_sid FROM threads t JOIN sender_numbers s ON s.id = "
    u"t.sender_number_id LEFT JOIN messages m ON m.id = t.last_message_id "
    u"WHERE t.account_id = ?"_s;
const QString MessagesSql =
    u"SELECT m.provider_sid, m.status, m.direction, m.body, m.created_at, m.sent_at, "
    u"m.updated_at, t.customer_number FROM messages m LEFT JOIN threads t ON t.id = m.thread_id "
    u"WHERE m.account_id = ?"_s;
const QString SearchSql =
    u"SELECT m.provider_sid FROM messages_fts f JOIN messages m ON m.id = f.rowid "
    u"WHERE messages_fts MATCH 'order OR thanks' AND m.account_id = ?"_s;

struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<SandboxServer> server;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;

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
        return true;
    }

    bool open(Profile *profile, const QString &name)
    {
        profile->writer = std::make_unique<StoreWriter>(dir.filePath(name));
        if (!profile->writer->open())
            return false;
        const QString sid = server->accountSid();
        profile->accountId = profile->writer->call(
            [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Test"_s, sid); });
        SenderNumberSync numbers(profile->accountId, client.get(), profile->writer.get());
        bool done = false;
        QObject::connect(&numbers, &SenderNumberSync::finished, [&] { done = true; });
        QObject::connect(&numbers, &SenderNumberSync::failed, [&] { done = true; });
        numbers.run();
        return QTest::qWaitFor([&] { return done; }, 30000) && profile->accountId > 0;
    }

    QStringList providerSids() const
    {
        QStringList sids;
        const auto &store = server->state().messages;
        for (qsizetype i = 0; i < store.size(); ++i)
            sids.append(store.at(quint32(i)).sid.toString("SM"_L1));
        sids.sort();
        return sids;
    }
};

struct Outcome
{
    bool done = false;
    std::optional<SyncSummary> summary;
    QString error;
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
        outcome.error = e.displayMessage();
        outcome.done = true;
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &guard, [&](const QString &e) {
        outcome.error = e;
        outcome.done = true;
    });
    engine.syncNow();
    if (!QTest::qWaitFor([&] { return outcome.done; }, 180000))
        outcome.error = u"sync did not finish in time"_s;
    return outcome;
}

RetryPolicy::Settings fastRetries()
{
    RetryPolicy::Settings settings;
    settings.base = std::chrono::milliseconds(1);
    settings.cap = std::chrono::milliseconds(20);
    settings.maxAttempts = 50;
    return settings;
}

QStringList storedSids(Profile &profile)
{
    QStringList sids;
    for (const QString &row : profile.dump(u"SELECT provider_sid FROM messages WHERE "
                                           u"account_id = ?"_s))
        sids.append(row);
    return sids;
}

} // namespace

class TestParallelSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parallelEqualsSequential();
    void resumesEachRangeWhereItStopped();
    void tooManyRequestsLowersConcurrency();
};

void TestParallelSync::parallelEqualsSequential()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(6000, 60, 45);
    // A customer writes again: unread counts and a reopened thread in both profiles.
    QString ours;
    for (const SenderNumber &n : env.server->state().numbers.all()) {
        if (n.kind == SenderNumber::Kind::LongCode && n.sms)
            ours = n.number;
    }
    QVERIFY(env.server->injectInbound(u"+14155550188"_s, ours, u"thanks for the order"_s).ok);

    Profile sequential;
    Profile parallel;
    QVERIFY(env.open(&sequential, u"sequential.sqlite"_s));
    QVERIFY(env.open(&parallel, u"parallel.sqlite"_s));

    SyncEngine one(sequential.accountId, env.client.get(), sequential.writer.get());
    one.setConcurrency(1);
    one.setPageSize(250);
    const Outcome a = runSync(one);
    QVERIFY2(a.summary, qPrintable(a.error));

    SyncEngine many(parallel.accountId, env.client.get(), parallel.writer.get());
    many.setConcurrency(4);
    many.setRangeDays(5);
    many.setPageSize(250);
    const Outcome b = runSync(many);
    QVERIFY2(b.summary, qPrintable(b.error));
    QVERIFY(b.summary->fullSync);
    QCOMPARE(b.summary->inserted, a.summary->inserted);

    QCOMPARE(storedSids(parallel), env.providerSids());
    QCOMPARE(parallel.dump(MessagesSql), sequential.dump(MessagesSql));
    QCOMPARE(parallel.dump(ThreadsSql), sequential.dump(ThreadsSql));
    const QStringList found = parallel.dump(SearchSql);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found, sequential.dump(SearchSql));

    // Both end incremental at the same day, and the next run finds nothing new.
    const auto cursorOf = [](Profile &p) {
        const qint64 id = p.accountId;
        return p.writer->call([id](WriterContext &c) { return SyncCursor::load(c, id, nullptr); });
    };
    const auto ca = cursorOf(sequential);
    const auto cb = cursorOf(parallel);
    QVERIFY(ca && cb);
    QCOMPARE(cb->phase, SyncCursor::Phase::Incremental);
    QCOMPARE(cb->day, ca->day);
    QCOMPARE(cb->newestMs, ca->newestMs);
    const Outcome again = runSync(many);
    QVERIFY(again.summary);
    QVERIFY(!again.summary->fullSync);
    QCOMPARE(again.summary->written, 0);
}

void TestParallelSync::resumesEachRangeWhereItStopped()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(4000, 40, 30);
    Profile profile;
    QVERIFY(env.open(&profile, u"profile.sqlite"_s));

    QPointer<SyncEngine> first =
        new SyncEngine(profile.accountId, env.client.get(), profile.writer.get());
    first->setConcurrency(3);
    first->setRangeDays(4);
    first->setPageSize(100);
    connect(first, &SyncEngine::progress, this, [&](int pages, qint64, qint64) {
        if (pages == 6)
            first->deleteLater();
    });
    first->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return first.isNull(); }, 60000));
    const qint64 id = profile.accountId;
    const auto cursor =
        profile.writer->call([id](WriterContext &c) { return SyncCursor::load(c, id, nullptr); });
    QVERIFY(cursor);
    QCOMPARE(cursor->phase, SyncCursor::Phase::Full);
    QVERIFY(cursor->parallel);
    QVERIFY(!cursor->ranges.isEmpty());
    bool midRange = false;
    for (const SyncCursor::Range &r : cursor->ranges)
        midRange = midRange || !r.nextPageUri.isEmpty();
    QVERIFY(midRange);
    const qint64 storedBefore = storedSids(profile).size();
    QVERIFY(storedBefore > 0 && storedBefore < 4000);

    SyncEngine second(profile.accountId, env.client.get(), profile.writer.get());
    second.setConcurrency(3);
    second.setRangeDays(4);
    second.setPageSize(100);
    const Outcome outcome = runSync(second);
    QVERIFY2(outcome.summary, qPrintable(outcome.error));
    QVERIFY(outcome.summary->fullSync);
    QCOMPARE(storedSids(profile), env.providerSids());
    // Each page is stored with the plan as it stood after it: the resumed run lists exactly
    // what was not stored yet, never a page twice.
    QCOMPARE(outcome.summary->inserted, 4000 - storedBefore);
    QCOMPARE(outcome.summary->messages, 4000 - storedBefore);
}

void TestParallelSync::tooManyRequestsLowersConcurrency()
{
    Env env;
    QVERIFY(env.start());
    env.server->seedHistory(3000, 30, 30);
    Profile profile;
    QVERIFY(env.open(&profile, u"profile.sqlite"_s));
    FaultSettings faults;
    faults.maxConcurrent = 2;
    faults.latencyMs = 20;
    env.server->setFaults(faults);

    SyncEngine engine(profile.accountId, env.client.get(), profile.writer.get());
    engine.setConcurrency(4);
    engine.setRangeDays(3);
    engine.setPageSize(100);
    engine.setRetrySettings(fastRetries());
    QList<int> levels;
    connect(&engine, &SyncEngine::concurrencyChanged, this, [&](int n) { levels.append(n); });
    const Outcome outcome = runSync(engine);
    env.server->setFaults(FaultSettings());
    QVERIFY2(outcome.summary, qPrintable(outcome.error));
    QVERIFY(!levels.isEmpty());
    QCOMPARE(levels.first(), 3);
    QVERIFY(levels.last() <= 2);
    QCOMPARE(storedSids(profile), env.providerSids());
}

QTEST_GUILESS_MAIN(TestParallelSync)
#include "tst_parallelsync.moc"
