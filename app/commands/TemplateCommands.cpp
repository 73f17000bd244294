#include "TemplateCommands.h"

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
            auto rows = context.repo<TemplateRows>();
            const qint64 id =
                templateId == 0
                    ? rows.create(account, name, type, body, who)
                    : (rows.saveDraft(account, templateId, name, type, body, who) != 0 ? templateId
                                                                                       : 0);
            return id != 0 ? CommandResult::success(id)
                           : CommandResult::failure(rows.errorString());
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
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const bool ok = approve ? rows.approve(account, versionId, who, now)
                                    : rows.retire(account, versionId, who, now);
            return ok ? CommandResult::success(versionId)
                      : CommandResult::failure(rows.errorString());
        },
        std::move(done));
}
