// The daily span of local time in which no campaign text may go out.
#pragma once

#include <QString>
#include <QTime>

#include <optional>

// Quiet from start (inclusive) to end (exclusive), in the recipient's local wall-clock time.
// start > end means the span crosses midnight (21:00–08:00, the default); start < end is a span
// within one day (12:00–13:00); start == end means no quiet hours at all.
class QuietHours
{
public:
    QuietHours(); // 21:00–08:00
    QuietHours(QTime start, QTime end);

    static QuietHours none();

    // The campaign table stores the allowed send window as minutes after midnight
    // (0..1440, default 540–1260). Quiet hours are its complement. A window of zero length is
    // an error; a window covering the whole day gives no quiet hours.
    static std::optional<QuietHours> fromSendWindow(int startMinute, int endMinute,
                                                    QString *error = nullptr);

    bool isValid() const { return m_start.isValid() && m_end.isValid(); }
    bool isEmpty() const { return m_start == m_end; }
    bool crossesMidnight() const { return m_start > m_end; }
    QTime start() const { return m_start; }
    QTime end() const { return m_end; }

    bool isQuiet(QTime localTime) const;

    bool operator==(const QuietHours &other) const = default;

private:
    QTime m_start;
    QTime m_end;
};
