#include "LocalTimeResolver.h"

#include <algorithm>
#include <array>

namespace {

constexpr qint64 MSecsPerDay = 86'400'000;

qint64 naiveMSecs(QDate date, QTime time)
{
    return date.startOfDay(Qt::UTC).toMSecsSinceEpoch() + time.msecsSinceStartOfDay();
}

} // namespace

int LocalTimeResolver::offsetSeconds(const QTimeZone &zone, qint64 utcMSecs)
{
    return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMSecs, Qt::UTC));
}

QDate LocalTimeResolver::localDate(const QTimeZone &zone, qint64 utcMSecs)
{
    const qint64 local = utcMSecs + qint64(offsetSeconds(zone, utcMSecs)) * 1000;
    return QDateTime::fromMSecsSinceEpoch(local, Qt::UTC).date();
}

qint64 LocalTimeResolver::toUtcMSecs(const QTimeZone &zone, QDate date, QTime time)
{
    Q_ASSERT(zone.isValid() && date.isValid() && time.isValid());
    const qint64 naive = naiveMSecs(date, time);

    // Every offset the zone could have around this wall-clock time: a day either side covers
    // any real transition (offsets never exceed ±14 h).
    std::array<int, 3> offsets{offsetSeconds(zone, naive - MSecsPerDay), offsetSeconds(zone, naive),
                               offsetSeconds(zone, naive + MSecsPerDay)};

    // A candidate is real when the zone, at that instant, has the offset we assumed.
    qint64 best = 0;
    bool found = false;
    for (const int offset : offsets) {
        const qint64 utc = naive - qint64(offset) * 1000;
        if (offsetSeconds(zone, utc) == offset && (!found || utc < best)) {
            best = utc; // the smallest real candidate is the first occurrence of an overlap
            found = true;
        }
    }
    if (found)
        return best;

    // In a gap: find the first instant whose local time is at or after the requested one.
    // Local time is monotonic within this small range, so a binary search is exact.
    const auto [minIt, maxIt] = std::minmax_element(offsets.begin(), offsets.end());
    qint64 lo = naive - qint64(*maxIt) * 1000;
    qint64 hi = naive - qint64(*minIt) * 1000;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (mid + qint64(offsetSeconds(zone, mid)) * 1000 >= naive)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

QDateTime LocalTimeResolver::toDateTime(const QTimeZone &zone, QDate date, QTime time)
{
    return QDateTime::fromMSecsSinceEpoch(toUtcMSecs(zone, date, time), zone);
}
