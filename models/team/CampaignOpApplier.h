// Campaigns in the team log (CampaignOps says what each kind carries). Applied in the log's
// order on every desktop:
//  - campaign.put creates the campaign (its templates by team id and version, its senders by
//    number); a campaign already here is left as it is (a planned campaign is not edited);
//  - campaign.recipients adds its part of the queue, each recipient once;
//  - campaign.state moves the campaign as the log says (CampaignRows::applyState: finished is
//    final; a runner's automatic "running" only starts a scheduled one); a cancel withdraws
//    what this desktop's outbox holds of it and has not attempted;
//  - campaign.progress records the runner's outcomes: sent and failed (the provider's word)
//    over anything else, skipped over pending only.
// Applying an op twice changes nothing. An op about a template version or a number this
// desktop does not have is skipped whole, like the other shared kinds.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignOpApplier
{
public:
    static bool handles(const QString &kind);

    explicit CampaignOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> applyPut(qint64 accountId, const TeamOp &op);
    std::optional<TeamOpApplier::Outcome> applyRecipients(qint64 accountId, qint64 campaignId,
                                                          const TeamOp &op);
    std::optional<TeamOpApplier::Outcome>
    applyState(qint64 accountId, qint64 campaignId, const TeamOp &op, TeamOpApplier::Origin origin);
    std::optional<TeamOpApplier::Outcome> applyProgress(qint64 campaignId, const TeamOp &op);
    qint64 senderId(qint64 accountId, const QString &number);
    QString actorOf(const TeamOp &op) const;
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
    QHash<QString, qint64> m_senders;
};
