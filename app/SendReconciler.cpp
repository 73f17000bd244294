#include "SendReconciler.h"

#include "AppLogging.h"
#include "StoreWriter.h"

using namespace Qt::StringLiterals;

SendReconciler::SendReconciler(ProviderClient *client, StoreWriter *writer, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
{}

void SendReconciler::reconcile(const OutboxRow &row, Done done)
{
    MessageFilter filter;
    // No DateSent filter: a message the provider still queues has no date_sent.
    filter.to = row.to;
    filter.from = row.from;
    filter.pageSize = 50;
    const qint64 since = row.lastAttemptAt.value_or(0) - m_skew.count();
    m_client->listMessages(
        filter, this, [this, row, since, done](const ProviderResult<MessagePage> &result) {
            if (!result.ok()) {
                done(Outcome{std::nullopt, result.error()});
                return;
            }
            QList<ProviderMessage> candidates;
            for (const ProviderMessage &message : result.value().items) {
                if (message.body != row.body || !message.direction.startsWith(u"outbound"_s))
                    continue;
                if (message.dateCreated.isValid() &&
                    message.dateCreated.toMSecsSinceEpoch() < since)
                    continue;
                candidates.append(message);
            }
            if (candidates.isEmpty()) {
                done(Outcome{});
                return;
            }
            // Oldest matching first: two identical texts sent back to back are claimed in
            // the order they were queued.
            std::reverse(candidates.begin(), candidates.end());
            const QString ref = row.clientRef;
            m_writer->post(
                [candidates, ref](WriterContext &context) -> std::optional<ProviderMessage> {
                    auto rows = context.repo<OutboxRows>();
                    for (const ProviderMessage &message : candidates) {
                        if (!rows.sidTakenByOther(message.sid, ref))
                            return message;
                    }
                    return std::nullopt;
                },
                this,
                [done](std::optional<ProviderMessage> found) {
                    qCDebug(lcOutbox) << "reconciled:" << (found ? found->sid : u"not found"_s);
                    done(Outcome{std::move(found), std::nullopt});
                });
        });
}
