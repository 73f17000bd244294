// The team's always-on service as the desktops see it: `smsdesk-cli serve` (a process of its
// own, on its own profile of the team) announces itself in the presence map with its host,
// since when and its duties; a desktop (a DeskSession in this process) lists it as a live
// service, not as a teammate online; a SIGTERM takes it off at once. Against one sandbox
// process at real speed.
#include "MessageStore.h"
#include "PresenceBoard.h"
#include "ServiceBeacon.h"
#include "StoreWriter.h"
#include "TeamDesksFixture.h"
#include "TeamLog.h"
#include "TwilioClient.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TstTeamService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statusLines();
    void aDesktopSeesTheLiveServiceAndItsDuties();
    void aStopIsOneConsentEventOnEveryDesk();
    void aStoppedServiceIsGoneAtOnce();
    void oneShotSendLeavesKeywordRepliesToTheTeam();

private:
    bool startServe(int desk);
    QVariant read(int desk, const QString &sql, const QVariantList &values = {});
    // The team log's ops of `kind` whose fields name the inbound `sid`, with their indexes.
    QList<qint64> opsFor(const QString &kind, const QString &sid);
    QString logOf() const;

    TeamDesksFixture m_team;
    std::unique_ptr<DeskSession> m_ana;
    std::unique_ptr<DeskSession> m_lee;
    QProcess m_serve;
};

QString TstTeamService::logOf() const
{
    QFile file(m_team.dir.filePath(u"serve.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool TstTeamService::startServe(int desk)
{
    m_team.accountId(desk); // points the profile's account at the sandbox for Sync too
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_team.sandbox.token);
    m_serve.setProcessEnvironment(env);
    m_serve.setStandardOutputFile(m_team.dir.filePath(u"serve.log"_s), QIODevice::Append);
    m_serve.setStandardErrorFile(m_team.dir.filePath(u"serve.log"_s), QIODevice::Append);
    m_serve.start(QStringLiteral(SMSDESK_CLI_PATH), QStringList{u"serve"_s} + m_team.account(desk));
    return m_serve.waitForStarted(10000) &&
           QTest::qWaitFor([this] { return logOf().contains(u"announced to the team"_s); }, 60000);
}

void TstTeamService::initTestCase()
{
    QVERIFY2(m_team.start({u"Ana"_s, u"Front desk server"_s, u"Lee"_s}), qPrintable(m_team.error));
    QVERIFY2(startServe(1), qPrintable(logOf()));
    m_ana = m_team.open(0);
    QVERIFY2(m_ana, qPrintable(m_team.error));
    m_ana->teamLog()->setBasePeriod(200ms);
    m_ana->presence()->setMinPollGap(100ms);
    m_lee = m_team.open(2);
    QVERIFY2(m_lee, qPrintable(m_team.error));
    m_lee->teamLog()->setBasePeriod(200ms);
}

QVariant TstTeamService::read(int desk, const QString &sql, const QVariantList &values)
{
    const QString name = u"read-%1"_s.arg(desk);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_team.profile(desk));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &v : values)
                query.addBindValue(v);
            if (query.exec() && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QList<qint64> TstTeamService::opsFor(const QString &kind, const QString &sid)
{
    QNetworkAccessManager network;
    TwilioClient client(
        &network,
        AccountConfig::forSingleBaseUrl(u"Team"_s, m_team.sandbox.sid, m_team.sandbox.url),
        m_team.sandbox.token);
    QList<qint64> found;
    bool finished = false;
    client.findOrCreateSyncService(u"smsdesk"_s, this, [&](const ProviderResult<SyncService> &svc) {
        if (!svc.ok()) {
            finished = true;
            return;
        }
        ListItemQuery query;
        query.pageSize = 100;
        client.listListItems(
            svc.value().sid, u"team-log"_s, query, this,
            [&](const ProviderResult<SyncListItemPage> &page) {
                if (page.ok()) {
                    for (const SyncListItem &item : page.value().items) {
                        if (item.data.value("kind"_L1).toString() == kind &&
                            item.data.value("fields"_L1).toObject().value("sid"_L1).toString() ==
                                sid)
                            found.append(item.index);
                    }
                }
                finished = true;
            });
    });
    (void)QTest::qWaitFor([&] { return finished; }, 15000);
    return found;
}

void TstTeamService::cleanupTestCase()
{
    if (m_serve.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_serve.processId()), SIGTERM);
        m_serve.waitForFinished(30000);
    }
    m_ana.reset();
    m_team.sandbox.stop();
}

void TstTeamService::statusLines()
{
    QCOMPARE(ServiceBeacon::statusLine({}),
             u"No service running: this desktop answers keywords while it is open"_s);
    QCOMPARE(ServiceBeacon::shortText({}), u"No service"_s);
    ServiceBeacon beacon;
    beacon.host = u"host-x"_s;
    beacon.startedAt = QDateTime(QDate(2026, 12, 7), QTime(10, 42)); // local time
    beacon.duties = {ServiceBeacon::KeywordReplies, ServiceBeacon::Campaigns};
    QCOMPARE(ServiceBeacon::statusLine({beacon}),
             u"Service on host-x live since 10:42: keyword replies, campaigns"_s);
    QCOMPARE(ServiceBeacon::shortText({beacon}), u"Service live on host-x"_s);
    // What the item carries comes back as it was; a desk's item is no beacon.
    const auto back = ServiceBeacon::fromJson(beacon.toJson());
    QVERIFY(back);
    QCOMPARE(back->host, beacon.host);
    QCOMPARE(back->duties, beacon.duties);
    QCOMPARE(back->startedAt, beacon.startedAt.toUTC());
    QVERIFY(!ServiceBeacon::fromJson(QJsonObject{{u"name"_s, u"Ana"_s}}));
}

void TstTeamService::aDesktopSeesTheLiveServiceAndItsDuties()
{
    PresenceBoard *ana = m_ana->presence();
    QTRY_COMPARE_WITH_TIMEOUT(ana->services().size(), 1, 20000);
    const ServiceBeacon service = ana->services().first();
    QCOMPARE(service.host, QHostInfo::localHostName());
    QCOMPARE(service.agentName, u"Front desk server"_s);
    QCOMPARE(service.duties, (QStringList{ServiceBeacon::KeywordReplies, ServiceBeacon::Campaigns,
                                          ServiceBeacon::ScheduledMessages, ServiceBeacon::Sync}));
    QVERIFY(service.startedAt.isValid());
    QVERIFY(qAbs(service.startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    QVERIFY(ServiceBeacon::statusLine(ana->services())
                .startsWith(u"Service on %1 live since "_s.arg(service.host)));
    // A service is not a teammate online, nor does it view threads.
    for (const PresenceBoard::Entry &entry : ana->others())
        QVERIFY2(!entry.service && entry.agentName != u"Front desk server"_s,
                 qPrintable(entry.agentName));
}

void TstTeamService::aStopIsOneConsentEventOnEveryDesk()
{
    // A customer texts STOP: three desks (two in this process, the service in its own)
    // process the same inbound message.
    const QString customer = u"+14155553333"_s;
    QVERIFY(m_team.sandbox.client->inject(customer, TeamDesksFixture::Support, u"STOP"_s).status <
            300);
    const QString eventsOf = u"SELECT count(*) FROM consent_events WHERE contact_number = ?"_s;
    for (int desk = 0; desk < 3; ++desk)
        QTRY_VERIFY_WITH_TIMEOUT(read(desk, eventsOf, {customer}).toInt() >= 1, 90000);
    const QString sid =
        read(0, u"SELECT message_sid FROM consent_events WHERE contact_number = ?"_s, {customer})
            .toString();
    QVERIFY(sid.startsWith(u"SM"_s));
    // One desk appended it to the team log; every desk read the log past it.
    QList<qint64> ops;
    QTRY_VERIFY_WITH_TIMEOUT(!(ops = opsFor(u"consent.opt_out"_s, sid)).isEmpty(), 60000);
    const QString applied = u"SELECT applied_index FROM team_state"_s;
    for (int desk = 0; desk < 3; ++desk)
        QTRY_VERIFY_WITH_TIMEOUT(read(desk, applied).toLongLong() >= ops.last(), 60000);
    // Once in the log, once in every ledger.
    QCOMPARE(opsFor(u"consent.opt_out"_s, sid).size(), 1);
    for (int desk = 0; desk < 3; ++desk) {
        QCOMPARE(read(desk, eventsOf, {customer}).toInt(), 1);
        QCOMPARE(
            read(desk, u"SELECT kind FROM consent_events WHERE contact_number = ?"_s, {customer})
                .toString(),
            u"opt_out"_s);
    }
    // And no desk texts that customer.
    for (int desk : {0, 2}) {
        QProcess send;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_team.sandbox.token);
        send.setProcessEnvironment(env);
        send.start(QStringLiteral(SMSDESK_CLI_PATH),
                   QStringList{u"send"_s, u"--from"_s, TeamDesksFixture::Support, u"--to"_s,
                               customer, u"--body"_s, u"Sale!"_s} +
                       m_team.account(desk));
        QVERIFY(send.waitForFinished(120000));
        QCOMPARE(send.exitCode(), 1);
    }
}

void TstTeamService::aStoppedServiceIsGoneAtOnce()
{
    PresenceBoard *ana = m_ana->presence();
    QTRY_COMPARE_WITH_TIMEOUT(ana->services().size(), 1, 20000);
    ::kill(pid_t(m_serve.processId()), SIGTERM);
    QVERIFY(m_serve.waitForFinished(30000));
    QCOMPARE(m_serve.exitCode(), 0);
    // Its item was deleted on the way out: gone well before its time to live (75 s).
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(ana->services().isEmpty(), 20000);
    QVERIFY(clock.elapsed() < PresenceBoard::ItemTtlSeconds * 1000);
}

void TstTeamService::oneShotSendLeavesKeywordRepliesToTheTeam()
{
    // The service is stopped: its profile has a keyword reply left queued (as after a crash
    // before its claim), and someone runs a one-shot send on it.
    const QString leftover = u"Open 9-5 (leftover keyword reply)"_s;
    const QString ref = u"keyword:SM0123456789abcdef0123456789abcdef"_s;
    {
        StoreWriter writer(m_team.profile(1));
        QVERIFY(writer.open());
        const bool queued = writer.call([&](WriterContext &context) {
            OutgoingMessage reply;
            reply.threadId = read(1, u"SELECT id FROM threads WHERE customer_number = ?"_s,
                                  {TeamDesksFixture::Customer})
                                 .toLongLong();
            reply.body = leftover;
            reply.clientRef = ref;
            reply.author = u"system"_s;
            reply.purpose = ConsentLedger::MessagePurpose::KeywordConfirmation;
            qint64 id = 0;
            return reply.threadId > 0 && context.messages->insertOutgoing(reply, &id);
        });
        QVERIFY(queued);
    }
    QProcess send;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_team.sandbox.token);
    send.setProcessEnvironment(env);
    send.start(QStringLiteral(SMSDESK_CLI_PATH),
               QStringList{u"send"_s, u"--from"_s, TeamDesksFixture::Support, u"--to"_s,
                           TeamDesksFixture::Customer, u"--body"_s, u"Your order is ready"_s} +
                   m_team.account(1));
    QVERIFY(send.waitForFinished(120000));
    QVERIFY2(send.exitCode() == 0, send.readAllStandardError().constData());
    // Its own message went out; the keyword reply is still queued, unsent, for the team's
    // claims (the provider never saw it).
    QVERIFY(
        read(1, u"SELECT provider_sid FROM messages WHERE body = ?"_s, {u"Your order is ready"_s})
            .toString()
            .startsWith(u"SM"_s));
    QVERIFY(read(1, u"SELECT provider_sid FROM messages WHERE client_ref = ?"_s, {ref}).isNull());
    const HttpResult page = m_team.sandbox.client->get(
        m_team.sandbox.client->account(u"/Messages.json"_s) +
        SandboxClient::query({{u"To"_s, TeamDesksFixture::Customer}, {u"PageSize"_s, u"100"_s}}));
    QCOMPARE(page.status, 200);
    QVERIFY(!QJsonDocument(page.json).toJson().contains(leftover.toUtf8()));
}

QTEST_GUILESS_MAIN(TstTeamService)
#include "tst_teamservice.moc"
