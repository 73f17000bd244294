// SyncLease against the in-process sandbox's Sync map, as two desktops see one campaign's lease
// (with a clock the test moves): the first takes it, the other is told who has it and until
// when; the holder's heartbeat renews it (If-Match) only once a quarter of the lease passed; a
// lease that ran out is taken over and says from whom; the old holder then learns it lost it;
// a released lease is free at once.
#include "SyncLease.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using Kind = SyncLease::Result::Kind;

namespace {
constexpr qint64 LeaseMs = 60'000;
const QString Key = u"5b0c3c1e-7a52-4a53-9d51-2f4f1c9f0a11"_s;
} // namespace

class TestSyncLease : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstTakesItTheOtherIsToldWho();
    void heartbeatRenewsOnlyAfterAQuarter();
    void runOutLeaseIsTakenOverAndTheOldHolderLearnsIt();
    void releasedLeaseIsFreeAtOnce();

private:
    std::unique_ptr<SyncLease> desk(const QString &id, const QString &name);
    std::optional<SyncLease::Result> hold(SyncLease &lease);

    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    qint64 m_now = 1'800'000'000'000;
};

void TestSyncLease::init()
{
    sandbox::SandboxOptions options;
    options.speed = 100.0;
    options.seed = 7;
    options.replyRate = 0.0;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
    QVERIFY(m_server->listen());
    m_client = std::make_unique<TwilioClient>(
        &m_network,
        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(), m_server->baseUrl()),
        m_server->authToken());
}

void TestSyncLease::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<SyncLease> TestSyncLease::desk(const QString &id, const QString &name)
{
    auto lease =
        std::make_unique<SyncLease>(m_client.get(), u"campaign-runners"_s, id, name, LeaseMs);
    lease->setClock([this] { return m_now; });
    return lease;
}

std::optional<SyncLease::Result> TestSyncLease::hold(SyncLease &lease)
{
    std::optional<SyncLease::Result> result;
    lease.hold(Key, this, [&result](const SyncLease::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return std::nullopt;
    return result;
}

void TestSyncLease::firstTakesItTheOtherIsToldWho()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    const auto first = hold(*ana);
    QVERIFY(first);
    QCOMPARE(first->kind, Kind::Held);
    QVERIFY(first->acquired);
    QVERIFY(!first->tookOver);
    QCOMPARE(first->untilMs, m_now + LeaseMs);
    QVERIFY(ana->holds(Key, LeaseMs / 2));
    const auto second = hold(*sam);
    QVERIFY(second);
    QCOMPARE(second->kind, Kind::Elsewhere);
    QCOMPARE(second->holderName, u"Ana"_s);
    QCOMPARE(second->untilMs, m_now + LeaseMs);
    QVERIFY(!sam->holds(Key, 0));
}

void TestSyncLease::heartbeatRenewsOnlyAfterAQuarter()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    QVERIFY(hold(*ana));
    const int requests = ana->requests();
    m_now += LeaseMs / 8;
    const auto soon = hold(*ana);
    QVERIFY(soon);
    QCOMPARE(soon->kind, Kind::Held);
    QCOMPARE(ana->requests(), requests); // answered from what it knows
    m_now += LeaseMs / 4;
    const auto renewed = hold(*ana);
    QVERIFY(renewed);
    QCOMPARE(renewed->kind, Kind::Held);
    QVERIFY(!renewed->acquired);
    QCOMPARE(renewed->untilMs, m_now + LeaseMs);
    QCOMPARE(ana->requests(), requests + 1); // one If-Match update
    // Half of it later its holder still has more than half left: it may hand texts over.
    m_now += LeaseMs / 2 - 1;
    QVERIFY(ana->holds(Key, LeaseMs / 2));
}

void TestSyncLease::runOutLeaseIsTakenOverAndTheOldHolderLearnsIt()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    QVERIFY(hold(*ana));
    QCOMPARE(hold(*sam)->kind, Kind::Elsewhere);
    // Ana's desktop died: nobody renews; once the lease ran out Sam takes it over.
    m_now += LeaseMs + 1;
    const auto taken = hold(*sam);
    QVERIFY(taken);
    QCOMPARE(taken->kind, Kind::Held);
    QVERIFY(taken->acquired);
    QVERIFY(taken->tookOver);
    QCOMPARE(taken->holderName, u"Ana"_s);
    // Ana comes back: her heartbeat's If-Match fails, she reads Sam has it.
    const auto back = hold(*ana);
    QVERIFY(back);
    QCOMPARE(back->kind, Kind::Elsewhere);
    QCOMPARE(back->holderName, u"Sam"_s);
    QVERIFY(!ana->holds(Key, 0));
}

void TestSyncLease::releasedLeaseIsFreeAtOnce()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    QVERIFY(hold(*ana));
    ana->release(Key);
    QVERIFY(!ana->holds(Key, 0));
    // The delete is on its way; Sam gets it as soon as it landed, without waiting for a lease.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto result = hold(*sam);
            return result && result->kind == Kind::Held && !result->tookOver;
        },
        15000));
}

QTEST_GUILESS_MAIN(TestSyncLease)
#include "tst_synclease.moc"
