#include "CampaignState.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using State = CampaignState::State;

constexpr std::array kNames{
    std::pair{State::Draft, "draft"},         std::pair{State::Scheduled, "scheduled"},
    std::pair{State::Running, "running"},     std::pair{State::Paused, "paused"},
    std::pair{State::Completed, "completed"}, std::pair{State::Canceled, "canceled"},
};

} // namespace

QString CampaignState::toString(State state)
{
    for (const auto &[value, name] : kNames) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<CampaignState::State> CampaignState::fromString(QStringView text)
{
    for (const auto &[value, name] : kNames) {
        if (text == QLatin1StringView(name))
            return value;
    }
    return std::nullopt;
}

bool CampaignState::canMove(State from, State to)
{
    switch (from) {
    case State::Draft:
        return to == State::Scheduled || to == State::Canceled;
    case State::Scheduled:
        return to == State::Running || to == State::Paused || to == State::Canceled ||
               to == State::Completed;
    case State::Running:
        return to == State::Paused || to == State::Completed || to == State::Canceled;
    case State::Paused:
        // Resuming returns to running; a paused campaign that never started still resumes
        // to running, since its first batch may be due at once.
        return to == State::Running || to == State::Canceled;
    case State::Completed:
    case State::Canceled:
        return false;
    }
    return false;
}
