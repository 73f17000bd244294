#include "KeywordCommands.h"

#include "ConfirmationRuleRows.h"
#include "KeywordValidator.h"

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
            auto rows = context.repo<KeywordProcessRows>();
            if (create) {
                const qint64 id = rows.create(account, row, who);
                return id > 0 ? CommandResult::success(id)
                              : CommandResult::failure(rows.errorString());
            }
            return rows.update(account, row, who) ? CommandResult::success(row.process.id)
                                                  : CommandResult::failure(rows.errorString());
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
            // is refused as unknown.
            auto rows = context.repo<KeywordProcessRows>();
            return rows.apply(account, processId, action, who)
                       ? CommandResult::success(processId)
                       : CommandResult::failure(rows.errorString());
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
            auto rows = context.repo<ConfirmationRuleRows>();
            return rows.set(account, country, rule, who)
                       ? CommandResult::success()
                       : CommandResult::failure(rows.errorString());
        },
        std::move(done));
}
