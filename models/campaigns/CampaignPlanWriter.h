// Plans a campaign from what CampaignPlanInput reads (contacts, threads, senders, templates)
// and writes the recipient queue, all in one transaction.
#pragma once

#include "CampaignDraft.h"
#include "CampaignPlanner.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

struct CampaignPlanSummary
{
    qsizetype recipients = 0;
    QList<qsizetype> perVariant; // in variant order
    qsizetype heldOut = 0;
    qint64 firstAtMSecs = 0;
    qint64 finishMSecs = 0;
    int stickyKept = 0;
    int deferredByQuietHours = 0;
};

class CampaignPlanWriter
{
public:
    explicit CampaignPlanWriter(QSqlDatabase db);

    // Plans `draft` (campaign `campaignId`, a draft) for `numbers` (E.164, no duplicates),
    // writes the queue with client references "campaign:<campaign>:<recipient>", the expected
    // finish, status 'scheduled' and an audit row. Nothing is written on error.
    std::optional<CampaignPlanSummary> write(qint64 campaignId, const CampaignDraft &draft,
                                             const QStringList &numbers, qint64 nowMSecs,
                                             const QString &actor);

    QString errorString() const { return m_error; }

    // The client reference of a recipient's message: deterministic, so asking twice after a
    // crash finds the first message instead of sending a second.
    static QString clientRef(qint64 campaignId, qint64 recipientId);

    // When a recipient's text is too late to send (UTC ms, exclusive): the draft's "send no
    // later than", else the end of the local day of its planned instant in its zone.
    static qint64 sendBy(const CampaignDraft &draft, const SendTimePlanner &zones,
                         const CampaignPlanner::Recipient &recipient, qint64 plannedAtMSecs);

private:
    std::optional<CampaignPlanSummary> run(qint64 campaignId, const CampaignDraft &draft,
                                           const QStringList &numbers, qint64 nowMSecs,
                                           const QString &actor);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
