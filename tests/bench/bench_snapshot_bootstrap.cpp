// A new desktop joining a team with 100,000 threads of state: the snapshot a teammate writes
// (encode + upload to the in-process sandbox's Sync List at the paced write rate) and the new
// desktop's bootstrap (read the newest snapshot, decode, apply in one transaction), timed.
// Build Release to measure: cmake --build build/release --target bench_snapshot_bootstrap
#include "StoreWriter.h"
#include "SyncListTransport.h"
#include "SyncSnapshotStore.h"
#include "TeamCompactionRows.h"
#include "TeamLog.h"
#include "TeamSnapshotter.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int Threads = 100000; // or the first argument
constexpr int Notes = 2000;

bool seedCompactedLog(ThreadFixture &fx)
{
    QSqlDatabase db = fx.db();
    db.transaction();
    TeamCompactionRows rows(db);
    qint64 index = 0;
    const QStringList agents = {u"Ana"_s, u"Bo"_s, u"Cy"_s, u"Dee"_s, u"Eli"_s};
    for (int i = 0; i < Threads; ++i) {
        TeamOp op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.agent = u"ag-"_s + agents[i % agents.size()];
        op.desk = u"desk-a"_s;
        op.at = 1790000000000 + i;
        op.kind = i % 3 == 0 ? u"thread.resolve"_s : u"thread.assign"_s;
        op.target = TeamOp::threadTarget(u"+1212%1"_s.arg(5000000 + i), ThreadFixture::Support);
        if (op.kind == u"thread.assign")
            op.fields = {{u"value"_s, agents[i % agents.size()]}};
        if (!rows.record(ThreadFixture::AccountA, index++, op))
            return false;
    }
    for (int i = 0; i < Notes; ++i) {
        TeamOp op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.agent = u"ag-Ana"_s;
        op.at = 1790000000000 + i;
        op.kind = u"note.add"_s;
        op.target = TeamOp::threadTarget(u"+1212%1"_s.arg(5000000 + i), ThreadFixture::Support);
        op.fields = {{u"body"_s, u"Called back about order %1, all sorted"_s.arg(10000 + i)}};
        if (!rows.record(ThreadFixture::AccountA, index++, op))
            return false;
    }
    return db.commit() && TeamStateRows(db).join(ThreadFixture::AccountA, u"ag-Ana"_s, u"a"_s) &&
           TeamStateRows(db).setApplied(ThreadFixture::AccountA, index - 1);
}

template<typename Signal, typename Sender>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    if (argc > 1)
        Threads = QByteArray(argv[1]).toInt();
    sandbox::SandboxOptions options;
    options.replyRate = 0.0;
    sandbox::SandboxServer server(options);
    if (!server.listen())
        return 1;
    QNetworkAccessManager network;
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Bench"_s, server.accountSid(), server.baseUrl());
    TwilioClient client(&network, config, server.authToken());

    // Desktop A: the team's state, compacted, and a snapshot of it written to Sync.
    ThreadFixture a;
    if (!a.open() || !seedCompactedLog(a))
        return 1;
    StoreWriter writerA(a.dir() + u"/profile.sqlite"_s);
    writerA.open();
    SyncListTransport logA(&client);
    SyncSnapshotStore storeA(&client, &logA);
    TeamLog teamA(&writerA, &logA, ThreadFixture::AccountA);
    TeamSnapshotter snapA(&writerA, &storeA, ThreadFixture::AccountA);
    teamA.setSnapshotter(&snapA);
    std::printf("seeded\n");
    QElapsedTimer timer;
    timer.start();
    int parts = 0;
    QObject::connect(&snapA, &TeamSnapshotter::written, [&parts](qint64, int n) { parts = n; });
    teamA.start();
    if (!waitFor(&snapA, &TeamSnapshotter::written, 600000)) {
        std::fprintf(stderr, "no snapshot written\n");
        return 1;
    }
    const qint64 writeMs = timer.elapsed();
    teamA.stop();
    std::printf("snapshot of %d threads + %d notes: %d parts written in %lld ms\n", Threads, Notes,
                parts, writeMs);

    // Desktop C joins: bootstraps from the snapshot, then reads the (empty) log after it.
    ThreadFixture c;
    if (!c.open() || !TeamStateRows(c.db()).join(ThreadFixture::AccountA, u"ag-Cy"_s, u"c"_s))
        return 1;
    StoreWriter writerC(c.dir() + u"/profile.sqlite"_s);
    writerC.open();
    TwilioClient clientC(&network, config, server.authToken());
    SyncListTransport logC(&clientC);
    SyncSnapshotStore storeC(&clientC, &logC);
    TeamLog teamC(&writerC, &logC, ThreadFixture::AccountA);
    TeamSnapshotter snapC(&writerC, &storeC, ThreadFixture::AccountA);
    snapC.setWriting(false);
    teamC.setSnapshotter(&snapC);
    timer.restart();
    teamC.start();
    if (!waitFor(&teamC, &TeamLog::cycleFinished, 600000))
        return 1;
    const qint64 bootMs = timer.elapsed();
    teamC.stop();
    const qint64 assigned = writerC.call([](WriterContext &ctx) {
        QSqlQuery q(ctx.db());
        q.exec(u"SELECT count(*) FROM threads WHERE assignee <> ''"_s);
        return q.next() ? q.value(0).toLongLong() : -1;
    });
    std::printf("new desktop bootstrapped in %lld ms (%lld threads assigned, as on A: %d)\n",
                bootMs, assigned, Threads - (Threads + 2) / 3);
    // Replaying the same number of log items instead: 100 items a read, and the whole team
    // stays under ~15 reads a second on the list.
    std::printf("replaying %d log items instead: at least %d reads, >= %.0f s at 15 reads/s\n",
                Threads + Notes, (Threads + Notes + 99) / 100, (Threads + Notes) / 100 / 15.0);
    return 0;
}
