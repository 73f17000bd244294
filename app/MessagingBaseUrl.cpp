#include "MessagingBaseUrl.h"

using namespace Qt::StringLiterals;

namespace {

bool isTwilioApiHost(const QString &host)
{
    return host == u"api.twilio.com"_s ||
           (host.startsWith(u"api."_s) && host.endsWith(u".twilio.com"_s));
}

} // namespace

QUrl MessagingBaseUrl::forApi(const QUrl &apiBaseUrl)
{
    if (isTwilioApiHost(apiBaseUrl.host())) {
        QUrl url = apiBaseUrl;
        url.setHost(u"messaging"_s + apiBaseUrl.host().mid(3));
        url.setPath(QString());
        return url;
    }
    QUrl url = apiBaseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/messaging"_s);
    return url;
}

QUrl MessagingBaseUrl::pageBaseForApi(const QUrl &apiBaseUrl)
{
    if (isTwilioApiHost(apiBaseUrl.host()))
        return forApi(apiBaseUrl);
    return apiBaseUrl;
}
