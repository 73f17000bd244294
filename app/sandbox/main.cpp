// smsdesk-sandbox: parse options, start the server, print where it listens and its
// credentials, stop cleanly on SIGINT/SIGTERM (saving --state).
#include "ProcessHardening.h"
#include "SandboxCommandLine.h"
#include "SecretLogFilter.h"
#include "SignalWatcher.h"
#include "sandbox/SandboxServer.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    ProcessHardening::disableCoreDumps();
    SecretLogFilter::install();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smsdesk-sandbox"));
    const sandbox::SandboxCommandLine command =
        sandbox::SandboxCommandLine::parse(QCoreApplication::arguments());
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(command.error));
        return command.error.startsWith(QStringLiteral("Usage:")) ? 0 : 2;
    }
    sandbox::SignalWatcher watcher;
    sandbox::SandboxServer server(command.options);
    if (!server.listen(command.host, command.port)) {
        std::fprintf(stderr, "smsdesk-sandbox: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    if (command.seedHistory > 0)
        server.seedHistory(command.seedHistory,
                           int(qMin<qint64>(command.seedHistory / 20 + 1, 100000)));
    std::printf("listening on %s\n", qPrintable(server.baseUrl().toString()));
    std::printf("Account SID: %s\n", qPrintable(server.accountSid()));
    std::printf("Auth Token: %s\n", qPrintable(server.authToken()));
    std::fflush(stdout);
    QObject::connect(&watcher, &sandbox::SignalWatcher::stopRequested, &app, [&server](int) {
        if (!server.options().statePath.isEmpty()) {
            const QString error = server.saveState();
            if (!error.isEmpty())
                std::fprintf(stderr, "smsdesk-sandbox: %s\n", qPrintable(error));
        }
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}
