// smsdesk-cli send: queues one message in a profile's outbox and sends it (and whatever the
// outbox still held from an earlier run) through the provider.
#pragma once

#include "CliCommand.h"

class SendCommand : public CliCommand
{
public:
    // --wait ran out: the message is queued in the profile, not yet sent (EX_TEMPFAIL).
    static constexpr int ExitQueued = 75;

    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
