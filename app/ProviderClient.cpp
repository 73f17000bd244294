#include "ProviderClient.h"

#include <QTimer>

namespace {

template<typename T>
void unsupported(QObject *context, ProviderCallback<T> done,
                 const QString &what = QStringLiteral("Messaging Services or scheduling"))
{
    QTimer::singleShot(0, context, [done = std::move(done), what] {
        done(ProviderError::invalidRequest(QStringLiteral("This provider has no ") + what));
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

void ProviderClient::listMedia(const QString &, QObject *context,
                               ProviderCallback<QList<ProviderMedia>> done)
{
    unsupported(context, std::move(done), QStringLiteral("MMS media"));
}

void ProviderClient::downloadMedia(const QString &, qint64, QObject *context,
                                   ProviderCallback<MediaContent> done)
{
    unsupported(context, std::move(done), QStringLiteral("MMS media"));
}
