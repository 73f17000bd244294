// smsdesk-cli consent export|import: the account's consent ledger as CSV for audits, and
// opt-ins imported from CSV (all rows or none, every bad row reported).
#pragma once

#include "CliCommand.h"

class ConsentCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;
};
