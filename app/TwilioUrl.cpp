#include "TwilioUrl.h"

#include "AppLogging.h"

QByteArray TwilioUrl::segment(const QString &value)
{
    return value.toUtf8().toPercentEncoding("+:@");
}

QByteArray TwilioUrl::formEncode(const Fields &fields)
{
    QByteArray encoded;
    for (const auto &[name, value] : fields) {
        if (!encoded.isEmpty()) {
            encoded += '&';
        }
        encoded += name.toUtf8().toPercentEncoding() + '=' + value.toUtf8().toPercentEncoding();
    }
    return encoded;
}

QUrl TwilioUrl::under(const QUrl &base, const QByteArray &encodedPath, const Fields &query)
{
    QUrl url = base;
    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/')) {
        basePath.chop(1);
    }
    url.setPath(basePath + QString::fromLatin1(encodedPath), QUrl::StrictMode);
    if (!query.isEmpty()) {
        url.setQuery(QString::fromLatin1(formEncode(query)), QUrl::StrictMode);
    }
    return url;
}

std::optional<QUrl> TwilioUrl::rebase(const QUrl &base, const QString &uri)
{
    const QUrl given(uri, QUrl::TolerantMode);
    const QByteArray path = given.path(QUrl::FullyEncoded).toLatin1();
    if (!given.isValid() || !path.startsWith('/')) {
        return std::nullopt;
    }
    if (!given.isRelative() && given.host() != base.host()) {
        qCDebug(lcProvider) << "following a next page link on" << given.host() << "via"
                            << base.host();
    }
    QUrl url = under(base, path);
    if (given.hasQuery()) {
        url.setQuery(given.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return url;
}

TwilioUrl::Hosts TwilioUrl::hostsFor(const QUrl &typed)
{
    QUrl base = typed.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    base.setScheme(base.scheme().toLower());
    base.setHost(base.host().toLower());
    if (base.scheme() == u"https" && base.port() == 443) {
        base.setPort(-1);
    }
    QString path = base.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    base.setPath(path);

    const QString host = base.host();
    const QString twilio = QStringLiteral(".twilio.com");
    if (!host.startsWith(QStringLiteral("api.")) || !host.endsWith(twilio) || !path.isEmpty()) {
        return {base, base, base};
    }
    // "api" + "" (global) or "." + edge/region labels, e.g. ".dublin.ie1".
    const QString location = host.mid(3, host.size() - 3 - twilio.size());
    const auto sibling = [&](const QString &service) {
        QUrl url = base;
        url.setHost(service + location + twilio);
        return url;
    };
    return {base, sibling(QStringLiteral("lookups")), sibling(QStringLiteral("sync"))};
}
