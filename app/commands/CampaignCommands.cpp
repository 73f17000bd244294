#include "CampaignCommands.h"

#include "CampaignRows.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using State = CampaignState::State;

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
        return refuse(u"a campaign needs a name"_s, std::move(done));
    if (d.variants.isEmpty())
        return refuse(u"a campaign needs at least one template version"_s, std::move(done));
    if (d.senderIds.isEmpty())
        return refuse(u"a campaign needs at least one sender number"_s, std::move(done));
    if (numbers.isEmpty())
        return refuse(u"the campaign has no recipients"_s, std::move(done));
    const QString who = actor();
    run(
        u"campaign.schedule"_s,
        [d, numbers, who](WriterContext &context) {
            auto rows = context.repo<CampaignRows>();
            const qint64 id = rows.createDraft(d);
            if (id == 0)
                return CommandResult::failure(rows.errorString());
            if (!rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), who)) {
                // Nothing was queued: the draft stays a draft the marketer can fix.
                CommandResult refused = CommandResult::failure(rows.errorString());
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
            return rows.transition(campaignId, to, who, QDateTime::currentMSecsSinceEpoch())
                       ? CommandResult::success(campaignId)
                       : CommandResult::failure(rows.errorString());
        },
        std::move(done));
}
