// smsdesk-cli import contacts: a CSV file of contacts into a profile's account.
#pragma once

#include "CliCommand.h"

class ImportCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
