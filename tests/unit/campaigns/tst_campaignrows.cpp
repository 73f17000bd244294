// CampaignRows, CampaignQueue and CampaignStats on a real profile: drafts, planning into the
// queue, state transitions with audit rows, batches with consent re-checks, settling.
#include "AccountRows.h"
#include "CampaignPlanWriter.h"
#include "CampaignQueue.h"
#include "CampaignRows.h"
#include "CampaignStats.h"
#include "ConsentRows.h"
#include "Database.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace StoreTestUtil;
using State = CampaignState::State;

namespace {

const QString SenderA = u"+15550100001"_s;
const QString SenderB = u"+15550100002"_s;
constexpr qint64 Now = 1'795'000'000'000; // a Tuesday afternoon UTC

QStringList customers(int n)
{
    QStringList numbers;
    for (int i = 0; i < n; ++i)
        numbers.append(u"+1415555%1"_s.arg(i + 100, 4, 10, QChar(u'0')));
    return numbers;
}

} // namespace

class TstCampaignRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void draftNeedsItsParts_data();
    void draftNeedsItsParts();
    void planWritesTheQueue();
    void planWithABadNumberWritesNothing();
    void transitions_data();
    void transitions();
    void cancelSkipsWhatIsLeft();
    void batchRendersAndMarksSending();
    void optOutMidCampaignSkipsLaterSends();
    void retakingAfterACrashFindsTheFirstMessage();
    void staleQueueNeverTextsIntoQuietHours();
    void settleCompletesAndCounts();
    void messagesInFlightAcrossCampaigns();

private:
    qint64 draft(int holdOut = 0, int percentB = 0);
    QSqlDatabase db() const { return m_db->connection(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_messages;
    qint64 m_account = 0;
    qint64 m_senderA = 0;
    qint64 m_senderB = 0;
    qint64 m_versionA = 0;
    qint64 m_versionB = 0;
};

void TstCampaignRows::init()
{
    static int n = 0;
    m_db = std::make_unique<Database>(m_dir.filePath(u"p%1.db"_s.arg(++n)));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_messages = std::make_unique<MessageStore>(db());
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Shop"_s, u"AC1"_s);
    m_senderA = accounts.createOrFindSenderNumber(m_account, SenderA, 1.0);
    m_senderB = accounts.createOrFindSenderNumber(m_account, SenderB, 1.0);
    QVERIFY(m_account && m_senderA && m_senderB);
    exec(db(), u"INSERT INTO templates (account_id, name) VALUES (?, 'Promo')"_s, {m_account});
    exec(db(), u"INSERT INTO template_versions (template_id, version, body, state, author, "
               "approver, approved_at) VALUES (1, 1, 'Hi {{first_name|there}}, 20% off. "
               "Reply STOP to opt out', 'approved', 'mia', 'lee', 1)"_s);
    m_versionA = 1;
    exec(db(),
         u"INSERT INTO template_versions (template_id, version, body, state, author, approver, "
         "approved_at) VALUES (1, 2, 'Hello {{name}}! Reply STOP to opt out', 'approved', 'mia', "
         "'lee', 1)"_s);
    m_versionB = 2;
    exec(db(),
         u"INSERT INTO contacts (account_id, number, name, time_zone) VALUES "
         "(?, ?, 'Ada Lovelace', 'Europe/London')"_s,
         {m_account, customers(1).first()});
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM template_versions"_s).toInt(), 2);
}

void TstCampaignRows::cleanup()
{
    m_messages.reset();
    m_db.reset();
}

qint64 TstCampaignRows::draft(int holdOut, int percentB)
{
    CampaignDraft d;
    d.accountId = m_account;
    d.name = u"Black Friday"_s;
    d.variants = {{u"A"_s, m_versionA, 100 - holdOut - percentB}};
    if (percentB > 0)
        d.variants.append({u"B"_s, m_versionB, percentB});
    d.holdOutPercent = holdOut;
    d.senderIds = {m_senderA, m_senderB};
    // A whole-day window: these tests are not about quiet hours.
    d.windowStartMinute = 0;
    d.windowEndMinute = 1440;
    d.createdBy = u"mia"_s;
    CampaignRows campaigns(db());
    const qint64 id = campaigns.createDraft(d);
    if (id == 0)
        qWarning("createDraft: %s", qPrintable(campaigns.errorString()));
    return id;
}

void TstCampaignRows::draftNeedsItsParts_data()
{
    QTest::addColumn<QString>("missing");
    QTest::addColumn<QString>("message");
    QTest::newRow("name") << u"name"_s << u"name"_s;
    QTest::newRow("variants") << u"variants"_s << u"template version"_s;
    QTest::newRow("senders") << u"senders"_s << u"sender number"_s;
    QTest::newRow("foreign sender") << u"foreign"_s << u"not a number of this account"_s;
    QTest::newRow("schedule time") << u"time"_s << u"date and time"_s;
    QTest::newRow("zone") << u"zone"_s << u"time zone"_s;
}

void TstCampaignRows::draftNeedsItsParts()
{
    QFETCH(QString, missing);
    QFETCH(QString, message);
    CampaignDraft d;
    d.accountId = m_account;
    d.name = missing == u"name" ? u" "_s : u"X"_s;
    if (missing != u"variants")
        d.variants = {{u"A"_s, m_versionA, 100}};
    if (missing != u"senders")
        d.senderIds = {missing == u"foreign" ? 999 : m_senderA};
    if (missing == u"time")
        d.schedule = CampaignDraft::ScheduleKind::AccountTime;
    if (missing == u"zone")
        d.accountZone = u"Nowhere/Else"_s;
    d.createdBy = u"mia"_s;
    CampaignRows campaigns(db());
    QCOMPARE(campaigns.createDraft(d), 0);
    QVERIFY2(campaigns.errorString().contains(message), qPrintable(campaigns.errorString()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM campaigns"_s).toInt(), 0);
}

void TstCampaignRows::planWritesTheQueue()
{
    // Customer 3 already talks to sender B: the campaign keeps that thread.
    const QStringList numbers = customers(40);
    QVERIFY(m_messages->findOrCreateThread(m_account, numbers.at(3), m_senderB));
    const qint64 id = draft(10, 45);
    QVERIFY(id);
    CampaignRows campaigns(db());
    const auto plan = campaigns.plan(id, numbers, Now, u"mia"_s);
    QVERIFY2(plan, qPrintable(campaigns.errorString()));
    QCOMPARE(plan->recipients, 40);
    QCOMPARE(plan->heldOut, 4);
    QCOMPARE(plan->perVariant.value(0) + plan->perVariant.value(1), 36);
    QCOMPARE(campaigns.state(id), State::Scheduled);
    QCOMPARE(
        scalar(db(), u"SELECT expected_finish_at FROM campaigns WHERE id = ?"_s, {id}).toLongLong(),
        plan->finishMSecs);
    // Two 1/s senders, 36 texts of one segment each: 18 s.
    QCOMPARE(plan->finishMSecs, Now + 18 * 1000);
    QCOMPARE(scalar(db(),
                    u"SELECT count(*) FROM campaign_recipients WHERE campaign_id = ? AND "
                    "state = 'held_out' AND variant = 'holdout' AND client_ref IS NULL"_s,
                    {id})
                 .toInt(),
             4);
    const QStringList refs = rows(db(), u"SELECT id, client_ref FROM campaign_recipients WHERE "
                                        "state = 'pending' ORDER BY id"_s);
    QCOMPARE(refs.size(), 36);
    for (const QString &row : refs) {
        const QString rid = row.section(u'|', 0, 0);
        QCOMPARE(row.section(u'|', 1), CampaignPlanWriter::clientRef(id, rid.toLongLong()));
    }
    const bool stickyTexted =
        scalar(db(), u"SELECT state FROM campaign_recipients WHERE contact_number = ?"_s,
               {numbers.at(3)})
            .toString() == u"pending";
    QCOMPARE(plan->stickyKept, stickyTexted ? 1 : 0);
    if (stickyTexted) {
        QCOMPARE(scalar(db(),
                        u"SELECT sender_number_id FROM campaign_recipients WHERE "
                        "contact_number = ?"_s,
                        {numbers.at(3)})
                     .toLongLong(),
                 m_senderB);
    }
    QCOMPARE(scalar(db(),
                    u"SELECT count(*) FROM audit_log WHERE subject_id = ? AND "
                    "action IN ('campaign.created', 'campaign.scheduled')"_s,
                    {id})
                 .toInt(),
             2);
}

void TstCampaignRows::planWithABadNumberWritesNothing()
{
    const qint64 id = draft();
    CampaignRows campaigns(db());
    QStringList numbers = customers(3);
    numbers.append(u"4155550"_s);
    QVERIFY(!campaigns.plan(id, numbers, Now, u"mia"_s));
    QVERIFY2(campaigns.errorString().contains(u"4155550"_s), qPrintable(campaigns.errorString()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM campaign_recipients"_s).toInt(), 0);
    QCOMPARE(campaigns.state(id), State::Draft);
}

void TstCampaignRows::transitions_data()
{
    QTest::addColumn<QList<State>>("path");
    QTest::addColumn<bool>("lastAllowed");
    QTest::newRow("draft -> running") << QList<State>{State::Running} << false;
    QTest::newRow("draft -> canceled") << QList<State>{State::Canceled} << true;
    QTest::newRow("pause, resume, complete")
        << QList<State>{State::Scheduled, State::Running, State::Paused, State::Running,
                        State::Completed}
        << true;
    QTest::newRow("completed is final")
        << QList<State>{State::Scheduled, State::Running, State::Completed, State::Running}
        << false;
    QTest::newRow("canceled is final")
        << QList<State>{State::Scheduled, State::Canceled, State::Paused} << false;
    QTest::newRow("paused cannot complete")
        << QList<State>{State::Scheduled, State::Paused, State::Completed} << false;
}

void TstCampaignRows::transitions()
{
    QFETCH(QList<State>, path);
    QFETCH(bool, lastAllowed);
    const qint64 id = draft();
    CampaignRows campaigns(db());
    for (qsizetype i = 0; i + 1 < path.size(); ++i)
        QVERIFY2(campaigns.transition(id, path.at(i), u"mia"_s, Now),
                 qPrintable(campaigns.errorString()));
    const int audits = scalar(db(), u"SELECT count(*) FROM audit_log"_s).toInt();
    const State before = *campaigns.state(id);
    QCOMPARE(campaigns.transition(id, path.last(), u"mia"_s, Now), lastAllowed);
    QCOMPARE(CampaignState::canMove(before, path.last()), lastAllowed);
    QCOMPARE(*campaigns.state(id), lastAllowed ? path.last() : before);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM audit_log"_s).toInt(),
             audits + (lastAllowed ? 1 : 0));
    if (!lastAllowed)
        QVERIFY(campaigns.errorString().contains(u"cannot go from"_s));
}

void TstCampaignRows::cancelSkipsWhatIsLeft()
{
    const qint64 id = draft();
    CampaignRows campaigns(db());
    QVERIFY(campaigns.plan(id, customers(10), Now, u"mia"_s));
    CampaignQueue queue(db(), m_messages.get());
    const auto batch = queue.takeBatch(id, Now, 0, 3);
    QVERIFY2(batch, qPrintable(queue.errorString()));
    QVERIFY(batch->messageIds.size() >= 2);
    // The outbox attempted one (it may have reached the provider); the others it holds have
    // not left and never will (issue 17: queued texts must not go out after a cancel).
    QSqlQuery attempted(db());
    QVERIFY(attempted.exec(u"UPDATE messages SET last_attempt_at = %1 WHERE id = %2"_s.arg(Now).arg(
        batch->messageIds.first())));
    QVERIFY(campaigns.transition(id, State::Canceled, u"mia"_s, Now));
    QCOMPARE(rows(db(), u"SELECT state, reason, count(*) FROM campaign_recipients GROUP BY 1, 2 "
                        "ORDER BY 1"_s),
             (QStringList{u"sending||1"_s, u"skipped|canceled|9"_s}));
    QCOMPARE(rows(db(), u"SELECT status, count(*) FROM messages GROUP BY 1 ORDER BY 1"_s),
             (QStringList{u"canceled|%1"_s.arg(batch->messageIds.size() - 1), u"queued|1"_s}));
    QCOMPARE(queue.takeBatch(id, Now + 60'000, 0, 10)->messageIds.size(), 0);
}

void TstCampaignRows::batchRendersAndMarksSending()
{
    const qint64 id = draft();
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(id, customers(10), Now, u"mia"_s),
                 qPrintable(campaigns.errorString()));
    }
    CampaignQueue queue(db(), m_messages.get());
    // Only what is due: two senders at 1/s, so 2 per second of plan.
    const auto first = queue.takeBatch(id, Now, 0, 50);
    QVERIFY2(first, qPrintable(queue.errorString()));
    QCOMPARE(first->messageIds.size(), 2);
    QVERIFY(first->started);
    QCOMPARE(CampaignRows(db()).state(id), State::Running);
    const auto second = queue.takeBatch(id, Now, 10'000, 3);
    QCOMPARE(second->messageIds.size(), 3); // the batch limit
    const QStringList sent = rows(
        db(), u"SELECT m.body, m.campaign_id, m.variant, m.purpose, m.status, "
              "m.client_ref = r.client_ref, m.from_number = s.number FROM campaign_recipients r "
              "JOIN messages m ON m.id = r.message_id JOIN sender_numbers s ON s.id = "
              "r.sender_number_id WHERE r.state = 'sending' ORDER BY r.id"_s);
    QCOMPARE(sent.size(), 5);
    QCOMPARE(sent.first(),
             u"Hi Ada, 20% off. Reply STOP to opt out|%1|A|campaign|queued|1|1"_s.arg(id));
    QCOMPARE(sent.at(1),
             u"Hi there, 20% off. Reply STOP to opt out|%1|A|campaign|queued|1|1"_s.arg(id));
    QCOMPARE(*queue.inFlight(id), 5);
}

void TstCampaignRows::optOutMidCampaignSkipsLaterSends()
{
    const qint64 id = draft();
    const QStringList numbers = customers(6);
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(id, numbers, Now, u"mia"_s), qPrintable(campaigns.errorString()));
    }
    CampaignQueue queue(db(), m_messages.get());
    QCOMPARE(queue.takeBatch(id, Now, 0, 2)->messageIds.size(), 2);
    // Customer 4 texts STOP to our number before its turn.
    const QString stopper = numbers.at(4);
    const QString itsSender =
        scalar(db(),
               u"SELECT s.number FROM campaign_recipients r JOIN sender_numbers s ON "
               "s.id = r.sender_number_id WHERE r.contact_number = ?"_s,
               {stopper})
            .toString();
    ConsentEvent stop;
    stop.contactNumber = stopper;
    stop.senderNumber = itsSender;
    stop.kind = ConsentEvent::Kind::OptOut;
    stop.source = ConsentEvent::Source::Keyword;
    stop.detail = u"STOP"_s;
    stop.actor = u"system"_s;
    stop.occurredAt = QDateTime::fromMSecsSinceEpoch(Now + 500, QTimeZone::utc());
    QVERIFY(ConsentRows(db()).record(m_account, stop));
    const auto rest = queue.takeBatch(id, Now + 60'000, 0, 10);
    QVERIFY2(rest, qPrintable(queue.errorString()));
    QCOMPARE(rest->skippedOptedOut, 1);
    QCOMPARE(rest->messageIds.size(), 3);
    QCOMPARE(rows(db(),
                  u"SELECT state, reason, message_id IS NULL FROM campaign_recipients "
                  "WHERE contact_number = ?"_s,
                  {stopper}),
             QStringList{u"skipped|opted_out|1"_s});
    QCOMPARE(
        scalar(db(), u"SELECT count(*) FROM messages WHERE to_number = ?"_s, {stopper}).toInt(), 0);
    const auto counts = CampaignStats(db()).counts(id);
    QCOMPARE(counts->last().optedOut, 1);
}

void TstCampaignRows::retakingAfterACrashFindsTheFirstMessage()
{
    const qint64 id = draft();
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(id, customers(4), Now, u"mia"_s),
                 qPrintable(campaigns.errorString()));
    }
    CampaignQueue queue(db(), m_messages.get());
    const auto first = queue.takeBatch(id, Now, 60'000, 4);
    QCOMPARE(first->messageIds.size(), 4);
    // As if the process died after inserting the messages but before marking the recipients.
    exec(db(), u"UPDATE campaign_recipients SET state = 'pending', message_id = NULL"_s);
    // One of them the outbox even sent before the crash.
    exec(db(), u"UPDATE messages SET provider_sid = 'SM1', status = 'sent' WHERE id = ?"_s,
         {first->messageIds.first()});
    const auto again = queue.takeBatch(id, Now, 60'000, 4);
    QVERIFY2(again, qPrintable(queue.errorString()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 4);
    QCOMPARE(again->alreadySent, 1);
    QCOMPARE(again->messageIds, first->messageIds.mid(1));
    QCOMPARE(rows(db(), u"SELECT state, count(*) FROM campaign_recipients GROUP BY 1 ORDER BY 1"_s),
             (QStringList{u"sending|3"_s, u"sent|1"_s}));
}

void TstCampaignRows::settleCompletesAndCounts()
{
    const qint64 id = draft(0, 50);
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(id, customers(6), Now, u"mia"_s),
                 qPrintable(campaigns.errorString()));
    }
    CampaignQueue queue(db(), m_messages.get());
    const auto batch = queue.takeBatch(id, Now, 60'000, 10);
    QCOMPARE(batch->messageIds.size(), 6);
    const QList<qint64> ids = batch->messageIds;
    // Four accepted (one delivered, one answered), one refused, one blocked by the outbox.
    for (int i = 0; i < 4; ++i)
        exec(db(), u"UPDATE messages SET provider_sid = ?, status = ? WHERE id = ?"_s,
             {u"SM%1"_s.arg(i), i == 0 ? u"delivered"_s : u"sent"_s, ids.at(i)});
    exec(db(), u"UPDATE messages SET status = 'failed', error_code = 21211 WHERE id = ?"_s,
         {ids.at(4)});
    exec(db(), u"UPDATE messages SET status = 'blocked' WHERE id = ?"_s, {ids.at(5)});
    exec(db(),
         u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, "
         "body, status, provider_sid, created_at, updated_at) SELECT account_id, thread_id, "
         "'in', to_number, from_number, 'thanks', 'received', 'SMIN', created_at + 1, "
         "created_at + 1 FROM messages WHERE id = ?"_s,
         {ids.at(1)});
    const auto changed = queue.settle(m_account, Now + 1000);
    QVERIFY2(changed, qPrintable(queue.errorString()));
    QCOMPARE(*changed, QList<qint64>{id});
    QCOMPARE(CampaignRows(db()).state(id), State::Completed);
    const auto summary = CampaignRows(db()).summary(id);
    QCOMPARE(summary->sent, 4);
    QCOMPARE(summary->failed, 1);
    QCOMPARE(summary->skipped, 1);
    QCOMPARE(summary->done(), summary->toSend());
    const auto counts = CampaignStats(db()).counts(id);
    QVERIFY2(counts, qPrintable(CampaignStats(db()).errorString()));
    const CampaignStats::Counts total = counts->last();
    QCOMPARE(total.recipients, 6);
    QCOMPARE(total.sent, 4);
    QCOMPARE(total.delivered, 1);
    QCOMPARE(total.failed, 1);
    QCOMPARE(total.replied, 1);
    QCOMPARE(total.optedOut, 1);
    QCOMPARE(total.queued, 0);
    qint64 perVariant = 0;
    for (qsizetype i = 0; i + 1 < counts->size(); ++i)
        perVariant += counts->at(i).recipients;
    QCOMPARE(perVariant, 6);
    QCOMPARE(
        scalar(db(), u"SELECT reason FROM campaign_recipients WHERE message_id = ?"_s, {ids.at(4)})
            .toString(),
        u"21211"_s);
}

void TstCampaignRows::messagesInFlightAcrossCampaigns()
{
    const qint64 first = draft();
    const qint64 second = draft();
    const QStringList numbers = customers(8);
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(first, numbers.mid(0, 4), Now, u"mia"_s),
                 qPrintable(campaigns.errorString()));
        QVERIFY2(campaigns.plan(second, numbers.mid(4), Now, u"mia"_s),
                 qPrintable(campaigns.errorString()));
    }
    CampaignQueue queue(db(), m_messages.get());
    QCOMPARE(queue.messagesInFlight(m_account), std::optional(QList<qint64>{}));
    const auto a = queue.takeBatch(first, Now, 60'000, 10);
    const auto b = queue.takeBatch(second, Now, 60'000, 10);
    QVERIFY(a && b);
    QCOMPARE(a->messageIds.size(), 4);
    QCOMPARE(b->messageIds.size(), 4);
    // One settles; the second campaign is paused with its messages still at the outbox.
    exec(db(), u"UPDATE messages SET provider_sid = 'SM1', status = 'sent' WHERE id = ?"_s,
         {a->messageIds.first()});
    QVERIFY(queue.settle(m_account, Now + 1000));
    QVERIFY(CampaignRows(db()).transition(second, State::Paused, u"mia"_s, Now + 1000));
    QList<qint64> expected = a->messageIds.mid(1) + b->messageIds;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(queue.messagesInFlight(m_account), std::optional(expected));
    QVERIFY(queue.errorString().isEmpty());
    // Another account has none of them.
    QCOMPARE(queue.messagesInFlight(m_account + 1), std::optional(QList<qint64>{}));
}

void TstCampaignRows::staleQueueNeverTextsIntoQuietHours()
{
    const qint64 id = draft();
    const QStringList numbers = customers(3);
    {
        CampaignRows campaigns(db());
        QVERIFY2(campaigns.plan(id, numbers, Now, u"mia"_s), qPrintable(campaigns.errorString()));
    }
    // Later (as after a pause): the send window is 08:00-21:00 and the first customer now
    // lives in Los Angeles, where it is 03:06; the others have no contact, so the zone of
    // their number's region (US: New York, 06:06).
    exec(db(), u"UPDATE campaigns SET window_start_minute = 480, window_end_minute = 1260"_s);
    exec(db(), u"UPDATE contacts SET time_zone = 'America/Los_Angeles' WHERE number = ?"_s,
         {numbers.first()});
    CampaignQueue queue(db(), m_messages.get());
    const auto batch = queue.takeBatch(id, Now, 60'000, 10);
    QVERIFY2(batch, qPrintable(queue.errorString()));
    QCOMPARE(batch->deferredByQuietHours, 3);
    QCOMPARE(batch->messageIds.size(), 0);
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(Now, QTimeZone("America/Los_Angeles"));
    QCOMPARE(local.time().hour(), 3);
    const qint64 morning =
        QDateTime(local.date(), QTime(8, 0), QTimeZone("America/Los_Angeles")).toMSecsSinceEpoch();
    QCOMPARE(rows(db(),
                  u"SELECT state, planned_at, message_id IS NULL FROM campaign_recipients "
                  "WHERE contact_number = ?"_s,
                  {numbers.first()}),
             QStringList{u"pending|%1|1"_s.arg(morning)});
    const QTimeZone newYork("America/New_York");
    const qint64 eastMorning =
        QDateTime(QDateTime::fromMSecsSinceEpoch(Now, newYork).date(), QTime(8, 0), newYork)
            .toMSecsSinceEpoch();
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM campaign_recipients WHERE planned_at = ?"_s,
                    {eastMorning})
                 .toInt(),
             2);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TstCampaignRows)
#include "tst_campaignrows.moc"
