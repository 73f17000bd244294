#include "SharedKindOps.h"

#include "CampaignOpApplier.h"
#include "CannedReplyOpApplier.h"
#include "ConfirmationRuleOpApplier.h"
#include "ConsentImportOpApplier.h"
#include "ContactDeleteOpApplier.h"
#include "ContactOpApplier.h"
#include "KeywordOpApplier.h"
#include "NumberSettingsOpApplier.h"
#include "StoreLogging.h"
#include "TeamPermissions.h"
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
           NumberSettingsOpApplier::handles(kind) || ContactOpApplier::handles(kind) ||
           ConsentImportOpApplier::handles(kind) || CampaignOpApplier::handles(kind) ||
           ContactDeleteOpApplier::handles(kind);
}

std::optional<TeamOpApplier::Outcome> SharedKindOps::apply(QSqlDatabase db, qint64 accountId,
                                                           const TeamOp &op,
                                                           TeamOpApplier::Origin origin,
                                                           QString *error)
{
    // Every desktop checks the maker's role as the roster stands at this point of the log, so
    // a modified client cannot change what its role does not allow on the others' desktops.
    if (const auto area = TeamPermissions::areaOfKind(op.kind);
        area && origin == TeamOpApplier::Origin::Log &&
        !TeamPermissions(db).makerMay(accountId, op.agent, *area)) {
        qCInfo(lcStore) << "team op" << op.kind << "of a member without the role skipped:" << op.id;
        return TeamOpApplier::Outcome::NotApplicable;
    }
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
    if (ContactOpApplier::handles(op.kind))
        return applyWith<ContactOpApplier>(std::move(db), accountId, op, origin, error);
    if (ConsentImportOpApplier::handles(op.kind))
        return applyWith<ConsentImportOpApplier>(std::move(db), accountId, op, origin, error);
    if (ContactDeleteOpApplier::handles(op.kind))
        return applyWith<ContactDeleteOpApplier>(std::move(db), accountId, op, origin, error);
    return applyWith<CannedReplyOpApplier>(std::move(db), accountId, op, origin, error);
}
