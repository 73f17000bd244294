// TwilioClient's MMS media: a message's Media list (2010 API, paged like every list) and the
// content of each item, fetched with the account's credentials (MediaDownloader).
#include "MediaDownloader.h"
#include "TwilioClientCalls.h"
#include "TwilioMediaJson.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

void TwilioClient::listMedia(const QString &messageSid, QObject *context,
                             ProviderCallback<QList<ProviderMedia>> done)
{
    static const QRegularExpression sidPattern(u"^(SM|MM)[0-9a-fA-F]{32}$"_s);
    if (!sidPattern.match(messageSid).hasMatch()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not a message SID (SM or MM and 32 hexadecimal digits)"_s.arg(
                         messageSid)));
        return;
    }
    const QUrl first = TwilioUrl::under(m_config.apiBaseUrl,
                                        accountPath() + "/Messages/" +
                                            TwilioUrl::segment(messageSid) + "/Media.json",
                                        {{u"PageSize"_s, u"100"_s}});
    collectPages<ProviderMedia>(m_config.apiBaseUrl, first, &TwilioMediaJson::mediaPage, context,
                                {}, TwilioClientLimits::kMaxPages, std::move(done));
}

void TwilioClient::downloadMedia(const QString &contentUri, qint64 maxBytes, QObject *context,
                                 ProviderCallback<MediaContent> done)
{
    if (!m_configError.isEmpty()) {
        failSoon(context, done, ProviderError::invalidRequest(m_configError));
        return;
    }
    // Only a path under this account's resources: a listed uri is never followed elsewhere.
    const QByteArray prefix = accountPath() + "/Messages/";
    const std::optional<QUrl> url = TwilioUrl::rebase(m_config.apiBaseUrl, contentUri);
    if (!contentUri.startsWith(QString::fromLatin1(prefix)) || !url) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not a media content URI of this account"_s.arg(contentUri)));
        return;
    }
    m_media->download(*url, maxBytes, context, std::move(done));
}
