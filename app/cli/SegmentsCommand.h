// smsdesk-cli segments: encoding, size and billed segments of a message body.
#pragma once

#include "CliCommand.h"

class SegmentsCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
