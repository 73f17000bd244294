#include "TwilioTransport.h"

#include "AppLogging.h"

#include <QDateTime>
#include <QIODevice>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

bool isPost(TwilioTransport::Method method)
{
    return method == TwilioTransport::Method::Post;
}

QByteArray verb(TwilioTransport::Method method)
{
    switch (method) {
    case TwilioTransport::Method::Get:
        return "GET";
    case TwilioTransport::Method::Post:
        return "POST";
    case TwilioTransport::Method::Delete:
        return "DELETE";
    }
    return {};
}

// Errors that mean no complete HTTP response arrived, as opposed to the errors Qt derives
// from an HTTP status (the content and server ranges, and ProtocolInvalidOperationError,
// which is how Qt reports HTTP 400).
bool isTransportError(QNetworkReply::NetworkError error)
{
    const int code = static_cast<int>(error);
    return (code > 0 && code < 200) || error == QNetworkReply::ProtocolUnknownError ||
           error == QNetworkReply::ProtocolFailure;
}

// A POST body that can be read once and never rewound. Qt's HTTP/1 channel re-sends a request
// whose connection closed before any answer, rewinding the upload device to do so; for a
// message create that would make the provider send the text twice. With this body (and
// DoNotBufferUploadDataAttribute, so Qt does not keep its own rewindable copy) the rewind
// fails, and the reply ends with ContentReSendError instead: the outbox then reconciles.
class OneShotBody : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return (m_data.size() - m_read) + QIODevice::bytesAvailable();
    }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size()) - m_read);
        if (n <= 0)
            return m_read >= m_data.size() ? -1 : 0;
        memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace

TwilioTransport::TwilioTransport(QNetworkAccessManager *network, const QString &user,
                                 const QString &password, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_authorization("Basic " + (user + u':' + password).toUtf8().toBase64())
{
    Q_ASSERT(network);
}

TwilioTransport::~TwilioTransport()
{
    const QList<QNetworkReply *> replies = m_pending.keys();
    m_pending.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void TwilioTransport::setTimeout(std::chrono::milliseconds timeout)
{
    Q_ASSERT(timeout.count() > 0);
    m_timeout = timeout;
}

QByteArray TwilioTransport::userAgent()
{
    return QByteArrayLiteral("SMS Desk/" SMSDESK_VERSION);
}

void TwilioTransport::send(Method method, const QUrl &url, const QByteArray &formBody,
                           const Headers &headers, QObject *context, Callback done)
{
    Q_ASSERT(context);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    // The credentials must never follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }

    QNetworkReply *reply = nullptr;
    switch (method) {
    case Method::Get:
        reply = m_network->get(request);
        break;
    case Method::Post:
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        {
            request.setHeader(QNetworkRequest::ContentLengthHeader, formBody.size());
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            auto *body = new OneShotBody(formBody, nullptr);
            reply = m_network->post(request, body);
            body->setParent(reply);
            break;
        }
    case Method::Delete:
        reply = m_network->deleteResource(request);
        break;
    }
    qCDebug(lcProvider) << verb(method).constData() << url.path();
    m_pending.insert(reply, Pending{method, context, std::move(done), false});
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

void TwilioTransport::cancelAll()
{
    const QPointer<TwilioTransport> self(this);
    const QList<QNetworkReply *> replies = m_pending.keys();
    for (QNetworkReply *reply : replies) {
        if (!self) {
            return; // a callback destroyed the transport
        }
        auto it = m_pending.find(reply);
        if (it != m_pending.end()) {
            it->cancelled = true;
            // Emits finished() at once, which calls finish(reply).
            reply->abort();
        }
    }
}

void TwilioTransport::finish(QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_pending.find(reply);
    if (it == m_pending.end()) {
        return;
    }
    Pending pending = std::move(*it);
    m_pending.erase(it);
    if (const QByteArray date = reply->rawHeader("Date"); !date.isEmpty()) {
        // RFC 7231's IMF-fixdate: "Mon, 07 Dec 2026 17:36:15 GMT".
        QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(date).chopped(4),
                                               u"ddd, dd MMM yyyy HH:mm:ss"_s);
        at.setTimeZone(QTimeZone::utc());
        if (date.endsWith(" GMT") && at.isValid())
            m_clockOffsetMs = at.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch();
    }
    if (!pending.context) {
        qCDebug(lcProvider) << "dropping the answer to" << verb(pending.method).constData()
                            << reply->url().path() << "because its receiver is gone";
        return;
    }
    const ProviderResult<Response> result = resultOf(reply, pending);
    if (!result.ok()) {
        const ProviderError &error = result.error();
        qCInfo(lcProvider).noquote()
            << verb(pending.method).constData() << reply->url().path()
            << "failed:" << ProviderError::kindName(error.kind()) << "HTTP" << error.httpStatus()
            << "code" << error.twilioCode().value_or(0) << error.message();
    }
    // Last: the callback may destroy this transport.
    pending.done(result);
}

ProviderResult<TwilioTransport::Response> TwilioTransport::resultOf(QNetworkReply *reply,
                                                                    const Pending &pending) const
{
    const bool post = isPost(pending.method);
    const QNetworkReply::NetworkError error = reply->error();
    if (pending.cancelled) {
        return ProviderError::cancelled(post);
    }
    if (error == QNetworkReply::OperationCanceledError) {
        // Nothing but the transfer timeout aborts a reply that was not cancelled here.
        return ProviderError::timeout(static_cast<int>(m_timeout.count()), post);
    }
    if (error == QNetworkReply::ContentReSendError) {
        // The connection closed before an answer and the body could not be sent again (see
        // OneShotBody): the provider may have carried the request out.
        return ProviderError::fromNetworkError(
            QNetworkReply::RemoteHostClosedError,
            u"The connection closed before the provider answered (not sent again)"_s, post);
    }
    if (isTransportError(error)) {
        return ProviderError::fromNetworkError(error, reply->errorString(), post);
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        return ProviderError::fromNetworkError(
            error == QNetworkReply::NoError ? QNetworkReply::UnknownNetworkError : error,
            u"No HTTP status in the answer: %1"_s.arg(reply->errorString()), post);
    }
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        return Response{status, body};
    }
    return ProviderError::fromHttpResponse(status, body, reply->rawHeader("Retry-After"), post);
}
