// The campaign runner lets the provider hold texts planned far enough ahead (SendAt through a
// Messaging Service), against a real sandbox process: the texts exist at the provider as
// `scheduled` and leave at their own recipient's time, a restarted runner creates none again,
// and a cancel cancels them at the provider. Texts too near, too far or from a number outside
// any service stay with the runner.
#include "CampaignFixture.h"
#include "MessagingServiceRefresh.h"
#include "ScheduledSendTime.h"
#include "SharedCampaignQueue.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;
constexpr qint64 kHourMs = 3600LL * 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

class TstCampaignSendAt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void providerHoldsEachTextUntilItsRecipientsTime();
    void campaignCompletesOnceSyncSeesItsTextsLeave();
    void optOutAfterCreateCancelsTheHeldText();
    void sharedCampaignWantsItsLeaseForTextsTheProviderCanHold();

private:
    void refreshServices();
    QJsonObject providerMessage(const QString &sid);
    int providerCountFrom(const QString &from);
    void restartRunner();
    qint64 providerNowMs();

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<CampaignFixture> m_desk;
};

void TstCampaignSendAt::init()
{
    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY(m_sandbox->start());
    m_desk = std::make_unique<CampaignFixture>();
    QVERIFY(m_desk->startDesk(*m_sandbox, 100.0));
}

void TstCampaignSendAt::cleanup()
{
    m_desk.reset();
    m_sandbox.reset();
}

void TstCampaignSendAt::refreshServices()
{
    MessagingServiceRefresh refresh(m_desk->client.get(), m_desk->writer.get(), m_desk->accountId);
    std::optional<QString> error;
    refresh.refresh(
        this, [&](const QString &e, const QList<MessagingServiceRows::Entry> &) { error = e; });
    QVERIFY(QTest::qWaitFor([&] { return error.has_value(); }, kWaitMs));
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    // Sales leaves its service: its texts are the runner's to send, never SendAt.
    std::optional<QString> switched;
    refresh.setSendThrough(
        CampaignFixture::Sales, false, this,
        [&](const QString &e, const QList<MessagingServiceRows::Entry> &) { switched = e; });
    QVERIFY(QTest::qWaitFor([&] { return switched.has_value(); }, kWaitMs));
    QVERIFY2(switched->isEmpty(), qPrintable(*switched));
}

QJsonObject TstCampaignSendAt::providerMessage(const QString &sid)
{
    return m_sandbox->client->get(m_sandbox->client->account(u"/Messages/"_s + sid + u".json"_s))
        .json;
}

int TstCampaignSendAt::providerCountFrom(const QString &from)
{
    int count = 0;
    const QJsonObject page =
        m_sandbox->client->get(m_sandbox->client->account(u"/Messages.json?PageSize=1000"_s)).json;
    for (const QJsonValue &m : page.value(u"messages"_s).toArray()) {
        const QJsonObject message = m.toObject();
        // A message through a service may list `from` null until it leaves.
        const QString sender = message.value(u"from"_s).toString();
        if (message.value(u"direction"_s).toString() != u"inbound" &&
            (sender == from || (sender.isEmpty() && from == CampaignFixture::Support)))
            ++count;
    }
    return count;
}

qint64 TstCampaignSendAt::providerNowMs()
{
    return QDateTime::fromString(
               m_sandbox->client->post(u"/sandbox/clock"_s, {{u"Advance"_s, u"0"_s}})
                   .json.value(u"now"_s)
                   .toString(),
               Qt::ISODateWithMs)
        .toMSecsSinceEpoch();
}

// As after a crash or a takeover: a new outbox and runner on the same profile.
void TstCampaignSendAt::restartRunner()
{
    m_desk->runner.reset();
    m_desk->outbox =
        std::make_unique<Outbox>(m_desk->writer.get(), m_desk->client.get(), m_desk->accountId);
    QVERIFY(m_desk->outbox->start());
    m_desk->startRunner();
    m_desk->runner->setProvider(m_desk->client.get());
}

void TstCampaignSendAt::providerHoldsEachTextUntilItsRecipientsTime()
{
    refreshServices();
    const QStringList numbers{u"+14155552001"_s, u"+14155552002"_s, u"+14155552003"_s,
                              u"+14155552004"_s, u"+14155552005"_s, u"+14155552006"_s};
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    // Each recipient's computed time (as zone, quiet hours and pacing give them): one due now,
    // three hours apart from two hours ahead, one beyond the 35 days, one from Sales.
    const qint64 base = (nowMs() + 2 * kHourMs) / 1000 * 1000 + 250;
    const QList<qint64> at{
        nowMs(), base, base + kHourMs, base + 2 * kHourMs, nowMs() + 40LL * 24 * kHourMs, base};
    QVERIFY(m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        for (int i = 0; i < numbers.size(); ++i) {
            q.prepare(u"UPDATE campaign_recipients SET planned_at = ?, send_by = NULL, "
                      u"sender_number_id = ? WHERE contact_number = ?"_s);
            q.addBindValue(at[i]);
            q.addBindValue(i == 5 ? m_desk->salesId : m_desk->supportId);
            q.addBindValue(numbers[i]);
            if (!q.exec() || q.numRowsAffected() != 1)
                return false;
        }
        return true;
    }));

    m_desk->startRunner();
    m_desk->runner->setProvider(m_desk->client.get());
    QVERIFY(m_desk->runner->start());
    const auto stateOf = [&](int i) {
        const QStringList row = m_desk->column(
            u"SELECT r.state || ' ' || coalesce(m.status, '-') FROM campaign_recipients r LEFT "
            "JOIN messages m ON m.id = r.message_id WHERE r.contact_number = '%1'"_s.arg(
                numbers[i]));
        return row.value(0);
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(1), u"sent scheduled"_s, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(2), u"sent scheduled"_s, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(3), u"sent scheduled"_s, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(0).startsWith(u"sent "_s), kWaitMs);
    QVERIFY(stateOf(0) != u"sent scheduled"_s); // due now: sent as before, not scheduled
    QCOMPARE(stateOf(4), u"pending -"_s);       // beyond the SendAt window: waits here
    QCOMPARE(stateOf(5), u"pending -"_s);       // Sales sends through no service

    // At the provider: `scheduled`, through the service, one per recipient.
    QStringList sids;
    for (int i = 1; i <= 3; ++i) {
        const QString sid = m_desk
                                ->column(u"SELECT m.provider_sid FROM campaign_recipients r "
                                         "JOIN messages m ON m.id = r.message_id WHERE "
                                         "r.contact_number = '%1'"_s.arg(numbers[i]))
                                .value(0);
        const QJsonObject message = providerMessage(sid);
        QCOMPARE(message.value(u"status"_s).toString(), u"scheduled"_s);
        QVERIFY(message.value(u"messaging_service_sid"_s).toString().startsWith(u"MG"_s));
        QCOMPARE(message.value(u"to"_s).toString(), numbers[i]);
        // The time it carries is its recipient's, rounded up to the second.
        QCOMPARE(m_desk
                     ->column(u"SELECT m.scheduled_at FROM messages m WHERE m.provider_sid = "
                              "'%1'"_s.arg(sid))
                     .value(0)
                     .toLongLong(),
                 (at[i] + 999) / 1000 * 1000);
        sids.append(sid);
    }
    QCOMPARE(providerCountFrom(CampaignFixture::Support), 4);
    auto summary = m_desk->summary(id);
    QCOMPARE(summary->sent, 4);
    QCOMPARE(summary->atProvider, 3);
    QCOMPARE(summary->pending, 2);
    QCOMPARE(summary->state, CampaignState::State::Running); // not complete while held

    // Each leaves at its own time: the provider's clock half an hour past the first one's.
    const qint64 providerNow = providerNowMs();
    m_sandbox->client->post(u"/sandbox/clock"_s,
                            {{u"Advance"_s, QString::number((base - providerNow) / 1000 + 1800)}});
    QTRY_VERIFY_WITH_TIMEOUT(
        providerMessage(sids[0]).value(u"status"_s).toString() != u"scheduled"_s, kWaitMs);
    QCOMPARE(providerMessage(sids[1]).value(u"status"_s).toString(), u"scheduled"_s);
    QCOMPARE(providerMessage(sids[2]).value(u"status"_s).toString(), u"scheduled"_s);

    // A restart (or a takeover on this profile) creates none of them again.
    restartRunner();
    QVERIFY(m_desk->runner->start());
    QSignalSpy rounds(m_desk->runner.get(), &CampaignRunner::roundDone);
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 3, kWaitMs);
    QCOMPARE(providerCountFrom(CampaignFixture::Support), 4);
    QCOMPARE(m_desk->column(u"SELECT count(*) FROM messages WHERE campaign_id = %1"_s.arg(id)),
             QStringList{u"4"_s});

    // Cancel: what the provider still holds is canceled there; what left stays sent.
    m_desk->runner->cancel(id, u"mia"_s);
    QTRY_COMPARE_WITH_TIMEOUT(providerMessage(sids[1]).value(u"status"_s).toString(), u"canceled"_s,
                              kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(providerMessage(sids[2]).value(u"status"_s).toString(), u"canceled"_s,
                              kWaitMs);
    QVERIFY(providerMessage(sids[0]).value(u"status"_s).toString() != u"canceled"_s);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(2), u"skipped canceled"_s, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(3), u"skipped canceled"_s, kWaitMs);
    summary = m_desk->summary(id);
    QCOMPARE(summary->state, CampaignState::State::Canceled);
    // The one that left is still `scheduled` here until sync reads its new status.
    QCOMPARE(summary->atProvider, 1);
    QCOMPARE(summary->canceled, 4); // the two canceled at the provider, the two never taken
    QCOMPARE(providerCountFrom(CampaignFixture::Support), 4);
}

void TstCampaignSendAt::campaignCompletesOnceSyncSeesItsTextsLeave()
{
    refreshServices();
    const QStringList numbers{u"+14155552011"_s, u"+14155552012"_s};
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    const qint64 base = nowMs() + 3 * kHourMs;
    QVERIFY(m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        return q.exec(u"UPDATE campaign_recipients SET send_by = NULL, sender_number_id = %1, "
                      "planned_at = %2 + 60000 * id"_s.arg(m_desk->supportId)
                          .arg(base));
    }));
    m_desk->startRunner();
    QVERIFY(m_desk->runner->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->summary(id)->atProvider, 2, kWaitMs);
    QSignalSpy rounds(m_desk->runner.get(), &CampaignRunner::roundDone);
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 3, kWaitMs);
    QCOMPARE(m_desk->summary(id)->state, CampaignState::State::Running);

    // Both leave at the provider; the account's sync reads their new status.
    m_sandbox->client->post(
        u"/sandbox/clock"_s,
        {{u"Advance"_s, QString::number((base - providerNowMs()) / 1000 + 3600)}});
    SyncEngine sync(m_desk->accountId, m_desk->client.get(), m_desk->writer.get());
    QSignalSpy synced(&sync, &SyncEngine::finished);
    const auto left = [&] {
        return m_desk->column(u"SELECT count(*) FROM messages WHERE campaign_id = %1 AND status "
                              "<> 'scheduled'"_s.arg(id)) == QStringList{u"2"_s};
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (left())
                return true;
            if (!sync.isRunning())
                sync.syncNow();
            return false;
        }(),
        kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->summary(id)->state, CampaignState::State::Completed, kWaitMs);
    const auto summary = m_desk->summary(id);
    QCOMPARE(summary->sent, 2);
    QCOMPARE(summary->atProvider, 0);
    QCOMPARE(providerCountFrom(CampaignFixture::Support), 2);
}

// The provider would send a held text whatever our consent says: a customer who opts out
// after it was created (a STOP on any desktop, an agent's unsubscribe) has it canceled there.
void TstCampaignSendAt::optOutAfterCreateCancelsTheHeldText()
{
    refreshServices();
    const QStringList numbers{u"+14155552021"_s, u"+14155552022"_s};
    QString error;
    const qint64 id = m_desk->plan(numbers, &error);
    QVERIFY2(id, qPrintable(error));
    QVERIFY(m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        return q.exec(u"UPDATE campaign_recipients SET send_by = NULL, sender_number_id = %1, "
                      "planned_at = %2"_s.arg(m_desk->supportId)
                          .arg(nowMs() + 2 * kHourMs));
    }));
    m_desk->startRunner();
    m_desk->runner->setProvider(m_desk->client.get());
    QVERIFY(m_desk->runner->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->summary(id)->atProvider, 2, kWaitMs);
    const auto sidOf = [&](const QString &number) {
        return m_desk
            ->column(u"SELECT m.provider_sid FROM campaign_recipients r JOIN messages m ON m.id = "
                     "r.message_id WHERE r.contact_number = '%1'"_s.arg(number))
            .value(0);
    };
    QVERIFY(m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        return q.exec(u"INSERT INTO consent_events (account_id, contact_number, kind, source, "
                      "actor, occurred_at) VALUES (%1, '%2', 'opt_out', 'agent', 'lee', %3)"_s
                          .arg(m_desk->accountId)
                          .arg(numbers[0])
                          .arg(nowMs()));
    }));
    QTRY_COMPARE_WITH_TIMEOUT(providerMessage(sidOf(numbers[0])).value(u"status"_s).toString(),
                              u"canceled"_s, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_desk->column(u"SELECT state || ' ' || reason FROM campaign_recipients WHERE "
                       "contact_number = '%1'"_s.arg(numbers[0])),
        QStringList{u"skipped opted_out"_s}, kWaitMs);
    QSignalSpy rounds(m_desk->runner.get(), &CampaignRunner::roundDone);
    QTRY_VERIFY_WITH_TIMEOUT(rounds.size() >= 3, kWaitMs);
    QCOMPARE(providerMessage(sidOf(numbers[1])).value(u"status"_s).toString(), u"scheduled"_s);
    QCOMPARE(m_desk->summary(id)->atProvider, 1);
    QCOMPARE(m_desk->summary(id)->state, CampaignState::State::Running);
}

// In a team only the lease holder runs a shared campaign, and it asks for the lease when work
// is due: texts the provider can hold are due as soon as they are inside the SendAt window.
void TstCampaignSendAt::sharedCampaignWantsItsLeaseForTextsTheProviderCanHold()
{
    refreshServices(); // Support sends through a service, Sales not
    QString error;
    const qint64 viaService = m_desk->plan({u"+14155552031"_s}, &error);
    QVERIFY2(viaService, qPrintable(error));
    const qint64 plain = m_desk->plan({u"+14155552032"_s}, &error);
    QVERIFY2(plain, qPrintable(error));
    const qint64 now = nowMs();
    QVERIFY(m_desk->writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        return q.exec(u"UPDATE campaigns SET team_id = 'team-' || id"_s) &&
               q.exec(u"UPDATE campaign_recipients SET planned_at = %1, sender_number_id = CASE "
                      "campaign_id WHEN %2 THEN %3 ELSE %4 END"_s.arg(now + 2 * kHourMs)
                          .arg(viaService)
                          .arg(m_desk->supportId)
                          .arg(m_desk->salesId));
    }));
    const auto due = [&](qint64 providerHorizon) {
        return m_desk->writer->call([&](WriterContext &context) {
            return context.repo<SharedCampaignQueue>()
                .dueTeamCampaigns(m_desk->accountId, now + 90 * 1000, providerHorizon)
                .value_or(QHash<QString, qint64>());
        });
    };
    QVERIFY(due(0).isEmpty());
    const auto held = due(now + ScheduledSendTime::kProviderMaxLeadMs);
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.value(u"team-%1"_s.arg(viaService)), viaService);
}

QTEST_MAIN(TstCampaignSendAt)
#include "tst_campaignsendat.moc"
