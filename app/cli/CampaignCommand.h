// smsdesk-cli campaign: list, show, pause and resume a profile's campaigns; run one.
#pragma once

#include "AccountRows.h"
#include "CliCommand.h"

class StoreWriter;

class CampaignCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;

private:
    int runCampaign(const QCommandLineParser &parser, CliIo &io, qint64 campaignId,
                    StoreWriter &writer, const AccountRows::Row &account);
};
