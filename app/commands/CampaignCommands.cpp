#include "CampaignCommands.h"

#include "CampaignOps.h"
#include "CampaignRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using State = CampaignState::State;

namespace {

// In a team only marketers and admins run campaigns (an agreement between desktops: see
// TEAM.md); a desktop outside a team may do everything.
QString roleProblem(WriterContext &context, qint64 accountId)
{
    const auto team = context.repo<TeamStateRows>().state(accountId);
    if (team && team->role == u"agent")
        return CampaignCommands::tr("Only marketers and admins of the team change campaigns.");
    return {};
}

} // namespace

CampaignCommands::CampaignCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                                   QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

void CampaignCommands::schedule(const CampaignDraft &draft, const QStringList &numbers, Done done)
{
    CampaignDraft d = draft;
    d.accountId = accountId();
    d.createdBy = actor();
    // The draft's own rules, in the repository's words, before anything is written; an empty
    // audience too (the repository would keep a draft that can never be planned).
    if (d.name.trimmed().isEmpty())
        return refuse(tr("a campaign needs a name"), std::move(done));
    if (d.variants.isEmpty())
        return refuse(tr("a campaign needs at least one template version"), std::move(done));
    if (d.senderIds.isEmpty())
        return refuse(tr("a campaign needs at least one sender number"), std::move(done));
    if (numbers.isEmpty())
        return refuse(tr("the campaign has no recipients"), std::move(done));
    const QString who = actor();
    const qint64 account = accountId();
    run(
        u"campaign.schedule"_s,
        [d, numbers, who, account](WriterContext &context) {
            if (const QString problem = roleProblem(context, account); !problem.isEmpty())
                return CommandResult::failure(problem);
            auto rows = context.repo<CampaignRows>();
            auto share = context.repo<TeamShare>();
            qint64 id = 0;
            QString planError;
            // In a team the planned campaign (definition, queue) is queued for the team log in
            // the same transaction; a draft whose planning was refused is kept, not shared.
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    id = rows.createDraft(d);
                    if (id == 0)
                        return rows.errorString();
                    if (!rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), who))
                        planError = rows.errorString();
                    return QString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<CampaignOps>();
                    const auto described = ops.define(account, id);
                    if (!described)
                        *error = ops.errorString();
                    return described;
                });
            if (!ok)
                return CommandResult::failure(share.errorString());
            if (!planError.isEmpty()) {
                // Nothing was queued: the draft stays a draft the marketer can fix.
                CommandResult refused = CommandResult::failure(planError);
                refused.id = id;
                return refused;
            }
            return CommandResult::success(id);
        },
        std::move(done));
}

void CampaignCommands::pause(qint64 campaignId, Done done)
{
    move(campaignId, State::Paused, u"campaign.pause"_s, std::move(done));
}

void CampaignCommands::resume(qint64 campaignId, Done done)
{
    move(campaignId, State::Running, u"campaign.resume"_s, std::move(done));
}

void CampaignCommands::cancel(qint64 campaignId, Done done)
{
    move(campaignId, State::Canceled, u"campaign.cancel"_s, std::move(done));
}

void CampaignCommands::move(qint64 campaignId, State to, const QString &command, Done done)
{
    if (campaignId <= 0)
        return refuse(tr("Choose a campaign."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        command,
        [campaignId, to, account, who](WriterContext &context) {
            if (const QString problem = roleProblem(context, account); !problem.isEmpty())
                return CommandResult::failure(problem);
            auto rows = context.repo<CampaignRows>();
            // The repository moves any campaign by id: one account never moves another's.
            const auto summary = rows.summary(campaignId);
            if (!summary)
                return CommandResult::failure(rows.errorString().isEmpty()
                                                  ? tr("There is no campaign %1.").arg(campaignId)
                                                  : rows.errorString());
            if (summary->accountId != account)
                return CommandResult::failure(tr("campaign %1 is not a campaign of the account %2")
                                                  .arg(campaignId)
                                                  .arg(account));
            // In a team the move is a team op: every desktop applies it, and the desktop running
            // the campaign obeys it at its next tick.
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    return rows.transition(campaignId, to, who, QDateTime::currentMSecsSinceEpoch())
                               ? QString()
                               : rows.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<CampaignOps>();
                    const auto op = ops.state(account, campaignId, false);
                    if (!op)
                        *error = ops.errorString();
                    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
                });
            return ok ? CommandResult::success(campaignId)
                      : CommandResult::failure(share.errorString());
        },
        std::move(done));
}
