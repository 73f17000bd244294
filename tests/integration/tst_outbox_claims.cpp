// The outbox's claim gate against the real sandbox, with a scripted gate: a team desktop holds
// keyword replies until it knows whether it is in a team (other messages go on), posts one
// only on "send" and tells the gate the sid, leaves it unsent on "wait", and on "settled"
// never posts it: the reply takes the team's sid and names who sent it, or is blocked with
// the holder's reason.
#include "OutboxFixture.h"
#include "SandboxProcess.h"

#include "MessageRecord.h"
#include "UnansweredKeywords.h"

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
    void staleReplyIsNotedNotSent();
    void staleReplyWithoutATeamIsNotedToo();

private:
    qint64 queueKeywordReply(const QString &customer, const QString &inboundSid);
    // The customer's inbound `body` as synced, `ageMs` ago; returns its sid.
    QString syncedInbound(const QString &customer, const QString &body, qint64 ageMs);
    void checkStaleReply(bool withGate);
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

QString TestOutboxClaims::syncedInbound(const QString &customer, const QString &body, qint64 ageMs)
{
    static int serial = 0;
    MessageRecord record;
    record.sid = u"SMstale%1"_s.arg(++serial, 27, 10, QLatin1Char('0'));
    record.direction = MessageRecord::Direction::Inbound;
    record.from = customer;
    record.to = Support;
    record.body = body;
    record.status = u"received"_s;
    record.dateCreated = record.dateUpdated = QDateTime::currentDateTimeUtc().addMSecs(-ageMs);
    const qint64 account = m_desk->accountId;
    const bool stored = m_desk->writer->call([&](WriterContext &context) {
        return context.messages->upsertPage(account, {record}, nullptr);
    });
    return stored ? record.sid : QString();
}

void TestOutboxClaims::checkStaleReply(bool withGate)
{
    Outbox &outbox = *m_desk->outbox;
    if (withGate) {
        outbox.setClaimGate(&m_gate);
        m_gate.next = verdict(OutboxClaimGate::Verdict::Kind::Send);
    }
    QVERIFY(outbox.start());
    QSignalSpy blocked(&outbox, &Outbox::messageBlocked);
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    // HELP came 26 h ago (every desktop was closed, or Sync was down): its reply is not sent.
    const QString late = withGate ? u"+14155557101"_s : u"+14155557103"_s;
    const QString lateSid = syncedInbound(late, u"help"_s, 26LL * 3600 * 1000);
    QVERIFY(!lateSid.isEmpty());
    const qint64 lateReply = queueKeywordReply(late, lateSid);
    // One 23 h ago is still answered.
    const QString inTime = withGate ? u"+14155557102"_s : u"+14155557104"_s;
    const QString inTimeSid = syncedInbound(inTime, u"HELP"_s, 23LL * 3600 * 1000);
    QVERIFY(queueKeywordReply(inTime, inTimeSid));
    QVERIFY(QTest::qWaitFor([&] { return blocked.size() == 1 && sent.size() == 1; }, 15000));
    const QString line =
        u"HELP received 26 h ago was not answered automatically (older than 24 h)"_s;
    QCOMPARE(blocked.first().at(0).toLongLong(), lateReply);
    QCOMPARE(blocked.first().at(1).toString(), line);
    QCOMPARE(atProvider(late), 0);
    QCOMPARE(atProvider(inTime), 1);
    QCOMPARE(m_desk->column(lateReply, u"status"_s).toString(), u"blocked"_s);
    QCOMPARE(m_desk->column(lateReply, u"error_message"_s).toString(), line);
    // In the thread as a note from SMS Desk, and counted.
    const qint64 account = m_desk->accountId;
    const QString noted = m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery query(context.db());
        query.exec(u"SELECT author, body FROM thread_notes"_s);
        return query.next() ? query.value(0).toString() + u": "_s + query.value(1).toString()
                            : QString();
    });
    QCOMPARE(noted, u"SMS Desk: "_s + line);
    const qint64 counted = m_desk->writer->call([&](WriterContext &context) {
        return context.repo<UnansweredKeywords>().count(account).value_or(-1);
    });
    QCOMPARE(counted, 1);
    // The team is told, so no other desktop sends it either.
    if (withGate)
        QCOMPARE(m_gate.refusals, QStringList{lateSid + u'=' + line});
}

void TestOutboxClaims::staleReplyIsNotedNotSent()
{
    checkStaleReply(true);
}

void TestOutboxClaims::staleReplyWithoutATeamIsNotedToo()
{
    checkStaleReply(false);
}

QTEST_GUILESS_MAIN(TestOutboxClaims)
#include "tst_outbox_claims.moc"
