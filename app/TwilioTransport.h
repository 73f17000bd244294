// Sends authenticated requests to the Twilio REST APIs and turns every outcome into either a
// response body or a ProviderError. Keeps the requests in flight: their timeouts, their
// cancellation and the context objects that guard their callbacks.
#pragma once

#include "ProviderResult.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <optional>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

class TwilioTransport : public QObject
{
    Q_OBJECT

public:
    enum class Method
    {
        Get,
        Post,
        Delete
    };

    struct Response
    {
        int httpStatus = 0;
        QByteArray body;
    };

    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    using Callback = std::function<void(const ProviderResult<Response> &)>;

    static constexpr std::chrono::milliseconds defaultTimeout{30000};

    // Basic auth as user:password: the Account SID and Auth Token, or an API key's SID and
    // secret. Neither is ever logged.
    TwilioTransport(QNetworkAccessManager *network, const QString &user, const QString &password,
                    QObject *parent = nullptr);
    // Aborts what is still in flight without calling back.
    ~TwilioTransport() override;

    // The longest a request may go without receiving data before it fails with Timeout.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

    static QByteArray userAgent(); // "SMS Desk/<version>"

    // `formBody` is sent (as a form) only for POST.
    void send(Method method, const QUrl &url, const QByteArray &formBody, const Headers &headers,
              QObject *context, Callback done);
    void cancelAll();
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    // The provider's clock minus ours, from the Date header of the latest answer that had one
    // (whole seconds); nullopt until then.
    std::optional<qint64> providerClockOffsetMs() const { return m_clockOffsetMs; }

private:
    struct Pending
    {
        Method method = Method::Get;
        QPointer<QObject> context;
        Callback done;
        bool cancelled = false;
    };

    void finish(QNetworkReply *reply);
    ProviderResult<Response> resultOf(QNetworkReply *reply, const Pending &pending) const;

    QNetworkAccessManager *m_network;
    QByteArray m_authorization;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    std::optional<qint64> m_clockOffsetMs;
    QHash<QNetworkReply *, Pending> m_pending;
};
