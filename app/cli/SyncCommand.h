// smsdesk-cli sync: bring one account's messages in a profile up to date with the provider
// (or with an in-process sandbox, --demo).
#pragma once

#include "CliCommand.h"

class SyncCommand : public CliCommand
{
public:
    // The provider stayed unreachable through every retry (EX_TEMPFAIL): run again later.
    static constexpr int ExitTempFail = 75;

    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
