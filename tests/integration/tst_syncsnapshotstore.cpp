// Team log snapshots in a Sync List of the real (in-process) sandbox: none at first; a written
// snapshot is found as the newest and read back whole; two desktops writing at once interleave
// their parts, and each snapshot still reads back as exactly its own.
#include "SyncListTransport.h"
#include "SyncSnapshotStore.h"
#include "TeamSnapshotCodec.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

template<typename T>
std::optional<ProviderResult<T>> await(const std::function<void(ProviderCallback<T>)> &start)
{
    std::optional<ProviderResult<T>> result;
    start([&result](const ProviderResult<T> &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return std::nullopt;
    return result;
}

QList<TeamLogWriter::LogItem> ops(int count, const QString &author)
{
    QList<TeamLogWriter::LogItem> entries;
    for (int i = 0; i < count; ++i) {
        TeamOp op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.kind = u"note.add"_s;
        op.target = u"+1415555%1|+14155550100"_s.arg(1000 + i);
        // Random text compresses badly: several parts per snapshot.
        op.fields = {{u"body"_s, QString(author + QUuid::createUuid().toString())}};
        entries.append({i, op.toJson()});
    }
    return entries;
}

} // namespace

#define AWAIT(T, call) await<T>([&](ProviderCallback<T> done) { call; })

class TstSyncSnapshotStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noSnapshotAtFirst();
    void writtenSnapshotIsTheNewestAndReadsBack();
    void concurrentWritersEachReadBackTheirOwn();

private:
    QList<TeamLogWriter::LogItem> readBack(const TeamSnapshotStore::Snapshot &snapshot);

    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<SyncListTransport> m_log;
    std::unique_ptr<SyncSnapshotStore> m_store;
};

void TstSyncSnapshotStore::init()
{
    sandbox::SandboxOptions options;
    options.speed = 1.0;
    options.seed = 11;
    options.replyRate = 0.0;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QVERIFY(m_server->listen());
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl());
    m_client = std::make_unique<TwilioClient>(&m_network, config, m_server->authToken());
    m_log = std::make_unique<SyncListTransport>(m_client.get());
    const auto opened = AWAIT(ProviderDone, m_log->open(this, done));
    QVERIFY(opened && opened->ok());
    m_store = std::make_unique<SyncSnapshotStore>(m_client.get(), m_log.get());
}

void TstSyncSnapshotStore::cleanup()
{
    m_store.reset();
    m_log.reset();
    m_client.reset();
    m_server.reset();
}

QList<TeamLogWriter::LogItem>
TstSyncSnapshotStore::readBack(const TeamSnapshotStore::Snapshot &snapshot)
{
    const auto parts = AWAIT(QList<QJsonObject>, m_store->read(snapshot, this, done));
    if (!parts || !parts->ok())
        return {};
    QString error;
    const auto entries = TeamSnapshotCodec::decode(parts->value(), &error);
    if (!entries)
        qWarning() << error;
    return entries.value_or(QList<TeamLogWriter::LogItem>{});
}

void TstSyncSnapshotStore::noSnapshotAtFirst()
{
    const auto latest = AWAIT(TeamSnapshotStore::Snapshot, m_store->latest(this, done));
    QVERIFY(latest && latest->ok());
    QVERIFY(!latest->value().exists());
}

void TstSyncSnapshotStore::writtenSnapshotIsTheNewestAndReadsBack()
{
    const auto entries = ops(600, u"ana"_s);
    const QList<QJsonObject> parts = TeamSnapshotCodec::encode(entries);
    QVERIFY(parts.size() >= 2);
    const auto written = AWAIT(TeamSnapshotStore::Snapshot, m_store->write(41, parts, this, done));
    QVERIFY(written);
    QVERIFY2(written->ok(), written->ok() ? "" : qPrintable(written->error().message()));
    QCOMPARE(written->value().parts, parts.size());
    const auto latest = AWAIT(TeamSnapshotStore::Snapshot, m_store->latest(this, done));
    QVERIFY(latest && latest->ok());
    QCOMPARE(latest->value().id, written->value().id);
    QCOMPARE(latest->value().covers, 41);
    const auto back = readBack(latest->value());
    QCOMPARE(back.size(), entries.size());
    QCOMPARE(back.last().data, entries.last().data);
}

void TstSyncSnapshotStore::concurrentWritersEachReadBackTheirOwn()
{
    // A second desktop with its own client, writing at the same time.
    const AccountConfig config =
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl());
    TwilioClient otherClient(&m_network, config, m_server->authToken());
    SyncListTransport otherLog(&otherClient);
    const auto opened = AWAIT(ProviderDone, otherLog.open(this, done));
    QVERIFY(opened && opened->ok());
    SyncSnapshotStore other(&otherClient, &otherLog);

    const auto mine = ops(500, u"ana"_s);
    const auto theirs = ops(700, u"sam"_s);
    std::optional<ProviderResult<TeamSnapshotStore::Snapshot>> a;
    std::optional<ProviderResult<TeamSnapshotStore::Snapshot>> b;
    m_store->write(10, TeamSnapshotCodec::encode(mine), this,
                   [&a](const auto &r) { a.emplace(r); });
    other.write(12, TeamSnapshotCodec::encode(theirs), this, [&b](const auto &r) { b.emplace(r); });
    QTRY_VERIFY_WITH_TIMEOUT(a && b, 30000);
    QVERIFY(a->ok() && b->ok());
    // Their parts interleaved in the list.
    QVERIFY(a->value().lastItem > b->value().firstItem &&
            b->value().lastItem > a->value().firstItem);
    const auto mineBack = readBack(a->value());
    const auto theirsBack = readBack(b->value());
    QCOMPARE(mineBack.size(), mine.size());
    QCOMPARE(theirsBack.size(), theirs.size());
    QCOMPARE(mineBack.first().data, mine.first().data);
    QCOMPARE(theirsBack.last().data, theirs.last().data);
    // The newest is the one that completed last.
    const auto latest = AWAIT(TeamSnapshotStore::Snapshot, m_store->latest(this, done));
    QVERIFY(latest && latest->ok());
    const auto &last = a->value().lastItem > b->value().lastItem ? a->value() : b->value();
    QCOMPARE(latest->value().id, last.id);
}

QTEST_GUILESS_MAIN(TstSyncSnapshotStore)
#include "tst_syncsnapshotstore.moc"
