// Campaigns as team ops, between two desktops applying one log: a campaign planned on one
// appears on the other by its team id (definition, every recipient, split into parts under
// Sync's 16 KiB), applying the log twice changes nothing, state moves follow the log's order
// (finished stays finished, a runner's own "running" never undoes a pause), progress carries
// outcomes, a cancel withdraws texts not yet attempted, and late recipients are held.
#include "CampaignOpApplier.h"
#include "CampaignOps.h"
#include "CampaignQueue.h"
#include "CampaignRows.h"
#include "CampaignSendHistory.h"
#include "FrequencyCap.h"
#include "TeamDesks.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using State = CampaignState::State;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;
const QString TemplateTeamId = u"tpl-spring"_s;
} // namespace

class TstCampaignOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void plannedCampaignAppearsOnTheOther();
    void applyingTheLogTwiceChangesNothing();
    void stateMovesFollowTheLogsOrder();
    void runnersOwnRunningNeverUndoesAPause();
    void progressCarriesOutcomes();
    void cancelWithdrawsTextsNotYetAttempted();
    void lateRecipientsAreHeld();
    void partsStayUnderTheItemSize();
    void frequencyCapCountsTheWholeTeamsTexts();

private:
    bool addTemplate(TeamDesk &desk);
    // What CampaignCommands::schedule does; returns the local id.
    qint64 schedule(TeamDesk &desk, int recipients, qint64 sendNoLaterThan = 0);
    bool move(TeamDesk &desk, qint64 id, State to, bool automatic = false);
    qint64 idOn(TeamDesk &desk, const QString &teamId);
    CampaignRows::Summary summaryOn(TeamDesk &desk, qint64 id);

    TeamDesk m_a;
    TeamDesk m_b;
    TeamLogInMemory m_log;
};

void TstCampaignOps::init()
{
    m_log.items.clear();
    QVERIFY(m_a.open(u"Ana"_s));
    QVERIFY(m_b.open(u"Sam"_s));
    QVERIFY(addTemplate(m_a));
    QVERIFY(addTemplate(m_b));
}

void TstCampaignOps::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

bool TstCampaignOps::addTemplate(TeamDesk &desk)
{
    // The template as the team log left it on each desktop (its own local ids).
    QSqlQuery q(desk.db());
    return q.exec(
               u"INSERT INTO templates (account_id, name, team_id) VALUES (1, 'Promo', '%1')"_s.arg(
                   TemplateTeamId)) &&
           q.exec(u"INSERT INTO template_versions (template_id, version, body, state, author, "
                  u"approver, approved_at) VALUES (last_insert_rowid(), 1, 'Hi, A. Reply STOP "
                  u"to opt out', 'approved', 'mia', 'lee', 1), ((SELECT id FROM templates WHERE "
                  u"team_id = '%1'), 2, 'Hello, B. Reply STOP to opt out', 'approved', 'mia', "
                  u"'lee', 1)"_s.arg(TemplateTeamId));
}

qint64 TstCampaignOps::schedule(TeamDesk &desk, int recipients, qint64 sendNoLaterThan)
{
    QStringList numbers;
    for (int i = 0; i < recipients; ++i)
        numbers.append(u"+1415556%1"_s.arg(i, 4, 10, QChar(u'0')));
    qint64 id = 0;
    const bool ok = desk.change(
        [&]() -> QString {
            CampaignDraft d;
            d.accountId = Account;
            d.name = u"Spring sale"_s;
            const qint64 v1 =
                desk.scalar(u"SELECT id FROM template_versions WHERE version = 1"_s).toLongLong();
            const qint64 v2 =
                desk.scalar(u"SELECT id FROM template_versions WHERE version = 2"_s).toLongLong();
            d.variants = {{u"A"_s, v1, 45}, {u"B"_s, v2, 45}};
            d.holdOutPercent = 10;
            d.senderIds = {1, 2};
            d.windowStartMinute = 0;
            d.windowEndMinute = 1440;
            d.createdBy = desk.name;
            d.sendNoLaterThanMSecs = sendNoLaterThan;
            CampaignRows rows(desk.db());
            id = rows.createDraft(d);
            if (id == 0 || !rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), desk.name))
                return rows.errorString();
            return QString();
        },
        [&](QString *error) -> std::optional<QList<TeamOp>> {
            CampaignOps ops(desk.db());
            auto described = ops.define(Account, id);
            if (!described)
                *error = ops.errorString();
            return described;
        });
    return ok ? id : 0;
}

bool TstCampaignOps::move(TeamDesk &desk, qint64 id, State to, bool automatic)
{
    return desk.change(
        [&]() -> QString {
            CampaignRows rows(desk.db());
            if (automatic)
                return rows.applyState(id, to, true, u"system"_s, 1).value_or(false)
                           ? QString()
                           : u"not moved"_s;
            return rows.transition(id, to, desk.name, 1) ? QString() : rows.errorString();
        },
        [&](QString *error) -> std::optional<QList<TeamOp>> {
            CampaignOps ops(desk.db());
            const auto op = ops.state(Account, id, automatic);
            if (!op)
                *error = ops.errorString();
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
}

qint64 TstCampaignOps::idOn(TeamDesk &desk, const QString &teamId)
{
    return CampaignRows(desk.db()).idOfTeamId(Account, teamId);
}

CampaignRows::Summary TstCampaignOps::summaryOn(TeamDesk &desk, qint64 id)
{
    return CampaignRows(desk.db()).summary(id).value_or(CampaignRows::Summary{});
}

void TstCampaignOps::plannedCampaignAppearsOnTheOther()
{
    const qint64 id = schedule(m_a, 700);
    QVERIFY(id > 0);
    QVERIFY(m_log.share(m_a));
    // 700 recipients do not fit one item: the queue travels in several parts.
    int parts = 0;
    for (const TeamLogWriter::LogItem &item : std::as_const(m_log.items)) {
        QVERIFY(QJsonDocument(item.data).toJson(QJsonDocument::Compact).size() <=
                TeamOp::MaxItemBytes);
        parts += item.data.value(u"kind"_s).toString() == CampaignOps::Recipients ? 1 : 0;
    }
    QVERIFY2(parts >= 3, qPrintable(QString::number(parts)));
    const auto applied = m_log.pull(m_b);
    QCOMPARE(applied.applied, parts + 1);
    const CampaignRows::Summary a = summaryOn(m_a, id);
    const qint64 onB = idOn(m_b, a.teamId);
    QVERIFY(onB > 0);
    const CampaignRows::Summary b = summaryOn(m_b, onB);
    QCOMPARE(b.name, u"Spring sale"_s);
    QCOMPARE(b.state, State::Scheduled);
    QCOMPARE(b.total, qint64(700));
    QCOMPARE(b.heldOut, a.heldOut);
    QCOMPARE(b.pending, a.pending);
    // Same variant, sender, instants per number; the template by its team id.
    const QString sql =
        u"SELECT group_concat(r.contact_number || r.variant || coalesce(s.number, '') || "
        u"coalesce(r.planned_at, '') || coalesce(r.send_by, ''), ',') FROM (SELECT * FROM "
        u"campaign_recipients WHERE campaign_id = ? ORDER BY contact_number) r LEFT JOIN "
        u"sender_numbers s ON s.id = r.sender_number_id"_s;
    QCOMPARE(m_b.scalar(sql, {onB}).toString(), m_a.scalar(sql, {id}).toString());
    QCOMPARE(m_b.scalar(u"SELECT group_concat(t.body, '|') FROM campaign_variants v JOIN "
                        u"template_versions t ON t.id = v.template_version_id WHERE "
                        u"v.campaign_id = ? ORDER BY v.position"_s,
                        {onB})
                 .toString(),
             u"Hi, A. Reply STOP to opt out|Hello, B. Reply STOP to opt out"_s);
    // Its recipients' texts are named alike on every desktop that could run it.
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM campaign_recipients WHERE campaign_id = ? AND "
                        u"client_ref = 'campaign:' || ? || ':' || contact_number"_s,
                        {onB, a.teamId})
                 .toLongLong(),
             a.pending);
}

void TstCampaignOps::applyingTheLogTwiceChangesNothing()
{
    const qint64 id = schedule(m_a, 50);
    QVERIFY(id > 0);
    QVERIFY(move(m_a, id, State::Paused));
    QVERIFY(m_log.share(m_a));
    QVERIFY(m_log.pull(m_b).applied > 0);
    const QString teamId = summaryOn(m_a, id).teamId;
    const qint64 onB = idOn(m_b, teamId);
    const QString dump = u"SELECT (SELECT group_concat(status) FROM campaigns) || (SELECT "
                         u"count(*) FROM campaign_recipients) || (SELECT count(*) FROM "
                         u"audit_log)"_s;
    const QString before = m_b.scalar(dump).toString();
    // Every item again, one by one: nothing changes.
    for (const TeamLogWriter::LogItem &item : std::as_const(m_log.items)) {
        const auto op = TeamOp::fromJson(item.data);
        QVERIFY(op);
        CampaignOpApplier applier(m_b.db());
        const auto outcome = applier.apply(Account, *op, TeamOpApplier::Origin::Log);
        QVERIFY(outcome);
        QCOMPARE(*outcome, TeamOpApplier::Outcome::Unchanged);
    }
    QCOMPARE(m_b.scalar(dump).toString(), before);
    QCOMPARE(summaryOn(m_b, onB).state, State::Paused);
    // A's own ops coming back change nothing there either.
    const auto back = m_log.pull(m_a);
    QCOMPARE(back.applied, 0);
}

void TstCampaignOps::stateMovesFollowTheLogsOrder()
{
    const qint64 id = schedule(m_a, 10);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const QString teamId = summaryOn(m_a, id).teamId;
    const qint64 onB = idOn(m_b, teamId);
    // At once: A pauses, B cancels; B's cancel is later in the log: canceled on both.
    QVERIFY(move(m_a, id, State::Paused));
    QVERIFY(move(m_b, onB, State::Canceled));
    QVERIFY(m_log.share(m_a));
    QVERIFY(m_log.share(m_b));
    m_log.pull(m_a);
    m_log.pull(m_b);
    QCOMPARE(summaryOn(m_a, id).state, State::Canceled);
    QCOMPARE(summaryOn(m_b, onB).state, State::Canceled);
    QCOMPARE(summaryOn(m_a, id).canceled, summaryOn(m_a, id).toSend());

    // Another: A pauses, B resumes it before seeing that; the log says pause, then resume.
    const qint64 second = schedule(m_a, 10);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const qint64 secondOnB = idOn(m_b, summaryOn(m_a, second).teamId);
    QVERIFY(move(m_b, secondOnB, State::Paused));
    QVERIFY(m_log.share(m_b));
    m_log.pull(m_a);
    QCOMPARE(summaryOn(m_a, second).state, State::Paused);
    QVERIFY(move(m_a, second, State::Running)); // resume on A
    QVERIFY(move(m_b, secondOnB, State::Canceled));
    QVERIFY(m_log.share(m_b)); // B's cancel first in the log, then A's resume
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_a);
    m_log.pull(m_b);
    // Finished stays finished, on both.
    QCOMPARE(summaryOn(m_a, second).state, State::Canceled);
    QCOMPARE(summaryOn(m_b, secondOnB).state, State::Canceled);
}

void TstCampaignOps::runnersOwnRunningNeverUndoesAPause()
{
    const qint64 id = schedule(m_a, 10);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const qint64 onB = idOn(m_b, summaryOn(m_a, id).teamId);
    // B pauses the scheduled campaign; A's runner starts it before it sees that.
    QVERIFY(move(m_b, onB, State::Paused));
    QVERIFY(move(m_a, id, State::Running, true));
    QVERIFY(m_log.share(m_b));
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_a);
    m_log.pull(m_b);
    QCOMPARE(summaryOn(m_a, id).state, State::Paused);
    QCOMPARE(summaryOn(m_b, onB).state, State::Paused);
}

void TstCampaignOps::progressCarriesOutcomes()
{
    const qint64 id = schedule(m_a, 20);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const QString teamId = summaryOn(m_a, id).teamId;
    const qint64 onB = idOn(m_b, teamId);
    // What A's runner decided: three sent, one failed, one opted out.
    QSqlQuery q(m_a.db());
    QVERIFY(q.exec(u"UPDATE campaign_recipients SET state = 'sent', provider_sid = 'SM' || id, "
                   u"report_pending = 1 WHERE id IN (SELECT id FROM campaign_recipients WHERE "
                   u"state = 'pending' ORDER BY id LIMIT 3)"_s));
    QVERIFY(q.exec(u"UPDATE campaign_recipients SET state = 'failed', reason = '30003', "
                   u"report_pending = 1 WHERE id = (SELECT id FROM campaign_recipients WHERE "
                   u"state = 'pending' ORDER BY id LIMIT 1)"_s));
    QVERIFY(q.exec(u"UPDATE campaign_recipients SET state = 'skipped', reason = 'opted_out', "
                   u"report_pending = 1 WHERE id = (SELECT id FROM campaign_recipients WHERE "
                   u"state = 'pending' ORDER BY id LIMIT 1)"_s));
    QVERIFY(
        m_a.change([] { return QString(); },
                   [&](QString *) { return CampaignOps(m_a.db()).takeProgress(Account, 100); }));
    QCOMPARE(
        m_a.scalar(u"SELECT count(*) FROM campaign_recipients WHERE report_pending = 1"_s).toInt(),
        0);
    QVERIFY(m_log.share(m_a));
    QCOMPARE(m_log.items.last().data.value(u"kind"_s).toString(), CampaignOps::Progress);
    m_log.pull(m_b);
    const CampaignRows::Summary b = summaryOn(m_b, onB);
    QCOMPARE(b.sent, qint64(3));
    QCOMPARE(b.failed, qint64(1));
    QCOMPARE(b.skipped, qint64(1));
    QCOMPARE(m_b.scalar(u"SELECT group_concat(provider_sid) FROM (SELECT provider_sid FROM "
                        u"campaign_recipients WHERE campaign_id = ? AND state = 'sent' ORDER BY "
                        u"provider_sid)"_s,
                        {onB})
                 .toString(),
             m_a.scalar(u"SELECT group_concat(provider_sid) FROM (SELECT provider_sid FROM "
                        u"campaign_recipients WHERE campaign_id = ? AND state = 'sent' ORDER BY "
                        u"provider_sid)"_s,
                        {id})
                 .toString());
    // A cancel on B after the texts left: the sent stay sent, with their count.
    QVERIFY(move(m_b, onB, State::Canceled));
    const CampaignRows::Summary canceled = summaryOn(m_b, onB);
    QCOMPARE(canceled.sent, qint64(3));
    QCOMPARE(canceled.canceled, canceled.toSend() - 5);
    // A late progress op saying a skipped one was sent after all: the provider's word wins.
    QVERIFY(q.exec(u"UPDATE campaign_recipients SET state = 'sent', provider_sid = 'SMlate', "
                   u"report_pending = 1 WHERE id = (SELECT id FROM campaign_recipients WHERE "
                   u"state = 'pending' ORDER BY id LIMIT 1)"_s));
    QVERIFY(
        m_a.change([] { return QString(); },
                   [&](QString *) { return CampaignOps(m_a.db()).takeProgress(Account, 100); }));
    QVERIFY(m_log.share(m_a));
    QVERIFY(m_log.share(m_b));
    m_log.pull(m_b);
    QCOMPARE(summaryOn(m_b, onB).sent, qint64(4));
}

void TstCampaignOps::cancelWithdrawsTextsNotYetAttempted()
{
    const qint64 id = schedule(m_a, 8);
    CampaignQueue queue(m_a.db(), &m_a.fx->store());
    const auto batch = queue.takeBatch(id, QDateTime::currentMSecsSinceEpoch() + 3'600'000, 0, 5);
    QVERIFY2(batch, qPrintable(queue.errorString()));
    QCOMPARE(batch->messageIds.size(), 5);
    // The outbox attempted the first (its request may have reached the provider).
    QSqlQuery q(m_a.db());
    QVERIFY(q.exec(
        u"UPDATE messages SET last_attempt_at = 1 WHERE id = %1"_s.arg(batch->messageIds.first())));
    CampaignRows rows(m_a.db());
    QVERIFY2(rows.transition(id, State::Canceled, u"Ana"_s, 2), qPrintable(rows.errorString()));
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM messages WHERE status = 'canceled'"_s).toInt(), 4);
    QCOMPARE(m_a.scalar(u"SELECT status FROM messages WHERE id = ?"_s, {batch->messageIds.first()})
                 .toString(),
             u"queued"_s);
    const CampaignRows::Summary s = summaryOn(m_a, id);
    QCOMPARE(s.sending, qint64(1)); // it settles as the provider answers
    QCOMPARE(s.canceled, s.toSend() - 1);
}

void TstCampaignOps::lateRecipientsAreHeld()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 id = schedule(m_a, 6, now + 60'000);
    CampaignQueue queue(m_a.db(), &m_a.fx->store());
    // Taken an hour later (a pause, every desktop closed): none goes, every one is reported.
    const auto batch = queue.takeBatch(id, now + 3'600'000, 0, 20);
    QVERIFY(batch);
    QVERIFY(batch->messageIds.isEmpty());
    const CampaignRows::Summary s = summaryOn(m_a, id);
    QCOMPARE(batch->skippedTooLate, int(s.toSend()));
    QCOMPARE(s.tooLate, s.toSend());
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM campaign_recipients WHERE reason = 'too_late' "
                        u"AND report_pending = 1"_s)
                 .toLongLong(),
             s.toSend());
    // Without a "send no later than": the end of the planned day where the recipient is.
    const qint64 other = schedule(m_a, 3);
    const qint64 sendBy = m_a.scalar(u"SELECT min(send_by) FROM campaign_recipients WHERE "
                                     u"campaign_id = ? AND state = 'pending'"_s,
                                     {other})
                              .toLongLong();
    QVERIFY(sendBy > now);
    QVERIFY(sendBy <= now + 2 * 24 * 3'600'000LL);
}

void TstCampaignOps::partsStayUnderTheItemSize()
{
    QJsonArray rows;
    for (int i = 0; i < 1000; ++i)
        rows.append(QJsonArray{u"+1415555%1"_s.arg(i, 4, 10, QChar(u'0')), u"A"_s,
                               u"+14155550100"_s, qint64(1765100000000) + i,
                               qint64(1765200000000)});
    const QList<QJsonArray> parts = CampaignOps::pack(rows, CampaignOps::RowBytes);
    qsizetype total = 0;
    for (const QJsonArray &part : parts) {
        QVERIFY(QJsonDocument(part).toJson(QJsonDocument::Compact).size() <= CampaignOps::RowBytes);
        total += part.size();
    }
    QCOMPARE(total, 1000);
    QVERIFY(parts.size() >= 4);
}

void TstCampaignOps::frequencyCapCountsTheWholeTeamsTexts()
{
    const qint64 id = schedule(m_a, 4);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const qint64 onB = idOn(m_b, summaryOn(m_a, id).teamId);
    // A cancels right away: on B nothing of it is planned any more...
    QVERIFY(move(m_a, id, State::Canceled));
    // ...but one text had left A before (the runner's progress says so).
    QSqlQuery q(m_a.db());
    QVERIFY(q.exec(u"UPDATE campaign_recipients SET state = 'sent', provider_sid = 'SM1', "
                   u"report_pending = 1 WHERE contact_number = '+14155560000'"_s));
    QVERIFY(
        m_a.change([] { return QString(); },
                   [&](QString *) { return CampaignOps(m_a.db()).takeProgress(Account, 100); }));
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    QCOMPARE(summaryOn(m_b, onB).state, State::Canceled);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    CampaignSendHistory history(m_b.db());
    const auto sends = history.sends(Account, now - FrequencyCap::WeekMSecs);
    QVERIFY2(sends, qPrintable(history.errorString()));
    // B never texted anyone, yet the customer A texted counts there; the canceled rest not.
    QCOMPARE(sends->value(u"+14155560000"_s).size(), 1);
    QCOMPARE(sends->size(), 1);
    QVERIFY(!FrequencyCap(1, 3).allowsMSecs(sends->value(u"+14155560000"_s), now + 60'000));
    QVERIFY(FrequencyCap(1, 3).allowsMSecs(sends->value(u"+14155560001"_s), now + 60'000));
    // A planned campaign's texts count before they leave (they share the windows).
    const qint64 planned = schedule(m_a, 2);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const qint64 plannedOnB = idOn(m_b, summaryOn(m_a, planned).teamId);
    QVERIFY(plannedOnB > 0);
    const auto later = CampaignSendHistory(m_b.db()).sends(Account, now - FrequencyCap::WeekMSecs);
    QVERIFY(later);
    qsizetype instants = 0;
    for (const QList<qint64> &list : *later)
        instants += list.size();
    QCOMPARE(instants, 1 + summaryOn(m_b, plannedOnB).pending);
}

QTEST_GUILESS_MAIN(TstCampaignOps)
#include "tst_campaignops.moc"
