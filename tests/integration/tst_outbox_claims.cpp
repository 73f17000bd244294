// The outbox's claim gate against the real sandbox, with a scripted gate: a team desktop holds
// keyword replies until it knows whether it is in a team (other messages go on), posts one
// only on "send" and tells the gate the sid, leaves it unsent on "wait", and on "settled"
// never posts it: the reply takes the team's sid and names who sent it, or is blocked with
// the holder's reason.
#include "OutboxFixture.h"
#include "SandboxProcess.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;

class ScriptedGate : public OutboxClaimGate
{
public:
    Verdict next;
    int asked = 0;
    QStringList posts; // "key=sid"
    QStringList refusals;

    void claim(const OutboxRow &, QObject *context, Done done) override
    {
        ++asked;
        QTimer::singleShot(0, context, [done, verdict = next] { done(verdict); });
    }
    void posted(const OutboxRow &row, const QString &sid) override
    {
        posts.append(claimKey(row) + u'=' + sid);
    }
    void refused(const OutboxRow &row, const QString &reason) override
    {
        refusals.append(claimKey(row) + u'=' + reason);
    }
};

OutboxClaimGate::Verdict verdict(OutboxClaimGate::Verdict::Kind kind)
{
    OutboxClaimGate::Verdict v;
    v.kind = kind;
    return v;
}

} // namespace

class TestOutboxClaims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keywordRepliesWaitForTheGateOthersGoOn();
    void sendPostsAndRecordsTheSid();
    void waitLeavesItUnsent();
    void settledTakesTheTeamsReply();
    void settledWithoutSidIsBlocked();

private:
    qint64 queueKeywordReply(const QString &customer, const QString &inboundSid);
    int atProvider(const QString &customer) { return int(m_sandbox.messagesTo(customer).size()); }

    SandboxProcess m_sandbox;
    std::unique_ptr<OutboxFixture> m_desk;
    ScriptedGate m_gate;
};

void TestOutboxClaims::initTestCase()
{
    QVERIFY(m_sandbox.start());
}

void TestOutboxClaims::init()
{
    m_desk = std::make_unique<OutboxFixture>();
    QVERIFY(m_desk->start(m_sandbox.url, m_sandbox.sid, m_sandbox.token, Support, 10.0, false));
    m_gate = ScriptedGate();
}

qint64 TestOutboxClaims::queueKeywordReply(const QString &customer, const QString &inboundSid)
{
    const qint64 account = m_desk->accountId;
    const qint64 id = m_desk->writer->call([&](WriterContext &context) -> qint64 {
        const qint64 sender =
            AccountRows(context.db()).createOrFindSenderNumber(account, Support, 10);
        OutgoingMessage reply;
        reply.threadId = context.messages->findOrCreateThread(account, customer, sender);
        reply.body = u"Open 9-5."_s;
        reply.author = u"system"_s;
        reply.clientRef = u"keyword:"_s + inboundSid;
        reply.purpose = ConsentLedger::MessagePurpose::KeywordConfirmation;
        qint64 messageId = 0;
        return context.messages->insertOutgoing(reply, &messageId) ? messageId : 0;
    });
    if (id)
        m_desk->outbox->adopt({id});
    return id;
}

void TestOutboxClaims::keywordRepliesWaitForTheGateOthersGoOn()
{
    Outbox &outbox = *m_desk->outbox;
    outbox.awaitClaimGate();
    QVERIFY(outbox.start());
    const QString customer = u"+14155557001"_s;
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    const qint64 keyword = queueKeywordReply(customer, u"SMin7001"_s);
    QVERIFY(keyword);
    const qint64 typed = outbox.queueMessage(Support, u"+14155557002"_s, u"Hi"_s, u"Ana"_s);
    QVERIFY(typed);
    QVERIFY(QTest::qWaitFor([&] { return sent.size() == 1; }, 15000));
    QCOMPARE(sent.first().first().toLongLong(), typed);
    QCOMPARE(atProvider(customer), 0); // held: the team state is not known yet
    outbox.setClaimGate(nullptr);      // not in a team: sent as before
    QVERIFY(QTest::qWaitFor([&] { return sent.size() == 2; }, 15000));
    QCOMPARE(sent.last().first().toLongLong(), keyword);
    QCOMPARE(atProvider(customer), 1);
}

void TestOutboxClaims::sendPostsAndRecordsTheSid()
{
    Outbox &outbox = *m_desk->outbox;
    outbox.setClaimGate(&m_gate);
    m_gate.next = verdict(OutboxClaimGate::Verdict::Kind::Send);
    QVERIFY(outbox.start());
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    const QString customer = u"+14155557003"_s;
    QVERIFY(queueKeywordReply(customer, u"SMin7003"_s));
    // A message typed here needs no claim.
    QVERIFY(outbox.queueMessage(Support, u"+14155557004"_s, u"Hi"_s, u"Ana"_s));
    QVERIFY(QTest::qWaitFor([&] { return sent.size() == 2; }, 15000));
    QCOMPARE(m_gate.asked, 1);
    QCOMPARE(atProvider(customer), 1);
    const QString sid = m_sandbox.messagesTo(customer).first()[u"sid"_s].toString();
    QCOMPARE(m_gate.posts, QStringList{u"SMin7003="_s + sid});
}

void TestOutboxClaims::waitLeavesItUnsent()
{
    Outbox &outbox = *m_desk->outbox;
    outbox.setClaimGate(&m_gate);
    OutboxClaimGate::Verdict wait = verdict(OutboxClaimGate::Verdict::Kind::Wait);
    wait.retryAtMs = QDateTime::currentMSecsSinceEpoch() + 200;
    m_gate.next = wait;
    QVERIFY(outbox.start());
    const QString customer = u"+14155557005"_s;
    const qint64 id = queueKeywordReply(customer, u"SMin7005"_s);
    QVERIFY(QTest::qWaitFor([&] { return m_gate.asked >= 3; }, 15000)); // asked again and again
    QCOMPARE(atProvider(customer), 0);
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"queued"_s);
    QCOMPARE(outbox.pendingCount(), 1);
    // Then the claim is ours: it goes, once.
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    m_gate.next = verdict(OutboxClaimGate::Verdict::Kind::Send);
    QVERIFY(QTest::qWaitFor([&] { return sent.size() == 1; }, 15000));
    QCOMPARE(atProvider(customer), 1);
}

void TestOutboxClaims::settledTakesTheTeamsReply()
{
    // A teammate's desktop answered: its reply is at the provider.
    const QString customer = u"+14155557006"_s;
    const HttpResult theirs = m_sandbox.client->sendMessage(Support, customer, u"Open 9-5."_s);
    QCOMPARE(theirs.status, 201);
    const QString sid = theirs.json.value(u"sid"_s).toString();
    Outbox &outbox = *m_desk->outbox;
    outbox.setClaimGate(&m_gate);
    OutboxClaimGate::Verdict settled = verdict(OutboxClaimGate::Verdict::Kind::Settled);
    settled.sid = sid;
    settled.sentBy = u"Team: Sam"_s;
    m_gate.next = settled;
    QVERIFY(outbox.start());
    QSignalSpy bySpy(&outbox, &Outbox::messageSettledByTeam);
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    const qint64 id = queueKeywordReply(customer, u"SMin7006"_s);
    QVERIFY(QTest::qWaitFor([&] { return bySpy.size() == 1; }, 15000));
    QCOMPARE(bySpy.first().at(0).toLongLong(), id);
    QCOMPARE(bySpy.first().at(1).toString(), sid);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(atProvider(customer), 1); // theirs only
    QCOMPARE(m_desk->column(id, u"provider_sid"_s).toString(), sid);
    QCOMPARE(m_desk->column(id, u"author"_s).toString(), u"Team: Sam"_s);
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"sent"_s);
    QVERIFY(m_gate.posts.isEmpty());
    QCOMPARE(outbox.pendingCount(), 0);
}

void TestOutboxClaims::settledWithoutSidIsBlocked()
{
    Outbox &outbox = *m_desk->outbox;
    outbox.setClaimGate(&m_gate);
    OutboxClaimGate::Verdict settled = verdict(OutboxClaimGate::Verdict::Kind::Settled);
    settled.reason = u"Not sent from here: Sam's desktop could not send it (opted out)"_s;
    m_gate.next = settled;
    QVERIFY(outbox.start());
    QSignalSpy bySpy(&outbox, &Outbox::messageSettledByTeam);
    const QString customer = u"+14155557007"_s;
    const qint64 id = queueKeywordReply(customer, u"SMin7007"_s);
    QVERIFY(QTest::qWaitFor([&] { return bySpy.size() == 1; }, 15000));
    QVERIFY(bySpy.first().at(1).toString().isEmpty());
    QCOMPARE(m_desk->column(id, u"status"_s).toString(), u"blocked"_s);
    QCOMPARE(m_desk->column(id, u"error_message"_s).toString(), settled.reason);
    QCOMPARE(atProvider(customer), 0);
}

QTEST_GUILESS_MAIN(TestOutboxClaims)
#include "tst_outbox_claims.moc"
