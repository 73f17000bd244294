// Which status changes a keyword process allows: Start (New/Paused → Started), Pause
// (Started → Paused), Edit (any state, live at once while started) and Delete.
#pragma once

#include "KeywordProcess.h"
#include "KeywordValidator.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class KeywordProcessLifecycle
{
    Q_GADGET

public:
    enum class Action
    {
        Start,
        Pause,
        Edit,
        Delete
    };
    Q_ENUM(Action)

    struct Outcome
    {
        bool allowed = false;
        // The status afterwards; nullopt once deleted, the current one when refused.
        std::optional<KeywordProcess::Status> status;
        // An edit of a started process changes what the next inbound text triggers.
        bool appliesImmediately = false;
        QString reason; // why it was refused; empty when allowed
    };

    // `problems` are the validator's findings for the process as it would be after the
    // action: an incomplete process can be neither started nor saved.
    static Outcome apply(Action action, KeywordProcess::Status current,
                         const QList<KeywordValidator::Problem> &problems = {});
};
