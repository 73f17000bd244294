#include "KeysResource.h"

#include "PageEnvelope.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SandboxLogging.h"
#include "SandboxState.h"
#include "SidFactory.h"
#include "WireFormat.h"

#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

const QString kKeys = u"/2010-04-01/Accounts/([^/]+)/Keys"_s;

// 32 letters and digits from the system generator, like Twilio's secrets; never from the
// seeded SidFactory, so a known --seed does not give known secrets.
QString newSecret()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString secret;
    for (int i = 0; i < 32; ++i)
        secret += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]);
    return secret;
}

} // namespace

KeysResource::KeysResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock)
    : m_state(state)
    , m_sids(sids)
    , m_clock(clock)
{}

void KeysResource::registerRoutes(Router &router)
{
    router.add("POST", kKeys + u"\\.json"_s, [this](const ApiRequest &r) { return create(r); });
    router.add("GET", kKeys + u"\\.json"_s, [this](const ApiRequest &r) { return list(r); });
    const QString one = kKeys + u"/([^/]+)\\.json"_s;
    router.add("GET", one, [this](const ApiRequest &r) { return fetch(r); });
    router.add("POST", one, [this](const ApiRequest &r) { return update(r); });
    router.add("DELETE", one, [this](const ApiRequest &r) { return remove(r); });
}

bool KeysResource::authorisesKey(const QString &user, const QString &password,
                                 const QString &path) const
{
    if (!user.startsWith(u"SK"_s) || !m_state.apiKeys.verify(user, password))
        return false;
    // Standard keys cannot reach the Account or Keys resources (Twilio answers 401/20003).
    static const QRegularExpression mainKeyOnly(
        u"\\A/2010-04-01/Accounts(\\.json|/[^/]+\\.json|/[^/]+/Keys(\\.json|/.*))?\\z"_s);
    return !mainKeyOnly.match(path).hasMatch() && !path.startsWith(u"/sandbox/"_s);
}

QJsonObject KeysResource::keyJson(const SandboxApiKey &key) const
{
    return QJsonObject{{u"sid"_s, key.sid},
                       {u"friendly_name"_s, key.friendlyName},
                       {u"date_created"_s, WireFormat::rfc2822(key.dateCreated)},
                       {u"date_updated"_s, WireFormat::rfc2822(key.dateUpdated)}};
}

ApiReply KeysResource::notFound(const ApiRequest &request)
{
    return ApiReply::error(404, 20404,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

ApiReply KeysResource::create(const ApiRequest &request)
{
    const QString friendlyName = request.field(u"FriendlyName"_s);
    if (friendlyName.size() > kMaxFriendlyNameLength)
        return ApiReply::error(
            400, 20001, u"FriendlyName may have up to %1 characters"_s.arg(kMaxFriendlyNameLength));
    const QString secret = newSecret();
    const SandboxApiKey &key =
        m_state.apiKeys.add(m_sids.make("SK"_L1), friendlyName, secret, m_clock.nowMs());
    qCInfo(lcSandbox).noquote() << "created API key" << key.sid;
    QJsonObject json = keyJson(key);
    json.insert(u"secret"_s, secret);
    return ApiReply::json(json, 201);
}

ApiReply KeysResource::list(const ApiRequest &request) const
{
    const PageEnvelope::Paging paging = PageEnvelope::parse(request, kMaxPageSize);
    if (!paging.error.isEmpty())
        return ApiReply::error(400, 20001, paging.error);
    const auto &keys = m_state.apiKeys.keys();
    const qsizetype start = qsizetype(paging.page) * paging.pageSize;
    QJsonArray items;
    for (qsizetype i = start; i < qsizetype(keys.size()) && i < start + paging.pageSize; ++i)
        items.append(keyJson(keys[size_t(i)]));
    const bool hasNext = qsizetype(keys.size()) > start + paging.pageSize;
    const QString path = u"/2010-04-01/Accounts/"_s + m_state.accountSid + u"/Keys.json"_s;
    return ApiReply::json(PageEnvelope::v2010(
        path, {}, u"keys"_s, items, paging,
        hasNext ? u"PA"_s + QString::number(paging.page + 1) : QString(),
        paging.page > 0 ? u"PB"_s + QString::number(paging.page - 1) : QString()));
}

ApiReply KeysResource::fetch(const ApiRequest &request) const
{
    const SandboxApiKey *key = m_state.apiKeys.find(request.captures.value(1));
    return key ? ApiReply::json(keyJson(*key)) : notFound(request);
}

ApiReply KeysResource::update(const ApiRequest &request)
{
    SandboxApiKey *key = m_state.apiKeys.find(request.captures.value(1));
    if (!key)
        return notFound(request);
    const QString friendlyName = request.field(u"FriendlyName"_s);
    if (friendlyName.size() > kMaxFriendlyNameLength)
        return ApiReply::error(
            400, 20001, u"FriendlyName may have up to %1 characters"_s.arg(kMaxFriendlyNameLength));
    if (request.hasField(u"FriendlyName"_s))
        key->friendlyName = friendlyName;
    key->dateUpdated = m_clock.nowMs();
    return ApiReply::json(keyJson(*key));
}

ApiReply KeysResource::remove(const ApiRequest &request)
{
    const QString sid = request.captures.value(1);
    if (!m_state.apiKeys.remove(sid))
        return notFound(request);
    qCInfo(lcSandbox).noquote() << "deleted API key" << sid;
    return ApiReply::noContent();
}

} // namespace sandbox
