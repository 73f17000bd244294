#include "ScheduledSends.h"

#include "CommandCaller.h"
#include "Outbox.h"
#include "ProviderClient.h"
#include "ScheduledSendTime.h"
#include "StoreWriter.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

ScheduledSends::ScheduledSends(StoreWriter *writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void ScheduledSends::customerZone(qint64 threadId, QObject *context,
                                  std::function<void(QString)> done)
{
    m_writer->post(
        [threadId](WriterContext &writer) {
            return writer.repo<ScheduledMessageRows>().customerZone(threadId);
        },
        context ? context : this, std::move(done));
}

void ScheduledSends::pending(qint64 accountId, qint64 messageId, QObject *context,
                             std::function<void(std::optional<ScheduledMessage>)> done)
{
    m_writer->post(
        [accountId, messageId](WriterContext &writer) {
            return writer.repo<ScheduledMessageRows>().pending(accountId, messageId);
        },
        context ? context : this, std::move(done));
}

void ScheduledSends::schedule(qint64 accountId, qint64 threadId, const QString &body,
                              QDate localDate, QTime localTime, const QString &author,
                              QObject *context, Done done)
{
    const CommandCaller caller(context);
    const auto answer = [caller, done](const CommandResult &result) {
        if (caller.alive() && done)
            done(result);
    };
    if (body.trimmed().isEmpty())
        return answer(CommandResult::failure(tr("A scheduled message needs some text.")));
    Outbox *outbox = m_outbox ? m_outbox() : nullptr;
    if (!outbox || outbox->accountId() != accountId)
        return answer(CommandResult::failure(
            tr("This account is not connected; messages can be scheduled once it is.")));
    customerZone(
        threadId, this,
        [this, accountId, threadId, body, localDate, localTime, author,
         answer](const QString &zone) {
            const ScheduledSendTime times(zone);
            const ScheduledSendTime::Check check = times.check(localDate, localTime, m_now());
            if (!check.ok())
                return answer(CommandResult::failure(check.refusal));
            Outbox *outbox = m_outbox ? m_outbox() : nullptr;
            if (!outbox || outbox->accountId() != accountId)
                return answer(CommandResult::failure(tr("This account is not connected.")));
            outbox->queueScheduledAsync(threadId, body, author, check.utcMs, this,
                                        [answer](qint64 id, const QString &error) {
                                            answer(id ? CommandResult::success(id)
                                                      : CommandResult::failure(error));
                                        });
        });
}

void ScheduledSends::markCanceled(qint64 messageId,
                                  const std::function<void(CommandResult)> &answer)
{
    const qint64 now = m_now();
    m_writer->post(
        [messageId, now](WriterContext &writer) {
            return writer.repo<ScheduledMessageRows>().markCanceled(messageId, now);
        },
        this,
        [messageId, answer](bool ok) {
            answer(ok ? CommandResult::success(messageId)
                      : CommandResult::failure(tr("The message had already left.")));
        });
}

void ScheduledSends::cancel(qint64 accountId, qint64 messageId, QObject *context, Done done)
{
    const CommandCaller caller(context);
    const auto answer = [caller, done](const CommandResult &result) {
        if (caller.alive() && done)
            done(result);
    };
    pending(
        accountId, messageId, this,
        [this, messageId, answer](const std::optional<ScheduledMessage> &message) {
            if (!message)
                return answer(CommandResult::failure(
                    tr("Message %1 is not a scheduled message waiting to leave.").arg(messageId)));
            if (message->providerSid.isEmpty()) {
                // Held here: the outbox lets go of it first, unless it is leaving now.
                Outbox *outbox = m_outbox ? m_outbox() : nullptr;
                if (outbox && !outbox->dropScheduled(messageId))
                    return answer(CommandResult::failure(
                        tr("The message is being sent right now and cannot be canceled.")));
                return markCanceled(messageId, answer);
            }
            ProviderClient *provider = m_provider ? m_provider() : nullptr;
            if (!provider)
                return answer(CommandResult::failure(
                    tr("The provider holds this message; connect the account to cancel it.")));
            provider->cancelScheduledMessage(
                message->providerSid, this,
                [this, messageId, answer](const ProviderResult<ProviderMessage> &result) {
                    if (!result.ok())
                        return answer(
                            CommandResult::failure(result.error().twilioCode().value_or(0) == 30409
                                                       ? tr("The provider has already sent it.")
                                                       : result.error().displayMessage()));
                    markCanceled(messageId, answer);
                });
        });
}

void ScheduledSends::reschedule(qint64 accountId, qint64 messageId, const QString &body,
                                QDate localDate, QTime localTime, const QString &author,
                                QObject *context, Done done)
{
    const CommandCaller caller(context);
    // The new time is checked before anything is canceled.
    pending(
        accountId, messageId, this,
        [this, accountId, messageId, body, localDate, localTime, author, caller,
         done](const std::optional<ScheduledMessage> &message) {
            const auto answer = [caller, done](const CommandResult &result) {
                if (caller.alive() && done)
                    done(result);
            };
            if (!message)
                return answer(CommandResult::failure(
                    tr("Message %1 is not a scheduled message waiting to leave.").arg(messageId)));
            customerZone(message->threadId, this, [=, this](const QString &zone) {
                const ScheduledSendTime::Check check =
                    ScheduledSendTime(zone).check(localDate, localTime, m_now());
                if (!check.ok())
                    return answer(CommandResult::failure(check.refusal));
                cancel(accountId, messageId, this, [=, this](const CommandResult &canceled) {
                    if (!canceled.ok)
                        return answer(canceled);
                    schedule(accountId, message->threadId, body, localDate, localTime, author, this,
                             answer);
                });
            });
        });
}
