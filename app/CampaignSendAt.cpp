#include "CampaignSendAt.h"

#include "Outbox.h"
#include "ProviderClient.h"
#include "ScheduledMessageRows.h"
#include "ScheduledSendTime.h"
#include "StoreWriter.h"

#include <QPointer>

std::optional<QDateTime> CampaignSendAt::providerSendAt(qint64 atMs, qint64 nowMs)
{
    if (!ScheduledSendTime::providerCanHold(nowMs, atMs))
        return std::nullopt;
    // SendAt travels in whole seconds; rounding up never sends before the planned time.
    return QDateTime::fromSecsSinceEpoch((atMs + 999) / 1000, Qt::UTC);
}

void CampaignSendAt::schedule(StoreWriter *writer, Outbox *outbox, const QList<Planned> &planned,
                              QObject *context,
                              std::function<void(int scheduled, const QString &error)> done)
{
    struct Written
    {
        QList<qint64> ids;
        QString error;
    };
    QPointer<Outbox> guardOutbox(outbox);
    QPointer<QObject> guard(context);
    writer->post(
        [planned](WriterContext &writerContext) {
            auto rows = writerContext.repo<ScheduledMessageRows>();
            Written written;
            for (const Planned &p : planned) {
                // SendAt travels in whole seconds: rounded up, it is never earlier than planned.
                const qint64 at = (p.atMs + 999) / 1000 * 1000;
                if (!rows.schedule(p.messageId, at)) {
                    written.error = rows.errorString().isEmpty()
                                        ? QStringLiteral("message %1 is not an outgoing message")
                                              .arg(p.messageId)
                                        : rows.errorString();
                    return written;
                }
                written.ids.append(p.messageId);
            }
            return written;
        },
        outbox,
        [guardOutbox, guard, done](const Written &written) {
            if (guardOutbox && !written.ids.isEmpty())
                guardOutbox->adopt(written.ids);
            if (guard && done)
                done(int(written.ids.size()), written.error);
        });
}

void CampaignSendAt::cancelHeld(StoreWriter *writer, ProviderClient *provider,
                                const CampaignProviderHolds::Held &held, QObject *context,
                                std::function<void(CancelOutcome, const QString &error)> done)
{
    QPointer<QObject> guard(context);
    const qint64 messageId = held.messageId;
    const QString reason = held.reason;
    provider->cancelScheduledMessage(
        held.sid, context,
        [writer, messageId, reason, guard, done](const ProviderResult<ProviderMessage> &result) {
            if (!result.ok()) {
                const bool left = result.error().twilioCode().value_or(0) == 30409;
                if (guard && done)
                    done(left ? CancelOutcome::AlreadyLeft : CancelOutcome::Retry,
                         result.error().displayMessage());
                return;
            }
            writer->post(
                [messageId, reason](WriterContext &writerContext) {
                    auto holds = writerContext.repo<CampaignProviderHolds>();
                    return holds.canceled(messageId, reason, QDateTime::currentMSecsSinceEpoch())
                               ? QString()
                               : holds.errorString();
                },
                writer,
                [guard, done](const QString &error) {
                    if (guard && done)
                        done(error.isEmpty() ? CancelOutcome::Canceled : CancelOutcome::Retry,
                             error);
                });
        });
}
