// A create whose answer was lost is recognised, never adopted from someone else (issue 15,
// item 5): against a sandbox process whose account rewrites bodies as real accounts do (trial
// prefix, Smart Encoding) and answers with its clock in the Date header.
#include "OutboxFixture.h"
#include "SandboxProcess.h"
#include "SendReconciler.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString kSupport = u"+14155550100"_s;
constexpr int kWaitMs = 30000;
} // namespace

class TestReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bodiesMatchModuloRewrites();
    void windowFollowsTheProviderClock();
    void lostAnswerWithTrialPrefixAndSmartEncoding();
    void twoProfilesSendingTheSameBody();

private:
    QJsonArray providerMessagesTo(const QString &to)
    {
        m_sandbox->setFaults({});
        return m_sandbox->messagesTo(to);
    }
    std::unique_ptr<SandboxProcess> m_sandbox;
};

void TestReconcile::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(
        m_sandbox->start(0, {u"--speed"_s, u"1"_s, u"--trial-account"_s, u"--smart-encoding"_s}));
}

void TestReconcile::cleanup()
{
    m_sandbox.reset();
}

void TestReconcile::bodiesMatchModuloRewrites()
{
    const QString composed = u"It\u2019s \u201Cready\u201D \u2014 10\u00A0min\u2026"_s;
    QVERIFY(SendReconciler::sameBody(composed, composed));
    QVERIFY(SendReconciler::sameBody(composed, u"It's \"ready\" - 10 min..."_s));
    QVERIFY(SendReconciler::sameBody(
        composed, u"Sent from your Twilio trial account - It's \"ready\" - 10 min..."_s));
    QVERIFY(!SendReconciler::sameBody(composed, u"It's \"ready\" - 11 min..."_s));
    QVERIFY(!SendReconciler::sameBody(u"See you"_s, u"Sent from your Twilio trial account - "_s));
    QVERIFY(!SendReconciler::sameBody(u"a"_s, u"b"_s));
}

void TestReconcile::windowFollowsTheProviderClock()
{
    using namespace std::chrono_literals;
    QCOMPARE(SendReconciler::windowStartMs(100000, 5000, 2min), 103000);
    QCOMPARE(SendReconciler::windowStartMs(100000, std::nullopt, 2min), -20000);
}

void TestReconcile::lostAnswerWithTrialPrefixAndSmartEncoding()
{
    OutboxFixture desk;
    QVERIFY(desk.start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    QVERIFY(m_sandbox->setFaults({{u"DropNext"_s, u"1"_s}}));
    QSignalSpy sent(desk.outbox.get(), &Outbox::messageSent);
    const QString to = u"+14155550271"_s;
    const qint64 id = desk.outbox->queueMessage(
        kSupport, to, u"Table\u2019s ready \u2014 come in"_s, u"agent@example.com"_s);
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, kWaitMs);
    const QJsonArray atProvider = providerMessagesTo(to);
    QCOMPARE(atProvider.size(), 1); // sent once
    QCOMPARE(atProvider.first()[u"body"_s].toString(),
             u"Sent from your Twilio trial account - Table's ready - come in"_s);
    QCOMPARE(desk.column(id, u"provider_sid"_s).toString(),
             atProvider.first()[u"sid"_s].toString());
    QCOMPARE(desk.column(id, u"send_attempts"_s).toInt(), 1); // reconciled, not re-sent
}

void TestReconcile::twoProfilesSendingTheSameBody()
{
    OutboxFixture a;
    OutboxFixture b;
    QVERIFY(a.start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    QVERIFY(b.start(m_sandbox->url, m_sandbox->sid, m_sandbox->token, kSupport, 100.0));
    const QString to = u"+14155550272"_s;
    const QString body = u"Your order is ready"_s;
    QSignalSpy sentA(a.outbox.get(), &Outbox::messageSent);
    const qint64 idA = a.outbox->queueMessage(kSupport, to, body, u"a@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(sentA.size(), 1, kWaitMs);
    // Apart by more than the provider clock's margin (whole seconds on both sides): within
    // it the two cannot be told apart (docs/OUTBOX.md).
    QTest::qWait(int(SendReconciler::ProviderClockMarginMs) + 1500);

    // B's create is carried out but its answer is lost: B must find its own message, not A's.
    QVERIFY(m_sandbox->setFaults({{u"DropNext"_s, u"1"_s}}));
    QSignalSpy sentB(b.outbox.get(), &Outbox::messageSent);
    const qint64 idB = b.outbox->queueMessage(kSupport, to, body, u"b@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(sentB.size(), 1, kWaitMs);
    const QJsonArray atProvider = providerMessagesTo(to);
    QCOMPARE(atProvider.size(), 2); // one per intended send
    const QString sidA = a.column(idA, u"provider_sid"_s).toString();
    const QString sidB = b.column(idB, u"provider_sid"_s).toString();
    QVERIFY(!sidA.isEmpty());
    QVERIFY(!sidB.isEmpty());
    QVERIFY2(sidA != sidB, "B adopted A's message");
    QCOMPARE(b.column(idB, u"send_attempts"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
