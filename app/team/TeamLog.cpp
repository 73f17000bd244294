#include "TeamLog.h"

#include "AppLogging.h"
#include "StoreWriter.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamSnapshotter.h"
#include "TeamStateRows.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int PageSize = 100;
constexpr auto MaxBackoff = 60s;
// What all desktops of a team may read from the list together, per second (Sync allows 20).
constexpr double TeamReadsPerSecond = 15.0;

struct Outgoing
{
    QList<QPair<QString, QJsonObject>> queue; // op id, op
    qint64 appliedIndex = -1;
    int teamSize = 1;
    bool ok = true;
};

} // namespace

TeamLog::TeamLog(StoreWriter *writer, TeamLogTransport *transport, qint64 accountId,
                 QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_transport(transport)
    , m_accountId(accountId)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TeamLog::cycle);
}

std::chrono::milliseconds TeamLog::pollPeriod(int desktops, std::chrono::milliseconds base)
{
    const auto budget = std::chrono::milliseconds(
        qint64(std::ceil(1000.0 * qMax(1, desktops) / TeamReadsPerSecond)));
    return std::max(base, budget);
}

void TeamLog::start()
{
    m_running = true;
    cycle();
}

void TeamLog::stop()
{
    m_running = false;
    m_timer.stop();
}

void TeamLog::syncNow()
{
    if (!m_running)
        return;
    m_timer.stop();
    cycle();
}

void TeamLog::ensureFresh(qint64 maxAgeMs, QObject *context, std::function<void(bool)> done)
{
    if (m_lastPulled.isValid() &&
        m_lastPulled.msecsTo(QDateTime::currentDateTimeUtc()) <= maxAgeMs && !m_inCycle) {
        done(true);
        return;
    }
    // A cycle already under way may have read the log before the change we must see.
    m_waiters.append({m_cycleNumber + 1, context, std::move(done)});
    if (!m_running) {
        m_running = true; // a one-shot user (the CLI) asks without start()
    }
    syncNow();
}

void TeamLog::cycle()
{
    if (m_inCycle) {
        m_again = true;
        return;
    }
    m_inCycle = true;
    ++m_cycleNumber;
    if (m_opened) {
        push();
        return;
    }
    m_transport->open(this, [this](const ProviderResult<ProviderDone> &result) {
        if (!result.ok()) {
            finish(false, &result.error());
            return;
        }
        m_opened = true;
        push();
    });
}

void TeamLog::push()
{
    const qint64 account = m_accountId;
    m_writer->post(
        [account](WriterContext &context) {
            Outgoing out;
            auto outbox = context.repo<TeamOutboxRows>();
            const auto pending = outbox.pending(account);
            const auto state = context.repo<TeamStateRows>().state(account);
            if (!pending || !state) {
                out.ok = false;
                return out;
            }
            for (const TeamOutboxRows::Pending &p : *pending) {
                if (!p.appendedIndex)
                    out.queue.append({p.op.id, p.op.toJson()});
            }
            out.appliedIndex = state->appliedIndex;
            out.teamSize = context.repo<TeamStateRows>().rosterSize(account);
            return out;
        },
        this,
        [this](const Outgoing &out) {
            if (!out.ok) {
                finish(false);
                return;
            }
            m_appliedIndex = out.appliedIndex;
            // The whole team polls the same list: the more desktops, the longer each waits.
            setTeamSize(out.teamSize);
            if (!m_caughtUp && !out.queue.isEmpty()) {
                // Queued before this desktop last stopped: one may have been appended without
                // its index recorded here (killed while the answer was on its way). Reading
                // the log first takes it off the outbox; appending again would put a second
                // copy later in the log, over a teammate's newer change.
                m_catchingUp = true;
                readLog();
                return;
            }
            m_caughtUp = true;
            pushOne(out.queue);
        });
}

void TeamLog::pushOne(const QList<QPair<QString, QJsonObject>> &queue)
{
    if (queue.isEmpty()) {
        readLog();
        return;
    }
    const QString opId = queue.first().first;
    m_transport->append(queue.first().second, this,
                        [this, queue, opId](const ProviderResult<qint64> &result) {
                            if (!result.ok()) {
                                // A lost answer may still have appended it: reading the log
                                // finds it (and takes it off the outbox) before any retry.
                                if (result.error().responseMayBeLost())
                                    pull(m_appliedIndex);
                                else
                                    finish(false, &result.error());
                                return;
                            }
                            const qint64 index = result.value();
                            m_writer->post(
                                [opId, index](WriterContext &context) {
                                    return context.repo<TeamOutboxRows>().markAppended(opId, index);
                                },
                                this, [this, rest = queue.mid(1)](bool) { pushOne(rest); });
                        });
}

void TeamLog::readLog()
{
    if (m_snapshotter && m_appliedIndex < 0 && !m_bootstrapTried) {
        m_bootstrapTried = true;
        bootstrap(0);
        return;
    }
    pull(m_appliedIndex);
}

void TeamLog::bootstrap(qint64 needed)
{
    m_snapshotter->bootstrap(needed, this,
                             [this](const ProviderResult<TeamLogWriter::Applied> &result) {
                                 if (!result.ok()) {
                                     m_bootstrapTried = false;
                                     finish(false, &result.error());
                                     return;
                                 }
                                 const TeamLogWriter::Applied applied = result.value();
                                 if (applied.lastIndex > m_appliedIndex) {
                                     m_appliedIndex = applied.lastIndex;
                                     // The newest snapshot: nothing better covers what may
                                     // have expired after it.
                                     m_fromSnapshot = true;
                                 }
                                 if (applied.applied > 0)
                                     Q_EMIT changesApplied(applied.applied);
                                 pull(m_appliedIndex);
                             });
}

void TeamLog::pull(qint64 after)
{
    m_pullAfter = after;
    // From our own last item, not after it: Sync's indexes may have gaps, so only finding that
    // item still there proves nothing after it expired unread (items expire oldest first).
    m_transport->readAfter(
        after >= 0 ? after - 1 : -1, PageSize, this,
        [this](const ProviderResult<TeamLogTransport::Page> &result) { onPage(result); });
}

void TeamLog::onPage(const ProviderResult<TeamLogTransport::Page> &result)
{
    if (!result.ok()) {
        finish(false, &result.error());
        return;
    }
    const TeamLogTransport::Page page = result.value();
    const bool fromSnapshot = std::exchange(m_fromSnapshot, false);
    if (m_pullAfter >= 0 && !fromSnapshot &&
        (page.items.isEmpty() || page.items.first().index != m_pullAfter)) {
        // The log's items live 30 days: ours is gone, and what came after it may be too.
        const qint64 needed = page.items.isEmpty() ? m_pullAfter + 1 : page.items.first().index - 1;
        if (m_snapshotter && !m_gapTried) {
            m_gapTried = true;
            bootstrap(needed);
            return;
        }
        qCWarning(lcSync) << "team log: items after" << m_pullAfter
                          << "may have expired before this desktop read them; no snapshot covers"
                          << needed;
    }
    QList<TeamLogWriter::LogItem> items;
    items.reserve(page.items.size());
    for (const TeamLogTransport::Item &item : page.items)
        items.append({item.index, item.data});
    const qint64 account = m_accountId;
    const bool reachedEnd = !page.more;
    m_writer->post(
        [account, items](WriterContext &context) {
            return context.repo<TeamLogWriter>().applyItems(account, items);
        },
        this,
        [this, reachedEnd](const std::optional<TeamLogWriter::Applied> &applied) {
            if (!applied) {
                finish(false);
                return;
            }
            m_appliedIndex = applied->lastIndex;
            if (applied->applied > 0)
                Q_EMIT changesApplied(applied->applied);
            if (reachedEnd && std::exchange(m_catchingUp, false)) {
                m_caughtUp = true;
                push();
            } else if (reachedEnd) {
                finish(true);
            } else {
                pull(m_appliedIndex);
            }
        });
}

void TeamLog::finish(bool ok, const ProviderError *error)
{
    m_inCycle = false;
    m_catchingUp = false;
    const qint64 finished = m_cycleNumber;
    std::chrono::milliseconds next = pollPeriod(m_teamSize, m_basePeriod);
    m_gapTried = false;
    if (ok) {
        m_failures = 0;
        m_lastPulled = QDateTime::currentDateTimeUtc();
        m_offlineSince = QDateTime();
    } else {
        ++m_failures;
        if (!m_offlineSince.isValid())
            m_offlineSince = QDateTime::currentDateTimeUtc();
        // 429/54009 and network trouble: back off exponentially, as Sync asks.
        const auto backoff = std::min<std::chrono::milliseconds>(
            MaxBackoff, m_basePeriod * (1 << std::min(m_failures, 5)));
        next = error && error->retryAfterSeconds()
                   ? std::chrono::milliseconds(*error->retryAfterSeconds() * 1000)
                   : backoff;
        if (error) {
            qCInfo(lcSync) << "team log:" << error->message() << "- again in" << next.count()
                           << "ms";
            Q_EMIT failed(*error);
        }
    }
    // Waiters whose cycle has now run get their answer; later ones wait for the next.
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.needsCycle > finished)
            m_waiters.append(waiter);
        else if (waiter.context)
            waiter.done(ok);
    }
    Q_EMIT cycleFinished(ok);
    if (!m_running)
        return;
    if (ok && m_snapshotter)
        m_snapshotter->maybeWrite(m_appliedIndex);
    if (m_again || !m_waiters.isEmpty()) {
        m_again = false;
        schedule(ok ? 0ms : next);
        return;
    }
    schedule(next);
}

void TeamLog::schedule(std::chrono::milliseconds delay)
{
    m_timer.start(delay);
}
