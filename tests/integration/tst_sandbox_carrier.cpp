// The simulated carrier over real HTTP: pacing in segments per second per sender type,
// status progression, the documented failure rules, queue limits and Twilio's magic numbers.
#include "SandboxFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {
const QString kLongCode = u"+14155550100"_s;
const QString kTollFree = u"+18445550100"_s;
const QString kShortCode = u"74621"_s;
const QString kCustomer = u"+14155550142"_s;

qint64 seconds(const QJsonObject &message, const QString &field)
{
    return QDateTime::fromString(message.value(field).toString(), Qt::RFC2822Date)
        .toSecsSinceEpoch();
}
} // namespace

class TestSandboxCarrier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m = {}; }

    void pacingFollowsSegmentsPerSecond_data();
    void pacingFollowsSegmentsPerSecond();
    void statusMovesQueuedSendingSentDelivered();
    void pausedCarrierKeepsMessagesQueued();
    void failureRules_data();
    void failureRules();
    void queueHoldsTenHoursOfSegments();
    void magicNumbers_data();
    void magicNumbers();
    void magicSenderDelivers();
    void noReceiptsStaySent();

private:
    QJsonObject fetch(const QString &sid)
    {
        return m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).json;
    }
    SandboxFixture m;
};

void TestSandboxCarrier::pacingFollowsSegmentsPerSecond_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<double>("shortCodeRate"); // configurable rates: the short code runs slow here
    QTest::addColumn<int>("bodyLength");       // GSM-7 characters
    QTest::newRow("long code, 3-segment texts") << kLongCode << 100.0 << 400;
    QTest::newRow("toll-free, 3-segment texts") << kTollFree << 100.0 << 400;
    QTest::newRow("toll-free, 6-segment texts") << kTollFree << 100.0 << 900;
    QTest::newRow("short code at a configured 0.5/s") << kShortCode << 0.5 << 150;
}

void TestSandboxCarrier::pacingFollowsSegmentsPerSecond()
{
    QFETCH(QString, sender);
    QFETCH(double, shortCodeRate);
    QFETCH(int, bodyLength);
    SandboxOptions options = SandboxFixture::testOptions();
    options.shortCodeRate = shortCodeRate;
    QVERIFY(m.start(options));
    const QJsonArray numbers = m.client->get(u"/sandbox/info"_s).json.value(u"numbers"_s).toArray();
    double rate = 0;
    for (const QJsonValue &n : numbers) {
        if (n.toObject().value(u"number"_s).toString() == sender)
            rate = n.toObject().value(u"rate"_s).toDouble();
    }
    QVERIFY(rate > 0);

    // A burst queues; each message leaves segments / rate seconds after the previous one.
    QStringList sids;
    int segments = 0;
    for (int i = 0; i < 5; ++i) {
        const HttpResult r =
            m.client->sendMessage(sender, kCustomer, QString(bodyLength, QLatin1Char('a' + i)));
        QCOMPARE(r.status, 201);
        sids.append(r.json.value(u"sid"_s).toString());
        segments = r.json.value(u"num_segments"_s).toString().toInt();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sids.last()), u"delivered"_s, 30000);
    const double interval = segments / rate;
    QCOMPARE(interval, std::round(interval)); // whole seconds, so RFC 2822 dates show it exactly
    for (int i = 1; i < sids.size(); ++i) {
        const qint64 gap =
            seconds(fetch(sids[i]), u"date_sent"_s) - seconds(fetch(sids[i - 1]), u"date_sent"_s);
        QCOMPARE(gap, qint64(interval));
    }
}

void TestSandboxCarrier::statusMovesQueuedSendingSentDelivered()
{
    SandboxOptions options = SandboxFixture::testOptions();
    options.speed = 10.0; // a 10-segment text is "sending" for one wall second
    QVERIFY(m.start(options));
    const HttpResult r = m.client->sendMessage(kLongCode, kCustomer, QString(1500, u'x'));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(u"status"_s).toString(), u"queued"_s);
    const QString sid = r.json.value(u"sid"_s).toString();
    QStringList seen{u"queued"_s};
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const QString status = m.messageStatus(sid);
                                 if (seen.last() != status)
                                     seen.append(status);
                                 return status == u"delivered"_s;
                             }()),
                             20000);
    QCOMPARE(seen, (QStringList{u"queued"_s, u"sending"_s, u"sent"_s, u"delivered"_s}));
    const QJsonObject done = fetch(sid);
    QVERIFY(seconds(done, u"date_created"_s) <= seconds(done, u"date_sent"_s));
    QVERIFY(seconds(done, u"date_sent"_s) <= seconds(done, u"date_updated"_s));
}

void TestSandboxCarrier::noReceiptsStaySent()
{
    SandboxOptions options = SandboxFixture::testOptions();
    options.speed = 1000.0; // the 2 s receipt delay passes in 2 wall milliseconds
    options.noReceipts = true;
    QVERIFY(m.start(options));
    const HttpResult r = m.client->sendMessage(kLongCode, kCustomer, u"no receipt"_s);
    QCOMPARE(r.status, 201);
    const QString sid = r.json.value(u"sid"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"sent"_s, 20000);
    // 300 sandbox seconds later, a receipt would long have come.
    QTest::qWait(300);
    QCOMPARE(m.messageStatus(sid), u"sent"_s);
}

void TestSandboxCarrier::pausedCarrierKeepsMessagesQueued()
{
    QVERIFY(m.start());
    QCOMPARE(m.client->post(u"/sandbox/carrier"_s, {{u"Paused"_s, u"true"_s}})
                 .json.value(u"paused"_s)
                 .toBool(),
             true);
    const QString sid =
        m.client->sendMessage(kLongCode, kCustomer, u"wait"_s).json.value(u"sid"_s).toString();
    // 200 ms of wall time is 20 sandbox seconds at speed 100: long past its turn.
    QTest::qWait(200);
    QCOMPARE(m.messageStatus(sid), u"queued"_s);
    QVERIFY(fetch(sid).value(u"date_sent"_s).isNull());
    m.client->post(u"/sandbox/carrier"_s, {{u"Paused"_s, u"false"_s}});
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
}

void TestSandboxCarrier::failureRules_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("errorCode");
    QTest::newRow("ends 42: delivered") << u"+14155550142"_s << u"delivered"_s << 0;
    QTest::newRow("ends 81: VoIP, delivered") << u"+14155550181"_s << u"delivered"_s << 0;
    QTest::newRow("ends 92: landline") << u"+14155550192"_s << u"undelivered"_s << 30006;
    QTest::newRow("ends 95: unreachable carrier") << u"+14155550195"_s << u"undelivered"_s << 30006;
    QTest::newRow("ends 96: failed") << u"+14155550196"_s << u"failed"_s << 30008;
    QTest::newRow("ends 97: handset unreachable") << u"+14155550197"_s << u"undelivered"_s << 30003;
    QTest::newRow("ends 98: unknown destination") << u"+14155550198"_s << u"undelivered"_s << 30005;
    QTest::newRow("ends 99: filtered") << u"+14155550199"_s << u"undelivered"_s << 30007;
}

void TestSandboxCarrier::failureRules()
{
    QFETCH(QString, to);
    QFETCH(QString, status);
    QFETCH(int, errorCode);
    QVERIFY(m.start());
    const HttpResult r = m.client->sendMessage(kLongCode, to, u"Hello"_s);
    QCOMPARE(r.status, 201);
    const QString sid = r.json.value(u"sid"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), status, 20000);
    const QJsonObject message = fetch(sid);
    if (errorCode == 0) {
        QVERIFY(message.value(u"error_code"_s).isNull());
        QVERIFY(message.value(u"error_message"_s).isNull());
    } else {
        QCOMPARE(message.value(u"error_code"_s).toInt(), errorCode);
        QVERIFY(!message.value(u"error_message"_s).toString().isEmpty());
    }
}

void TestSandboxCarrier::queueHoldsTenHoursOfSegments()
{
    SandboxOptions options = SandboxFixture::testOptions();
    options.longCodeRate = 0.01; // 10 hours of segments = 360
    QVERIFY(m.start(options));
    m.client->post(u"/sandbox/carrier"_s, {{u"Paused"_s, u"true"_s}});
    const QString body(1530, u'q'); // 10 segments
    const qint64 capacity = qint64(options.longCodeRate * 36000);
    int accepted = 0;
    HttpResult r;
    for (;;) {
        r = m.client->sendMessage(kLongCode, kCustomer, body);
        if (r.status != 201)
            break;
        ++accepted;
        QVERIFY(accepted <= capacity);
    }
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"code"_s).toInt(), 21611);
    QCOMPARE(accepted, int(capacity / 10));
    // Another sender has its own queue.
    QCOMPARE(m.client->sendMessage(u"+14155550101"_s, kCustomer, body).status, 201);
}

void TestSandboxCarrier::magicNumbers_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("code");
    const QString valid = u"+15005550006"_s;
    QTest::newRow("From 0001 invalid") << u"+15005550001"_s << kCustomer << 21212;
    QTest::newRow("From 0007 not owned") << u"+15005550007"_s << kCustomer << 21606;
    QTest::newRow("From 0008 queue full") << u"+15005550008"_s << kCustomer << 21611;
    QTest::newRow("To 0001 invalid") << valid << u"+15005550001"_s << 21211;
    QTest::newRow("To 0002 cannot route") << valid << u"+15005550002"_s << 21612;
    QTest::newRow("To 0003 no international permission") << valid << u"+15005550003"_s << 21408;
    QTest::newRow("To 0004 blocked") << valid << u"+15005550004"_s << 21610;
    QTest::newRow("To 0009 not SMS-capable") << valid << u"+15005550009"_s << 21614;
    QTest::newRow("our number to 0004") << kLongCode << u"+15005550004"_s << 21610;
}

void TestSandboxCarrier::magicNumbers()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, code);
    QVERIFY(m.start());
    const HttpResult r = m.client->sendMessage(from, to, u"magic"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"code"_s).toInt(), code);
}

void TestSandboxCarrier::magicSenderDelivers()
{
    QVERIFY(m.start());
    const HttpResult r = m.client->sendMessage(u"+15005550006"_s, kCustomer, u"magic works"_s);
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json.value(u"from"_s).toString(), u"+15005550006"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(r.json.value(u"sid"_s).toString()), u"delivered"_s,
                              20000);
}

QTEST_MAIN(TestSandboxCarrier)
#include "tst_sandbox_carrier.moc"
