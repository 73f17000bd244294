#include "KeywordProcessLifecycle.h"

using namespace Qt::StringLiterals;

namespace {

using Status = KeywordProcess::Status;
using Outcome = KeywordProcessLifecycle::Outcome;

Outcome refused(Status current, const QString &reason)
{
    return {false, current, false, reason};
}

} // namespace

Outcome KeywordProcessLifecycle::apply(Action action, Status current,
                                       const QList<KeywordValidator::Problem> &problems)
{
    switch (action) {
    case Action::Start:
        if (current == Status::Started)
            return refused(current, u"The process is already started."_s);
        if (!problems.isEmpty()) {
            return refused(current,
                           u"Fix the process before starting it: "_s % problems.first().message);
        }
        return {true, Status::Started, true, {}};
    case Action::Pause:
        if (current == Status::New)
            return refused(current, u"The process has never been started, so it cannot be "
                                    u"paused."_s);
        if (current == Status::Paused)
            return refused(current, u"The process is already paused."_s);
        return {true, Status::Paused, true, {}};
    case Action::Edit:
        if (!problems.isEmpty())
            return refused(current, u"The changes cannot be saved: "_s % problems.first().message);
        return {true, current, current == Status::Started, {}};
    case Action::Delete:
        return {true, std::nullopt, current == Status::Started, {}};
    }
    return refused(current, u"Unknown action."_s);
}
