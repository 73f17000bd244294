#include "SandboxClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

SandboxClient::SandboxClient(const QUrl &baseUrl, const QString &accountSid,
                             const QString &authToken)
    : m_base(baseUrl.toString())
    , m_sid(accountSid)
{
    setCredentials(accountSid, authToken);
}

void SandboxClient::setCredentials(const QString &user, const QString &password)
{
    m_authorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

QString SandboxClient::account(const QString &suffix) const
{
    return u"/2010-04-01/Accounts/"_s + m_sid + suffix;
}

QNetworkRequest SandboxClient::request(const QString &pathAndQuery, const Headers &headers) const
{
    // Absolute URLs (Sync's next_page_url) are used as they are.
    QNetworkRequest request(
        QUrl(pathAndQuery.startsWith(u"http"_s) ? pathAndQuery : m_base + pathAndQuery));
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    request.setTransferTimeout(30000);
    return request;
}

QByteArray SandboxClient::encodeForm(const Form &form)
{
    QByteArray out;
    for (const auto &[name, value] : form) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QString SandboxClient::query(const Form &params)
{
    return params.isEmpty() ? QString() : u"?"_s + QString::fromLatin1(encodeForm(params));
}

HttpResult SandboxClient::wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return result;
}

QNetworkReply *SandboxClient::startGet(const QString &pathAndQuery)
{
    return m_nam.get(request(pathAndQuery, {}));
}

QNetworkReply *SandboxClient::startPost(const QString &path, const Form &form)
{
    QNetworkRequest r = request(path, {});
    r.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArray("application/x-www-form-urlencoded"));
    return m_nam.post(r, encodeForm(form));
}

HttpResult SandboxClient::get(const QString &pathAndQuery, const Headers &headers)
{
    return wait(m_nam.get(request(pathAndQuery, headers)));
}

HttpResult SandboxClient::post(const QString &path, const Form &form, const Headers &headers)
{
    QNetworkRequest r = request(path, headers);
    r.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArray("application/x-www-form-urlencoded"));
    return wait(m_nam.post(r, encodeForm(form)));
}

HttpResult SandboxClient::del(const QString &path, const Headers &headers)
{
    return wait(m_nam.deleteResource(request(path, headers)));
}

HttpResult SandboxClient::sendMessage(const QString &from, const QString &to, const QString &body)
{
    return post(account(u"/Messages.json"_s),
                {{u"To"_s, to}, {u"From"_s, from}, {u"Body"_s, body}});
}

HttpResult SandboxClient::inject(const QString &from, const QString &to, const QString &body)
{
    return post(u"/sandbox/inbound"_s, {{u"From"_s, from}, {u"To"_s, to}, {u"Body"_s, body}});
}

HttpResult SandboxClient::setFaults(const Form &form)
{
    return post(u"/sandbox/faults"_s, form);
}
