// smsdesk-cli campaign: list, show, pause, resume and cancel a profile's campaigns (team ops
// when the profile is in a team); run one.
#pragma once

#include "AccountRows.h"
#include "CliCommand.h"

class StoreWriter;

class CampaignCommand : public CliCommand
{
public:
    static constexpr int ExitNotShared = 75;

    QString name() const override;
    QString summary() const override;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;

private:
    int runCampaign(const QCommandLineParser &parser, CliIo &io, qint64 campaignId,
                    StoreWriter &writer, const AccountRows::Row &account);
};
