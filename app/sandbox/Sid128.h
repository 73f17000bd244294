// The 32 hex digits of a Twilio sid, kept as 128 bits so a million messages stay small.
#pragma once

#include <QString>

#include <functional>

namespace sandbox {

struct Sid128
{
    quint64 hi = 0;
    quint64 lo = 0;

    bool isNull() const { return hi == 0 && lo == 0; }
    friend bool operator==(const Sid128 &a, const Sid128 &b)
    {
        return a.hi == b.hi && a.lo == b.lo;
    }

    // prefix + 32 lower-case hex digits, e.g. "SM" + "0a1b...".
    QString toString(QLatin1StringView prefix) const;
    // Parses prefix + 32 hex digits; a null Sid128 when the text is not of that form.
    static Sid128 fromString(QStringView text, QLatin1StringView prefix);
};

} // namespace sandbox

template<>
struct std::hash<sandbox::Sid128>
{
    size_t operator()(const sandbox::Sid128 &s) const noexcept
    {
        return size_t(s.hi ^ (s.lo * 0x9E3779B97F4A7C15ull));
    }
};
