// A tiny Twilio REST client for the sandbox tests: QNetworkAccessManager, Basic auth,
// form-encoded bodies, synchronous helpers. Written for the tests only, independent of the
// app's own client, so the tests check the wire format rather than a shared parser.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

struct HttpResult
{
    int status = 0; // 0 = no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QHash<QByteArray, QByteArray> headers; // lower-case names
};

class SandboxClient
{
public:
    using Form = QList<QPair<QString, QString>>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    SandboxClient(const QUrl &baseUrl, const QString &accountSid, const QString &authToken);

    void setCredentials(const QString &user, const QString &password);
    const QString &accountSid() const { return m_sid; }
    // "/2010-04-01/Accounts/{sid}" + suffix
    QString account(const QString &suffix) const;

    HttpResult get(const QString &pathAndQuery, const Headers &headers = {});
    HttpResult post(const QString &path, const Form &form, const Headers &headers = {});
    HttpResult del(const QString &path, const Headers &headers = {});

    // Asynchronous form, for concurrency tests.
    QNetworkReply *startGet(const QString &pathAndQuery);
    QNetworkReply *startPost(const QString &path, const Form &form);
    static HttpResult wait(QNetworkReply *reply);

    // Sends a message; the created message's JSON (status 201 expected by the caller).
    HttpResult sendMessage(const QString &from, const QString &to, const QString &body);
    HttpResult inject(const QString &from, const QString &to, const QString &body);
    HttpResult setFaults(const Form &form);

    static QByteArray encodeForm(const Form &form);
    static QString query(const Form &params);

private:
    QNetworkRequest request(const QString &pathAndQuery, const Headers &headers) const;

    QNetworkAccessManager m_nam;
    QString m_base;
    QString m_sid;
    QByteArray m_authorization;
};
