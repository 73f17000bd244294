// smsdesk-cli serve: the team's duties headless, on an always-on machine, until SIGTERM or
// SIGINT: the same DeskSession as the desktop (sync, team log, keyword replies through the
// outbox with the team's claims, campaigns, lookups), logging to stderr with levels.
#pragma once

#include "CliCommand.h"

class ServeCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
