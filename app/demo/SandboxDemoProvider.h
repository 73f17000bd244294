// The demo's provider: the sandbox in-process on a loopback port, set up by a DemoSetup.
#pragma once

#include "DemoProvider.h"
#include "DemoSetup.h"

#include <memory>

namespace sandbox {
class SandboxServer;
}

class SandboxDemoProvider final : public DemoProvider
{
public:
    explicit SandboxDemoProvider(const DemoSetup &setup);
    // Saves the state when the setup keeps one, so the next run continues the same inbox.
    ~SandboxDemoProvider() override;

    // What `smsdesk --demo` hands DeskSession.
    static Factory desktopFactory();

    bool start() override;
    QString errorString() const override;
    QUrl baseUrl() const override;
    QString accountSid() const override;
    QString authToken() const override;
    QList<DemoNumberSeeding::SharedCode> sharedShortCodes() const override;

private:
    DemoSetup m_setup;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QString m_error;
};
