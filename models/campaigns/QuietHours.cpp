#include "QuietHours.h"

using namespace Qt::StringLiterals;

QuietHours::QuietHours()
    : QuietHours(QTime(21, 0), QTime(8, 0))
{}

QuietHours::QuietHours(QTime start, QTime end)
    : m_start(start)
    , m_end(end)
{}

QuietHours QuietHours::none()
{
    return QuietHours(QTime(0, 0), QTime(0, 0));
}

std::optional<QuietHours> QuietHours::fromSendWindow(int startMinute, int endMinute, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<QuietHours> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (startMinute < 0 || startMinute > 1440 || endMinute < 0 || endMinute > 1440)
        return fail(u"send window minutes must be between 0 and 1440 (got %1–%2)"_s.arg(startMinute)
                        .arg(endMinute));
    if (startMinute == endMinute)
        return fail(u"send window %1–%2 is empty: no text could ever go out"_s.arg(startMinute)
                        .arg(endMinute));
    if ((endMinute - startMinute) % 1440 == 0)
        return none(); // 0–1440: the whole day is allowed
    const QTime allowedStart = QTime(0, 0).addSecs((startMinute % 1440) * 60);
    const QTime allowedEnd = QTime(0, 0).addSecs((endMinute % 1440) * 60);
    return QuietHours(allowedEnd, allowedStart);
}

bool QuietHours::isQuiet(QTime localTime) const
{
    if (isEmpty())
        return false;
    if (crossesMidnight())
        return localTime >= m_start || localTime < m_end;
    return localTime >= m_start && localTime < m_end;
}
