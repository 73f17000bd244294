// The UTC instants at which texting one time zone is allowed, given its quiet hours.
#pragma once

#include "QuietHours.h"

#include <QDate>
#include <QTimeZone>

#include <limits>
#include <utility>
#include <vector>

// Quiet hours are turned into UTC intervals per local day (lazily, as queries reach new days)
// so that the planners ask "is this instant allowed?" with a binary search instead of a
// time-zone conversion per recipient. Boundaries follow LocalTimeResolver: a boundary in a
// spring-forward gap moves to the end of the gap, one in a fall-back overlap uses its first
// occurrence (so on that night the repeated hour after an end of, say, 01:30 is allowed).
class AllowedWindows
{
public:
    static constexpr qint64 Forever = std::numeric_limits<qint64>::max();

    // `zone` and `quiet` must be valid.
    AllowedWindows(const QTimeZone &zone, const QuietHours &quiet);

    bool isAllowed(qint64 utcMSecs);

    // `utcMSecs` itself when allowed, else the end of the quiet span containing it.
    qint64 nextAllowed(qint64 utcMSecs);

    // For an allowed instant: when the next quiet span starts (Forever without quiet hours).
    qint64 allowedUntil(qint64 utcMSecs);

    const QTimeZone &zone() const { return m_zone; }
    const QuietHours &quietHours() const { return m_quiet; }

private:
    using Interval = std::pair<qint64, qint64>; // [start, end) in UTC ms

    // Makes m_spans cover `utcMSecs` with at least one quiet span starting after it.
    void cover(qint64 utcMSecs);
    void build(QDate first, QDate last);
    Interval spanOf(QDate day) const;

    QTimeZone m_zone;
    QuietHours m_quiet;
    QDate m_first;
    QDate m_last;
    std::vector<Interval> m_spans; // quiet spans, sorted and non-overlapping
};
