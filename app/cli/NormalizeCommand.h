// smsdesk-cli normalize: a typed phone number as E.164, type and formats, or why it is not one.
#pragma once

#include "CliCommand.h"

class NormalizeCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
