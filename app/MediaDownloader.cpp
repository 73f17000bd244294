#include "MediaDownloader.h"

#include "AppLogging.h"
#include "TwilioTransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() &&
           a.port(a.scheme() == u"https"_s ? 443 : 80) ==
               b.port(b.scheme() == u"https"_s ? 443 : 80);
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

MediaDownloader::MediaDownloader(QNetworkAccessManager *network, QByteArray authorization,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_authorization(std::move(authorization))
{}

void MediaDownloader::download(const QUrl &url, qint64 maxBytes, QObject *context,
                               ProviderCallback<MediaContent> done)
{
    get(url, url, maxBytes, 0, context, std::move(done));
}

void MediaDownloader::get(const QUrl &url, const QUrl &origin, qint64 maxBytes, int hops,
                          QObject *context, ProviderCallback<MediaContent> done)
{
    QNetworkRequest request(url);
    if (sameOrigin(url, origin))
        request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "*/*");
    request.setHeader(QNetworkRequest::UserAgentHeader, TwilioTransport::userAgent());
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    auto tooLarge = std::make_shared<qint64>(-1); // the size that broke the cap, once known
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, maxBytes, tooLarge](qint64 received, qint64 total) {
                const qint64 size = std::max(received, total);
                if (*tooLarge < 0 && size > maxBytes) {
                    *tooLarge = size;
                    reply->abort();
                }
            });
    QPointer<QObject> receiver(context);
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, origin, maxBytes, hops, receiver, tooLarge, done = std::move(done)] {
            reply->deleteLater();
            if (!receiver)
                return;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (*tooLarge >= 0 && !isRedirect(status)) {
                MediaContent content;
                content.tooLarge = true;
                content.declaredSize = *tooLarge;
                content.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
                done(content);
                return;
            }
            const QNetworkReply::NetworkError error = reply->error();
            if (error == QNetworkReply::OperationCanceledError) {
                done(ProviderError::timeout(int(m_timeout.count()), false));
                return;
            }
            if (status == 0) {
                done(ProviderError::fromNetworkError(
                    error == QNetworkReply::NoError ? QNetworkReply::UnknownNetworkError : error,
                    reply->errorString(), false));
                return;
            }
            if (isRedirect(status)) {
                // Relative or absolute, as RFC 7231 allows.
                const QByteArray target = reply->rawHeader("Location");
                const QUrl location = reply->url().resolved(QUrl(QString::fromUtf8(target)));
                if (hops >= kMaxRedirects || target.isEmpty() || !location.isValid()) {
                    done(ProviderError::parse(hops >= kMaxRedirects
                                                  ? u"The media content redirected too often"_s
                                                  : u"The media content redirected nowhere"_s,
                                              status, false));
                    return;
                }
                get(location, origin, maxBytes, hops + 1, receiver, std::move(done));
                return;
            }
            const QByteArray body = reply->readAll();
            if (status < 200 || status >= 300) {
                done(ProviderError::fromHttpResponse(status, body, reply->rawHeader("Retry-After"),
                                                     false));
                return;
            }
            MediaContent content;
            content.bytes = body;
            content.declaredSize = body.size();
            content.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
            done(content);
        });
}
