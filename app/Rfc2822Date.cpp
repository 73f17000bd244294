#include "Rfc2822Date.h"

#include <QRegularExpression>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<QLatin1StringView, 7> kDays{"mon"_L1, "tue"_L1, "wed"_L1, "thu"_L1,
                                                 "fri"_L1, "sat"_L1, "sun"_L1};
constexpr std::array<QLatin1StringView, 12> kMonths{"jan"_L1, "feb"_L1, "mar"_L1, "apr"_L1,
                                                    "may"_L1, "jun"_L1, "jul"_L1, "aug"_L1,
                                                    "sep"_L1, "oct"_L1, "nov"_L1, "dec"_L1};

// Returns 1-based position of name in names (case-insensitive), 0 when absent.
template<std::size_t N>
int indexOf(const std::array<QLatin1StringView, N> &names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name.compare(names[i], Qt::CaseInsensitive) == 0) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

// Zone offset in seconds east of UTC; the obsolete names of RFC 2822 section 4.3 included.
std::optional<int> zoneOffsetSeconds(QStringView zone)
{
    if (zone.size() == 5 && (zone[0] == u'+' || zone[0] == u'-')) {
        bool ok = false;
        const int hhmm = zone.mid(1).toInt(&ok);
        if (!ok || hhmm % 100 >= 60) {
            return std::nullopt;
        }
        const int seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60;
        return zone[0] == u'-' ? -seconds : seconds;
    }
    struct Named
    {
        QLatin1StringView name;
        int hours;
    };
    static constexpr std::array<Named, 12> kNamed{{{"UT"_L1, 0},
                                                   {"UTC"_L1, 0},
                                                   {"GMT"_L1, 0},
                                                   {"Z"_L1, 0},
                                                   {"EST"_L1, -5},
                                                   {"EDT"_L1, -4},
                                                   {"CST"_L1, -6},
                                                   {"CDT"_L1, -5},
                                                   {"MST"_L1, -7},
                                                   {"MDT"_L1, -6},
                                                   {"PST"_L1, -8},
                                                   {"PDT"_L1, -7}}};
    for (const Named &named : kNamed) {
        if (zone.compare(named.name, Qt::CaseInsensitive) == 0) {
            return named.hours * 3600;
        }
    }
    return std::nullopt;
}

} // namespace

QDateTime Rfc2822Date::parse(QStringView text)
{
    static const QRegularExpression pattern(
        uR"(^\s*(?:([A-Za-z]{3})\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+)"
        uR"((\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,3})\s*$)"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    const int month = indexOf(kMonths, match.capturedView(3));
    const QDate date(match.capturedView(4).toInt(), month, match.capturedView(2).toInt());
    if (month == 0 || !date.isValid()) {
        return {};
    }
    if (match.hasCaptured(1) && indexOf(kDays, match.capturedView(1)) != date.dayOfWeek()) {
        return {};
    }
    const int seconds = match.hasCaptured(7) ? match.capturedView(7).toInt() : 0;
    const QTime time(match.capturedView(5).toInt(), match.capturedView(6).toInt(), seconds);
    const std::optional<int> offset = zoneOffsetSeconds(match.capturedView(8));
    if (!time.isValid() || !offset) {
        return {};
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, *offset).toUTC();
}
