// API keys of the 2010 API: /2010-04-01/Accounts/{AccountSid}/Keys.json and Keys/{Sid}.json
// (create with the secret shown once, list and fetch without it, rename, delete), and the
// rule for requests authenticated with a key: Basic "SK...:secret" works on the account's
// URLs except the Account and Keys resources, as for Twilio's Standard keys.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxClock;
class SandboxState;
class SidFactory;
struct SandboxApiKey;

class KeysResource
{
public:
    KeysResource(SandboxState &state, SidFactory &sids, const SandboxClock &clock);
    void registerRoutes(Router &router);

    static constexpr int kMaxPageSize = 1000;
    static constexpr int kMaxFriendlyNameLength = 64;

    // `user` and `password` of a Basic Authorization header: true when they are a live key's
    // SID and secret and `path` is open to Standard keys.
    bool authorisesKey(const QString &user, const QString &password, const QString &path) const;

private:
    ApiReply create(const ApiRequest &request);
    ApiReply list(const ApiRequest &request) const;
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply update(const ApiRequest &request);
    ApiReply remove(const ApiRequest &request);
    QJsonObject keyJson(const SandboxApiKey &key) const;
    static ApiReply notFound(const ApiRequest &request);

    SandboxState &m_state;
    SidFactory &m_sids;
    const SandboxClock &m_clock;
};

} // namespace sandbox
