#include "TwilioClient.h"

#include "MediaDownloader.h"

#include "AppLogging.h"
#include "TwilioClientCalls.h"
#include "TwilioJson.h"
#include "TwilioUrl.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxMapKeyLength = 256;

QString isoDay(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

TwilioClient::TwilioClient(QNetworkAccessManager *network, const AccountConfig &config,
                           const QString &authToken, QObject *parent)
    : TwilioClient(network, config, config.accountSid, authToken,
                   authToken.isEmpty() ? u"The Auth Token is empty."_s : QString(), parent)
{}

TwilioClient::TwilioClient(QNetworkAccessManager *network, const AccountConfig &config,
                           const ApiKeyCredentials &key, QObject *parent)
    : TwilioClient(network, config, key.keySid, key.keySecret,
                   !QRegularExpression(u"^SK[0-9a-fA-F]{32}$"_s).match(key.keySid).hasMatch()
                       ? u"The API key SID must be SK and 32 hexadecimal digits."_s
                   : key.keySecret.isEmpty() ? u"The API key secret is empty."_s
                                             : QString(),
                   parent)
{
    m_apiKey = true;
}

TwilioClient::TwilioClient(QNetworkAccessManager *network, const AccountConfig &config,
                           const QString &user, const QString &password,
                           const QString &credentialError, QObject *parent)
    : ProviderClient(parent)
    , m_config(config)
    , m_configError(config.validationErrors().join(u' '))
    , m_transport(new TwilioTransport(network, user, password, this))
    , m_media(new MediaDownloader(network, "Basic " + (user + u':' + password).toUtf8().toBase64(),
                                  this))
{
    if (m_configError.isEmpty()) {
        m_configError = credentialError;
    }
    if (!m_configError.isEmpty()) {
        qCWarning(lcProvider).noquote() << "Unusable account configuration:" << m_configError;
    }
}

TwilioClient::~TwilioClient() = default;

void TwilioClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_transport->setTimeout(timeout);
    m_media->setTimeout(timeout);
}

std::chrono::milliseconds TwilioClient::timeout() const
{
    return m_transport->timeout();
}

int TwilioClient::pendingRequests() const
{
    return m_transport->pendingCount();
}

void TwilioClient::cancelAll()
{
    m_transport->cancelAll();
}

QByteArray TwilioClient::accountPath() const
{
    return "/2010-04-01/Accounts/" + TwilioUrl::segment(m_config.accountSid);
}

QByteArray TwilioClient::itemsPath(const QString &serviceSid, const QString &map) const
{
    return "/v1/Services/" + TwilioUrl::segment(serviceSid) + "/Maps/" + TwilioUrl::segment(map) +
           "/Items";
}

std::optional<ProviderError> TwilioClient::mapItemInputError(const QString &serviceSid,
                                                             const QString &map,
                                                             const QString &key) const
{
    if (serviceSid.isEmpty() || map.isEmpty()) {
        return ProviderError::invalidRequest(u"A Sync service SID and a map are required"_s);
    }
    if (key.isEmpty() || key.size() > kMaxMapKeyLength) {
        return ProviderError::invalidRequest(
            u"A map item key must have 1 to %1 characters (this one has %2)"_s.arg(kMaxMapKeyLength)
                .arg(key.size()));
    }
    return std::nullopt;
}

void TwilioClient::testConnection(QObject *context, ProviderCallback<ProviderAccount> done)
{
    const QString expectedSid = m_config.accountSid;
    if (m_apiKey) {
        // A Standard key may not read the Account resource (401/20003): prove the key on a
        // resource it can read, and answer with what is known of the account.
        call<ProviderAccount>(
            Method::Get,
            TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/IncomingPhoneNumbers.json",
                             {{u"PageSize"_s, u"1"_s}}),
            {}, {}, context,
            [expectedSid](const QJsonObject &) -> ProviderResult<ProviderAccount> {
                ProviderAccount account;
                account.sid = expectedSid;
                return account;
            },
            std::move(done));
        return;
    }
    call<ProviderAccount>(
        Method::Get, TwilioUrl::under(m_config.apiBaseUrl, accountPath() + ".json"), {}, {},
        context,
        [expectedSid](const QJsonObject &json) -> ProviderResult<ProviderAccount> {
            ProviderResult<ProviderAccount> account = TwilioJson::account(json);
            if (account.ok() && account.value().sid != expectedSid) {
                return ProviderError::parse(
                    u"The provider answered for account %1 instead of %2"_s.arg(account.value().sid,
                                                                                expectedSid),
                    200, false);
            }
            return account;
        },
        std::move(done));
}

void TwilioClient::sendMessage(const QString &from, const QString &to, const QString &body,
                               QObject *context, ProviderCallback<ProviderMessage> done)
{
    if (from.isEmpty() || to.isEmpty() || body.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     from.isEmpty() ? u"A message needs a sender number (From)"_s
                     : to.isEmpty() ? u"A message needs a recipient number (To)"_s
                                    : u"A message needs a body"_s));
        return;
    }
    const QByteArray form =
        TwilioUrl::formEncode({{u"To"_s, to}, {u"From"_s, from}, {u"Body"_s, body}});
    call<ProviderMessage>(Method::Post,
                          TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/Messages.json"),
                          form, {}, context, &TwilioJson::message, std::move(done));
}

void TwilioClient::fetchMessage(const QString &messageSid, QObject *context,
                                ProviderCallback<ProviderMessage> done)
{
    static const QRegularExpression sidPattern(u"^(SM|MM)[0-9a-fA-F]{32}$"_s);
    if (!sidPattern.match(messageSid).hasMatch()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not a message SID (SM or MM and 32 hexadecimal digits)"_s.arg(
                         messageSid)));
        return;
    }
    const QByteArray path = accountPath() + "/Messages/" + TwilioUrl::segment(messageSid) + ".json";
    call<ProviderMessage>(Method::Get, TwilioUrl::under(m_config.apiBaseUrl, path), {}, {}, context,
                          &TwilioJson::message, std::move(done));
}

void TwilioClient::listMessages(const MessageFilter &filter, QObject *context,
                                ProviderCallback<MessagePage> done)
{
    TwilioUrl::Fields query;
    if (!filter.to.isEmpty()) {
        query.append({u"To"_s, filter.to});
    }
    if (!filter.from.isEmpty()) {
        query.append({u"From"_s, filter.from});
    }
    if (filter.dateSent) {
        query.append({u"DateSent"_s, isoDay(*filter.dateSent)});
    }
    if (filter.dateSentBefore) {
        query.append({u"DateSent<"_s, isoDay(*filter.dateSentBefore)});
    }
    if (filter.dateSentAfter) {
        query.append({u"DateSent>"_s, isoDay(*filter.dateSentAfter)});
    }
    if (filter.pageSize < 0 || filter.pageSize > 1000) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"The page size must be 1 to 1000 (was %1)"_s.arg(filter.pageSize)));
        return;
    }
    if (filter.pageSize > 0) {
        query.append({u"PageSize"_s, QString::number(filter.pageSize)});
    }
    call<MessagePage>(
        Method::Get, TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/Messages.json", query),
        {}, {}, context, &TwilioJson::messagePage, std::move(done));
}

void TwilioClient::nextMessagePage(const QString &nextPageUri, QObject *context,
                                   ProviderCallback<MessagePage> done)
{
    const std::optional<QUrl> url = TwilioUrl::rebase(m_config.apiBaseUrl, nextPageUri);
    if (!url) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"Unusable next page URI: %1"_s.arg(nextPageUri)));
        return;
    }
    call<MessagePage>(Method::Get, *url, {}, {}, context, &TwilioJson::messagePage,
                      std::move(done));
}

void TwilioClient::listIncomingNumbers(QObject *context,
                                       ProviderCallback<QList<ProviderNumber>> done)
{
    const QUrl first =
        TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/IncomingPhoneNumbers.json",
                         {{u"PageSize"_s, u"1000"_s}});
    collectPages<ProviderNumber>(m_config.apiBaseUrl, first, &TwilioJson::incomingNumberPage,
                                 context, {}, TwilioClientLimits::kMaxPages, std::move(done));
}

void TwilioClient::listShortCodes(QObject *context, ProviderCallback<QList<ProviderNumber>> done)
{
    const QUrl first = TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/SMS/ShortCodes.json",
                                        {{u"PageSize"_s, u"1000"_s}});
    collectPages<ProviderNumber>(m_config.apiBaseUrl, first, &TwilioJson::shortCodePage, context,
                                 {}, TwilioClientLimits::kMaxPages, std::move(done));
}

void TwilioClient::lookupLineType(const QString &e164, QObject *context,
                                  ProviderCallback<LineTypeLookup> done)
{
    static const QRegularExpression e164Pattern(u"^\\+[1-9][0-9]{1,14}$"_s);
    if (!e164Pattern.match(e164).hasMatch()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not an E.164 number (+ and up to 15 digits)"_s.arg(e164)));
        return;
    }
    const QUrl url =
        TwilioUrl::under(m_config.lookupBaseUrl, "/v2/PhoneNumbers/" + TwilioUrl::segment(e164),
                         {{u"Fields"_s, u"line_type_intelligence"_s}});
    call<LineTypeLookup>(Method::Get, url, {}, {}, context, &TwilioJson::lineTypeLookup,
                         std::move(done));
}

void TwilioClient::listSyncServices(QObject *context, ProviderCallback<QList<SyncService>> done)
{
    const QUrl first =
        TwilioUrl::under(m_config.syncBaseUrl, "/v1/Services", {{u"PageSize"_s, u"100"_s}});
    collectPages<SyncService>(m_config.syncBaseUrl, first, &TwilioJson::servicePage, context, {},
                              TwilioClientLimits::kMaxPages, std::move(done));
}

void TwilioClient::listMapItems(const QString &serviceSid, const QString &map,
                                const MapItemQuery &query, QObject *context,
                                ProviderCallback<SyncMapItemPage> done)
{
    if (serviceSid.isEmpty() || map.isEmpty()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"A Sync service SID and a map are required"_s));
        return;
    }
    if (query.pageSize < 0 || query.pageSize > 100) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"The page size must be 1 to 100 (was %1)"_s.arg(query.pageSize)));
        return;
    }
    TwilioUrl::Fields fields;
    if (query.order != MapItemQuery::Order::Default) {
        fields.append(
            {u"Order"_s, query.order == MapItemQuery::Order::Ascending ? u"asc"_s : u"desc"_s});
    }
    if (!query.from.isEmpty()) {
        fields.append({u"From"_s, query.from});
    }
    if (query.bounds != MapItemQuery::Bounds::Default) {
        fields.append({u"Bounds"_s, query.bounds == MapItemQuery::Bounds::Inclusive
                                        ? u"inclusive"_s
                                        : u"exclusive"_s});
    }
    if (query.pageSize > 0) {
        fields.append({u"PageSize"_s, QString::number(query.pageSize)});
    }
    call<SyncMapItemPage>(
        Method::Get, TwilioUrl::under(m_config.syncBaseUrl, itemsPath(serviceSid, map), fields), {},
        {}, context, &TwilioJson::mapItemPage, std::move(done));
}

void TwilioClient::nextMapItemPage(const QString &nextPageUrl, QObject *context,
                                   ProviderCallback<SyncMapItemPage> done)
{
    const std::optional<QUrl> url = TwilioUrl::rebase(m_config.syncBaseUrl, nextPageUrl);
    if (!url) {
        failSoon(context, done,
                 ProviderError::invalidRequest(u"Unusable next page URL: %1"_s.arg(nextPageUrl)));
        return;
    }
    call<SyncMapItemPage>(Method::Get, *url, {}, {}, context, &TwilioJson::mapItemPage,
                          std::move(done));
}

void TwilioClient::fetchMapItem(const QString &serviceSid, const QString &map, const QString &key,
                                QObject *context, ProviderCallback<SyncMapItem> done)
{
    if (const auto error = mapItemInputError(serviceSid, map, key)) {
        failSoon(context, done, *error);
        return;
    }
    const QUrl url = TwilioUrl::under(m_config.syncBaseUrl,
                                      itemsPath(serviceSid, map) + '/' + TwilioUrl::segment(key));
    call<SyncMapItem>(Method::Get, url, {}, {}, context, &TwilioJson::mapItem, std::move(done));
}

void TwilioClient::createMapItem(const QString &serviceSid, const QString &map, const QString &key,
                                 const QJsonObject &data, std::optional<int> itemTtlSeconds,
                                 QObject *context, ProviderCallback<SyncMapItem> done)
{
    if (const auto error = mapItemInputError(serviceSid, map, key)) {
        failSoon(context, done, *error);
        return;
    }
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    TwilioUrl::Fields fields{{u"Key"_s, key}, {u"Data"_s, json}};
    if (itemTtlSeconds)
        fields.append({u"ItemTtl"_s, QString::number(*itemTtlSeconds)});
    const QByteArray form = TwilioUrl::formEncode(fields);
    call<SyncMapItem>(Method::Post,
                      TwilioUrl::under(m_config.syncBaseUrl, itemsPath(serviceSid, map)), form, {},
                      context, &TwilioJson::mapItem, std::move(done));
}

void TwilioClient::updateMapItem(const QString &serviceSid, const QString &map, const QString &key,
                                 const QJsonObject &data, const QString &ifMatchRevision,
                                 std::optional<int> itemTtlSeconds, QObject *context,
                                 ProviderCallback<SyncMapItem> done)
{
    if (const auto error = mapItemInputError(serviceSid, map, key)) {
        failSoon(context, done, *error);
        return;
    }
    const QString json = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    TwilioTransport::Headers headers;
    if (!ifMatchRevision.isEmpty()) {
        headers.append({"If-Match", ifMatchRevision.toUtf8()});
    }
    const QUrl url = TwilioUrl::under(m_config.syncBaseUrl,
                                      itemsPath(serviceSid, map) + '/' + TwilioUrl::segment(key));
    TwilioUrl::Fields fields{{u"Data"_s, json}};
    if (itemTtlSeconds)
        fields.append({u"ItemTtl"_s, QString::number(*itemTtlSeconds)});
    call<SyncMapItem>(Method::Post, url, TwilioUrl::formEncode(fields), headers, context,
                      &TwilioJson::mapItem, std::move(done));
}

void TwilioClient::deleteMapItem(const QString &serviceSid, const QString &map, const QString &key,
                                 const QString &ifMatchRevision, QObject *context,
                                 ProviderCallback<ProviderDone> done)
{
    if (const auto error = mapItemInputError(serviceSid, map, key)) {
        failSoon(context, done, *error);
        return;
    }
    TwilioTransport::Headers headers;
    if (!ifMatchRevision.isEmpty()) {
        headers.append({"If-Match", ifMatchRevision.toUtf8()});
    }
    const QUrl url = TwilioUrl::under(m_config.syncBaseUrl,
                                      itemsPath(serviceSid, map) + '/' + TwilioUrl::segment(key));
    sendDelete(url, headers, context, std::move(done));
}

void TwilioClient::sendDelete(const QUrl &url, const TwilioTransport::Headers &headers,
                              QObject *context, ProviderCallback<ProviderDone> done)
{
    if (!m_configError.isEmpty()) {
        failSoon(context, done, ProviderError::invalidRequest(m_configError));
        return;
    }
    // 204 No Content: there is no body to parse.
    m_transport->send(
        Method::Delete, url, {}, headers, context,
        [done = std::move(done)](const ProviderResult<TwilioTransport::Response> &response) {
            if (response.ok()) {
                done(ProviderDone{});
            } else {
                done(response.error());
            }
        });
}

std::optional<qint64> TwilioClient::providerClockOffsetMs() const
{
    return m_transport->providerClockOffsetMs();
}
