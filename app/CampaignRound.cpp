#include "CampaignRound.h"

#include "CampaignOps.h"
#include "CampaignQueue.h"
#include "CampaignRows.h"
#include "ScheduledSendTime.h"
#include "SharedCampaignQueue.h"
#include "StoreWriter.h"
#include "TeamShare.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// In a team: the runner's own moves and the outcomes decided here, queued for the team log.
QString shareRound(WriterContext &context, qint64 account, const QList<qint64> &moved,
                   bool progress)
{
    auto share = context.repo<TeamShare>();
    const bool ok = share.run(
        account, u"campaign runner"_s, [] { return QString(); },
        [&](QString *error) -> std::optional<QList<TeamOp>> {
            auto ops = context.repo<CampaignOps>();
            QList<TeamOp> all;
            for (qint64 id : moved) {
                const auto op = ops.state(account, id, true);
                if (op)
                    all.append(*op);
            }
            if (progress) {
                const auto outcomes = ops.takeProgress(account, 2000);
                if (!outcomes) {
                    *error = ops.errorString();
                    return std::nullopt;
                }
                all += *outcomes;
            }
            return all;
        });
    return ok ? QString() : share.errorString();
}

} // namespace

CampaignRound CampaignRound::run(WriterContext &context, const Input &input)
{
    CampaignRound round;
    auto queue = context.repo<CampaignQueue>(context.messages.get());
    const qint64 now = nowMs();
    const auto settled = queue.settle(input.account, now);
    if (!settled) {
        round.error = queue.errorString();
        return round;
    }
    round.changed = *settled;
    auto rows = context.repo<CampaignRows>();
    for (qint64 id : *settled) {
        if (rows.state(id) == CampaignState::State::Completed)
            round.completed.append(id);
    }
    const auto active = queue.activeCampaigns(input.account);
    if (!active) {
        round.error = queue.errorString();
        return round;
    }
    QList<qint64> started;
    auto shared = context.repo<SharedCampaignQueue>();
    for (qint64 id : *active) {
        if (input.team) {
            // A shared campaign goes out from the desktop holding its lease only.
            const std::optional<QString> teamId = shared.teamIdOf(id);
            if (!teamId || (!teamId->isEmpty() && !input.allowed.contains(*teamId)))
                continue;
        }
        const std::optional<qint64> inFlight = queue.inFlight(id);
        qint64 room = inFlight ? input.settings.maxInFlight - *inFlight : 0;
        // Texts the provider can hold until their time go first: they leave with every
        // desktop closed. Then those due now.
        const qint64 minLead = std::max<qint64>(input.settings.providerMinLead.count(),
                                                ScheduledSendTime::kProviderMinLeadMs);
        for (const bool ahead : {true, false}) {
            if (room <= 0)
                break;
            const int limit = int(std::min<qint64>(room, input.settings.batchSize));
            const auto batch =
                ahead ? queue.takeForProvider(id, now, now + minLead,
                                              now + ScheduledSendTime::kProviderMaxLeadMs, limit)
                      : queue.takeBatch(id, now, input.settings.lookahead.count(), limit);
            if (!batch) {
                round.error = queue.errorString();
                return round;
            }
            room -= batch->messageIds.size();
            if (!batch->messageIds.isEmpty())
                round.handedOver.append({id, batch->messageIds});
            if (batch->started)
                started.append(id);
            if ((batch->started || !batch->messageIds.isEmpty() || batch->skippedOptedOut ||
                 batch->skippedNotTextEnabled || batch->skippedTooLate || batch->alreadySent) &&
                !round.changed.contains(id))
                round.changed.append(id);
        }
    }
    if (input.cancelHeld) {
        auto holds = context.repo<CampaignProviderHolds>();
        const auto toCancel = holds.toCancel(input.account, input.settings.cancelBatch);
        if (!toCancel) {
            round.error = holds.errorString();
            return round;
        }
        round.toCancel = *toCancel;
    }
    if (input.team) {
        // Texts the provider can hold need the lease long before they are due.
        const auto due = shared.dueTeamCampaigns(input.account, now + input.leaseMs,
                                                 now + ScheduledSendTime::kProviderMaxLeadMs);
        if (!due) {
            round.error = shared.errorString();
            return round;
        }
        round.due = *due;
        const bool flush = input.progress || !round.completed.isEmpty();
        if (!started.isEmpty() || !round.completed.isEmpty() || flush) {
            round.error = shareRound(context, input.account, started + round.completed, flush);
            round.progressShared = flush && round.error.isEmpty();
        }
    }
    return round;
}
