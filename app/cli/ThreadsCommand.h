// smsdesk-cli threads: the conversations of a profile, newest first.
#pragma once

#include "CliCommand.h"

class ThreadsCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
