// /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json (list), …/Media/{Sid}.json
// (instance) and …/Media/{Sid} (the content: on Twilio that URL answers the bytes, possibly
// after a redirect; here it answers them directly).
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"
#include "MediaLibrary.h"

#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxState;

class MediaResource
{
public:
    explicit MediaResource(SandboxState &state);
    void registerRoutes(Router &router);

    ApiReply list(const ApiRequest &request) const;
    ApiReply fetch(const ApiRequest &request) const;
    ApiReply content(const ApiRequest &request) const;

    static constexpr int kMaxPageSize = 1000;

private:
    std::optional<quint32> messageId(const QString &sid) const;
    std::optional<MediaLibrary::Item> item(const ApiRequest &request) const;
    QJsonObject json(const MediaLibrary::Item &item) const;

    SandboxState &m_state;
};

} // namespace sandbox
