// CampaignRunner against the real sandbox at test speed: a whole campaign goes out with every
// recipient exactly once, pause/resume, an opt-out mid-campaign, and a SIGKILL of a real
// `smsdesk-cli campaign run` process followed by a restart.
#include "CampaignFixture.h"
#include "ConsentRows.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

// Mobile numbers: the sandbox treats numbers ending in 80-99 as landlines or VoIP.
QStringList customers(int n, int first = 2000)
{
    QStringList numbers;
    for (int i = 0; i < n; ++i)
        numbers.append(u"+1415555%1"_s.arg(first + (i / 80) * 100 + i % 80, 4, 10, QChar(u'0')));
    return numbers;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TstCampaignRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void wholeCampaignSendsEveryRecipientExactlyOnce();
    void pauseStopsNewSendsAndResumeFinishes();
    void optOutMidCampaignStopsLaterSends();
    void sendTestIsNotCounted();
    void killedRunnerResumesExactlyOnce();

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<CampaignFixture> m_desk;
};

void TstCampaignRunner::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<CampaignFixture>();
}

void TstCampaignRunner::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

void TstCampaignRunner::wholeCampaignSendsEveryRecipientExactlyOnce()
{
    QVERIFY(m_desk->startDesk(*m_sandbox, 100.0));
    const QStringList numbers = customers(300);
    // Two landlines: the provider refuses them (21614), so they fail and are never sent.
    const QStringList landlines{u"+14155559190"_s, u"+14155559191"_s};
    QString error;
    const qint64 id = m_desk->plan(numbers + landlines, &error);
    QVERIFY2(id, qPrintable(error));
    CampaignRunner::Settings settings;
    settings.batchSize = 10; // many small batches, never the whole campaign at once
    m_desk->startRunner(settings);
    int largestBatch = 0;
    connect(m_desk->runner.get(), &CampaignRunner::batchHandedOver, this,
            [&](qint64, const QList<qint64> &ids) {
                largestBatch = std::max(largestBatch, int(ids.size()));
            });
    QSignalSpy completed(m_desk->runner.get(), &CampaignRunner::campaignCompleted);
    {
        // As on the desktop's GUI thread: the runner and the outbox never wait for the writer
        // (StoreWriter::call aborts here until the campaign is done).
        StoreWriter::forbidWaitingFrom(QThread::currentThread());
        const auto allowAgain = qScopeGuard([] { StoreWriter::forbidWaitingFrom(nullptr); });
        QVERIFY(m_desk->runner->start());
        QVERIFY(!m_desk->runner->start()); // once
        QTRY_VERIFY_WITH_TIMEOUT(!completed.isEmpty(), 60000);
    }
    QCOMPARE(completed.first().first().toLongLong(), id);
    QVERIFY(largestBatch <= settings.batchSize);

    const auto summary = m_desk->summary(id);
    QCOMPARE(summary->state, CampaignState::State::Completed);
    const QStringList states = m_desk->column(
        u"SELECT r.state || ' ' || r.reason || ' ' || coalesce(m.status, '') || ' ' || "
        "count(*) FROM campaign_recipients r LEFT JOIN "
        "messages m ON m.id = r.message_id GROUP BY r.state, r.reason, m.status ORDER BY 1"_s);
    QVERIFY2(states == (QStringList{u"failed 21614 failed 2"_s, u"sent  queued 300"_s}),
             qPrintable(states.join(u" / "_s)));
    // The provider got one text per recipient, no more, no fewer.
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox), sorted(numbers));
    // Each recipient's message is the one with its own client reference, from its sender.
    QCOMPARE(m_desk->column(u"SELECT count(*) FROM campaign_recipients r JOIN messages m ON "
                            "m.id = r.message_id JOIN sender_numbers s ON s.id = "
                            "r.sender_number_id WHERE m.client_ref = r.client_ref AND "
                            "m.from_number = s.number AND m.provider_sid IS NOT NULL AND "
                            "m.variant = r.variant"_s),
             QStringList{u"300"_s});
    // Both variants and both senders were used.
    QCOMPARE(m_desk->column(u"SELECT count(DISTINCT variant) || '/' || count(DISTINCT "
                            "sender_number_id) FROM campaign_recipients"_s),
             QStringList{u"2/2"_s});
}

void TstCampaignRunner::pauseStopsNewSendsAndResumeFinishes()
{
    QVERIFY(m_desk->startDesk(*m_sandbox, 20.0));
    const QStringList numbers = customers(160);
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    m_desk->startRunner();
    QSignalSpy completed(m_desk->runner.get(), &CampaignRunner::campaignCompleted);
    QVERIFY(m_desk->runner->start());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->summary(id)->sent >= 20, 30000);
    m_desk->runner->pause(id, u"mia"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->summary(id)->state, CampaignState::State::Paused, 10000);
    // What was handed over still goes; nothing new is taken.
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->summary(id)->sending, 0, 30000);
    const auto paused = m_desk->summary(id);
    QVERIFY(paused->pending > 0);
    const qsizetype atPause = CampaignFixture::providerRecipients(*m_sandbox).size();
    QCOMPARE(atPause, paused->sent);
    QTest::qWait(1500); // several runner ticks while paused
    QCOMPARE(m_desk->summary(id)->pending, paused->pending);
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox).size(), atPause);

    m_desk->runner->resume(id, u"mia"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!completed.isEmpty(), 60000);
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox), sorted(numbers));
    QCOMPARE(
        m_desk->column(u"SELECT action FROM audit_log WHERE subject_id = %1 ORDER BY id"_s.arg(id)),
        (QStringList{u"campaign.created"_s, u"campaign.scheduled"_s, u"campaign.running"_s,
                     u"campaign.paused"_s, u"campaign.running"_s, u"campaign.completed"_s}));
}

void TstCampaignRunner::optOutMidCampaignStopsLaterSends()
{
    QVERIFY(m_desk->startDesk(*m_sandbox, 20.0));
    const QStringList numbers = customers(80);
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    // The recipient planned last texts STOP to the number the campaign uses for them.
    const QStringList last = m_desk->column(
        u"SELECT r.contact_number || ' ' || s.number FROM campaign_recipients r JOIN "
        "sender_numbers s ON s.id = r.sender_number_id ORDER BY r.planned_at DESC, r.id DESC LIMIT 1"_s);
    const QString stopper = last.first().section(u' ', 0, 0);
    m_desk->startRunner();
    QSignalSpy completed(m_desk->runner.get(), &CampaignRunner::campaignCompleted);
    QVERIFY(m_desk->runner->start());
    QTRY_VERIFY_WITH_TIMEOUT(m_desk->summary(id)->sent >= 5, 30000);
    const bool recorded = m_desk->writer->call([&](WriterContext &context) {
        ConsentEvent stop;
        stop.contactNumber = stopper;
        stop.senderNumber = last.first().section(u' ', 1);
        stop.kind = ConsentEvent::Kind::OptOut;
        stop.source = ConsentEvent::Source::Keyword;
        stop.detail = u"STOP"_s;
        stop.actor = u"system"_s;
        stop.occurredAt = QDateTime::currentDateTimeUtc();
        return ConsentRows(context.db()).record(m_desk->accountId, stop);
    });
    QVERIFY(recorded);
    QTRY_VERIFY_WITH_TIMEOUT(!completed.isEmpty(), 60000);
    QStringList expected = numbers;
    expected.removeOne(stopper);
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox), sorted(expected));
    QCOMPARE(m_desk->column(u"SELECT state || ' ' || reason FROM campaign_recipients WHERE "
                            "contact_number = '%1'"_s.arg(stopper)),
             QStringList{u"skipped opted_out"_s});
}

void TstCampaignRunner::sendTestIsNotCounted()
{
    QVERIFY(m_desk->startDesk(*m_sandbox, 100.0));
    QString error;
    const qint64 id = m_desk->plan(customers(3), &error);
    QVERIFY2(id, qPrintable(error));
    m_desk->runner.reset();
    m_desk->startRunner();
    QSignalSpy queued(m_desk->runner.get(), &CampaignRunner::testQueued);
    QSignalSpy sent(m_desk->outbox.get(), &Outbox::messageSent);
    // Not started: only the test goes out.
    m_desk->runner->sendTest(id, u"B"_s, u"+14155559999"_s, u"mia"_s);
    QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox), QStringList{u"+14155559999"_s});
    QCOMPARE(m_desk->column(u"SELECT body || '|' || coalesce(campaign_id, 0) FROM messages"_s),
             QStringList{u"Hello, B. Reply STOP to opt out|0"_s});
    QCOMPARE(m_desk->summary(id)->pending, 3);
}

void TstCampaignRunner::killedRunnerResumesExactlyOnce()
{
    QVERIFY(m_desk->startDesk(*m_sandbox, 30.0, false));
    const QStringList numbers = customers(150);
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    const QString profile = m_desk->writer->profilePath();
    // The child owns the profile from here (the fixture keeps its directory).
    m_desk->outbox.reset();
    m_desk->client.reset();
    m_desk->writer.reset();

    const auto startRun = [&]() {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_sandbox->token);
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(SMSDESK_CLI_PATH),
                       {u"campaign"_s, u"run"_s, QString::number(id), u"--profile"_s, profile,
                        u"--account-url"_s, m_sandbox->url.toString(), u"--account-sid"_s,
                        m_sandbox->sid});
        return process;
    };
    auto first = startRun();
    QVERIFY(first->waitForStarted(10000));
    // Killed mid-campaign, with texts still being handed over.
    QTRY_VERIFY2_WITH_TIMEOUT(CampaignFixture::providerRecipients(*m_sandbox).size() >= 40,
                              first->readAllStandardError().constData(), 60000);
    ::kill(pid_t(first->processId()), SIGKILL);
    QVERIFY(first->waitForFinished(10000));
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    const qsizetype beforeRestart = CampaignFixture::providerRecipients(*m_sandbox).size();
    QVERIFY(beforeRestart < numbers.size());

    auto second = startRun();
    QVERIFY(second->waitForFinished(90000));
    QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
    QCOMPARE(CampaignFixture::providerRecipients(*m_sandbox), sorted(numbers));
    Database db(profile);
    QVERIFY(db.open());
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(u"SELECT status FROM campaigns WHERE id = %1"_s.arg(id)) && q.next());
    QCOMPARE(q.value(0).toString(), u"completed"_s);
    QVERIFY(q.exec(u"SELECT count(*), count(DISTINCT message_id) FROM campaign_recipients WHERE "
                   "state = 'sent'"_s) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), numbers.size());
    QCOMPARE(q.value(1).toInt(), numbers.size());
}

QTEST_GUILESS_MAIN(TstCampaignRunner)
#include "tst_campaignrunner.moc"
