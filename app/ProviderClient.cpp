#include "ProviderClient.h"

#include <QTimer>

namespace {

template<typename T>
void unsupported(QObject *context, ProviderCallback<T> done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] {
        done(ProviderError::invalidRequest(
            QStringLiteral("This provider has no Messaging Services or scheduling")));
    });
}

} // namespace

ProviderClient::ProviderClient(QObject *parent)
    : QObject(parent)
{}

ProviderClient::~ProviderClient() = default;

void ProviderClient::sendMessageWithOptions(const QString &, const QString &, const QString &,
                                            const MessageSendOptions &, QObject *context,
                                            ProviderCallback<ProviderMessage> done)
{
    unsupported(context, std::move(done));
}

void ProviderClient::cancelScheduledMessage(const QString &, QObject *context,
                                            ProviderCallback<ProviderMessage> done)
{
    unsupported(context, std::move(done));
}

void ProviderClient::listMessagingServices(QObject *context,
                                           ProviderCallback<QList<MessagingService>> done)
{
    unsupported(context, std::move(done));
}
