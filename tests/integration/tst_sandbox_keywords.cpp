// Twilio's default keywords per (our number, customer) pair, short-code rules, the control
// endpoint's inbound injection, and simulated customers' replies.
#include "CustomerSimulator.h"
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {
const QString kSupport = u"+14155550100"_s;
const QString kSales = u"+14155550101"_s;
const QString kTollFree = u"+18445550100"_s;
const QString kExclusive = u"74621"_s;
const QString kShared = u"33733"_s;
const QString kCustomer = u"+14155550142"_s;
} // namespace

class TestSandboxKeywords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void optOutKeywordsBlockFurtherSends_data();
    void optOutKeywordsBlockFurtherSends();
    void optInKeywordsLiftTheOptOut_data();
    void optInKeywordsLiftTheOptOut();
    void helpKeywordsGetTheHelpReply_data();
    void helpKeywordsGetTheHelpReply();
    void otherMessagesAreOrdinary_data();
    void otherMessagesAreOrdinary();
    void optOutIsPerPair();
    void exclusiveShortCodeNeedsAdvancedOptOut();
    void sharedShortCodeNeedsProviderKeyword();
    void injectRejectsBadNumbers_data();
    void injectRejectsBadNumbers();
    void customersReplyAtTheConfiguredRate();
    void silentCustomersAtRateZero();
    void replyKindsFollowTheDocumentedShares();
    void demoCustomersWalkIn();

private:
    QList<QJsonObject> messages(const QString &query = {})
    {
        QList<QJsonObject> out;
        const QJsonArray all =
            m.client->get(m.client->account(u"/Messages.json?PageSize=1000"_s) + query)
                .json.value(u"messages"_s)
                .toArray();
        for (const QJsonValue &v : all)
            out.append(v.toObject());
        return out;
    }
    QList<QJsonObject> replies(const QString &from, const QString &to)
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : messages()) {
            if (o.value(u"direction"_s).toString() == u"outbound-reply"_s &&
                o.value(u"from"_s).toString() == from && o.value(u"to"_s).toString() == to)
                out.append(o);
        }
        return out;
    }
    bool optedOut(const QString &sender, const QString &customer)
    {
        for (const QJsonValue &v :
             m.client->get(u"/sandbox/opt-outs"_s).json.value(u"opt_outs"_s).toArray()) {
            if (v[u"sender"_s].toString() == sender && v[u"customer"_s].toString() == customer)
                return true;
        }
        return false;
    }
    SandboxFixture m;
};

void TestSandboxKeywords::optOutKeywordsBlockFurtherSends_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("text");
    for (const QString &keyword : {u"STOP"_s, u"STOPALL"_s, u"UNSUBSCRIBE"_s, u"CANCEL"_s, u"END"_s,
                                   u"QUIT"_s, u"REVOKE"_s, u"OPTOUT"_s}) {
        QTest::newRow(qPrintable(keyword)) << kSupport << keyword;
    }
    QTest::newRow("lower case") << kSupport << u"stop"_s;
    QTest::newRow("mixed case, spaces") << kSupport << u"  Unsubscribe \n"_s;
    QTest::newRow("toll-free") << kTollFree << u"Stop"_s;
}

void TestSandboxKeywords::optOutKeywordsBlockFurtherSends()
{
    QFETCH(QString, sender);
    QFETCH(QString, text);
    QCOMPARE(m.client->sendMessage(sender, kCustomer, u"Promo!"_s).status, 201);
    const HttpResult inbound = m.client->inject(kCustomer, sender, text);
    QCOMPARE(inbound.status, 201);
    QCOMPARE(inbound.json.value(u"direction"_s).toString(), u"inbound"_s);
    QCOMPARE(inbound.json.value(u"status"_s).toString(), u"received"_s);
    QCOMPARE(inbound.json.value(u"body"_s).toString(), text);
    QVERIFY(optedOut(sender, kCustomer));

    const QList<QJsonObject> confirmation = replies(sender, kCustomer);
    QCOMPARE(confirmation.size(), 1);
    QVERIFY(confirmation.first().value(u"body"_s).toString().contains(u"unsubscribed"_s));

    const HttpResult blocked = m.client->sendMessage(sender, kCustomer, u"Another promo"_s);
    QCOMPARE(blocked.status, 400);
    QCOMPARE(blocked.json.value(u"code"_s).toInt(), 21610);
}

void TestSandboxKeywords::optInKeywordsLiftTheOptOut_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::newRow("START") << u"START"_s;
    QTest::newRow("yes") << u"yes"_s;
    QTest::newRow("Unstop") << u"Unstop"_s;
}

void TestSandboxKeywords::optInKeywordsLiftTheOptOut()
{
    QFETCH(QString, keyword);
    QCOMPARE(m.client->inject(kCustomer, kSupport, u"STOP"_s).status, 201);
    QCOMPARE(m.client->sendMessage(kSupport, kCustomer, u"x"_s).json.value(u"code"_s).toInt(),
             21610);
    QCOMPARE(m.client->inject(kCustomer, kSupport, keyword).status, 201);
    QVERIFY(!optedOut(kSupport, kCustomer));
    QCOMPARE(replies(kSupport, kCustomer).size(), 2); // the STOP and the START confirmations
    QCOMPARE(m.client->sendMessage(kSupport, kCustomer, u"Welcome back"_s).status, 201);
}

void TestSandboxKeywords::helpKeywordsGetTheHelpReply_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::newRow("HELP") << u"HELP"_s;
    QTest::newRow("info") << u"info"_s;
}

void TestSandboxKeywords::helpKeywordsGetTheHelpReply()
{
    QFETCH(QString, keyword);
    QCOMPARE(m.client->inject(kCustomer, kSupport, keyword).status, 201);
    const QList<QJsonObject> help = replies(kSupport, kCustomer);
    QCOMPARE(help.size(), 1);
    QVERIFY(help.first().value(u"body"_s).toString().contains(u"Reply STOP to unsubscribe"_s));
    QVERIFY(!optedOut(kSupport, kCustomer));
    QCOMPARE(m.client->sendMessage(kSupport, kCustomer, u"still fine"_s).status, 201);
}

void TestSandboxKeywords::otherMessagesAreOrdinary_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("keyword inside a sentence") << u"We have got to STOP this"_s;
    QTest::newRow("two words") << u"stop please"_s;
    QTest::newRow("longer word") << u"stopping"_s;
    QTest::newRow("help in a question") << u"can you help?"_s;
}

void TestSandboxKeywords::otherMessagesAreOrdinary()
{
    QFETCH(QString, text);
    QCOMPARE(m.client->inject(kCustomer, kSupport, text).status, 201);
    QVERIFY(!optedOut(kSupport, kCustomer));
    QVERIFY(replies(kSupport, kCustomer).isEmpty());
    QCOMPARE(m.client->sendMessage(kSupport, kCustomer, u"reply"_s).status, 201);
}

void TestSandboxKeywords::optOutIsPerPair()
{
    QCOMPARE(m.client->inject(kCustomer, kSupport, u"STOP"_s).status, 201);
    QCOMPARE(m.client->sendMessage(kSupport, kCustomer, u"x"_s).json.value(u"code"_s).toInt(),
             21610);
    QCOMPARE(m.client->sendMessage(kSales, kCustomer, u"from another number"_s).status, 201);
    QCOMPARE(m.client->sendMessage(kSupport, u"+14155550143"_s, u"to another customer"_s).status,
             201);
}

void TestSandboxKeywords::exclusiveShortCodeNeedsAdvancedOptOut()
{
    QCOMPARE(m.client->inject(kCustomer, kExclusive, u"STOP"_s).status, 201);
    QVERIFY(!optedOut(kExclusive, kCustomer));
    QVERIFY(replies(kExclusive, kCustomer).isEmpty());
    QCOMPARE(m.client->sendMessage(kExclusive, kCustomer, u"still sending"_s).status, 201);

    const HttpResult on =
        m.client->post(u"/sandbox/numbers/74621"_s, {{u"AdvancedOptOut"_s, u"true"_s}});
    QCOMPARE(on.status, 200);
    QCOMPARE(m.client->inject(kCustomer, kExclusive, u"STOP"_s).status, 201);
    QVERIFY(optedOut(kExclusive, kCustomer));
    QCOMPARE(m.client->sendMessage(kExclusive, kCustomer, u"x"_s).json.value(u"code"_s).toInt(),
             21610);

    QCOMPARE(
        m.client->post(u"/sandbox/numbers/%2B14155550100"_s, {{u"AdvancedOptOut"_s, u"true"_s}})
            .status,
        404);
}

void TestSandboxKeywords::sharedShortCodeNeedsProviderKeyword()
{
    const HttpResult withKeyword = m.client->inject(kCustomer, kShared, u"desk stop"_s);
    QCOMPARE(withKeyword.status, 201);
    QVERIFY(optedOut(kShared, kCustomer));
    QCOMPARE(replies(kShared, kCustomer).size(), 1);

    for (const QString &text : {u"STOP"_s, u"SHOES STOP"_s}) {
        const HttpResult other = m.client->inject(u"+14155550143"_s, kShared, text);
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json.value(u"routed"_s).toBool(true), false);
    }
    QVERIFY(messages(SandboxClient::query({{u"From"_s, u"+14155550143"_s}}).replace(u'?', u'&'))
                .isEmpty());
}

void TestSandboxKeywords::injectRejectsBadNumbers_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("code");
    QTest::newRow("customer not a number") << u"abc"_s << kSupport << 21211;
    QTest::newRow("not our number") << kCustomer << u"+16175551212"_s << 21606;
    QTest::newRow("our voice-only number") << kCustomer << u"+14155550102"_s << 21606;
}

void TestSandboxKeywords::injectRejectsBadNumbers()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, code);
    const HttpResult r = m.client->inject(from, to, u"hi"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"code"_s).toInt(), code);
}

void TestSandboxKeywords::customersReplyAtTheConfiguredRate()
{
    QCOMPARE(m.client->post(u"/sandbox/customers"_s, {{u"ReplyRate"_s, u"1"_s}}).status, 200);
    const QStringList customers = {u"+14155550142"_s, u"+14155550143"_s, u"+14155550144"_s,
                                   u"+14155550145"_s};
    for (const QString &c : customers)
        QCOMPARE(m.client->sendMessage(kSupport, c, u"How was your visit?"_s).status, 201);
    const auto inboundFrom = [&](const QString &customer) {
        int count = 0;
        for (const QJsonObject &o : messages()) {
            count += o.value(u"direction"_s).toString() == u"inbound"_s &&
                     o.value(u"from"_s).toString() == customer &&
                     o.value(u"to"_s).toString() == kSupport &&
                     o.value(u"status"_s).toString() == u"received"_s;
        }
        return count;
    };
    for (const QString &c : customers)
        QTRY_COMPARE_WITH_TIMEOUT(inboundFrom(c), 1, 30000);
}

void TestSandboxKeywords::silentCustomersAtRateZero()
{
    const QString sid =
        m.client->sendMessage(kSupport, kCustomer, u"Anyone?"_s).json.value(u"sid"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
    // The longest reply delay is 120 sandbox seconds: 1.2 s of wall time at speed 100.
    QTest::qWait(1500);
    for (const QJsonObject &o : messages())
        QVERIFY(o.value(u"direction"_s).toString() != u"inbound"_s);
}

void TestSandboxKeywords::replyKindsFollowTheDocumentedShares()
{
    int stop = 0;
    int help = 0;
    int questions = 0;
    int other = 0;
    for (quint32 roll = 0; roll < 100; ++roll) {
        const QString reply = CustomerSimulator::pickReply(roll, roll * 7);
        if (reply.compare(u"STOP"_s, Qt::CaseInsensitive) == 0)
            ++stop;
        else if (reply == u"HELP"_s)
            ++help;
        else if (reply.endsWith(u'?'))
            ++questions;
        else
            ++other;
    }
    QCOMPARE(stop, 10);
    QCOMPARE(help, 5);
    QCOMPARE(questions, 35);
    QCOMPARE(other, 50);
}

void TestSandboxKeywords::demoCustomersWalkIn()
{
    SandboxOptions options = SandboxFixture::testOptions();
    options.demo = true;
    options.speed = 1000.0; // a walk-in every 45-120 sandbox seconds: 45-120 ms of wall time
    m = {};
    QVERIFY(m.start(options));
    const auto walkIns = [&] {
        int count = 0;
        for (const QJsonObject &o : messages()) {
            const QString from = o.value(u"from"_s).toString();
            count += o.value(u"direction"_s).toString() == u"inbound"_s &&
                     from.startsWith(u"+14155550"_s) && from.mid(9).toInt() >= 110 &&
                     from.mid(9).toInt() <= 179;
        }
        return count;
    };
    QTRY_VERIFY_WITH_TIMEOUT(walkIns() >= 3, 20000);
}

QTEST_MAIN(TestSandboxKeywords)
#include "tst_sandbox_keywords.moc"
