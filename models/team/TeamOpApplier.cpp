#include "TeamOpApplier.h"

#include "ConsentEvent.h"
#include "KeywordConsentOps.h"
#include "ManualConsent.h"
#include "SharedKindOps.h"
#include "StoreLogging.h"
#include "TeamAgentOps.h"
#include "TeamOutboxRows.h"
#include "TeamRosterRows.h"
#include "ThreadActions.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString ThreadResolve = u"thread.resolve"_s;
const QString ThreadReopen = u"thread.reopen"_s;
const QString ThreadFlag = u"thread.flag"_s;
const QString ThreadAssign = u"thread.assign"_s;
const QString ThreadSnooze = u"thread.snooze"_s;
const QString NoteAdd = u"note.add"_s;
const QString ConsentOptOut = u"consent.opt_out"_s;
const QString ConsentOptIn = u"consent.opt_in"_s;
const QString AgentJoin = u"agent.join"_s;

} // namespace

TeamOpApplier::TeamOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

bool TeamOpApplier::isKnownKind(const QString &kind)
{
    return !threadField(kind).isEmpty() || kind == NoteAdd || kind == ConsentOptOut ||
           kind == ConsentOptIn || kind == AgentJoin || TeamAgentOps::isAgentKind(kind) ||
           SharedKindOps::handles(kind);
}

QString TeamOpApplier::threadField(const QString &kind)
{
    if (kind == ThreadResolve || kind == ThreadReopen)
        return u"status"_s;
    if (kind == ThreadFlag)
        return u"flagged"_s;
    if (kind == ThreadAssign)
        return u"assignee"_s;
    if (kind == ThreadSnooze)
        return u"snooze"_s;
    return {};
}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                           Origin origin)
{
    m_error.clear();
    // The roster shows when each member was last heard of: any op of theirs says so.
    if (!TeamRosterRows(m_db).touch(accountId, op.agent, op.desk, op.at))
        return fail(u"cannot note when a team member was seen"_s);
    if (!threadField(op.kind).isEmpty())
        return applyThread(accountId, op, origin);
    if (op.kind == NoteAdd)
        return applyNote(accountId, op);
    if (op.kind == ConsentOptOut || op.kind == ConsentOptIn)
        return applyConsent(accountId, op);
    if (op.kind == AgentJoin || TeamAgentOps::isAgentKind(op.kind))
        return applyAgent(accountId, op);
    if (SharedKindOps::handles(op.kind))
        return SharedKindOps::apply(m_db, accountId, op, origin, &m_error);
    qCInfo(lcStore) << "team op of unknown kind skipped:" << op.kind;
    return Outcome::NotApplicable;
}

QString TeamOpApplier::targetOf(qint64 accountId, qint64 threadId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT t.customer_number, s.number FROM threads t JOIN sender_numbers s "
              u"ON s.id = t.sender_number_id WHERE t.id = ? AND t.account_id = ?"_s);
    q.addBindValue(threadId);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return {};
    return TeamOp::threadTarget(q.value(0).toString(), q.value(1).toString());
}

qint64 TeamOpApplier::threadOf(qint64 accountId, const QString &target)
{
    QString customer;
    QString ours;
    if (!TeamOp::splitThreadTarget(target, &customer, &ours))
        return 0;
    qint64 numberId = m_numbers.value(ours);
    if (numberId == 0) {
        QSqlQuery number(m_db);
        number.prepare(u"SELECT id FROM sender_numbers WHERE account_id = ? AND number = ?"_s);
        number.addBindValue(accountId);
        number.addBindValue(ours);
        if (!number.exec() || !number.next())
            return 0;
        numberId = number.value(0).toLongLong();
        m_numbers.insert(ours, numberId);
    }
    // Answered by the threads' unique key (the plain thread first, '' before a shared short
    // code's keyword). Joining the number's text, or ordering by id, made SQLite walk every
    // thread of the number instead: a snapshot's 100,000 ops took a quarter of an hour.
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM threads WHERE account_id = ? AND customer_number = ? "
              u"AND sender_number_id = ? ORDER BY provider_keyword LIMIT 1"_s);
    q.addBindValue(accountId);
    q.addBindValue(customer);
    q.addBindValue(numberId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    // State decided before this desktop saw any message of the thread: the thread row holds it
    // until the messages arrive (threads without a message are not listed).
    QSqlQuery create(m_db);
    create.prepare(u"INSERT INTO threads (account_id, customer_number, sender_number_id) "
                   u"VALUES (?, ?, ?)"_s);
    create.addBindValue(accountId);
    create.addBindValue(customer);
    create.addBindValue(numberId);
    return create.exec() ? create.lastInsertId().toLongLong() : 0;
}

bool TeamOpApplier::hasWaitingChanges(qint64 accountId)
{
    if (!m_waiting)
        m_waiting = TeamOutboxRows(m_db).count(accountId) > 0;
    return *m_waiting;
}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::applyThread(qint64 accountId, const TeamOp &op,
                                                                 Origin origin)
{
    const QString field = threadField(op.kind);
    if (origin == Origin::Log && hasWaitingChanges(accountId) &&
        !TeamOutboxRows(m_db).contains(op.id) &&
        TeamOutboxRows(m_db).hasPendingField(accountId, op.target, field))
        return Outcome::Overridden;
    const qint64 thread = threadOf(accountId, op.target);
    if (thread == 0)
        return Outcome::NotApplicable;
    const QString actor = op.fields.value(u"by"_s).toString(op.agent);
    ThreadActions actions(m_db, actor.isEmpty() ? u"team"_s : actor);
    std::optional<QList<qint64>> changed;
    const QJsonValue value = op.fields.value(u"value"_s);
    if (op.kind == ThreadResolve)
        changed = actions.resolve(accountId, thread);
    else if (op.kind == ThreadReopen)
        changed = actions.reopen(accountId, thread);
    else if (op.kind == ThreadFlag)
        changed = actions.setFlagged(accountId, thread, value.toBool());
    else if (op.kind == ThreadAssign)
        changed = actions.assign(accountId, thread, value.toString());
    else if (op.kind == ThreadSnooze)
        changed = actions.snoozeUntil(
            accountId, thread,
            value.isDouble() ? std::optional<qint64>(qint64(value.toDouble())) : std::nullopt);
    if (!changed)
        return fail(actions.errorString());
    return changed->isEmpty() ? Outcome::Unchanged : Outcome::Applied;
}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::applyNote(qint64 accountId, const TeamOp &op)
{
    const QString body = op.fields.value(u"body"_s).toString();
    if (body.trimmed().isEmpty())
        return Outcome::NotApplicable;
    const qint64 thread = threadOf(accountId, op.target);
    if (thread == 0)
        return Outcome::NotApplicable;
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO thread_notes (thread_id, op_id, author, body, mentions, created_at) "
              u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING"_s);
    q.addBindValue(thread);
    q.addBindValue(op.id);
    q.addBindValue(op.fields.value(u"author"_s).toString(op.agent.isNull() ? u""_s : op.agent));
    q.addBindValue(body);
    q.addBindValue(op.fields.value(u"mentions"_s).toString(u""_s));
    q.addBindValue(op.at);
    if (!q.exec())
        return fail(u"cannot store a note: "_s + q.lastError().text());
    return q.numRowsAffected() > 0 ? Outcome::Applied : Outcome::Unchanged;
}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::applyConsent(qint64 accountId,
                                                                  const TeamOp &op)
{
    QSqlQuery seen(m_db);
    seen.prepare(u"SELECT 1 FROM consent_events WHERE team_op_id = ?"_s);
    seen.addBindValue(op.id);
    if (!seen.exec())
        return fail(u"cannot read the consent ledger: "_s + seen.lastError().text());
    if (seen.next())
        return Outcome::Unchanged; // the ledger appends: each op once
    if (KeywordConsentOps::handles(op)) {
        KeywordConsentOps keyword(m_db);
        const auto outcome = keyword.apply(accountId, op);
        return outcome ? outcome : fail(keyword.errorString());
    }
    const ConsentEvent event = TeamOp::consentEvent(op);
    ManualConsent manual(m_db);
    if (!ManualConsent::problem(event).isEmpty()) {
        qCWarning(lcStore) << "team consent op" << op.id
                           << "skipped:" << ManualConsent::problem(event);
        return Outcome::NotApplicable;
    }
    if (!manual.record(accountId, event))
        return fail(manual.errorString());
    return Outcome::Applied;
}

std::optional<TeamOpApplier::Outcome> TeamOpApplier::applyAgent(qint64 accountId, const TeamOp &op)
{
    TeamAgentOps agents(m_db);
    const auto outcome = agents.apply(accountId, op);
    if (!outcome)
        return fail(agents.errorString());
    return outcome;
}
