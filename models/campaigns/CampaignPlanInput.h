// Reads what planning a campaign needs from the store: the sender pool with what its daily
// caps already spent, the variants' approved texts, and per recipient its contact (zone and
// template fields) and the sender of its existing thread. The plan writer and the schedule
// editor's preview both plan from it, so the preview's finish is the plan's.
#pragma once

#include "CampaignDraft.h"
#include "CampaignPlanner.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class CampaignPlanInput
{
public:
    explicit CampaignPlanInput(QSqlDatabase db);

    // The planner's input for `draft` (its senderIds in pool order) and `numbers`; campaignId
    // keys the variant split (0 for a campaign not saved yet). nullopt with errorString() on a
    // read error, an unknown zone or window, an unapproved version or an unparsable number.
    std::optional<CampaignPlanner::Input> read(qint64 campaignId, const CampaignDraft &draft,
                                               const QStringList &numbers, qint64 nowMSecs);

    // read() and CampaignPlanner::plan(): what the plan would be now, without writing.
    CampaignPlanner::Result preview(const CampaignDraft &draft, const QStringList &numbers,
                                    qint64 nowMSecs);

    QString errorString() const { return m_error; }

private:
    bool readSenders(const CampaignDraft &draft, const QTimeZone &zone, qint64 nowMSecs,
                     CampaignPlanner::Input *input);

    QSqlDatabase m_db;
    QString m_error;
};
