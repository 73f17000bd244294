// smsdesk-cli team: join an account's team as an agent, and pull/push the team log once.
#pragma once

#include "CliCommand.h"

class TeamCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
