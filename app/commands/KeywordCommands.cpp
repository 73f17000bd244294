#include "KeywordCommands.h"

#include "ConfirmationRuleOpApplier.h"
#include "ConfirmationRuleRows.h"
#include "KeywordOpApplier.h"
#include "KeywordValidator.h"
#include "TeamShare.h"

using namespace Qt::StringLiterals;
using Action = KeywordProcessLifecycle::Action;

KeywordCommands::KeywordCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                                 QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

QString KeywordCommands::keywordProblem(const QStringList &keywords)
{
    for (const QString &keyword : keywords) {
        if (const auto problem = KeywordValidator::checkKeyword(keyword))
            return problem->message;
    }
    return {};
}

void KeywordCommands::save(const KeywordProcessRows::Row &row, Done done)
{
    if (row.senderNumberId <= 0)
        return refuse(tr("Choose the number the process answers on."), std::move(done));
    // What can be told without the store is refused before a job is posted; the rest (other
    // processes of the number, the country's rule) is checked by the repository, which writes
    // nothing when it refuses.
    if (const QString problem = keywordProblem(row.process.keywords); !problem.isEmpty())
        return refuse(problem, std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    const bool create = row.process.id == 0;
    run(
        create ? u"keyword.create"_s : u"keyword.edit"_s,
        [row, account, who, create](WriterContext &context) {
            // In a team the process's new definition is queued for the team log with the write.
            auto rows = context.repo<KeywordProcessRows>();
            auto share = context.repo<TeamShare>();
            qint64 id = create ? 0 : row.process.id;
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    if (create)
                        id = rows.create(account, row, who);
                    else if (!rows.update(account, row, who))
                        id = 0;
                    return id > 0 ? QString() : rows.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<KeywordOpApplier>();
                    const auto op = ops.putOp(account, id);
                    if (!op)
                        *error = ops.errorString();
                    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
                });
            return ok ? CommandResult::success(id) : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void KeywordCommands::start(qint64 processId, Done done)
{
    apply(processId, Action::Start, u"keyword.start"_s, std::move(done));
}

void KeywordCommands::pause(qint64 processId, Done done)
{
    apply(processId, Action::Pause, u"keyword.pause"_s, std::move(done));
}

void KeywordCommands::remove(qint64 processId, Done done)
{
    apply(processId, Action::Delete, u"keyword.delete"_s, std::move(done));
}

void KeywordCommands::apply(qint64 processId, Action action, const QString &command, Done done)
{
    if (processId <= 0)
        return refuse(tr("Choose a keyword process."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        command,
        [processId, action, account, who](WriterContext &context) {
            // The repository finds the process among the account's only: another account's id
            // is refused as unknown. A delete is described before it happens.
            auto rows = context.repo<KeywordProcessRows>();
            auto share = context.repo<TeamShare>();
            auto ops = context.repo<KeywordOpApplier>();
            std::optional<TeamOp> deleteOp;
            if (action == Action::Delete && share.inTeam(account))
                deleteOp = ops.deleteOp(account, processId);
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    return rows.apply(account, processId, action, who) ? QString()
                                                                       : rows.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    const auto op =
                        action == Action::Delete ? deleteOp : ops.stateOp(account, processId);
                    if (!op)
                        *error = ops.errorString();
                    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
                });
            return ok ? CommandResult::success(processId)
                      : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void KeywordCommands::setConfirmationRule(const QString &countryCode, ConfirmationRule::Rule rule,
                                          Done done)
{
    // The code's form is the repository's to check (it knows the documented defaults).
    const QString country = countryCode.trimmed();
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"keyword.confirmation_rule"_s,
        [country, rule, account, who](WriterContext &context) {
            // In a team the country's rule is queued for the team log with the write.
            auto rows = context.repo<ConfirmationRuleRows>();
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    return rows.set(account, country, rule, who) ? QString() : rows.errorString();
                },
                [&](QString *) -> std::optional<QList<TeamOp>> {
                    return QList<TeamOp>{ConfirmationRuleOpApplier::putOp(
                        country, ConfirmationRule::ruleToString(rule))};
                });
            return ok ? CommandResult::success() : CommandResult::failure(share.errorString());
        },
        std::move(done));
}
