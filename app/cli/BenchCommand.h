// smsdesk-cli bench sync: the first-sync and incremental-sync benchmark against an in-process
// sandbox (see docs/PERFORMANCE.md).
#pragma once

#include "CliCommand.h"

class BenchCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
