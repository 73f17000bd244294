// The team's claims on inbound keywords: the rule every desktop applies to a claim it finds
// (KeywordClaim::next), and KeywordClaims against the in-process sandbox's Sync map as two
// desktops see it: first come sends, the other waits, then settles with the sender's sid; a
// holder whose lease ran out is taken over (If-Match), and the provider's messages are read
// before sending; a refusal settles the others without a send; Sync unreachable or rate
// limited holds the reply.
#include "KeywordClaim.h"
#include "KeywordClaims.h"
#include "SandboxState.h"
#include "SyncRateLimiter.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using Kind = OutboxClaimGate::Verdict::Kind;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155552671"_s;
constexpr qint64 LeaseMs = 60'000;

OutboxRow reply(const QString &inboundSid)
{
    OutboxRow row;
    row.id = 1;
    row.from = Support;
    row.to = Customer;
    row.body = u"Open 9-5."_s;
    row.clientRef = u"keyword:"_s + inboundSid;
    return row;
}

QString claimKeyOf(const OutboxRow &row)
{
    return OutboxClaimGate::claimKey(row);
}

} // namespace

class TestKeywordClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void ruleDecidesWhoSends_data();
    void ruleDecidesWhoSends();
    void onlyKeywordRepliesNeedAClaim();
    void claimRoundTripsThroughJson();

    void firstComeSendsTheOtherWaitsThenSettles();
    void expiredHolderIsTakenOverAndReconciled();
    void takeoverFindsTheReplyTheHolderSent();
    void refusalSettlesTheOthersWithoutASend();
    void unreachableSyncHoldsTheReply();
    void rateLimitedSyncHoldsTheReply();
    void claimItemsExpire();

private:
    std::unique_ptr<KeywordClaims> desk(const QString &id, const QString &name);
    std::optional<OutboxClaimGate::Verdict> ask(KeywordClaims &claims, const OutboxRow &row);

    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<TwilioClient> m_client;
    qint64 m_now = 1'800'000'000'000;
};

void TestKeywordClaims::init()
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

void TestKeywordClaims::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::unique_ptr<KeywordClaims> TestKeywordClaims::desk(const QString &id, const QString &name)
{
    auto claims = std::make_unique<KeywordClaims>(m_client.get(), id, name);
    claims->setLease(std::chrono::milliseconds(LeaseMs));
    claims->setClock([this] { return m_now; });
    return claims;
}

std::optional<OutboxClaimGate::Verdict> TestKeywordClaims::ask(KeywordClaims &claims,
                                                               const OutboxRow &row)
{
    std::optional<OutboxClaimGate::Verdict> verdict;
    claims.claim(row, this, [&verdict](const OutboxClaimGate::Verdict &v) { verdict = v; });
    if (!QTest::qWaitFor([&] { return verdict.has_value(); }, 15000))
        return std::nullopt;
    return verdict;
}

void TestKeywordClaims::ruleDecidesWhoSends_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("state");
    QTest::addColumn<qint64>("leaseLeftMs");
    QTest::addColumn<int>("next");
    using N = KeywordClaim::Next;
    QTest::newRow("ours, lease left")
        << u"us"_s << KeywordClaim::Claimed << 50'000LL << int(N::Send);
    QTest::newRow("ours, lease short")
        << u"us"_s << KeywordClaim::Claimed << 10'000LL << int(N::Renew);
    QTest::newRow("ours, expired") << u"us"_s << KeywordClaim::Claimed << -5'000LL << int(N::Renew);
    QTest::newRow("ours, taken over")
        << u"us"_s << KeywordClaim::Reconciling << 50'000LL << int(N::Reconcile);
    QTest::newRow("theirs, leased")
        << u"them"_s << KeywordClaim::Claimed << 1'000LL << int(N::Wait);
    QTest::newRow("theirs, expired")
        << u"them"_s << KeywordClaim::Claimed << -1LL << int(N::TakeOver);
    QTest::newRow("theirs reconciling, expired")
        << u"them"_s << KeywordClaim::Reconciling << -1LL << int(N::TakeOver);
    QTest::newRow("sent") << u"them"_s << KeywordClaim::Sent << -1LL << int(N::Settled);
    QTest::newRow("sent by us") << u"us"_s << KeywordClaim::Sent << 50'000LL << int(N::Settled);
    QTest::newRow("refused") << u"them"_s << KeywordClaim::Refused << 50'000LL << int(N::Settled);
    QTest::newRow("newer state, expired") << u"them"_s << u"queued-v9"_s << -1LL << int(N::Wait);
}

void TestKeywordClaims::ruleDecidesWhoSends()
{
    QFETCH(QString, holder);
    QFETCH(QString, state);
    QFETCH(qint64, leaseLeftMs);
    QFETCH(int, next);
    KeywordClaim claim;
    claim.holder = holder;
    claim.state = state;
    const qint64 now = 1'000'000;
    claim.leaseUntilMs = now + leaseLeftMs;
    QCOMPARE(int(claim.next(u"us"_s, now, 30'000)), next);
}

void TestKeywordClaims::onlyKeywordRepliesNeedAClaim()
{
    QVERIFY(OutboxClaimGate::needsClaim(reply(u"SMabc"_s)));
    QCOMPARE(OutboxClaimGate::claimKey(reply(u"SMabc"_s)), u"SMabc"_s);
    OutboxRow typed = reply(u"x"_s);
    typed.clientRef = u"0f8e0c1e-uuid"_s;
    QVERIFY(!OutboxClaimGate::needsClaim(typed));
    // No inbound sid: a local id, different on every desktop, cannot be claimed team-wide.
    typed.clientRef = u"keyword:message:42"_s;
    QVERIFY(!OutboxClaimGate::needsClaim(typed));
}

void TestKeywordClaims::claimRoundTripsThroughJson()
{
    KeywordClaim claim;
    claim.holder = u"desk-1"_s;
    claim.holderName = u"Sam"_s;
    claim.state = KeywordClaim::Sent;
    claim.leaseUntilMs = 1'800'000'000'123;
    claim.sid = u"SM1"_s;
    const KeywordClaim back = KeywordClaim::fromJson(claim.toJson());
    QCOMPARE(back.holder, claim.holder);
    QCOMPARE(back.holderName, claim.holderName);
    QCOMPARE(back.state, claim.state);
    QCOMPARE(back.leaseUntilMs, claim.leaseUntilMs);
    QCOMPARE(back.sid, claim.sid);
}

void TestKeywordClaims::firstComeSendsTheOtherWaitsThenSettles()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    const OutboxRow row = reply(u"SM00000000000000000000000000000001"_s);
    const auto first = ask(*ana, row);
    QVERIFY(first);
    QCOMPARE(first->kind, Kind::Send);
    const auto second = ask(*sam, row);
    QVERIFY(second);
    QCOMPARE(second->kind, Kind::Wait);
    // Soon again (Ana usually says "sent" within a second), never later than her lease.
    QVERIFY(second->retryAtMs > m_now);
    QVERIFY(second->retryAtMs <= m_now + LeaseMs + 1000);
    // Ana asks again (a retry of her post): still hers.
    QCOMPARE(ask(*ana, row)->kind, Kind::Send);

    ana->posted(row, u"SMreply1"_s);
    std::optional<OutboxClaimGate::Verdict> settled;
    QVERIFY(QTest::qWaitFor(
        [&] {
            settled = ask(*sam, row);
            return settled && settled->kind == Kind::Settled;
        },
        15000));
    QCOMPARE(settled->sid, u"SMreply1"_s);
    QCOMPARE(settled->sentBy, u"Team: Ana"_s);
    // One create and one update for the reply, a create and a fetch per collision.
    QVERIFY(ana->syncRequests() <= 2 + 3 + 1);
}

void TestKeywordClaims::expiredHolderIsTakenOverAndReconciled()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    const OutboxRow row = reply(u"SM00000000000000000000000000000002"_s);
    QCOMPARE(ask(*ana, row)->kind, Kind::Send);
    // Ana dies without a word; her lease runs out.
    m_now += LeaseMs + 1;
    // Sam takes over, finds no reply at the provider, sends.
    QCOMPARE(ask(*sam, row)->kind, Kind::Send);
    // Ana comes back: the claim is Sam's now, inside his lease.
    QCOMPARE(ask(*ana, row)->kind, Kind::Wait);
}

void TestKeywordClaims::takeoverFindsTheReplyTheHolderSent()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    const OutboxRow row = reply(u"SM00000000000000000000000000000003"_s);
    QCOMPARE(ask(*ana, row)->kind, Kind::Send);
    // Ana's post reaches the provider; she dies before recording it in the claim.
    std::optional<ProviderResult<ProviderMessage>> sent;
    m_client->sendMessage(row.from, row.to, row.body, this,
                          [&sent](const ProviderResult<ProviderMessage> &r) { sent.emplace(r); });
    QVERIFY(QTest::qWaitFor([&] { return sent.has_value(); }, 15000));
    QVERIFY(sent->ok());
    m_now += LeaseMs + 1;
    const auto verdict = ask(*sam, row);
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Settled);
    QCOMPARE(verdict->sid, sent->value().sid);
    // Sam recorded it: Ana, back, does not send either.
    std::optional<OutboxClaimGate::Verdict> again;
    QVERIFY(QTest::qWaitFor(
        [&] {
            again = ask(*ana, row);
            return again && again->kind == Kind::Settled;
        },
        15000));
    QCOMPARE(again->sid, sent->value().sid);
}

void TestKeywordClaims::refusalSettlesTheOthersWithoutASend()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    auto sam = desk(u"desk-sam"_s, u"Sam"_s);
    const OutboxRow row = reply(u"SM00000000000000000000000000000004"_s);
    QCOMPARE(ask(*ana, row)->kind, Kind::Send);
    ana->refused(row, u"opted out"_s);
    std::optional<OutboxClaimGate::Verdict> settled;
    QVERIFY(QTest::qWaitFor(
        [&] {
            settled = ask(*sam, row);
            return settled && settled->kind == Kind::Settled;
        },
        15000));
    QVERIFY(settled->sid.isEmpty());
    QVERIFY2(settled->reason.contains(u"opted out"_s), qPrintable(settled->reason));
    QVERIFY2(settled->reason.contains(u"Ana"_s), qPrintable(settled->reason));
}

void TestKeywordClaims::unreachableSyncHoldsTheReply()
{
    QNetworkAccessManager network;
    TwilioClient closed(&network,
                        AccountConfig::forSingleBaseUrl(u"Test"_s, m_server->accountSid(),
                                                        QUrl(u"http://127.0.0.1:1"_s)),
                        m_server->authToken());
    KeywordClaims claims(&closed, u"desk-ana"_s, u"Ana"_s);
    claims.setClock([this] { return m_now; });
    const auto verdict = ask(claims, reply(u"SM00000000000000000000000000000005"_s));
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Wait);
    QVERIFY(verdict->retryAtMs > m_now);
}

void TestKeywordClaims::rateLimitedSyncHoldsTheReply()
{
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    // Opened first (service and map), then writes are over the limit.
    QCOMPARE(ask(*ana, reply(u"SM00000000000000000000000000000006"_s))->kind, Kind::Send);
    sandbox::SyncRateLimits limits;
    limits.enabled = true;
    limits.writesPerSecond = 0.001;
    limits.readsPerSecond = 0.001;
    limits.burstSeconds = 0.001;
    m_server->setSyncRateLimits(limits);
    // The bucket holds one write: the next is answered 429/54009.
    QCOMPARE(ask(*ana, reply(u"SM00000000000000000000000000000007"_s))->kind, Kind::Send);
    const auto verdict = ask(*ana, reply(u"SM00000000000000000000000000000008"_s));
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Wait);
}

void TestKeywordClaims::claimItemsExpire()
{
    // Created with Twilio's ItemTtl, far beyond the lease: the map does not grow forever.
    auto ana = desk(u"desk-ana"_s, u"Ana"_s);
    QVERIFY(ana->itemTtl() >= std::chrono::hours(48));
    const OutboxRow row = reply(u"SM00000000000000000000000000000009"_s);
    QCOMPARE(ask(*ana, row)->kind, Kind::Send);
    const auto fetch = [this](const QString &key) {
        std::optional<ProviderResult<SyncMapItem>> item;
        m_client->findOrCreateSyncService(
            KeywordClaims::ServiceName, this, [&](const ProviderResult<SyncService> &service) {
                if (!service.ok()) {
                    item.emplace(service.error());
                    return;
                }
                m_client->fetchMapItem(service.value().sid, KeywordClaims::MapName, key, this,
                                       [&](const ProviderResult<SyncMapItem> &r) { item = r; });
            });
        (void)QTest::qWaitFor([&] { return item.has_value(); }, 15000);
        return item;
    };
    auto item = fetch(claimKeyOf(row));
    QVERIFY(item && item->ok());
    QVERIFY(item->value().dateExpires.isValid());
    QCOMPARE(item->value().dateCreated.secsTo(item->value().dateExpires),
             qint64(ana->itemTtl().count()));
    // The final update keeps that expiry (no TTL sent: Twilio leaves it as it is).
    ana->posted(row, u"SMreply9"_s);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto now = fetch(claimKeyOf(row));
            return now && now->ok() && now->value().data.value("state"_L1) == KeywordClaim::Sent;
        },
        15000));
    item = fetch(claimKeyOf(row));
    QCOMPARE(item->value().dateExpires, item->value().dateCreated.addSecs(ana->itemTtl().count()));

    // A short time to live: the sandbox deletes the item when it runs out, as Sync does.
    ana->setItemTtl(std::chrono::seconds(2));
    const OutboxRow brief = reply(u"SM0000000000000000000000000000000a"_s);
    QCOMPARE(ask(*ana, brief)->kind, Kind::Send);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto now = fetch(claimKeyOf(brief));
            return now && !now->ok() && now->error().httpStatus() == 404;
        },
        15000));
}

QTEST_GUILESS_MAIN(TestKeywordClaims)
#include "tst_keywordclaims.moc"
