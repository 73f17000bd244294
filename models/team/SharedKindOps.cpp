#include "SharedKindOps.h"

#include "CampaignOpApplier.h"
#include "CannedReplyOpApplier.h"
#include "ConfirmationRuleOpApplier.h"
#include "KeywordOpApplier.h"
#include "NumberSettingsOpApplier.h"
#include "TemplateOpApplier.h"

namespace {

template<typename Applier>
std::optional<TeamOpApplier::Outcome> applyWith(QSqlDatabase db, qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin, QString *error)
{
    Applier applier(std::move(db));
    const auto outcome = applier.apply(accountId, op, origin);
    if (!outcome)
        *error = applier.errorString();
    return outcome;
}

} // namespace

bool SharedKindOps::handles(const QString &kind)
{
    return KeywordOpApplier::handles(kind) || TemplateOpApplier::handles(kind) ||
           CannedReplyOpApplier::handles(kind) || ConfirmationRuleOpApplier::handles(kind) ||
           NumberSettingsOpApplier::handles(kind) || CampaignOpApplier::handles(kind);
}

std::optional<TeamOpApplier::Outcome> SharedKindOps::apply(QSqlDatabase db, qint64 accountId,
                                                           const TeamOp &op,
                                                           TeamOpApplier::Origin origin,
                                                           QString *error)
{
    if (KeywordOpApplier::handles(op.kind))
        return applyWith<KeywordOpApplier>(std::move(db), accountId, op, origin, error);
    if (TemplateOpApplier::handles(op.kind))
        return applyWith<TemplateOpApplier>(std::move(db), accountId, op, origin, error);
    if (ConfirmationRuleOpApplier::handles(op.kind))
        return applyWith<ConfirmationRuleOpApplier>(std::move(db), accountId, op, origin, error);
    if (CampaignOpApplier::handles(op.kind))
        return applyWith<CampaignOpApplier>(std::move(db), accountId, op, origin, error);
    if (NumberSettingsOpApplier::handles(op.kind))
        return applyWith<NumberSettingsOpApplier>(std::move(db), accountId, op, origin, error);
    return applyWith<CannedReplyOpApplier>(std::move(db), accountId, op, origin, error);
}
