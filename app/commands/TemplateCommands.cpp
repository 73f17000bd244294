#include "TemplateCommands.h"

#include "TeamShare.h"
#include "TemplateApprovalRule.h"
#include "TemplateOpApplier.h"
#include "TemplateRows.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

TemplateCommands::TemplateCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                                   QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

void TemplateCommands::save(qint64 templateId, const QString &name, TemplateType type,
                            const QString &body, Done done)
{
    if (templateId < 0)
        return refuse(tr("Choose a template."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    // Name and body rules (and the fields a body may use, which depend on the account's
    // contacts) are the repository's: it writes nothing when it refuses.
    run(
        templateId == 0 ? u"template.create"_s : u"template.save"_s,
        [templateId, name, type, body, account, who](WriterContext &context) {
            // In a team the template and its newest version are queued for the team log with
            // the write (refused when a version is over Sync's 16 KiB per item).
            auto rows = context.repo<TemplateRows>();
            auto share = context.repo<TeamShare>();
            qint64 id = 0;
            qint64 versionId = 0;
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    if (templateId == 0) {
                        id = rows.create(account, name, type, body, who);
                        const auto created = id != 0 ? rows.summary(account, id) : std::nullopt;
                        versionId = created ? created->latest.id : 0;
                    } else {
                        versionId = rows.saveDraft(account, templateId, name, type, body, who);
                        id = versionId != 0 ? templateId : 0;
                    }
                    return id != 0 && versionId != 0 ? QString() : rows.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<TemplateOpApplier>();
                    const auto put = ops.putOp(account, id);
                    const auto version = ops.versionOp(account, versionId);
                    if (!put || !version) {
                        *error = ops.errorString();
                        return std::nullopt;
                    }
                    return QList<TeamOp>{*put, *version};
                });
            return ok ? CommandResult::success(id) : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void TemplateCommands::approve(qint64 versionId, Done done)
{
    changeState(versionId, true, std::move(done));
}

void TemplateCommands::retire(qint64 versionId, Done done)
{
    changeState(versionId, false, std::move(done));
}

void TemplateCommands::changeState(qint64 versionId, bool approve, Done done)
{
    if (versionId <= 0)
        return refuse(tr("Choose a template version."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        approve ? u"template.approve"_s : u"template.retire"_s,
        [versionId, approve, account, who](WriterContext &context) {
            auto rows = context.repo<TemplateRows>();
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    // In a team a second person approves: never the version's author.
                    if (approve && share.inTeam(account)) {
                        const auto v = rows.version(account, versionId);
                        if (v && !TemplateApprovalRule::mayApprove(v->author, who))
                            return TemplateApprovalRule::refusal();
                    }
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    const bool done = approve ? rows.approve(account, versionId, who, now)
                                              : rows.retire(account, versionId, who, now);
                    return done ? QString() : rows.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<TemplateOpApplier>();
                    const auto op = ops.versionOp(account, versionId);
                    if (!op)
                        *error = ops.errorString();
                    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
                });
            return ok ? CommandResult::success(versionId)
                      : CommandResult::failure(share.errorString());
        },
        std::move(done));
}
