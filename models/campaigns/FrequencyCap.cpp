#include "FrequencyCap.h"

#include <algorithm>
#include <vector>

FrequencyCap::FrequencyCap(int maxPerDay, int maxPerWeek)
    : m_perDay(maxPerDay)
    , m_perWeek(maxPerWeek)
{}

int FrequencyCap::busiestWindow(const QList<qint64> &sends, qint64 at, qint64 length)
{
    std::vector<qint64> near;
    for (const qint64 t : sends) {
        if (t > at - length && t < at + length)
            near.push_back(t);
    }
    if (near.empty())
        return 0;
    std::sort(near.begin(), near.end());
    // The fullest window containing `at` starts at `at` or at one of the sends before it.
    int best = 0;
    auto countFrom = [&near, length](qint64 start) {
        const auto first = std::lower_bound(near.begin(), near.end(), start);
        const auto last = std::lower_bound(near.begin(), near.end(), start + length);
        return int(last - first);
    };
    best = countFrom(at);
    for (const qint64 t : near) {
        if (t <= at)
            best = std::max(best, countFrom(t));
    }
    return best;
}

bool FrequencyCap::allowsMSecs(const QList<qint64> &previousSends, qint64 at) const
{
    Q_ASSERT(isValid());
    if (m_perDay != NoLimit && busiestWindow(previousSends, at, DayMSecs) + 1 > m_perDay)
        return false;
    if (m_perWeek != NoLimit && busiestWindow(previousSends, at, WeekMSecs) + 1 > m_perWeek)
        return false;
    return true;
}

bool FrequencyCap::allows(const QList<QDateTime> &previousSends, const QDateTime &at) const
{
    QList<qint64> sends;
    sends.reserve(previousSends.size());
    for (const QDateTime &t : previousSends)
        sends.append(t.toMSecsSinceEpoch());
    return allowsMSecs(sends, at.toMSecsSinceEpoch());
}
