// How many promotional texts one recipient may get in rolling time windows.
#pragma once

#include <QDateTime>
#include <QList>

// A new send is allowed when every rolling window that contains it, of 24 hours (at most
// maxPerDay sends) and of 7 days (at most maxPerWeek), would hold no more than the cap
// including the new send. Windows are half-open, [t, t + length): with a cap of one a day,
// sends exactly 24 hours apart are allowed, 23:59 apart are not. Sends later than `at`
// (already scheduled) count too, since they share windows with it. 0 means no cap.
class FrequencyCap
{
public:
    static constexpr int NoLimit = 0;
    static constexpr qint64 DayMSecs = 24LL * 3600 * 1000;
    static constexpr qint64 WeekMSecs = 7 * DayMSecs;

    FrequencyCap() = default; // 1 a day, 3 in 7 days
    FrequencyCap(int maxPerDay, int maxPerWeek);
    static FrequencyCap unlimited() { return FrequencyCap(NoLimit, NoLimit); }

    int maxPerDay() const { return m_perDay; }
    int maxPerWeek() const { return m_perWeek; }
    bool isValid() const { return m_perDay >= 0 && m_perWeek >= 0; }

    bool allows(const QList<QDateTime> &previousSends, const QDateTime &at) const;
    // The same in UTC milliseconds since the epoch, for planning many recipients.
    bool allowsMSecs(const QList<qint64> &previousSends, qint64 at) const;

    // The most sends in any window of `length` containing `at`, not counting `at` itself.
    static int busiestWindow(const QList<qint64> &sends, qint64 at, qint64 length);

private:
    int m_perDay = 1;
    int m_perWeek = 3;
};
