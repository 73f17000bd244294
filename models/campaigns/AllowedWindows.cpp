#include "AllowedWindows.h"

#include "LocalTimeResolver.h"

#include <algorithm>

AllowedWindows::AllowedWindows(const QTimeZone &zone, const QuietHours &quiet)
    : m_zone(zone)
    , m_quiet(quiet)
{
    Q_ASSERT(zone.isValid() && quiet.isValid());
}

AllowedWindows::Interval AllowedWindows::spanOf(QDate day) const
{
    const QDate endDay = m_quiet.crossesMidnight() ? day.addDays(1) : day;
    return {LocalTimeResolver::toUtcMSecs(m_zone, day, m_quiet.start()),
            LocalTimeResolver::toUtcMSecs(m_zone, endDay, m_quiet.end())};
}

void AllowedWindows::build(QDate first, QDate last)
{
    m_spans.clear();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const Interval span = spanOf(day);
        // A span can vanish when a whole local day is skipped (Pacific/Apia, 2011).
        if (span.first < span.second && (m_spans.empty() || span.first >= m_spans.back().second))
            m_spans.push_back(span);
    }
    m_first = first;
    m_last = last;
}

void AllowedWindows::cover(qint64 utcMSecs)
{
    const auto covered = [this, utcMSecs] {
        return m_spans.size() >= 2 && m_spans.front().first <= utcMSecs &&
               utcMSecs < m_spans.back().first;
    };
    if (covered())
        return;
    // The span starting the day before may reach into today (windows across midnight).
    const QDate day = LocalTimeResolver::localDate(m_zone, utcMSecs);
    QDate first = day.addDays(-1);
    QDate last = day.addDays(7);
    if (m_first.isValid()) {
        first = std::min(first, m_first);
        // Planning walks forward in time: double the range so rebuilds stay rare.
        last = last > m_last ? std::max(last, m_last.addDays(m_first.daysTo(m_last) + 1)) : m_last;
    }
    build(first, last);
    while (!covered()) { // only when whole days vanish; bounded by the calendar's oddities
        build(m_first.addDays(-1), m_last.addDays(7));
    }
}

bool AllowedWindows::isAllowed(qint64 utcMSecs)
{
    return nextAllowed(utcMSecs) == utcMSecs;
}

qint64 AllowedWindows::nextAllowed(qint64 utcMSecs)
{
    if (m_quiet.isEmpty())
        return utcMSecs;
    cover(utcMSecs);
    // The last span starting at or before the instant is the only one that can contain it.
    auto it = std::upper_bound(m_spans.begin(), m_spans.end(), utcMSecs,
                               [](qint64 t, const Interval &span) { return t < span.first; });
    if (it == m_spans.begin())
        return utcMSecs;
    --it;
    return utcMSecs < it->second ? it->second : utcMSecs;
}

qint64 AllowedWindows::allowedUntil(qint64 utcMSecs)
{
    if (m_quiet.isEmpty())
        return Forever;
    cover(utcMSecs);
    const auto it = std::upper_bound(m_spans.begin(), m_spans.end(), utcMSecs,
                                     [](qint64 t, const Interval &span) { return t < span.first; });
    return it == m_spans.end() ? Forever : it->first;
}
