// Converts between wall-clock times in an IANA zone and UTC instants with explicit DST rules.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

// Rules, chosen so that a schedule never silently skips or doubles a send:
// - A local time in a spring-forward gap (02:30 on the US DST start day) does not exist; it
//   resolves to the first valid instant after the gap, i.e. the transition instant itself
//   (which reads 03:00 local on that day in America/New_York).
// - A local time in a fall-back overlap (01:30 on the US DST end day) happens twice; it
//   resolves to the first (earlier, daylight-time) occurrence.
// Qt's own QDateTime(date, time, zone) handles gaps differently between Qt versions, so this
// class decides with QTimeZone::offsetFromUtc() only.
class LocalTimeResolver
{
public:
    // The UTC instant, in milliseconds since the epoch, of `time` on `date` in `zone`.
    // `zone`, `date` and `time` must be valid.
    static qint64 toUtcMSecs(const QTimeZone &zone, QDate date, QTime time);

    // The same instant as a QDateTime in `zone`.
    static QDateTime toDateTime(const QTimeZone &zone, QDate date, QTime time);

    // The offset from UTC in seconds that `zone` has at the UTC instant `utcMSecs`.
    static int offsetSeconds(const QTimeZone &zone, qint64 utcMSecs);

    // The local calendar date in `zone` at the UTC instant `utcMSecs`.
    static QDate localDate(const QTimeZone &zone, qint64 utcMSecs);
};
