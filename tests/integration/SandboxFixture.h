// An in-process sandbox on a free loopback port plus a client for it, for one test.
#pragma once

#include "SandboxClient.h"
#include "sandbox/SandboxServer.h"

#include <memory>

struct SandboxFixture
{
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<SandboxClient> client;

    // Speed 100 and no spontaneous customer replies unless a test asks for them.
    static sandbox::SandboxOptions testOptions()
    {
        sandbox::SandboxOptions options;
        options.speed = 100.0;
        options.seed = 42;
        options.replyRate = 0.0;
        return options;
    }

    bool start(const sandbox::SandboxOptions &options = testOptions())
    {
        server = std::make_unique<sandbox::SandboxServer>(options);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return false;
        client = std::make_unique<SandboxClient>(server->baseUrl(), server->accountSid(),
                                                 server->authToken());
        return true;
    }

    QString messageStatus(const QString &sid)
    {
        return client
            ->get(client->account(QStringLiteral("/Messages/") + sid + QStringLiteral(".json")))
            .json.value(QStringLiteral("status"))
            .toString();
    }
};
