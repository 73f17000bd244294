// smsdesk-cli thread: what an agent does to a thread (resolve, reopen, flag, unflag, assign,
// snooze, note), applied in the profile and shared through the team log.
#pragma once

#include "CliCommand.h"

class ThreadCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

    // Exit code when the change is applied here but the team log could not be reached
    // (EX_TEMPFAIL: it is shared by the next sync).
    static constexpr int ExitNotShared = 75;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
