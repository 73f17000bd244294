#include "ThroughputPlanner.h"

#include "AllowedWindows.h"
#include "LocalTimeResolver.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Calendar days of the cap zone as UTC [start, end) pairs, extended lazily.
class CapDays
{
public:
    explicit CapDays(const QTimeZone &zone)
        : m_zone(zone)
    {}

    std::pair<qint64, qint64> dayOf(qint64 utcMSecs)
    {
        if (m_starts.size() < 2 || utcMSecs < m_starts.front() || utcMSecs >= m_starts.back())
            extend(utcMSecs);
        auto it = std::upper_bound(m_starts.begin(), m_starts.end(), utcMSecs);
        return {*(it - 1), *it};
    }

private:
    void extend(qint64 utcMSecs)
    {
        const QDate day = LocalTimeResolver::localDate(m_zone, utcMSecs);
        QDate first = m_first.isValid() ? std::min(m_first, day) : day;
        QDate last = day.addDays(8);
        if (m_last.isValid())
            last = std::max({last, m_last, m_last.addDays(m_first.daysTo(m_last))});
        m_starts.clear();
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            const qint64 start = LocalTimeResolver::toUtcMSecs(m_zone, d, QTime(0, 0));
            if (m_starts.empty() || start > m_starts.back())
                m_starts.push_back(start);
        }
        m_first = first;
        m_last = last;
    }

    QTimeZone m_zone;
    QDate m_first;
    QDate m_last;
    std::vector<qint64> m_starts;
};

struct SenderState
{
    double rate = 1;
    int cap = 0;
    bool capInSegments = false;
    qint64 nextFree = 0;
    qint64 dayStart = 0;
    qint64 dayEnd = 0;
    qint64 used = 0;
    qint64 busyMSecs = 0; // total time assigned, for "least loaded"
};

// Recipients that share a window group and a sticky sender wait in one queue, sorted by their
// earliest time; they can only be blocked together, so deferring the queue is exact and
// costs one heap entry instead of one per recipient.
struct Queue
{
    int windowGroup = -1;
    int sticky = -1;
    std::vector<int> members;
    size_t next = 0;
    qint64 deferredUntil = 0;
};

} // namespace

double ThroughputPlanner::defaultSegmentsPerSecond(SenderKind kind)
{
    switch (kind) {
    case SenderKind::LongCode:
        return 1.0;
    case SenderKind::TollFree:
        return 3.0;
    case SenderKind::ShortCode:
        return 100.0;
    }
    return 1.0;
}

qint64 ThroughputPlanner::occupancyMSecs(int segments, double segmentsPerSecond)
{
    // Rounded up: a sender is never planned faster than its rate.
    return qint64(std::ceil(segments * 1000.0 / segmentsPerSecond));
}

ThroughputPlanner::ThroughputPlanner(const QList<Sender> &senders, const QTimeZone &capZone)
    : m_senders(senders)
    , m_capZone(capZone)
{}

void ThroughputPlanner::setSendWindows(const QList<QByteArray> &zoneIds,
                                       const QuietHours &quietHours)
{
    m_windowZones = zoneIds;
    m_quietHours = quietHours;
}

QString ThroughputPlanner::validate(const QList<Recipient> &recipients) const
{
    if (m_senders.isEmpty())
        return u"the sender pool is empty"_s;
    if (!m_capZone.isValid())
        return u"the daily-cap time zone is not valid"_s;
    if (!m_quietHours.isValid())
        return u"quiet hours need a valid start and end time"_s;
    for (const QByteArray &zone : m_windowZones) {
        if (!QTimeZone(zone).isValid())
            return u"send-window zone \"%1\" is not a known time zone"_s.arg(
                QString::fromUtf8(zone));
    }
    int maxSegments = 1;
    for (qsizetype i = 0; i < recipients.size(); ++i) {
        const Recipient &r = recipients.at(i);
        if (r.segments < 1)
            return u"recipient %1 has %2 segments; a message has at least one"_s.arg(i).arg(
                r.segments);
        if (r.windowGroup < -1 || r.windowGroup >= m_windowZones.size())
            return u"recipient %1 names send-window group %2, but there are %3"_s.arg(i)
                .arg(r.windowGroup)
                .arg(m_windowZones.size());
        maxSegments = std::max(maxSegments, r.segments);
    }
    QList<qint64> ids;
    for (const Sender &s : m_senders) {
        const QString name = u"sender %1"_s.arg(s.id);
        if (s.id <= 0)
            return u"sender ids must be positive (got %1)"_s.arg(s.id);
        if (ids.contains(s.id))
            return name + u" is in the pool twice"_s;
        ids.append(s.id);
        if (!(s.segmentsPerSecond > 0) || !std::isfinite(s.segmentsPerSecond))
            return name + u" needs a positive rate in segments per second"_s;
        if (s.dailyCap < 0 || s.usedToday < 0)
            return name + u" has a negative daily cap or usage"_s;
        if (s.capCountsSegments && s.dailyCap > 0 && s.dailyCap < maxSegments)
            return name + u" has a daily cap of %1 segments, less than one %2-segment message"_s
                              .arg(s.dailyCap)
                              .arg(maxSegments);
    }
    return {};
}

ThroughputPlanner::Plan ThroughputPlanner::plan(const QList<Recipient> &recipients,
                                                qint64 nowMSecs) const
{
    Plan plan;
    plan.error = validate(recipients);
    if (!plan.error.isEmpty())
        return plan;

    CapDays capDays(m_capZone);
    std::vector<AllowedWindows> windows;
    windows.reserve(size_t(m_windowZones.size()));
    for (const QByteArray &zone : m_windowZones)
        windows.emplace_back(QTimeZone(zone), m_quietHours);

    const int senderCount = int(m_senders.size());
    std::vector<SenderState> senders(static_cast<size_t>(senderCount));
    QHash<qint64, int> senderIndex;
    const auto today = capDays.dayOf(nowMSecs);
    for (int i = 0; i < senderCount; ++i) {
        const Sender &s = m_senders.at(i);
        SenderState &st = senders[size_t(i)];
        st.rate = s.segmentsPerSecond;
        st.cap = s.dailyCap;
        st.capInSegments = s.capCountsSegments;
        st.nextFree = std::max(nowMSecs, s.busyUntilMSecs);
        std::tie(st.dayStart, st.dayEnd) = today;
        st.used = s.usedToday;
        senderIndex.insert(s.id, i);
    }
    plan.senders.resize(senderCount);

    // Build the queues.
    std::vector<Queue> queues;
    QHash<qint64, int> queueOf; // (window group, sticky) -> queue
    for (int i = 0; i < int(recipients.size()); ++i) {
        const Recipient &r = recipients.at(i);
        int sticky = -1;
        if (r.stickySenderId != 0) {
            sticky = senderIndex.value(r.stickySenderId, -1);
            if (sticky < 0)
                ++plan.stickyUnavailable;
        }
        const qint64 key = (qint64(r.windowGroup + 1) << 32) | quint32(sticky + 1);
        auto found = queueOf.find(key);
        if (found == queueOf.end()) {
            found = queueOf.insert(key, int(queues.size()));
            queues.push_back(Queue{r.windowGroup, sticky, {}, 0, 0});
        }
        queues[size_t(*found)].members.push_back(i);
    }
    for (Queue &q : queues) {
        std::stable_sort(q.members.begin(), q.members.end(), [&recipients](int a, int b) {
            return recipients.at(a).earliestMSecs < recipients.at(b).earliestMSecs;
        });
    }

    // Earliest start on a sender at or after `t` that respects its daily cap.
    auto capAdjusted = [&](const SenderState &st, qint64 t, qint64 cost) {
        if (st.cap <= 0)
            return t;
        const bool sameDay = t < st.dayEnd;
        if ((sameDay ? st.used : 0) + cost <= st.cap)
            return t;
        return sameDay ? st.dayEnd : capDays.dayOf(t).second;
    };
    // ... and that also lies in the recipient's send window.
    auto earliestOn = [&](const SenderState &st, qint64 from, const Queue &q, qint64 cost) {
        qint64 t = from;
        for (;;) {
            const qint64 capped = capAdjusted(st, t, cost);
            const qint64 allowed =
                q.windowGroup < 0 ? capped : windows[size_t(q.windowGroup)].nextAllowed(capped);
            if (allowed == capped)
                return capped;
            t = allowed;
        }
    };

    // Served by earliest time; on ties, the queue whose window closes first (so a zone about
    // to go quiet is not starved by one that can wait), then the queue made first.
    using Entry = std::tuple<qint64, qint64, int>; // (earliest, window closes, queue)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    auto schedule = [&](int qi, qint64 key) {
        const int group = queues[size_t(qi)].windowGroup;
        const qint64 closes =
            group < 0 ? AllowedWindows::Forever : windows[size_t(group)].allowedUntil(key);
        heap.emplace(key, closes, qi);
    };
    for (int q = 0; q < int(queues.size()); ++q)
        schedule(q, recipients.at(queues[size_t(q)].members.front()).earliestMSecs);

    plan.assignments.resize(recipients.size());
    while (!heap.empty()) {
        const auto [key, closes, qi] = heap.top();
        heap.pop();
        Queue &q = queues[size_t(qi)];
        const int ri = q.members[q.next];
        const Recipient &r = recipients.at(ri);
        const qint64 earliest = key; // never before the recipient's own earliest time
        Q_ASSERT(earliest >= r.earliestMSecs);

        int best = -1;
        qint64 bestStart = 0;
        for (int s = 0; s < senderCount; ++s) {
            if (q.sticky >= 0 && s != q.sticky)
                continue;
            const SenderState &st = senders[size_t(s)];
            const qint64 cost = st.capInSegments ? r.segments : 1;
            const qint64 start = earliestOn(st, std::max(st.nextFree, earliest), q, cost);
            if (best < 0 || start < bestStart ||
                (start == bestStart && st.busyMSecs < senders[size_t(best)].busyMSecs)) {
                best = s;
                bestStart = start;
            }
        }
        SenderState &st = senders[size_t(best)];
        const qint64 raw = std::max(st.nextFree, earliest);
        const bool inWindow = bestStart < closes;
        if (bestStart != raw || !inWindow) {
            // A cap or a closed window moves the whole queue; others use the senders meanwhile.
            q.deferredUntil = bestStart;
            schedule(qi, bestStart);
            continue;
        }

        const qint64 cost = st.capInSegments ? r.segments : 1;
        if (bestStart >= st.dayEnd) {
            if (st.cap > 0 && st.used + cost > st.cap)
                ++plan.senders[best].capRollovers;
            std::tie(st.dayStart, st.dayEnd) = capDays.dayOf(bestStart);
            st.used = 0;
        }
        const qint64 duration = occupancyMSecs(r.segments, st.rate);
        st.used += cost;
        st.nextFree = bestStart + duration;
        st.busyMSecs += duration;

        Assignment &a = plan.assignments[ri];
        a.sender = best;
        a.startMSecs = bestStart;
        a.endMSecs = st.nextFree;
        a.sticky = q.sticky >= 0;
        plan.stickyKept += a.sticky ? 1 : 0;
        SenderLoad &load = plan.senders[best];
        ++load.messages;
        load.segments += r.segments;
        load.lastEndMSecs = st.nextFree;
        plan.finishMSecs = std::max(plan.finishMSecs, st.nextFree);

        if (++q.next < q.members.size()) {
            const qint64 nextEarliest = recipients.at(q.members[q.next]).earliestMSecs;
            schedule(qi, std::max(nextEarliest, q.deferredUntil));
        }
    }
    return plan;
}
