// One round of the campaign runner, on the writer thread: settle what the outbox finished,
// take each runnable campaign's next texts (those the provider can hold until their time
// first), find provider-held texts to cancel there (campaign canceled, customer opted out
// since), and in a team share the runner's moves and progress.
#pragma once

#include "CampaignProviderHolds.h"
#include "CampaignRunner.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

struct WriterContext;

struct CampaignRound
{
    struct Input
    {
        qint64 account = 0;
        CampaignRunner::Settings settings;
        bool team = false;
        QSet<QString> allowed; // in a team: shared campaigns whose lease this desktop holds
        qint64 leaseMs = 0;
        bool progress = false;   // in a team: share the recipients' outcomes now
        bool cancelHeld = false; // find provider-held texts to cancel there
    };

    QString error;
    QList<qint64> changed;
    QList<qint64> completed;
    QList<std::pair<qint64, QList<qint64>>> handedOver; // campaign, message ids
    QHash<QString, qint64> due;                         // in a team: shared work due
    QList<CampaignProviderHolds::Held> toCancel;        // held by the provider, to cancel there
    bool progressShared = false;

    static CampaignRound run(WriterContext &context, const Input &input);
};
