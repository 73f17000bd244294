// What a marketer does to the account's campaigns: create and schedule one (its queue planned
// in one transaction), pause, resume and cancel it. Called by the Campaigns screen and the
// CLI; every answer comes asynchronously. The runner sends what is scheduled: callers tick it
// after a command when one runs in their process.
#pragma once

#include "AdminCommandBase.h"
#include "CampaignDraft.h"
#include "CampaignState.h"

#include <QStringList>

class CampaignCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    CampaignCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                     QObject *parent = nullptr);

    // Stores the draft (for this account, by this actor, whatever `draft` says) and plans it
    // for `numbers` (E.164). The answer carries the campaign's id; when planning is refused
    // (an unparsable number, no sender...) the draft stays a draft the marketer can fix and a
    // failure carries its id.
    void schedule(const CampaignDraft &draft, const QStringList &numbers, Done done);
    void pause(qint64 campaignId, Done done);
    void resume(qint64 campaignId, Done done);
    void cancel(qint64 campaignId, Done done);

private:
    void move(qint64 campaignId, CampaignState::State to, const QString &command, Done done);
};
