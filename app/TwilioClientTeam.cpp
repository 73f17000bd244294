// TwilioClient's requests for the team workspace: the account's Sync service and the team
// log's List, list items, and the API keys agents authenticate with.
#include "TwilioClient.h"

#include "TwilioClientCalls.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxListPageSize = 100;
constexpr int kMaxItemDataBytes = 16 * 1024; // Twilio Sync's item limit
constexpr int kMaxKeyNameLength = 64;

bool isKeySid(const QString &sid)
{
    static const QRegularExpression pattern(u"^SK[0-9a-fA-F]{32}$"_s);
    return pattern.match(sid).hasMatch();
}

} // namespace

QByteArray TwilioClient::listPath(const QString &serviceSid, const QString &list) const
{
    return "/v1/Services/" + TwilioUrl::segment(serviceSid) + "/Lists/" + TwilioUrl::segment(list);
}

std::optional<SyncService> TwilioClient::oldestNamed(const QList<SyncService> &services,
                                                     const QString &friendlyName)
{
    std::optional<SyncService> oldest;
    for (const SyncService &service : services) {
        if (service.friendlyName != friendlyName) {
            continue;
        }
        // Every desktop must settle on the same one: oldest first, the SID breaks ties.
        if (!oldest || service.dateCreated < oldest->dateCreated ||
            (service.dateCreated == oldest->dateCreated && service.sid < oldest->sid)) {
            oldest = service;
        }
    }
    return oldest;
}

void TwilioClient::findOrCreateSyncService(const QString &name, QObject *context,
                                           ProviderCallback<SyncService> done)
{
    if (name.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"A Sync service name is required"_s));
        return;
    }
    // A unique name addresses a service directly (Twilio's own "default" has one)...
    const QUrl byName =
        TwilioUrl::under(m_config.syncBaseUrl, "/v1/Services/" + TwilioUrl::segment(name));
    call<SyncService>(
        Method::Get, byName, {}, {}, context, &TwilioJson::service,
        [this, name, context, done](const ProviderResult<SyncService> &found) {
            if (found.ok() || found.error().httpStatus() != 404) {
                done(found);
                return;
            }
            // ...but ours were created over REST, which cannot set one: match friendly names.
            listSyncServices(context, [this, name, context,
                                       done](const ProviderResult<QList<SyncService>> &all) {
                if (!all.ok()) {
                    done(all.error());
                    return;
                }
                if (const std::optional<SyncService> service = oldestNamed(all.value(), name)) {
                    done(*service);
                    return;
                }
                createSyncService(name, context, done);
            });
        });
}

void TwilioClient::createSyncService(const QString &name, QObject *context,
                                     ProviderCallback<SyncService> done)
{
    call<SyncService>(
        Method::Post, TwilioUrl::under(m_config.syncBaseUrl, "/v1/Services"),
        TwilioUrl::formEncode({{u"FriendlyName"_s, name}}), {}, context, &TwilioJson::service,
        [this, name, context, done](const ProviderResult<SyncService> &created) {
            if (!created.ok()) {
                done(created);
                return;
            }
            // Another desktop may have created one at the same moment: read again and take
            // the oldest, as every desktop will.
            listSyncServices(context,
                             [name, created, done](const ProviderResult<QList<SyncService>> &all) {
                                 const std::optional<SyncService> oldest =
                                     all.ok() ? oldestNamed(all.value(), name) : std::nullopt;
                                 done(oldest ? ProviderResult<SyncService>(*oldest) : created);
                             });
        });
}

void TwilioClient::findOrCreateSyncList(const QString &serviceSid, const QString &uniqueName,
                                        QObject *context, ProviderCallback<SyncList> done)
{
    findOrCreateSyncObject(serviceSid, "Lists", uniqueName, context, std::move(done));
}

void TwilioClient::findOrCreateSyncMap(const QString &serviceSid, const QString &uniqueName,
                                       QObject *context, ProviderCallback<SyncList> done)
{
    findOrCreateSyncObject(serviceSid, "Maps", uniqueName, context, std::move(done));
}

void TwilioClient::findOrCreateSyncObject(const QString &serviceSid, const QByteArray &collection,
                                          const QString &uniqueName, QObject *context,
                                          ProviderCallback<SyncList> done)
{
    if (serviceSid.isEmpty() || uniqueName.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"A Sync service SID and a unique name are required (%1)"_s.arg(
                         QString::fromLatin1(collection))));
        return;
    }
    const QByteArray objects = "/v1/Services/" + TwilioUrl::segment(serviceSid) + '/' + collection;
    const QUrl url =
        TwilioUrl::under(m_config.syncBaseUrl, objects + '/' + TwilioUrl::segment(uniqueName));
    const QUrl create = TwilioUrl::under(m_config.syncBaseUrl, objects);
    call<SyncList>(
        Method::Get, url, {}, {}, context, &TwilioJson::syncList,
        [this, url, create, uniqueName, context, done](const ProviderResult<SyncList> &found) {
            if (found.ok() || found.error().httpStatus() != 404) {
                done(found);
                return;
            }
            call<SyncList>(
                Method::Post, create, TwilioUrl::formEncode({{u"UniqueName"_s, uniqueName}}), {},
                context, &TwilioJson::syncList,
                [this, url, context, done](const ProviderResult<SyncList> &created) {
                    if (created.ok() || created.error().httpStatus() != 409) {
                        done(created);
                        return;
                    }
                    // Another desktop created it between our read and our create.
                    call<SyncList>(Method::Get, url, {}, {}, context, &TwilioJson::syncList, done);
                });
        });
}

void TwilioClient::appendListItem(const QString &serviceSid, const QString &list,
                                  const QJsonObject &data, std::optional<int> itemTtlSeconds,
                                  QObject *context, ProviderCallback<SyncListItem> done)
{
    if (serviceSid.isEmpty() || list.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"A Sync service SID and a list are required"_s));
        return;
    }
    const QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact);
    if (json.size() > kMaxItemDataBytes) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"A list item holds at most 16 KiB of JSON (this one has %1 bytes)"_s.arg(
                         json.size())));
        return;
    }
    if (itemTtlSeconds && *itemTtlSeconds < 0) {
        failSoon(context, done, ProviderError::invalidRequest(u"An item TTL cannot be negative"_s));
        return;
    }
    TwilioUrl::Fields form{{u"Data"_s, QString::fromUtf8(json)}};
    if (itemTtlSeconds) {
        form.append({u"ItemTtl"_s, QString::number(*itemTtlSeconds)});
    }
    call<SyncListItem>(
        Method::Post, TwilioUrl::under(m_config.syncBaseUrl, listPath(serviceSid, list) + "/Items"),
        TwilioUrl::formEncode(form), {}, context, &TwilioJson::listItem, std::move(done));
}

void TwilioClient::listListItems(const QString &serviceSid, const QString &list,
                                 const ListItemQuery &query, QObject *context,
                                 ProviderCallback<SyncListItemPage> done)
{
    if (serviceSid.isEmpty() || list.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"A Sync service SID and a list are required"_s));
        return;
    }
    if (query.pageSize < 0 || query.pageSize > kMaxListPageSize ||
        (query.from && *query.from < 0)) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"The page size must be 1 to %1 and From a list item index"_s.arg(
                         kMaxListPageSize)));
        return;
    }
    TwilioUrl::Fields fields;
    if (query.order != ListItemQuery::Order::Default) {
        fields.append(
            {u"Order"_s, query.order == ListItemQuery::Order::Ascending ? u"asc"_s : u"desc"_s});
    }
    if (query.from) {
        fields.append({u"From"_s, QString::number(*query.from)});
    }
    if (query.bounds != ListItemQuery::Bounds::Default) {
        fields.append({u"Bounds"_s, query.bounds == ListItemQuery::Bounds::Inclusive
                                        ? u"inclusive"_s
                                        : u"exclusive"_s});
    }
    if (query.pageSize > 0) {
        fields.append({u"PageSize"_s, QString::number(query.pageSize)});
    }
    const QUrl url =
        TwilioUrl::under(m_config.syncBaseUrl, listPath(serviceSid, list) + "/Items", fields);
    call<SyncListItemPage>(Method::Get, url, {}, {}, context, &TwilioJson::listItemPage,
                           std::move(done));
}

void TwilioClient::nextListItemPage(const QString &nextPageUrl, QObject *context,
                                    ProviderCallback<SyncListItemPage> done)
{
    const std::optional<QUrl> url = TwilioUrl::rebase(m_config.syncBaseUrl, nextPageUrl);
    if (!url) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"Unusable next page URL: %1"_s.arg(nextPageUrl)));
        return;
    }
    call<SyncListItemPage>(Method::Get, *url, {}, {}, context, &TwilioJson::listItemPage,
                           std::move(done));
}

void TwilioClient::createApiKey(const QString &friendlyName, QObject *context,
                                ProviderCallback<NewApiKey> done)
{
    if (friendlyName.size() > kMaxKeyNameLength) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"A key's name may have up to %1 characters"_s.arg(kMaxKeyNameLength)));
        return;
    }
    call<NewApiKey>(Method::Post,
                    TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/Keys.json"),
                    TwilioUrl::formEncode({{u"FriendlyName"_s, friendlyName}}), {}, context,
                    &TwilioJson::newApiKey, std::move(done));
}

void TwilioClient::listApiKeys(QObject *context, ProviderCallback<QList<ApiKey>> done)
{
    const QUrl first = TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/Keys.json",
                                        {{u"PageSize"_s, u"1000"_s}});
    collectPages<ApiKey>(m_config.apiBaseUrl, first, &TwilioJson::apiKeyPage, context, {},
                         TwilioClientLimits::kMaxPages, std::move(done));
}

void TwilioClient::deleteApiKey(const QString &keySid, QObject *context,
                                ProviderCallback<ProviderDone> done)
{
    if (!isKeySid(keySid)) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not an API key SID (SK and 32 hexadecimal digits)"_s.arg(keySid)));
        return;
    }
    const QUrl url = TwilioUrl::under(
        m_config.apiBaseUrl, accountPath() + "/Keys/" + TwilioUrl::segment(keySid) + ".json");
    sendDelete(url, {}, context, std::move(done));
}
