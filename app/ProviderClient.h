// The SMS provider as the rest of the app sees it. TwilioClient implements it over Twilio's
// REST wire format; tests may substitute their own.
//
// Every method is asynchronous and returns at once. Its callback runs later on the client's
// thread, exactly once, unless `context` was destroyed first (then never). `context` must not
// be null. Requests are not retried here: the caller decides, using
// ProviderError::isTransient() and ProviderError::responseMayBeLost().
#pragma once

#include "ApiKey.h"
#include "LineTypeLookup.h"
#include "ListItemQuery.h"
#include "MapItemQuery.h"
#include "MediaContent.h"
#include "MessageFilter.h"
#include "MessageSendOptions.h"
#include "MessagingService.h"
#include "NewApiKey.h"
#include "ProviderAccount.h"
#include "ProviderMedia.h"
#include "ProviderMessage.h"
#include "ProviderNumber.h"
#include "ProviderPage.h"
#include "ProviderResult.h"
#include "SyncList.h"
#include "SyncListItem.h"
#include "SyncMapItem.h"
#include "SyncService.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

using MessagePage = ProviderPage<ProviderMessage>;
using SyncMapItemPage = ProviderPage<SyncMapItem>;
using SyncListItemPage = ProviderPage<SyncListItem>;

class ProviderClient : public QObject
{
    Q_OBJECT

public:
    explicit ProviderClient(QObject *parent = nullptr);
    ~ProviderClient() override;

    // Fetches the account: proves the Account SID and Auth Token work. With an API key, which
    // may not read the Account resource, proves the key on the account's numbers instead and
    // answers only the SID.
    virtual void testConnection(QObject *context, ProviderCallback<ProviderAccount> done) = 0;

    virtual void sendMessage(const QString &from, const QString &to, const QString &body,
                             QObject *context, ProviderCallback<ProviderMessage> done) = 0;
    virtual void fetchMessage(const QString &messageSid, QObject *context,
                              ProviderCallback<ProviderMessage> done) = 0;
    // One page, newest first as the provider orders it.
    virtual void listMessages(const MessageFilter &filter, QObject *context,
                              ProviderCallback<MessagePage> done) = 0;
    virtual void nextMessagePage(const QString &nextPageUri, QObject *context,
                                 ProviderCallback<MessagePage> done) = 0;

    // All pages.
    virtual void listIncomingNumbers(QObject *context,
                                     ProviderCallback<QList<ProviderNumber>> done) = 0;
    virtual void listShortCodes(QObject *context, ProviderCallback<QList<ProviderNumber>> done) = 0;

    virtual void lookupLineType(const QString &e164, QObject *context,
                                ProviderCallback<LineTypeLookup> done) = 0;

    // All pages.
    virtual void listSyncServices(QObject *context, ProviderCallback<QList<SyncService>> done) = 0;
    // `map` is the map's SID (MP…) or unique name.
    virtual void listMapItems(const QString &serviceSid, const QString &map,
                              const MapItemQuery &query, QObject *context,
                              ProviderCallback<SyncMapItemPage> done) = 0;
    virtual void nextMapItemPage(const QString &nextPageUrl, QObject *context,
                                 ProviderCallback<SyncMapItemPage> done) = 0;
    virtual void fetchMapItem(const QString &serviceSid, const QString &map, const QString &key,
                              QObject *context, ProviderCallback<SyncMapItem> done) = 0;
    // Fails with HTTP 409 / Twilio 54208 when the key exists. `itemTtlSeconds`: the item
    // expires and is deleted after that long (Twilio's ItemTtl); unset = never.
    virtual void createMapItem(const QString &serviceSid, const QString &map, const QString &key,
                               const QJsonObject &data, std::optional<int> itemTtlSeconds,
                               QObject *context, ProviderCallback<SyncMapItem> done) = 0;
    void createMapItem(const QString &serviceSid, const QString &map, const QString &key,
                       const QJsonObject &data, QObject *context,
                       ProviderCallback<SyncMapItem> done)
    {
        createMapItem(serviceSid, map, key, data, std::nullopt, context, std::move(done));
    }
    // With a non-empty ifMatchRevision, fails with HTTP 412 / Twilio 54205 when the item
    // changed since that revision. A set `itemTtlSeconds` restarts the item's time to live
    // from now (a heartbeat); unset leaves its expiry as it was.
    virtual void updateMapItem(const QString &serviceSid, const QString &map, const QString &key,
                               const QJsonObject &data, const QString &ifMatchRevision,
                               std::optional<int> itemTtlSeconds, QObject *context,
                               ProviderCallback<SyncMapItem> done) = 0;
    void updateMapItem(const QString &serviceSid, const QString &map, const QString &key,
                       const QJsonObject &data, const QString &ifMatchRevision, QObject *context,
                       ProviderCallback<SyncMapItem> done)
    {
        updateMapItem(serviceSid, map, key, data, ifMatchRevision, std::nullopt, context,
                      std::move(done));
    }
    virtual void deleteMapItem(const QString &serviceSid, const QString &map, const QString &key,
                               const QString &ifMatchRevision, QObject *context,
                               ProviderCallback<ProviderDone> done) = 0;

    // The team workspace's service: the one whose unique name is `name` (Twilio's default
    // service is "default"), else the oldest whose friendly name is `name`, else a new one
    // with that friendly name. Twilio's REST API cannot set a service's unique name, so two
    // desktops creating at once may make two; every desktop then settles on the oldest.
    virtual void findOrCreateSyncService(const QString &name, QObject *context,
                                         ProviderCallback<SyncService> done) = 0;
    // The list with that unique name, created when missing (a create that loses a race with
    // another desktop's fetches the winner's list).
    virtual void findOrCreateSyncList(const QString &serviceSid, const QString &uniqueName,
                                      QObject *context, ProviderCallback<SyncList> done) = 0;
    // Appends `data` (a JSON object of at most 16 KiB) and answers the item with its index.
    // `itemTtlSeconds`: the item expires and is deleted after that long; unset = never.
    virtual void appendListItem(const QString &serviceSid, const QString &list,
                                const QJsonObject &data, std::optional<int> itemTtlSeconds,
                                QObject *context, ProviderCallback<SyncListItem> done) = 0;
    // The map with that unique name, created when missing (a create that loses a race with
    // another desktop's fetches the winner's map). A map resource has a list's fields.
    virtual void findOrCreateSyncMap(const QString &serviceSid, const QString &uniqueName,
                                     QObject *context, ProviderCallback<SyncList> done) = 0;
    // `list` is the list's SID (ES…) or unique name.
    virtual void listListItems(const QString &serviceSid, const QString &list,
                               const ListItemQuery &query, QObject *context,
                               ProviderCallback<SyncListItemPage> done) = 0;
    virtual void nextListItemPage(const QString &nextPageUrl, QObject *context,
                                  ProviderCallback<SyncListItemPage> done) = 0;

    // API keys (Twilio's Standard keys; creating, listing and deleting them needs the Auth
    // Token or a Main key, so a client configured with a Standard key gets Auth errors).
    // The answer holds the secret, shown this once.
    virtual void createApiKey(const QString &friendlyName, QObject *context,
                              ProviderCallback<NewApiKey> done) = 0;
    // All pages.
    virtual void listApiKeys(QObject *context, ProviderCallback<QList<ApiKey>> done) = 0;
    virtual void deleteApiKey(const QString &keySid, QObject *context,
                              ProviderCallback<ProviderDone> done) = 0;

    // Messaging Services and provider-side scheduling. Not pure: a provider without them (a
    // test double) answers InvalidRequest. `from` may be empty when `options` names a
    // service (its pool picks the sender; the answer's `from` is then empty, status
    // "accepted" or "scheduled").
    virtual void sendMessageWithOptions(const QString &from, const QString &to, const QString &body,
                                        const MessageSendOptions &options, QObject *context,
                                        ProviderCallback<ProviderMessage> done);
    // Status=canceled on a scheduled message; Twilio answers 30409 for any other.
    virtual void cancelScheduledMessage(const QString &messageSid, QObject *context,
                                        ProviderCallback<ProviderMessage> done);
    // All pages; each service with its sender pool's phone numbers.
    virtual void listMessagingServices(QObject *context,
                                       ProviderCallback<QList<MessagingService>> done);

    // MMS media (ProviderClientMedia.cpp). Not pure: a provider without them answers
    // InvalidRequest. A message's Media list, all pages:
    virtual void listMedia(const QString &messageSid, QObject *context,
                           ProviderCallback<QList<ProviderMedia>> done);
    // The bytes at a media's content URI (ProviderMedia::contentUri(), relative to the API
    // host), with the account's credentials; more than maxBytes is answered as tooLarge.
    virtual void downloadMedia(const QString &contentUri, qint64 maxBytes, QObject *context,
                               ProviderCallback<MediaContent> done);

    // Aborts every request in flight; their callbacks get a Cancelled error.
    virtual void cancelAll() = 0;

    // The provider's clock minus ours (from its answers' Date header), when known: the send
    // reconciler judges provider timestamps with it.
    virtual std::optional<qint64> providerClockOffsetMs() const { return std::nullopt; }
};
