// Parses smsdesk-sandbox's command line into SandboxOptions plus the address to bind.
#pragma once

#include "sandbox/SandboxOptions.h"

#include <QHostAddress>
#include <QStringList>

namespace sandbox {

struct SandboxCommandLine
{
    SandboxOptions options;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    qint64 seedHistory = 0; // messages of history to add at start
    QString error;          // non-empty: print it and exit with status 2

    static SandboxCommandLine parse(const QStringList &arguments);
};

} // namespace sandbox
