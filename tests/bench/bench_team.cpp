// The team workspace against a sandbox process at real speed, two desks of one team (profiles
// joined with smsdesk-cli), each running what DeskSession runs for a team: its TeamLog over
// the Sync list (with its snapshotter) and its PresenceBoard, at the default cadence (2 s base)
// unless told.
//   (a) a change made on desk A (InboxCommands::resolve/reopen) -> applied in desk B's store:
//       p50/p95/max over N changes;
//   (b) Sync requests per desk per minute while idle (team log + presence), counted at each
//       desk's QNetworkAccessManager;
//   (c) presence: desk A starts typing -> desk B's board sees it: p50/p95/max.
//   bench_team [changes=30] [idle-seconds=60] [base-ms=2000]
#include "AccountConfig.h"
#include "ChangeFeed.h"
#include "Database.h"
#include "InboxCommands.h"
#include "PresenceBoard.h"
#include "StoreWriter.h"
#include "SyncListTransport.h"
#include "SyncSnapshotStore.h"
#include "TeamDesksFixture.h"
#include "TeamLog.h"
#include "TeamSnapshotter.h"
#include "TwilioClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Counts the requests a desk sends, by method and the kind of Sync resource.
class CountingNetwork : public QNetworkAccessManager
{
public:
    QMap<QString, int> counts;
    int total() const
    {
        int sum = 0;
        for (int n : counts)
            sum += n;
        return sum;
    }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        const QString path = request.url().path();
        QString kind = u"other"_s;
        if (const qsizetype at = path.indexOf(u"/Lists/"_s); at >= 0)
            kind = u"list "_s + path.mid(at + 7).section(u'/', 0, 0);
        else if (path.contains(u"/Maps/"_s))
            kind = u"presence map"_s;
        const char *method = op == GetOperation      ? "GET"
                             : op == PostOperation   ? "POST"
                             : op == DeleteOperation ? "DELETE"
                                                     : "other";
        ++counts[QString::fromLatin1(method) + u' ' + kind];
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

struct Desk
{
    std::unique_ptr<StoreWriter> writer;
    CountingNetwork network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<SyncListTransport> transport;
    std::unique_ptr<SyncSnapshotStore> snapshots;
    std::unique_ptr<TeamSnapshotter> snapshotter;
    std::unique_ptr<TeamLog> log;
    std::unique_ptr<PresenceBoard> presence;
    std::unique_ptr<InboxCommands> commands;
    qint64 account = 0;

    ~Desk()
    {
        presence.reset();
        log.reset();
        snapshotter.reset();
        client.reset();
    }
};

bool openDesk(TeamDesksFixture &team, int index, Desk &desk, std::chrono::milliseconds base)
{
    desk.account = team.accountId(index);
    desk.writer = std::make_unique<StoreWriter>(team.profile(index));
    if (!desk.writer->open())
        return false;
    desk.client = std::make_unique<TwilioClient>(
        &desk.network,
        AccountConfig::forSingleBaseUrl(u"Team"_s, team.sandbox.sid, team.sandbox.url),
        team.sandbox.token);
    desk.transport = std::make_unique<SyncListTransport>(desk.client.get());
    desk.log = std::make_unique<TeamLog>(desk.writer.get(), desk.transport.get(), desk.account);
    desk.log->setBasePeriod(base);
    desk.snapshots = std::make_unique<SyncSnapshotStore>(desk.client.get(), desk.transport.get());
    desk.snapshotter =
        std::make_unique<TeamSnapshotter>(desk.writer.get(), desk.snapshots.get(), desk.account);
    desk.log->setSnapshotter(desk.snapshotter.get());
    desk.presence =
        std::make_unique<PresenceBoard>(desk.writer.get(), desk.client.get(), desk.account);
    // As DeskSession wires them.
    QObject::connect(desk.log.get(), &TeamLog::cycleFinished, desk.presence.get(),
                     &PresenceBoard::poll);
    TeamLog *log = desk.log.get();
    QObject::connect(
        desk.writer->changes(), &ChangeFeed::changed, log, [log](const ChangeSet &set) {
            if (!set.rows(ChangeSet::Table::TeamOutbox, ChangeSet::Op::Inserted).isEmpty())
                log->syncNow();
        });
    desk.commands = std::make_unique<InboxCommands>(desk.writer.get(), u"bench"_s);
    desk.log->start();
    desk.presence->start();
    return QTest::qWaitFor([&] { return desk.log->lastPulled().isValid(); }, 30000) &&
           QTest::qWaitFor([&] { return desk.presence->isReady(); }, 30000);
}

QString percentiles(QList<qint64> samples)
{
    if (samples.isEmpty())
        return u"no samples"_s;
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double p) {
        return samples.at(qMin(samples.size() - 1, int(p * (samples.size() - 1) + 0.5)));
    };
    return u"p50 %1 ms, p95 %2 ms, max %3 ms (n=%4)"_s.arg(at(0.5))
        .arg(at(0.95))
        .arg(samples.last())
        .arg(samples.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int changes = args.size() > 1 ? args.at(1).toInt() : 30;
    const int idleSeconds = args.size() > 2 ? args.at(2).toInt() : 60;
    const auto base = std::chrono::milliseconds(args.size() > 3 ? args.at(3).toInt() : 2000);
    QTextStream out(stdout);

    TeamDesksFixture team;
    if (!team.start({u"Ana"_s, u"Sam"_s})) {
        out << "setup: " << team.error << "\n";
        return 1;
    }
    Desk a;
    Desk b;
    if (!openDesk(team, 0, a, base) || !openDesk(team, 1, b, base)) {
        out << "cannot open the desks\n";
        return 1;
    }
    const qint64 threadA = a.writer->call([&](WriterContext &context) {
        QSqlQuery q(context.database->connection());
        q.prepare(u"SELECT id FROM threads WHERE customer_number = ?"_s);
        q.addBindValue(TeamDesksFixture::Customer);
        return q.exec() && q.next() ? q.value(0).toLongLong() : qint64(0);
    });
    out << "team workspace bench: 2 desks, base period " << base.count() << " ms, sandbox at "
        << team.sandbox.url.toString() << "\n";
    out.flush();

    // (b) first, while nothing has happened for a while: the steady idle traffic.
    QTest::qWait(int(base.count()) * 2);
    a.network.counts.clear();
    b.network.counts.clear();
    QTest::qWait(idleSeconds * 1000);
    const double minutes = idleSeconds / 60.0;
    for (auto [name, desk] : {std::pair{"A", &a}, std::pair{"B", &b}}) {
        out << "(b) idle desk " << name << ": "
            << QString::number(desk->network.total() / minutes, 'f', 1) << " Sync requests/min";
        for (auto it = desk->network.counts.cbegin(); it != desk->network.counts.cend(); ++it)
            out << " · " << it.key() << " " << QString::number(it.value() / minutes, 'f', 1);
        out << "\n";
    }
    out.flush();

    // (a) a change on A -> applied in B's store.
    QList<qint64> latencies;
    for (int i = 0; i < changes; ++i) {
        // Changes land at random points of both desks' cycles, as people's do.
        QTest::qWait(int(QRandomGenerator::global()->bounded(int(base.count()))));
        bool applied = false;
        const auto connection = QObject::connect(b.log.get(), &TeamLog::changesApplied,
                                                 [&applied](int) { applied = true; });
        QElapsedTimer timer;
        timer.start();
        auto done = [](CommandResult) {};
        if (i % 2 == 0)
            a.commands->resolve(a.account, threadA, &app, done);
        else
            a.commands->reopen(a.account, threadA, &app, done);
        const bool seen = QTest::qWaitFor([&] { return applied; }, 60000);
        QObject::disconnect(connection);
        if (!seen) {
            out << "change " << i << " not seen on B within 60 s\n";
            continue;
        }
        latencies.append(timer.elapsed());
    }
    out << "(a) change on A -> in B's store: " << percentiles(latencies) << "\n";
    out.flush();

    // (c) presence: A starts typing -> B's board shows it.
    const QString key =
        PresenceBoard::threadKey(TeamDesksFixture::Customer, TeamDesksFixture::Support);
    a.presence->setViewing(key);
    QList<qint64> presence;
    for (int i = 0; i < qMax(10, changes / 2); ++i) {
        QTest::qWait(1500 + int(QRandomGenerator::global()->bounded(int(base.count()))));
        const auto typing = [&] {
            for (const PresenceBoard::Entry &e : b.presence->inThread(key))
                if (e.typing)
                    return true;
            return false;
        };
        QElapsedTimer timer;
        timer.start();
        a.presence->noteTyping();
        if (!QTest::qWaitFor(typing, 60000)) {
            out << "typing " << i << " not seen on B within 60 s\n";
            continue;
        }
        presence.append(timer.elapsed());
        a.presence->stopTyping();
        if (!QTest::qWaitFor([&] { return !typing(); }, 60000))
            out << "typing " << i << " did not stop on B within 60 s\n";
    }
    out << "(c) typing on A -> seen on B: " << percentiles(presence) << "\n";
    return 0;
}
