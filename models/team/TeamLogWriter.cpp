#include "TeamLogWriter.h"

#include "StoreLogging.h"
#include "TeamCompactionRows.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"

#include <QSqlError>

#include <algorithm>

using namespace Qt::StringLiterals;

TeamLogWriter::TeamLogWriter(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamLogWriter::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

std::optional<TeamOpApplier::Outcome> TeamLogWriter::recordLocal(qint64 accountId, const TeamOp &op,
                                                                 qint64 nowMs)
{
    m_error.clear();
    if (op.encodedSize() > TeamOp::MaxItemBytes) {
        fail(u"the change is too large for the team log (%1 bytes, at most %2)"_s
                 .arg(op.encodedSize())
                 .arg(TeamOp::MaxItemBytes));
        return std::nullopt;
    }
    if (!m_db.transaction()) {
        fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
        return std::nullopt;
    }
    TeamOpApplier applier(m_db);
    const auto outcome = applier.apply(accountId, op, TeamOpApplier::Origin::Local);
    if (!outcome) {
        m_db.rollback();
        fail(applier.errorString());
        return std::nullopt;
    }
    if (*outcome == TeamOpApplier::Outcome::NotApplicable) {
        // About something this profile does not have (an unknown number): not shared either.
        m_db.rollback();
        return outcome;
    }
    TeamStateRows state(m_db);
    if (state.state(accountId)) {
        TeamOutboxRows outbox(m_db);
        if (!outbox.enqueue(accountId, op, nowMs)) {
            m_db.rollback();
            fail(outbox.errorString());
            return std::nullopt;
        }
    }
    if (!m_db.commit()) {
        fail(u"cannot commit the change: "_s + m_db.lastError().text());
        m_db.rollback();
        return std::nullopt;
    }
    return outcome;
}

std::optional<TeamLogWriter::Applied> TeamLogWriter::applyItems(qint64 accountId,
                                                                const QList<LogItem> &items)
{
    return apply(accountId, items, Source::Log, -1);
}

std::optional<TeamLogWriter::Applied> TeamLogWriter::applySnapshot(qint64 accountId, qint64 covers,
                                                                   const QList<LogItem> &entries)
{
    return apply(accountId, entries, Source::Snapshot, covers);
}

std::optional<TeamLogWriter::Applied>
TeamLogWriter::apply(qint64 accountId, const QList<LogItem> &items, Source source, qint64 covers)
{
    m_error.clear();
    TeamStateRows state(m_db);
    const auto current = state.state(accountId);
    if (!current) {
        fail(u"the account has not joined a team on this desktop"_s);
        return std::nullopt;
    }
    Applied result;
    result.lastIndex = current->appliedIndex;
    if (source == Source::Snapshot && current->appliedIndex >= covers)
        return result;
    QList<LogItem> ordered = items;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const LogItem &a, const LogItem &b) { return a.index < b.index; });
    if (!m_db.transaction()) {
        fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
        return std::nullopt;
    }
    const auto abort = [this](const QString &message) {
        m_db.rollback();
        fail(message);
        return std::nullopt;
    };
    TeamOpApplier applier(m_db);
    TeamOutboxRows outbox(m_db);
    TeamCompactionRows compacted(m_db);
    // Nothing is queued during a batch: with nothing waiting, no op can be ours.
    const bool anyWaiting = outbox.count(accountId) > 0;
    for (const LogItem &item : std::as_const(ordered)) {
        if (source == Source::Log) {
            if (item.index <= result.lastIndex)
                continue; // read twice (a retried page): applied already
            result.lastIndex = item.index;
        }
        const auto op = TeamOp::fromJson(item.data);
        if (!op) {
            ++result.unreadable;
            qCWarning(lcStore) << "team log item" << item.index << "is not an op; skipped";
            continue;
        }
        if (!compacted.record(accountId, item.index, *op))
            return abort(compacted.errorString());
        const bool ours = anyWaiting && outbox.contains(op->id);
        const auto outcome = applier.apply(accountId, *op, TeamOpApplier::Origin::Log);
        if (!outcome)
            return abort(applier.errorString());
        if (ours) {
            ++result.ours;
            if (!outbox.remove(op->id))
                return abort(outbox.errorString());
        } else if (*outcome == TeamOpApplier::Outcome::Applied) {
            ++result.applied;
        } else {
            ++result.skipped;
        }
    }
    if (source == Source::Snapshot) {
        // Our changes the snapshot covers are in the log even when a later change replaced them.
        if (!outbox.removeAppendedThrough(accountId, covers))
            return abort(outbox.errorString());
        result.lastIndex = covers;
    }
    if (!state.setApplied(accountId, result.lastIndex))
        return abort(state.errorString());
    if (!m_db.commit())
        return abort(u"cannot commit the team log items: "_s + m_db.lastError().text());
    return result;
}
