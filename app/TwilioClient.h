// ProviderClient over Twilio's REST wire format (2010 API, Lookup v2, Sync v1), for the real
// service and for the sandbox alike. Parsing lives in TwilioJson, HTTP in TwilioTransport.
#pragma once

#include "AccountConfig.h"
#include "ApiKeyCredentials.h"
#include "ProviderClient.h"
#include "TwilioTransport.h"

#include <chrono>
#include <functional>
#include <optional>

class MediaDownloader;
class QNetworkAccessManager;

class TwilioClient : public ProviderClient
{
    Q_OBJECT

public:
    // `network` must outlive the client. An invalid `config` makes every request fail with
    // an InvalidRequest error carrying AccountConfig::validationErrors().
    TwilioClient(QNetworkAccessManager *network, const AccountConfig &config,
                 const QString &authToken, QObject *parent = nullptr);
    // Authenticates with an API key (SK… and its secret) on the same account's URLs.
    TwilioClient(QNetworkAccessManager *network, const AccountConfig &config,
                 const ApiKeyCredentials &key, QObject *parent = nullptr);
    ~TwilioClient() override;

    const AccountConfig &config() const { return m_config; }
    // How long a request may go without receiving data; default 30 s.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;
    int pendingRequests() const;

    void testConnection(QObject *context, ProviderCallback<ProviderAccount> done) override;
    void sendMessage(const QString &from, const QString &to, const QString &body, QObject *context,
                     ProviderCallback<ProviderMessage> done) override;
    void fetchMessage(const QString &messageSid, QObject *context,
                      ProviderCallback<ProviderMessage> done) override;
    void listMessages(const MessageFilter &filter, QObject *context,
                      ProviderCallback<MessagePage> done) override;
    void nextMessagePage(const QString &nextPageUri, QObject *context,
                         ProviderCallback<MessagePage> done) override;
    void listIncomingNumbers(QObject *context,
                             ProviderCallback<QList<ProviderNumber>> done) override;
    void listShortCodes(QObject *context, ProviderCallback<QList<ProviderNumber>> done) override;
    void lookupLineType(const QString &e164, QObject *context,
                        ProviderCallback<LineTypeLookup> done) override;
    void listSyncServices(QObject *context, ProviderCallback<QList<SyncService>> done) override;
    void listMapItems(const QString &serviceSid, const QString &map, const MapItemQuery &query,
                      QObject *context, ProviderCallback<SyncMapItemPage> done) override;
    void nextMapItemPage(const QString &nextPageUrl, QObject *context,
                         ProviderCallback<SyncMapItemPage> done) override;
    void fetchMapItem(const QString &serviceSid, const QString &map, const QString &key,
                      QObject *context, ProviderCallback<SyncMapItem> done) override;
    using ProviderClient::createMapItem;
    void createMapItem(const QString &serviceSid, const QString &map, const QString &key,
                       const QJsonObject &data, std::optional<int> itemTtlSeconds, QObject *context,
                       ProviderCallback<SyncMapItem> done) override;
    using ProviderClient::updateMapItem;
    void updateMapItem(const QString &serviceSid, const QString &map, const QString &key,
                       const QJsonObject &data, const QString &ifMatchRevision,
                       std::optional<int> itemTtlSeconds, QObject *context,
                       ProviderCallback<SyncMapItem> done) override;
    void deleteMapItem(const QString &serviceSid, const QString &map, const QString &key,
                       const QString &ifMatchRevision, QObject *context,
                       ProviderCallback<ProviderDone> done) override;
    void findOrCreateSyncService(const QString &name, QObject *context,
                                 ProviderCallback<SyncService> done) override;
    void findOrCreateSyncList(const QString &serviceSid, const QString &uniqueName,
                              QObject *context, ProviderCallback<SyncList> done) override;
    void findOrCreateSyncMap(const QString &serviceSid, const QString &uniqueName, QObject *context,
                             ProviderCallback<SyncList> done) override;
    void appendListItem(const QString &serviceSid, const QString &list, const QJsonObject &data,
                        std::optional<int> itemTtlSeconds, QObject *context,
                        ProviderCallback<SyncListItem> done) override;
    void listListItems(const QString &serviceSid, const QString &list, const ListItemQuery &query,
                       QObject *context, ProviderCallback<SyncListItemPage> done) override;
    void nextListItemPage(const QString &nextPageUrl, QObject *context,
                          ProviderCallback<SyncListItemPage> done) override;
    void createApiKey(const QString &friendlyName, QObject *context,
                      ProviderCallback<NewApiKey> done) override;
    void listApiKeys(QObject *context, ProviderCallback<QList<ApiKey>> done) override;
    void deleteApiKey(const QString &keySid, QObject *context,
                      ProviderCallback<ProviderDone> done) override;
    // TwilioClientMessaging.cpp: Messaging Services and SendAt scheduling.
    void sendMessageWithOptions(const QString &from, const QString &to, const QString &body,
                                const MessageSendOptions &options, QObject *context,
                                ProviderCallback<ProviderMessage> done) override;
    void cancelScheduledMessage(const QString &messageSid, QObject *context,
                                ProviderCallback<ProviderMessage> done) override;
    void listMessagingServices(QObject *context,
                               ProviderCallback<QList<MessagingService>> done) override;
    // TwilioClientMedia.cpp: a message's Media list and media content.
    void listMedia(const QString &messageSid, QObject *context,
                   ProviderCallback<QList<ProviderMedia>> done) override;
    void downloadMedia(const QString &contentUri, qint64 maxBytes, QObject *context,
                       ProviderCallback<MediaContent> done) override;
    void cancelAll() override;
    std::optional<qint64> providerClockOffsetMs() const override;

private:
    // user:password of Basic auth; `credentialError` is why they cannot be used, if so.
    TwilioClient(QNetworkAccessManager *network, const AccountConfig &config, const QString &user,
                 const QString &password, const QString &credentialError, QObject *parent);

    using Method = TwilioTransport::Method;
    template<typename T>
    using Parser = std::function<ProviderResult<T>(const QJsonObject &)>;

    template<typename T>
    void call(Method method, const QUrl &url, const QByteArray &form,
              const TwilioTransport::Headers &headers, QObject *context, Parser<T> parse,
              ProviderCallback<T> done);
    template<typename T>
    void collectPages(const QUrl &base, const QUrl &url, Parser<ProviderPage<T>> parse,
                      QObject *context, QList<T> collected, int pagesLeft,
                      ProviderCallback<QList<T>> done);
    template<typename T>
    void failSoon(QObject *context, const ProviderCallback<T> &done, const ProviderError &error);

    // A request answered with 204 No Content (deletes): nothing to parse.
    void sendDelete(const QUrl &url, const TwilioTransport::Headers &headers, QObject *context,
                    ProviderCallback<ProviderDone> done);
    // The oldest service with that friendly name among `services`, else nullopt.
    static std::optional<SyncService> oldestNamed(const QList<SyncService> &services,
                                                  const QString &friendlyName);
    void createSyncService(const QString &name, QObject *context,
                           ProviderCallback<SyncService> done);
    QByteArray listPath(const QString &serviceSid, const QString &list) const;
    // A List or Map ("Lists", "Maps": the same resource shape) by unique name, created when
    // missing; a create that loses a race with another desktop's reads the winner's.
    void findOrCreateSyncObject(const QString &serviceSid, const QByteArray &collection,
                                const QString &uniqueName, QObject *context,
                                ProviderCallback<SyncList> done);
    QByteArray accountPath() const;
    void addPoolSenders(QList<MessagingService> services, qsizetype next, QObject *context,
                        ProviderCallback<QList<MessagingService>> done);
    QByteArray itemsPath(const QString &serviceSid, const QString &map) const;
    std::optional<ProviderError> mapItemInputError(const QString &serviceSid, const QString &map,
                                                   const QString &key) const;

    AccountConfig m_config;
    QString m_configError;
    bool m_apiKey = false; // authenticating with a Standard API key, not the Auth Token
    TwilioTransport *m_transport;
    MediaDownloader *m_media;
};
