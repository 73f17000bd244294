#include "NumberCommands.h"

#include "KeywordValidator.h"
#include "NumberSettingsOpApplier.h"
#include "SenderNumberRows.h"
#include "TeamShare.h"

using namespace Qt::StringLiterals;

namespace {

bool isShortCode(const QString &kind)
{
    return kind == u"short_code"_s || kind == u"shared_short_code"_s;
}

// The account's own number (a number lent to it cannot be changed by it); nullopt with
// *error otherwise.
std::optional<SenderNumberRows::Row> ownNumber(SenderNumberRows &rows, qint64 accountId,
                                               qint64 numberId, QString *error)
{
    const auto number = rows.find(accountId, numberId);
    if (!number) {
        *error =
            rows.errorString().isEmpty()
                ? NumberCommands::tr("Number %1 is not a number of this account.").arg(numberId)
                : rows.errorString();
        return std::nullopt;
    }
    if (number->accountId != accountId || number->sharedIn) {
        *error = NumberCommands::tr("%1 is lent to this account by %2: only %2 can change it.")
                     .arg(number->number, number->accountName);
        return std::nullopt;
    }
    return number;
}

// The number's settings as a team op (TeamShare queues it when the account is in a team).
std::optional<QList<TeamOp>> describe(WriterContext &context, qint64 account, qint64 numberId,
                                      QString *error)
{
    auto ops = context.repo<NumberSettingsOpApplier>();
    const auto op = ops.putOp(account, numberId);
    if (!op)
        *error = ops.errorString();
    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
}

// Lending or taking back `numberId` and, in a team, its number.put (which names the accounts
// it is lent to) queued in the same transaction.
CommandResult shareLending(WriterContext &context, qint64 accountId, const QString &actor,
                           qint64 numberId, const TeamShare::Write &write)
{
    auto share = context.repo<TeamShare>();
    const bool ok =
        share.run(accountId, actor, write, [&](QString *error) -> std::optional<QList<TeamOp>> {
            auto ops = context.repo<NumberSettingsOpApplier>();
            const auto op = ops.putOp(accountId, numberId);
            if (!op)
                *error = ops.errorString();
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
    return ok ? CommandResult::success(numberId) : CommandResult::failure(share.errorString());
}

} // namespace

NumberCommands::NumberCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                               QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

QString NumberCommands::settingsProblem(const Settings &settings)
{
    if (settings.numberId <= 0)
        return tr("Choose a number.");
    if (!(settings.throughputMps > 0))
        return tr("The throughput must be more than 0 messages a second.");
    if (settings.dailyCap && *settings.dailyCap <= 0)
        return tr("A daily cap must be at least 1 message (or no cap).");
    const QString keyword = settings.providerKeyword.trimmed();
    if (!keyword.isEmpty()) {
        if (const auto problem = KeywordValidator::checkKeyword(keyword))
            return tr("Provider keyword %1").arg(problem->message);
    }
    return {};
}

void NumberCommands::save(const Settings &settings, Done done)
{
    if (const QString problem = settingsProblem(settings); !problem.isEmpty())
        return refuse(problem, std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"number.settings"_s,
        [settings, account, who](WriterContext &context) {
            // In a team the number's settings are queued for the team log with the write.
            auto rows = context.repo<SenderNumberRows>();
            auto share = context.repo<TeamShare>();
            const qint64 id = settings.numberId;
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    QString error;
                    const auto current = ownNumber(rows, account, id, &error);
                    if (!current)
                        return error;
                    const QString keyword = settings.providerKeyword.trimmed();
                    // First: a refused provider keyword leaves the rest unsaved too.
                    if (isShortCode(current->kind) &&
                        current->providerKeyword != keyword.toUpper() &&
                        !rows.setSharedShortCode(account, id, keyword, who))
                        return rows.errorString();
                    // A label left empty is stored as '' (the column is NOT NULL).
                    const QString label = settings.label.isNull() ? u""_s : settings.label;
                    if (!rows.setDetails(account, id, label, settings.throughputMps,
                                         settings.dailyCap, who))
                        return rows.errorString();
                    if (current->sendOnly != settings.sendOnly &&
                        !rows.setSendOnly(account, id, settings.sendOnly, who))
                        return rows.errorString();
                    return {};
                },
                [&](QString *error) { return describe(context, account, id, error); });
            return ok ? CommandResult::success(id) : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void NumberCommands::setProviderAnswersKeywords(qint64 numberId, std::optional<bool> setting,
                                                Done done)
{
    if (numberId <= 0)
        return refuse(tr("Choose a number."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"number.provider_answers_keywords"_s,
        [numberId, setting, account, who](WriterContext &context) {
            auto rows = context.repo<SenderNumberRows>();
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, who,
                [&]() -> QString {
                    QString error;
                    if (!ownNumber(rows, account, numberId, &error))
                        return error;
                    return rows.setProviderAnswersKeywords(account, numberId, setting, who)
                               ? QString()
                               : rows.errorString();
                },
                [&](QString *error) { return describe(context, account, numberId, error); });
            return ok ? CommandResult::success(numberId)
                      : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void NumberCommands::lend(qint64 numberId, qint64 toAccountId, Done done)
{
    if (numberId <= 0 || toAccountId <= 0)
        return refuse(tr("Choose a number and the account to share it with."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"number.lend"_s,
        [numberId, toAccountId, account, who](WriterContext &context) {
            auto rows = context.repo<SenderNumberRows>();
            // Only the owner lends a number: the repository's assign() takes any number.
            QString error;
            if (!ownNumber(rows, account, numberId, &error))
                return CommandResult::failure(error);
            return shareLending(context, account, who, numberId, [&] {
                return rows.assign(numberId, toAccountId, who) ? QString() : rows.errorString();
            });
        },
        std::move(done));
}

void NumberCommands::takeBack(qint64 numberId, qint64 fromAccountId, Done done)
{
    if (numberId <= 0 || fromAccountId <= 0)
        return refuse(tr("Choose a number and the account that borrows it."), std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"number.take_back"_s,
        [numberId, fromAccountId, account, who](WriterContext &context) {
            auto rows = context.repo<SenderNumberRows>();
            QString error;
            if (!ownNumber(rows, account, numberId, &error))
                return CommandResult::failure(error);
            return shareLending(context, account, who, numberId, [&] {
                return rows.unshare(numberId, fromAccountId, who) ? QString() : rows.errorString();
            });
        },
        std::move(done));
}
