#include "MessagingServiceRefresh.h"

#include "ProviderClient.h"
#include "StoreWriter.h"

#include <QPointer>

MessagingServiceRefresh::MessagingServiceRefresh(ProviderClient *provider, StoreWriter *writer,
                                                 qint64 accountId, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_writer(writer)
    , m_accountId(accountId)
{
    connect(&m_timer, &QTimer::timeout, this, &MessagingServiceRefresh::refreshNow);
}

void MessagingServiceRefresh::start(std::chrono::milliseconds every)
{
    m_timer.start(every);
    refreshNow();
}

void MessagingServiceRefresh::refreshNow()
{
    refresh(this, [this](const QString &error, const QList<MessagingServiceRows::Entry> &entries) {
        Q_EMIT refreshed(error, int(entries.size()));
    });
}

namespace {

struct Stored
{
    QString error;
    QList<MessagingServiceRows::Entry> entries;
};

} // namespace

void MessagingServiceRefresh::refresh(QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    m_provider->listMessagingServices(
        this, [this, guard, done](const ProviderResult<QList<MessagingService>> &services) {
            if (!services.ok()) {
                if (guard && done)
                    done(services.error().displayMessage(), {});
                return;
            }
            QList<MessagingServiceRows::Entry> entries;
            for (const MessagingService &service : services.value()) {
                for (const MessagingServiceSender &sender : service.senders)
                    entries.append({sender.phoneNumber, service.sid, service.friendlyName, true});
            }
            const qint64 account = m_accountId;
            m_writer->post(
                [account, entries](WriterContext &context) {
                    auto rows = context.repo<MessagingServiceRows>();
                    if (!rows.replace(account, entries, true))
                        return Stored{rows.errorString(), {}};
                    return Stored{QString(), rows.list(account)};
                },
                this,
                [guard, done](const Stored &stored) {
                    if (guard && done)
                        done(stored.error, stored.entries);
                });
        });
}

void MessagingServiceRefresh::setSendThrough(const QString &number, bool on, QObject *context,
                                             Done done)
{
    QPointer<QObject> guard(context);
    const qint64 account = m_accountId;
    m_writer->post(
        [account, number, on](WriterContext &context) {
            auto rows = context.repo<MessagingServiceRows>();
            if (!rows.setSendThrough(account, number, on))
                return Stored{rows.errorString(), {}};
            return Stored{QString(), rows.list(account)};
        },
        this,
        [guard, done](const Stored &stored) {
            if (guard && done)
                done(stored.error, stored.entries);
        });
}
