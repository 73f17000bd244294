// The campaigns table: drafts, planning into the durable recipient queue, state moves with
// an audit trail, and the list the Campaigns screen and the CLI show.
#pragma once

#include "CampaignDraft.h"
#include "CampaignPlanWriter.h"
#include "CampaignState.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class CampaignRows
{
public:
    struct Summary
    {
        qint64 id = 0;
        qint64 accountId = 0;
        QString name;
        CampaignState::State state = CampaignState::State::Draft;
        QString scheduleKind;
        qint64 total = 0;   // recipients in the queue, the hold-out included
        qint64 heldOut = 0; // never texted
        qint64 pending = 0; // not yet handed to the outbox
        qint64 sending = 0; // handed over, no answer yet
        qint64 sent = 0;
        qint64 atProvider = 0; // of the sent: the provider holds it until its time (SendAt)
        qint64 failed = 0;
        qint64 skipped = 0;
        qint64 tooLate = 0;  // of the skipped: could not go out by "send no later than"
        qint64 canceled = 0; // of the skipped: the campaign was canceled first
        QString teamId;
        std::optional<qint64> expectedFinishAt;
        // Done / to do, for a progress bar: the hold-out is neither.
        qint64 done() const { return sent + failed + skipped; }
        qint64 toSend() const { return total - heldOut; }
    };

    using PlanSummary = CampaignPlanSummary;

    explicit CampaignRows(QSqlDatabase db);

    // A new draft; 0 when the draft is incomplete (errorString() says what is missing).
    qint64 createDraft(const CampaignDraft &draft);
    std::optional<CampaignDraft> draft(qint64 campaignId);

    // Plans a draft for `numbers` (E.164) and writes its queue, moving it to scheduled, in
    // one transaction; nothing is written on any error (an unparsable number included).
    std::optional<PlanSummary> plan(qint64 campaignId, const QStringList &numbers, qint64 nowMSecs,
                                    const QString &actor);

    // Moves the campaign when CampaignState allows it and writes an audit_log row; canceling
    // also skips every pending recipient with reason 'canceled', and every one whose text the
    // outbox holds but has not attempted yet (that text is withdrawn: it never leaves).
    bool transition(qint64 campaignId, CampaignState::State to, const QString &actor,
                    qint64 nowMSecs);

    // A state move read from the team log: applied in the log's order without CampaignState's
    // rules, except that a finished campaign stays finished and an `automatic` move to
    // running (a runner's first batch) only starts a scheduled one. true: changed; false:
    // already so or ignored; nullopt on an error.
    std::optional<bool> applyState(qint64 campaignId, CampaignState::State to, bool automatic,
                                   const QString &actor, qint64 nowMSecs);
    // The local id of the campaign named `teamId` on every desktop; 0 when there is none.
    qint64 idOfTeamId(qint64 accountId, const QString &teamId);

    std::optional<CampaignState::State> state(qint64 campaignId);
    // The account's campaigns, newest first; accountId 0 lists every account's.
    std::optional<QList<Summary>> list(qint64 accountId);
    std::optional<Summary> summary(qint64 campaignId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);
    bool audit(qint64 accountId, const QString &actor, const QString &action, qint64 campaignId,
               const QString &detailsJson);
    std::optional<QList<Summary>> select(qint64 accountId, qint64 campaignId);
    // The move itself: status, cancel's side effects (pending skipped, queued texts not yet
    // attempted withdrawn), audit row; in a savepoint.
    bool write(qint64 campaignId, CampaignState::State from, CampaignState::State to,
               const QString &actor, qint64 nowMSecs);

    QSqlDatabase m_db;
    QString m_error;
};
