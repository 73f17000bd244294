// Messaging Services over real HTTP: the services and their sender pools (messaging v1, under
// /messaging), creates through a service (accepted, from null, then a pool sender), SendAt
// scheduling with Twilio's window and codes, and canceling a scheduled message.
#include "OpenApiValidator.h"
#include "SandboxFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
const QString kServices = u"/messaging/v1/Services"_s;
const QString kCustomer = u"+14155550142"_s;
} // namespace

class TestSandboxMessagingServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void everyAccountHasAServicePoolingItsLongCodes();
    void servicesAreCreatedAndPoolsManaged();
    void sendThroughServiceIsAcceptedThenTakesAPoolSender();
    void stickySenderKeepsTheCustomersNumber();
    void scheduleErrors_data();
    void scheduleErrors();
    void scheduledMessageWaitsForItsTime();
    void canceledScheduledMessageIsNeverSent();
    void onlyScheduledMessagesCanBeCanceled();
    void stateFileKeepsServicesAndScheduledMessages();
    void answersConformToTwilioOpenApi();

private:
    QString defaultService();
    HttpResult schedule(const QString &service, qint64 leadMs, const QString &body = u"Later"_s);
    static QString iso(qint64 ms)
    {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    }
    SandboxFixture m;
};

QString TestSandboxMessagingServices::defaultService()
{
    return m.client->get(kServices)
        .json.value(u"services"_s)
        .toArray()
        .first()
        .toObject()
        .value(u"sid"_s)
        .toString();
}

HttpResult TestSandboxMessagingServices::schedule(const QString &service, qint64 leadMs,
                                                  const QString &body)
{
    return m.client->post(m.client->account(u"/Messages.json"_s),
                          {{u"To"_s, kCustomer},
                           {u"Body"_s, body},
                           {u"MessagingServiceSid"_s, service},
                           {u"ScheduleType"_s, u"fixed"_s},
                           {u"SendAt"_s, iso(m.server->nowMs() + leadMs)}});
}

void TestSandboxMessagingServices::everyAccountHasAServicePoolingItsLongCodes()
{
    const HttpResult list = m.client->get(kServices);
    QCOMPARE(list.status, 200);
    const QJsonArray services = list.json.value(u"services"_s).toArray();
    QCOMPARE(services.size(), 1);
    const QJsonObject service = services.first().toObject();
    QVERIFY(service.value(u"sid"_s).toString().startsWith(u"MG"_s));
    QCOMPARE(service.value(u"sid"_s).toString().size(), 34);
    QCOMPARE(service.value(u"account_sid"_s).toString(), m.server->accountSid());
    QCOMPARE(list.json.value(u"meta"_s).toObject().value(u"key"_s).toString(), u"services"_s);
    QVERIFY(service.value(u"links"_s)
                .toObject()
                .value(u"phone_numbers"_s)
                .toString()
                .endsWith(u"/PhoneNumbers"_s));

    const HttpResult pool =
        m.client->get(kServices + u'/' + service.value(u"sid"_s).toString() + u"/PhoneNumbers"_s);
    QCOMPARE(pool.status, 200);
    QStringList numbers;
    for (const QJsonValue &n : pool.json.value(u"phone_numbers"_s).toArray()) {
        numbers.append(n.toObject().value(u"phone_number"_s).toString());
        QVERIFY(n.toObject().value(u"sid"_s).toString().startsWith(u"PN"_s));
        QCOMPARE(n.toObject().value(u"service_sid"_s), service.value(u"sid"_s));
    }
    QCOMPARE(numbers, (QStringList{u"+14155550100"_s, u"+14155550101"_s}));
    // Sync's /v1/Services is still Sync's.
    QVERIFY(m.client->get(u"/v1/Services"_s)
                .json.value(u"services"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"sid"_s)
                .toString()
                .startsWith(u"IS"_s));
}

void TestSandboxMessagingServices::servicesAreCreatedAndPoolsManaged()
{
    QCOMPARE(m.client->post(kServices, {}).json.value(u"code"_s).toInt(), 20001);
    const HttpResult created = m.client->post(kServices, {{u"FriendlyName"_s, u"Alerts"_s}});
    QCOMPARE(created.status, 201);
    const QString sid = created.json.value(u"sid"_s).toString();
    QCOMPARE(m.client->get(kServices + u'/' + sid).json.value(u"friendly_name"_s).toString(),
             u"Alerts"_s);
    QCOMPARE(m.client->get(kServices + u"/MG00000000000000000000000000000000"_s).status, 404);

    QString tollFreeSid, supportSid;
    for (const QJsonValue &n : m.client->get(m.client->account(u"/IncomingPhoneNumbers.json"_s))
                                   .json.value(u"incoming_phone_numbers"_s)
                                   .toArray()) {
        const QString number = n.toObject().value(u"phone_number"_s).toString();
        if (number == u"+18445550100"_s)
            tollFreeSid = n.toObject().value(u"sid"_s).toString();
        if (number == u"+14155550100"_s)
            supportSid = n.toObject().value(u"sid"_s).toString();
    }
    const QString pool = kServices + u'/' + sid + u"/PhoneNumbers"_s;
    const HttpResult added = m.client->post(pool, {{u"PhoneNumberSid"_s, tollFreeSid}});
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json.value(u"phone_number"_s).toString(), u"+18445550100"_s);
    QCOMPARE(added.json.value(u"capabilities"_s).toArray().contains(u"SMS"_s), true);
    QCOMPARE(
        m.client->post(pool, {{u"PhoneNumberSid"_s, tollFreeSid}}).json.value(u"code"_s).toInt(),
        21710);
    const HttpResult taken = m.client->post(pool, {{u"PhoneNumberSid"_s, supportSid}});
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.json.value(u"code"_s).toInt(), 21712);
    QCOMPARE(m.client->get(pool + u'/' + tollFreeSid).status, 200);
    QCOMPARE(m.client->del(pool + u'/' + tollFreeSid).status, 204);
    QCOMPARE(m.client->get(pool).json.value(u"phone_numbers"_s).toArray().size(), 0);
    // An empty pool cannot send.
    const HttpResult refused = m.client->post(
        m.client->account(u"/Messages.json"_s),
        {{u"To"_s, kCustomer}, {u"Body"_s, u"Hi"_s}, {u"MessagingServiceSid"_s, sid}});
    QCOMPARE(refused.json.value(u"code"_s).toInt(), 21703);
}

void TestSandboxMessagingServices::sendThroughServiceIsAcceptedThenTakesAPoolSender()
{
    const QString service = defaultService();
    const HttpResult created = m.client->post(m.client->account(u"/Messages.json"_s),
                                              {{u"To"_s, kCustomer},
                                               {u"Body"_s, u"Through the pool"_s},
                                               {u"MessagingServiceSid"_s, service}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(u"status"_s).toString(), u"accepted"_s);
    QVERIFY(created.json.value(u"from"_s).isNull());
    QCOMPARE(created.json.value(u"messaging_service_sid"_s).toString(), service);
    const QString sid = created.json.value(u"sid"_s).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
    const QJsonObject done =
        m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).json;
    QVERIFY(QStringList({u"+14155550100"_s, u"+14155550101"_s})
                .contains(done.value(u"from"_s).toString()));
    QCOMPARE(done.value(u"messaging_service_sid"_s).toString(), service);
    // A plain create still names no service.
    QVERIFY(m.client->sendMessage(u"+14155550100"_s, kCustomer, u"Plain"_s)
                .json.value(u"messaging_service_sid"_s)
                .isNull());
}

void TestSandboxMessagingServices::stickySenderKeepsTheCustomersNumber()
{
    const QString service = defaultService();
    QStringList senders;
    for (int i = 0; i < 3; ++i) {
        const QString sid = m.client
                                ->post(m.client->account(u"/Messages.json"_s),
                                       {{u"To"_s, kCustomer},
                                        {u"Body"_s, u"Hello %1"_s.arg(i)},
                                        {u"MessagingServiceSid"_s, service}})
                                .json.value(u"sid"_s)
                                .toString();
        QTRY_VERIFY_WITH_TIMEOUT(m.messageStatus(sid) != u"accepted"_s, 20000);
        senders.append(m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s))
                           .json.value(u"from"_s)
                           .toString());
    }
    QCOMPARE(senders.count(senders.first()), 3);
}

void TestSandboxMessagingServices::scheduleErrors_data()
{
    QTest::addColumn<bool>("withService");
    QTest::addColumn<QString>("scheduleType");
    QTest::addColumn<QString>("sendAt"); // "+N" seconds ahead, or literal text
    QTest::addColumn<int>("code");
    QTest::newRow("no service") << false << u"fixed"_s << u"+3600"_s << 35118;
    QTest::newRow("fixed without SendAt") << true << u"fixed"_s << QString() << 35111;
    QTest::newRow("SendAt without ScheduleType") << true << QString() << u"+3600"_s << 35126;
    QTest::newRow("other ScheduleType") << true << u"recurring"_s << u"+3600"_s << 35126;
    QTest::newRow("4 minutes ahead") << true << u"fixed"_s << u"+240"_s << 35114;
    QTest::newRow("in the past") << true << u"fixed"_s << u"+-60"_s << 35114;
    QTest::newRow("36 days ahead") << true << u"fixed"_s << u"+3110400"_s << 35114;
    QTest::newRow("not a time") << true << u"fixed"_s << u"tomorrow 9am"_s << 35115;
}

void TestSandboxMessagingServices::scheduleErrors()
{
    QFETCH(bool, withService);
    QFETCH(QString, scheduleType);
    QFETCH(QString, sendAt);
    QFETCH(int, code);
    SandboxClient::Form form{{u"To"_s, kCustomer}, {u"Body"_s, u"Later"_s}};
    if (withService)
        form.append({u"MessagingServiceSid"_s, defaultService()});
    else
        form.append({u"From"_s, u"+14155550100"_s});
    if (!scheduleType.isNull())
        form.append({u"ScheduleType"_s, scheduleType});
    if (sendAt.startsWith(u'+'))
        form.append({u"SendAt"_s, iso(m.server->nowMs() + sendAt.mid(1).toLongLong() * 1000)});
    else if (!sendAt.isNull())
        form.append({u"SendAt"_s, sendAt});
    const HttpResult r = m.client->post(m.client->account(u"/Messages.json"_s), form);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json.value(u"code"_s).toInt(), code);
    QVERIFY(r.json.value(u"more_info"_s).toString().endsWith(QString::number(code)));
}

void TestSandboxMessagingServices::scheduledMessageWaitsForItsTime()
{
    const qint64 lead = 10 * 60 * 1000;
    const qint64 sendAtMs = (m.server->nowMs() + lead) / 1000 * 1000;
    const HttpResult created = schedule(defaultService(), lead);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json.value(u"status"_s).toString(), u"scheduled"_s);
    QVERIFY(created.json.value(u"from"_s).isNull());
    QVERIFY(created.json.value(u"date_sent"_s).isNull());
    const QString sid = created.json.value(u"sid"_s).toString();
    // A plain message sent meanwhile is delivered while this one still waits.
    const QString other = m.client->sendMessage(u"+14155550100"_s, u"+14155550143"_s, u"Now"_s)
                              .json.value(u"sid"_s)
                              .toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(other), u"delivered"_s, 20000);
    QCOMPARE(m.messageStatus(sid), u"scheduled"_s);

    m.server->advanceClock(lead);
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
    const QJsonObject sent =
        m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).json;
    QVERIFY(!sent.value(u"from"_s).toString().isEmpty());
    const QDateTime dateSent =
        QDateTime::fromString(sent.value(u"date_sent"_s).toString(), Qt::RFC2822Date);
    QVERIFY2(dateSent.toMSecsSinceEpoch() >= sendAtMs,
             qPrintable(sent.value(u"date_sent"_s).toString()));
}

void TestSandboxMessagingServices::canceledScheduledMessageIsNeverSent()
{
    const QString sid = schedule(defaultService(), 20 * 60 * 1000).json.value(u"sid"_s).toString();
    const HttpResult canceled = m.client->post(
        m.client->account(u"/Messages/"_s + sid + u".json"_s), {{u"Status"_s, u"canceled"_s}});
    QCOMPARE(canceled.status, 200);
    QCOMPARE(canceled.json.value(u"status"_s).toString(), u"canceled"_s);
    m.server->advanceClock(21 * 60 * 1000);
    // Everything due before this message's sending has run once it is delivered.
    const QString after = m.client->sendMessage(u"+14155550100"_s, u"+14155550143"_s, u"After"_s)
                              .json.value(u"sid"_s)
                              .toString();
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(after), u"delivered"_s, 20000);
    QCOMPARE(m.messageStatus(sid), u"canceled"_s);
    // Canceling twice: no longer scheduled.
    QCOMPARE(m.client
                 ->post(m.client->account(u"/Messages/"_s + sid + u".json"_s),
                        {{u"Status"_s, u"canceled"_s}})
                 .json.value(u"code"_s)
                 .toInt(),
             30409);
}

void TestSandboxMessagingServices::onlyScheduledMessagesCanBeCanceled()
{
    const QString sid = m.client->sendMessage(u"+14155550100"_s, kCustomer, u"Now"_s)
                            .json.value(u"sid"_s)
                            .toString();
    const QString path = m.client->account(u"/Messages/"_s + sid + u".json"_s);
    const HttpResult refused = m.client->post(path, {{u"Status"_s, u"canceled"_s}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json.value(u"code"_s).toInt(), 30409);
    QCOMPARE(m.client->post(path, {{u"Status"_s, u"sent"_s}}).json.value(u"code"_s).toInt(), 20001);
    QCOMPARE(m.client
                 ->post(m.client->account(u"/Messages/SM00000000000000000000000000000000.json"_s),
                        {{u"Status"_s, u"canceled"_s}})
                 .status,
             404);
}

void TestSandboxMessagingServices::stateFileKeepsServicesAndScheduledMessages()
{
    QTemporaryDir dir;
    sandbox::SandboxOptions options = SandboxFixture::testOptions();
    options.statePath = dir.filePath(u"state.bin"_s);
    QVERIFY(m.start(options));
    const QString created =
        m.client->post(kServices, {{u"FriendlyName"_s, u"Kept"_s}}).json.value(u"sid"_s).toString();
    const QString sid = schedule(defaultService(), 30 * 60 * 1000).json.value(u"sid"_s).toString();
    QCOMPARE(m.server->saveState(), QString());
    m = {};

    QVERIFY(m.start(options));
    QCOMPARE(m.client->get(kServices + u'/' + created).status, 200);
    const QJsonObject kept =
        m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).json;
    QCOMPARE(kept.value(u"status"_s).toString(), u"scheduled"_s);
    QVERIFY(kept.value(u"from"_s).isNull());
    QCOMPARE(kept.value(u"messaging_service_sid"_s).toString(), defaultService());
    m.server->advanceClock(31 * 60 * 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
}

void TestSandboxMessagingServices::answersConformToTwilioOpenApi()
{
    const OpenApiValidator messaging(QStringLiteral(TWILIO_OAI_DIR "/twilio_messaging_v1.json"));
    const OpenApiValidator api(QStringLiteral(TWILIO_OAI_DIR "/twilio_api_v2010.json"));
    QVERIFY(messaging.isValid() && api.isValid());
    const auto conforms = [](const QStringList &problems) {
        return problems.isEmpty() ? true : (qWarning() << problems, false);
    };
    QVERIFY(conforms(messaging.validateResponse(u"/v1/Services"_s, u"get"_s, 200,
                                                m.client->get(kServices).json)));
    const HttpResult created = m.client->post(kServices, {{u"FriendlyName"_s, u"Checked"_s}});
    QVERIFY(conforms(messaging.validateResponse(u"/v1/Services"_s, u"post"_s, 201, created.json)));
    const QString sid = defaultService();
    QVERIFY(conforms(messaging.validateResponse(u"/v1/Services/{Sid}"_s, u"get"_s, 200,
                                                m.client->get(kServices + u'/' + sid).json)));
    QVERIFY(conforms(messaging.validateResponse(
        u"/v1/Services/{ServiceSid}/PhoneNumbers"_s, u"get"_s, 200,
        m.client->get(kServices + u'/' + sid + u"/PhoneNumbers"_s).json)));
    const HttpResult scheduled = schedule(sid, 3600 * 1000);
    QVERIFY(conforms(api.validateResponse(u"/2010-04-01/Accounts/{AccountSid}/Messages.json"_s,
                                          u"post"_s, 201, scheduled.json)));
    const HttpResult canceled = m.client->post(
        m.client->account(u"/Messages/"_s + scheduled.json.value(u"sid"_s).toString() + u".json"_s),
        {{u"Status"_s, u"canceled"_s}});
    QVERIFY(
        conforms(api.validateResponse(u"/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"_s,
                                      u"post"_s, 200, canceled.json)));
}

QTEST_GUILESS_MAIN(TestSandboxMessagingServices)
#include "tst_sandbox_messagingservices.moc"
