// The team log ops that describe a campaign as this desktop stores it. A campaign is named by
// its team id (a UUID), its recipients by their number, its templates by their team id and
// version number, its senders by their number: local row ids differ per desktop.
//  - campaign.put        the definition (name, schedule, window, hold-out, "send no later
//                        than", variants, sender pool) and the status it was planned with;
//  - campaign.recipients part of the planned queue: number, variant, sender, planned instant,
//                        send-by instant per recipient; as many parts as Sync's 16 KiB allow;
//  - campaign.state      scheduled, running, paused, completed, canceled (`auto`: the
//                        runner's own move, not a person's);
//  - campaign.progress   outcomes the runner decided (sent with the sid, failed, skipped with
//                        its reason), packed, with the campaign's counts when they were sent.
#pragma once

#include "TeamOp.h"

#include <QJsonArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignOps
{
public:
    static inline const QString Put = QStringLiteral("campaign.put");
    static inline const QString Recipients = QStringLiteral("campaign.recipients");
    static inline const QString State = QStringLiteral("campaign.state");
    static inline const QString Progress = QStringLiteral("campaign.progress");
    // Room left in an item for a part's rows once the op's other members are counted.
    static constexpr qsizetype RowBytes = TeamOp::MaxItemBytes - 1536;

    explicit CampaignOps(QSqlDatabase db);

    // campaign.put and its campaign.recipients parts; nothing for a draft (not shared until
    // it is planned). nullopt when the campaign cannot be described (errorString()): a
    // template without a team id, not one of the account's.
    std::optional<QList<TeamOp>> define(qint64 accountId, qint64 campaignId);
    std::optional<TeamOp> state(qint64 accountId, qint64 campaignId, bool automatic);
    // Progress ops for at most `limit` outcomes waiting to be reported, across the account's
    // campaigns; they are marked reported (the caller's transaction keeps both or neither).
    std::optional<QList<TeamOp>> takeProgress(qint64 accountId, int limit);

    // Rows packed into parts whose compact JSON stays under `bytes` each.
    static QList<QJsonArray> pack(const QJsonArray &rows, qsizetype bytes);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
