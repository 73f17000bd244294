#include "CampaignQueue.h"

#include "CampaignRows.h"
#include "ConsentRows.h"
#include "ContactValues.h"
#include "MessageStore.h"
#include "PhoneNumber.h"
#include "PhoneNumberParse.h"
#include "ScheduledMessageRows.h"
#include "SegmentCounter.h"
#include "SendTimePlanner.h"
#include "TemplateText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

struct Due
{
    qint64 id = 0;
    QString number;
    QString variant;
    qint64 senderId = 0;
    QString senderNumber;
    QString clientRef;
    QString body;
    QString name;
    QString attributes;
    QString zone;
    QString textEnabled;
    qint64 sendBy = 0; // 0: no limit (planned before 0014)
    qint64 plannedAt = 0;
};

OutgoingMessage outgoing(qint64 threadId, const QString &body, const QString &ref,
                         const QString &author)
{
    OutgoingMessage m;
    m.threadId = threadId;
    m.body = body;
    m.clientRef = ref;
    m.author = author;
    const SegmentCount count = SegmentCounter::count(body);
    m.segments = count.segments;
    m.encoding = count.encoding == SegmentCount::Encoding::Gsm7 ? u"gsm7"_s : u"ucs2"_s;
    m.purpose = ConsentLedger::MessagePurpose::Campaign;
    return m;
}

} // namespace

CampaignQueue::CampaignQueue(QSqlDatabase db, MessageStore *messages)
    : m_db(std::move(db))
    , m_messages(messages)
{}

bool CampaignQueue::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool CampaignQueue::exec(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return true;
    return fail(u"cannot %1: %2"_s.arg(what, query.lastError().text()));
}

std::optional<QList<qint64>> CampaignQueue::activeCampaigns(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM campaigns WHERE account_id = :a AND status IN ('scheduled', "
              u"'running') ORDER BY id"_s);
    q.bindValue(u":a"_s, accountId);
    if (!exec(q, u"list active campaigns"_s))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

std::optional<CampaignQueue::Batch> CampaignQueue::takeBatch(qint64 campaignId, qint64 nowMSecs,
                                                             qint64 lookaheadMSecs, int limit)
{
    return take(campaignId, nowMSecs, 0, nowMSecs + lookaheadMSecs, limit, false);
}

std::optional<CampaignQueue::Batch> CampaignQueue::takeForProvider(qint64 campaignId,
                                                                   qint64 nowMSecs,
                                                                   qint64 fromMSecs, qint64 toMSecs,
                                                                   int limit)
{
    return take(campaignId, nowMSecs, fromMSecs, toMSecs, limit, true);
}

std::optional<CampaignQueue::Batch> CampaignQueue::take(qint64 campaignId, qint64 nowMSecs,
                                                        qint64 fromMSecs, qint64 toMSecs, int limit,
                                                        bool providerHeld)
{
    m_error.clear();
    Batch batch;
    QSqlQuery q(m_db);
    q.prepare(u"SELECT account_id, status, account_zone, window_start_minute, "
              u"window_end_minute, name FROM campaigns WHERE id = :c"_s);
    q.bindValue(u":c"_s, campaignId);
    if (!exec(q, u"read the campaign"_s))
        return std::nullopt;
    if (!q.next())
        return fail(u"there is no campaign %1"_s.arg(campaignId)), std::nullopt;
    const qint64 account = q.value(0).toLongLong();
    const QString status = q.value(1).toString();
    const QTimeZone accountZone(q.value(2).toString().toUtf8());
    const auto quiet = QuietHours::fromSendWindow(q.value(3).toInt(), q.value(4).toInt());
    const QString author = u"campaign: "_s + q.value(5).toString();
    if (status != u"scheduled" && status != u"running")
        return batch;
    if (!accountZone.isValid() || !quiet)
        return fail(u"campaign %1 has an invalid zone or send window"_s.arg(campaignId)),
               std::nullopt;

    q.prepare(u"SELECT r.id, r.contact_number, r.variant, r.sender_number_id, s.number, "
              u"r.client_ref, t.body, coalesce(ct.name, ''), coalesce(ct.attributes, ''), "
              u"coalesce(ct.time_zone, ''), coalesce(ct.text_enabled, 'unknown'), "
              u"coalesce(r.send_by, 0), r.planned_at FROM campaign_recipients r "
              u"JOIN sender_numbers s ON s.id = r.sender_number_id "
              u"JOIN campaign_variants v ON v.campaign_id = r.campaign_id AND v.label = r.variant "
              u"JOIN template_versions t ON t.id = v.template_version_id "
              u"LEFT JOIN contacts ct ON ct.account_id = :a AND ct.number = r.contact_number "
              u"WHERE r.campaign_id = :c AND r.state = 'pending' AND r.planned_at <= :horizon "
              u"AND r.planned_at >= :from AND (:provider = 0 OR EXISTS (SELECT 1 FROM "
              u"messaging_service_numbers ms WHERE ms.account_id = :a AND ms.number = s.number "
              u"AND ms.send_through = 1)) ORDER BY r.planned_at, r.id LIMIT :n"_s);
    q.bindValue(u":a"_s, account);
    q.bindValue(u":c"_s, campaignId);
    q.bindValue(u":horizon"_s, toMSecs);
    q.bindValue(u":from"_s, fromMSecs);
    q.bindValue(u":provider"_s, providerHeld ? 1 : 0);
    q.bindValue(u":n"_s, limit);
    if (!exec(q, u"read due recipients"_s))
        return std::nullopt;
    QList<Due> due;
    while (q.next()) {
        due.append(Due{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                       q.value(9).toString(), q.value(10).toString(), q.value(11).toLongLong(),
                       q.value(12).toLongLong()});
    }
    q.finish();
    if (due.isEmpty())
        return batch;
    if (status == u"scheduled") {
        CampaignRows rows(m_db);
        if (!rows.transition(campaignId, CampaignState::State::Running, u"system"_s, nowMSecs))
            return fail(rows.errorString()), std::nullopt;
        batch.started = true;
    }

    ConsentRows consent(m_db);
    const SendTimePlanner guard(accountZone, *quiet);
    const auto mark = [&](qint64 id, const QString &state, const QString &reason) {
        q.prepare(u"UPDATE campaign_recipients SET state = :s, reason = :r, updated_at = :now, "
                  u"report_pending = 1 WHERE id = :id AND state = 'pending'"_s);
        q.bindValue(u":s"_s, state);
        q.bindValue(u":r"_s, reason);
        q.bindValue(u":now"_s, nowMSecs);
        q.bindValue(u":id"_s, id);
        return exec(q, u"update recipient %1"_s.arg(id));
    };
    for (const Due &r : due) {
        // When it leaves: now, or at its planned time when the provider holds it until then.
        const qint64 at = providerHeld ? r.plannedAt : nowMSecs;
        // Held, not sent days late: a pause, an outage or quiet hours took it past its day.
        if (r.sendBy > 0 && at >= r.sendBy) {
            if (!mark(r.id, u"skipped"_s, u"too_late"_s))
                return std::nullopt;
            ++batch.skippedTooLate;
            continue;
        }
        // Consent is read again now: a STOP during the campaign stops every later text.
        const std::optional<ConsentLedger> ledger = consent.ledgerFor(account, r.number);
        if (!ledger)
            return fail(consent.errorString()), std::nullopt;
        if (!ledger->maySend(r.number, r.senderNumber, ConsentLedger::MessagePurpose::Campaign)) {
            if (!mark(r.id, u"skipped"_s, u"opted_out"_s))
                return std::nullopt;
            ++batch.skippedOptedOut;
            continue;
        }
        if (r.textEnabled == u"no") {
            if (!mark(r.id, u"skipped"_s, u"not_text_enabled"_s))
                return std::nullopt;
            ++batch.skippedNotTextEnabled;
            continue;
        }
        // The plan is old by now (a pause, a restart): never text into quiet hours.
        const QString region = PhoneNumber::parse(r.number, QString()).number.defaultTimeZoneId();
        const SendTimePlanner::Planned allowed =
            guard.plan({SendTimePlanner::Mode::Now, {}, {}}, at, {r.zone, region});
        if (allowed.utcMSecs > at) {
            q.prepare(u"UPDATE campaign_recipients SET planned_at = :at, updated_at = :now "
                      u"WHERE id = :id"_s);
            q.bindValue(u":at"_s, allowed.utcMSecs);
            q.bindValue(u":now"_s, nowMSecs);
            q.bindValue(u":id"_s, r.id);
            if (!exec(q, u"defer recipient %1"_s.arg(r.id)))
                return std::nullopt;
            ++batch.deferredByQuietHours;
            continue;
        }
        const QString body = TemplateText(r.body)
                                 .render(ContactValues::forContact(r.name, r.number, r.attributes))
                                 .text;
        const qint64 thread = m_messages->findOrCreateThread(account, r.number, r.senderId);
        if (thread == 0)
            return fail(m_messages->errorString()), std::nullopt;
        OutgoingMessage message = outgoing(thread, body, r.clientRef, author);
        message.campaignId = campaignId;
        message.variant = r.variant;
        qint64 messageId = 0;
        if (!m_messages->insertOutgoing(message, &messageId))
            return fail(m_messages->errorString()), std::nullopt;
        // SendAt travels in whole seconds: rounded up, it never leaves before its time.
        ScheduledMessageRows scheduled(m_db);
        if (providerHeld && !scheduled.schedule(messageId, (r.plannedAt + 999) / 1000 * 1000))
            return fail(scheduled.errorString()), std::nullopt;
        q.prepare(u"UPDATE campaign_recipients SET state = CASE WHEN m.provider_sid IS NULL "
                  u"THEN 'sending' ELSE 'sent' END, message_id = m.id, attempts = attempts + 1, "
                  u"report_pending = CASE WHEN m.provider_sid IS NULL THEN 0 ELSE 1 END, "
                  u"updated_at = :now FROM messages m WHERE m.id = :m AND "
                  u"campaign_recipients.id = :id AND campaign_recipients.state = 'pending' "
                  u"RETURNING campaign_recipients.state"_s);
        q.bindValue(u":now"_s, nowMSecs);
        q.bindValue(u":m"_s, messageId);
        q.bindValue(u":id"_s, r.id);
        if (!exec(q, u"mark recipient %1 sending"_s.arg(r.id)))
            return std::nullopt;
        // A message found already sent (the outbox sent it before a crash) is not handed over.
        if (q.next() && q.value(0).toString() == u"sending")
            batch.messageIds.append(messageId);
        else
            ++batch.alreadySent;
        q.finish();
    }
    return batch;
}

std::optional<QList<qint64>> CampaignQueue::settle(qint64 accountId, qint64 nowMSecs)
{
    m_error.clear();
    QSqlQuery q(m_db);
    // The outbox blocks a message whose customer opted out after it was queued.
    q.prepare(u"UPDATE campaign_recipients SET state = CASE WHEN m.provider_sid IS NOT NULL "
              u"THEN 'sent' WHEN m.status = 'blocked' THEN 'skipped' ELSE 'failed' END, "
              u"reason = CASE WHEN m.provider_sid IS NOT NULL THEN '' WHEN m.status = 'blocked' "
              u"THEN 'opted_out' ELSE coalesce(CAST(m.error_code AS TEXT), m.status) END, "
              u"provider_sid = m.provider_sid, report_pending = 1, "
              u"updated_at = :now FROM messages m WHERE m.id = campaign_recipients.message_id "
              u"AND m.account_id = :a AND campaign_recipients.state = 'sending' AND "
              u"(m.provider_sid IS NOT NULL OR m.status IN ('failed', 'blocked', 'canceled')) "
              u"RETURNING campaign_recipients.campaign_id"_s);
    q.bindValue(u":now"_s, nowMSecs);
    q.bindValue(u":a"_s, accountId);
    if (!exec(q, u"settle sent recipients"_s))
        return std::nullopt;
    QList<qint64> changed;
    while (q.next()) {
        if (!changed.contains(q.value(0).toLongLong()))
            changed.append(q.value(0).toLongLong());
    }
    q.prepare(u"SELECT c.id FROM campaigns c WHERE c.account_id = :a AND c.status IN "
              u"('scheduled', 'running') AND NOT EXISTS (SELECT 1 FROM campaign_recipients r "
              u"WHERE r.campaign_id = c.id AND r.state IN ('pending', 'sending')) AND "
              u"NOT EXISTS (SELECT 1 FROM campaign_recipients r JOIN messages m ON m.id = "
              u"r.message_id WHERE r.campaign_id = c.id AND m.status = 'scheduled') AND "
              u"(c.team_recipients IS NULL OR (SELECT count(*) FROM campaign_recipients r "
              u"WHERE r.campaign_id = c.id) >= c.team_recipients)"_s);
    q.bindValue(u":a"_s, accountId);
    if (!exec(q, u"find finished campaigns"_s))
        return std::nullopt;
    QList<qint64> finished;
    while (q.next())
        finished.append(q.value(0).toLongLong());
    q.finish();
    CampaignRows rows(m_db);
    for (qint64 id : std::as_const(finished)) {
        if (rows.state(id) == CampaignState::State::Scheduled &&
            !rows.transition(id, CampaignState::State::Running, u"system"_s, nowMSecs))
            return fail(rows.errorString()), std::nullopt;
        if (!rows.transition(id, CampaignState::State::Completed, u"system"_s, nowMSecs))
            return fail(rows.errorString()), std::nullopt;
        if (!changed.contains(id))
            changed.append(id);
    }
    return changed;
}

std::optional<qint64> CampaignQueue::inFlight(qint64 campaignId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT count(*) FROM campaign_recipients WHERE campaign_id = :c AND "
              u"state = 'sending'"_s);
    q.bindValue(u":c"_s, campaignId);
    if (!exec(q, u"count messages in flight"_s) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<QList<qint64>> CampaignQueue::messagesInFlight(qint64 accountId)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT r.message_id FROM campaign_recipients r JOIN campaigns c ON c.id = "
              u"r.campaign_id WHERE c.account_id = :a AND r.state = 'sending' ORDER BY "
              u"r.message_id"_s);
    q.bindValue(u":a"_s, accountId);
    if (!exec(q, u"read messages in flight"_s))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

qint64 CampaignQueue::queueTest(qint64 campaignId, const QString &variantLabel,
                                const QString &number, const QString &actor)
{
    m_error.clear();
    const PhoneNumberParse parsed = PhoneNumber::parse(number, QString());
    if (!parsed.ok())
        return fail(parsed.errorMessage), 0;
    const QString to = parsed.number.canonical();
    QSqlQuery q(m_db);
    q.prepare(u"SELECT c.account_id, t.body, s.id, s.number FROM campaigns c "
              u"JOIN campaign_variants v ON v.campaign_id = c.id AND v.label = :label "
              u"JOIN template_versions t ON t.id = v.template_version_id "
              u"JOIN campaign_senders cs ON cs.campaign_id = c.id "
              u"JOIN sender_numbers s ON s.id = cs.sender_number_id "
              u"WHERE c.id = :c ORDER BY cs.position LIMIT 1"_s);
    q.bindValue(u":label"_s, variantLabel);
    q.bindValue(u":c"_s, campaignId);
    if (!exec(q, u"read the campaign"_s))
        return 0;
    if (!q.next())
        return fail(u"campaign %1 has no variant '%2' or no sender"_s.arg(campaignId)
                        .arg(variantLabel)),
               0;
    const qint64 account = q.value(0).toLongLong();
    const QString body = q.value(1).toString();
    const qint64 sender = q.value(2).toLongLong();
    const QString senderNumber = q.value(3).toString();
    q.prepare(u"SELECT name, attributes FROM contacts WHERE account_id = :a AND number = :n"_s);
    q.bindValue(u":a"_s, account);
    q.bindValue(u":n"_s, to);
    QString name, attributes;
    if (exec(q, u"read the contact"_s) && q.next()) {
        name = q.value(0).toString();
        attributes = q.value(1).toString();
    }
    q.finish();
    const std::optional<ConsentLedger> ledger = ConsentRows(m_db).ledgerFor(account, to);
    if (!ledger || !ledger->maySend(to, senderNumber, ConsentLedger::MessagePurpose::Campaign))
        return fail(u"%1 opted out of texts from %2: no test message"_s.arg(to, senderNumber)), 0;
    const qint64 thread = m_messages->findOrCreateThread(account, to, sender);
    if (thread == 0)
        return fail(m_messages->errorString()), 0;
    // Not counted: no campaign id on the message and no recipient row.
    const QString ref = u"campaign-test:%1:%2"_s.arg(campaignId)
                            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString text =
        TemplateText(body).render(ContactValues::forContact(name, to, attributes)).text;
    qint64 id = 0;
    if (!m_messages->insertOutgoing(outgoing(thread, text, ref, actor), &id))
        return fail(m_messages->errorString()), 0;
    return id;
}
