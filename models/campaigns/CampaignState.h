// A campaign's lifecycle states and which moves between them are allowed.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// draft -> scheduled (planned) -> running (first batch taken) -> completed;
// scheduled/running <-> paused; anything not finished -> canceled. The store keeps the words
// of migration 0002 ('running' is what the issue calls "sending").
class CampaignState
{
public:
    enum class State
    {
        Draft,
        Scheduled,
        Running,
        Paused,
        Completed,
        Canceled
    };

    static QString toString(State state);
    static std::optional<State> fromString(QStringView text);

    static bool canMove(State from, State to);
    static bool isFinished(State state)
    {
        return state == State::Completed || state == State::Canceled;
    }
    // Whether the runner takes batches from a campaign in this state.
    static bool isActive(State state)
    {
        return state == State::Scheduled || state == State::Running;
    }
};
