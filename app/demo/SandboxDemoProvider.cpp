#include "SandboxDemoProvider.h"

#include "SandboxState.h"
#include "sandbox/SandboxServer.h"

#include <QFileInfo>

SandboxDemoProvider::SandboxDemoProvider(const DemoSetup &setup)
    : m_setup(setup)
{
    sandbox::SandboxOptions options;
    options.statePath = setup.statePath;
    options.seed = setup.seed;
    options.accountSid = setup.accountSid;
    options.demo = setup.lively;
    if (setup.replyRate)
        options.replyRate = *setup.replyRate;
    m_server = std::make_unique<sandbox::SandboxServer>(options);
}

SandboxDemoProvider::~SandboxDemoProvider()
{
    if (!m_setup.statePath.isEmpty())
        m_server->saveState();
}

DemoProvider::Factory SandboxDemoProvider::desktopFactory()
{
    return [](const QString &directory) -> std::unique_ptr<DemoProvider> {
        return std::make_unique<SandboxDemoProvider>(DemoSetup::desktop(directory));
    };
}

bool SandboxDemoProvider::start()
{
    // The sandbox loads a saved state in listen(): look before.
    const bool firstRun = m_setup.statePath.isEmpty() || !QFileInfo::exists(m_setup.statePath);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    if (firstRun && m_setup.historyMessages > 0) {
        m_server->seedHistory(m_setup.historyMessages, m_setup.historyThreads, m_setup.historyDays);
        if (!m_setup.statePath.isEmpty())
            m_server->saveState();
    }
    return true;
}

QString SandboxDemoProvider::errorString() const
{
    return m_error;
}

QUrl SandboxDemoProvider::baseUrl() const
{
    return m_server->baseUrl();
}

QString SandboxDemoProvider::accountSid() const
{
    return m_server->accountSid();
}

QString SandboxDemoProvider::authToken() const
{
    return m_server->authToken();
}

QList<DemoNumberSeeding::SharedCode> SandboxDemoProvider::sharedShortCodes() const
{
    QList<DemoNumberSeeding::SharedCode> codes;
    for (const sandbox::SenderNumber &n : m_server->state().numbers.all()) {
        if (n.shared && !n.providerKeywords.isEmpty())
            codes.append({n.number, n.providerKeywords.first()});
    }
    return codes;
}
