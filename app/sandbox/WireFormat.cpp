#include "WireFormat.h"

#include <QDateTime>

#include <cstdio>

namespace sandbox {

namespace WireFormat {

QString rfc2822(qint64 msSinceEpoch)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    const QDate d = dt.date();
    const QTime t = dt.time();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[d.dayOfWeek() - 1],
                  d.day(), months[d.month() - 1], d.year(), t.hour(), t.minute(), t.second());
    return QString::fromLatin1(buf);
}

QString iso8601(qint64 msSinceEpoch)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    return dt.toString(Qt::ISODate);
}

QString price(qint64 microDollars)
{
    const bool negative = microDollars < 0;
    const qint64 abs = negative ? -microDollars : microDollars;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%lld.%05lld", negative ? "-" : "",
                  static_cast<long long>(abs / 1000000),
                  static_cast<long long>((abs % 1000000) / 10));
    return QString::fromLatin1(buf);
}

bool parseDateFilter(const QString &text, qint64 *msSinceEpoch, bool *dateOnly)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10) {
        *dateOnly = true;
        *msSinceEpoch = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        return true;
    }
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return false;
    *dateOnly = false;
    *msSinceEpoch = dt.toMSecsSinceEpoch();
    return true;
}

} // namespace WireFormat

} // namespace sandbox
