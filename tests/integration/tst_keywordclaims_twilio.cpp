// KeywordClaims against a scripted server answering as Twilio's documentation says, not as our
// sandbox does: item bodies from the OpenAPI examples (twilio_sync_v1.json), errors with
// Twilio's codes and payloads: 54208 "Map Item already exists" (HTTP 409) on a create whose
// key is taken, 54205 "revision mismatch" (HTTP 412) on an If-Match update that lost. Checks
// what the claims send: Key, Data and ItemTtl on the create, If-Match (the item's revision) on
// a takeover, no ItemTtl on updates (Twilio keeps the expiry then).
#include "KeywordClaims.h"
#include "TwilioTestSupport.h"

using namespace TwilioTest;
using Kind = OutboxClaimGate::Verdict::Kind;

namespace {

const QString ClaimsMap = u"/v1/Services/"_s + kService + u"/Maps/keyword-claims"_s;
const QString Items = ClaimsMap + u"/Items"_s;
const QString Inbound = u"SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"_s;
constexpr qint64 Now = 1'800'000'000'000;

const QByteArray kItemExists =
    R"({"code": 54208, "message": "Map Item already exists", )"
    R"("more_info": "https://www.twilio.com/docs/errors/54208", "status": 409})";

OutboxRow reply()
{
    OutboxRow row;
    row.id = 1;
    row.from = u"+14155550100"_s;
    row.to = u"+14155552671"_s;
    row.body = u"Open 9-5."_s;
    row.clientRef = u"keyword:"_s + Inbound;
    return row;
}

// The OpenAPI example of a map item, holding `claim` at `revision`.
QByteArray item(const KeywordClaim &claim, const QString &revision)
{
    QJsonObject json = fixtureObject(u"sync_item.json"_s);
    json["key"_L1] = Inbound;
    json["data"_L1] = claim.toJson();
    json["revision"_L1] = revision;
    return toJson(json);
}

KeywordClaim held(const QString &holder, qint64 leaseUntil, const QString &state)
{
    KeywordClaim claim;
    claim.holder = holder;
    claim.holderName = u"Sam"_s;
    claim.state = state;
    claim.leaseUntilMs = leaseUntil;
    return claim;
}

} // namespace

class TstKeywordClaimsTwilio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_rig.reset(); }
    void createSendsKeyDataAndItemTtl();
    void takenKeyIsReadAndWaitedFor();
    void lostTakeoverReadsAgainAndSettles();

private:
    std::optional<OutboxClaimGate::Verdict> ask(KeywordClaims &claims);
    QList<RecordedRequest> requestsTo(const QByteArray &method, const QString &path) const;

    std::unique_ptr<Rig> m_rig;
    std::unique_ptr<KeywordClaims> m_claims;
};

void TstKeywordClaimsTwilio::init()
{
    m_rig = std::make_unique<Rig>();
    QVERIFY(m_rig->start());
    QJsonObject service = fixtureObject(u"sync_service.json"_s);
    service["sid"_L1] = kService;
    m_rig->server.script("GET", u"/v1/Services/smsdesk"_s,
                         ScriptedResponse::json(200, toJson(service)));
    QJsonObject map = fixtureObject(u"sync_list.json"_s);
    map["sid"_L1] = kMap;
    map["unique_name"_L1] = u"keyword-claims"_s;
    m_rig->server.script("GET", ClaimsMap, ScriptedResponse::json(200, toJson(map)));
    m_claims = std::make_unique<KeywordClaims>(m_rig->client.get(), u"desk-ana"_s, u"Ana"_s);
    m_claims->setLease(std::chrono::milliseconds(60'000));
    m_claims->setClock([] { return Now; });
}

std::optional<OutboxClaimGate::Verdict> TstKeywordClaimsTwilio::ask(KeywordClaims &claims)
{
    std::optional<OutboxClaimGate::Verdict> verdict;
    claims.claim(reply(), this, [&verdict](const OutboxClaimGate::Verdict &v) { verdict = v; });
    if (!QTest::qWaitFor([&] { return verdict.has_value(); }, 10000))
        return std::nullopt;
    return verdict;
}

QList<RecordedRequest> TstKeywordClaimsTwilio::requestsTo(const QByteArray &method,
                                                          const QString &path) const
{
    QList<RecordedRequest> found;
    for (const RecordedRequest &request : m_rig->server.requests()) {
        if (request.method == method && request.path == path)
            found.append(request);
    }
    return found;
}

void TstKeywordClaimsTwilio::createSendsKeyDataAndItemTtl()
{
    m_rig->server.script(
        "POST", Items,
        ScriptedResponse::json(201, item(held(u"desk-ana"_s, Now + 60'000, u"claimed"_s), u"0"_s)));
    const auto verdict = ask(*m_claims);
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Send);
    const auto creates = requestsTo("POST", Items);
    QCOMPARE(creates.size(), 1);
    const FieldList form = creates.first().form();
    QCOMPARE(RecordedRequest::value(form, u"Key"_s), Inbound);
    QCOMPARE(RecordedRequest::value(form, u"ItemTtl"_s),
             QString::number(KeywordClaims::DefaultItemTtl.count()));
    const KeywordClaim sent = KeywordClaim::fromJson(
        QJsonDocument::fromJson(RecordedRequest::value(form, u"Data"_s).toUtf8()).object());
    QCOMPARE(sent.holder, u"desk-ana"_s);
    QCOMPARE(sent.state, KeywordClaim::Claimed);
    QCOMPARE(sent.leaseUntilMs, Now + 60'000);

    // Posted: the final state is an update with neither If-Match nor ItemTtl.
    m_rig->server.script(
        "POST", Items + u'/' + Inbound,
        ScriptedResponse::json(200, item(held(u"desk-ana"_s, Now + 60'000, u"sent"_s), u"1"_s)));
    m_claims->posted(reply(), u"SMreply"_s);
    QVERIFY(QTest::qWaitFor([&] { return !requestsTo("POST", Items + u'/' + Inbound).isEmpty(); },
                            10000));
    const RecordedRequest update = requestsTo("POST", Items + u'/' + Inbound).first();
    QVERIFY(update.header("If-Match").isEmpty());
    QVERIFY(RecordedRequest::value(update.form(), u"ItemTtl"_s).isNull());
}

void TstKeywordClaimsTwilio::takenKeyIsReadAndWaitedFor()
{
    m_rig->server.script("POST", Items, ScriptedResponse::json(409, kItemExists));
    m_rig->server.script(
        "GET", Items + u'/' + Inbound,
        ScriptedResponse::json(200, item(held(u"desk-sam"_s, Now + 30'000, u"claimed"_s), u"4"_s)));
    const auto verdict = ask(*m_claims);
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Wait);
    QVERIFY(verdict->retryAtMs > Now && verdict->retryAtMs <= Now + 30'000 + 1000);
    QCOMPARE(requestsTo("GET", Items + u'/' + Inbound).size(), 1);
    // Asked again, it reads (a create would only be answered 54208 again).
    m_rig->server.clearRequests();
    QCOMPARE(ask(*m_claims)->kind, Kind::Wait);
    QCOMPARE(requestsTo("POST", Items).size(), 0);
}

void TstKeywordClaimsTwilio::lostTakeoverReadsAgainAndSettles()
{
    m_rig->server.script("POST", Items, ScriptedResponse::json(409, kItemExists));
    KeywordClaim sent = held(u"desk-lee"_s, Now + 60'000, u"sent"_s);
    sent.sid = u"SMteam"_s;
    m_rig->server.script(
        "GET", Items + u'/' + Inbound,
        {ScriptedResponse::json(200, item(held(u"desk-sam"_s, Now - 1, u"claimed"_s), u"7"_s)),
         ScriptedResponse::json(200, item(sent, u"9"_s))});
    // Lee took it over first: our If-Match on revision 7 is answered 54205.
    m_rig->server.script("POST", Items + u'/' + Inbound,
                         ScriptedResponse::json(412, kRevisionMismatch));
    const auto verdict = ask(*m_claims);
    QVERIFY(verdict);
    QCOMPARE(verdict->kind, Kind::Settled);
    QCOMPARE(verdict->sid, u"SMteam"_s);
    QCOMPARE(verdict->sentBy, u"Team: Sam"_s);
    const auto takeovers = requestsTo("POST", Items + u'/' + Inbound);
    QCOMPARE(takeovers.size(), 1);
    QCOMPARE(takeovers.first().header("If-Match"), QByteArray("7"));
    QVERIFY(RecordedRequest::value(takeovers.first().form(), u"ItemTtl"_s).isNull());
    QCOMPARE(requestsTo("GET", Items + u'/' + Inbound).size(), 2);
}

QTEST_GUILESS_MAIN(TstKeywordClaimsTwilio)
#include "tst_keywordclaims_twilio.moc"
