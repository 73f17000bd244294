#include "DemoSetup.h"

#include <QDir>

using namespace Qt::StringLiterals;

DemoSetup DemoSetup::desktop(const QString &directory)
{
    DemoSetup setup;
    setup.statePath = QDir(directory).filePath(u"sandbox-state.json"_s);
    setup.lively = true;
    setup.historyMessages = 1500;
    setup.historyThreads = 80;
    setup.historyDays = 21;
    return setup;
}

DemoSetup DemoSetup::cliSync()
{
    DemoSetup setup;
    setup.seed = 7;
    setup.accountSid = u"AC00000000000000000000000000000de0"_s;
    setup.historyMessages = 5000;
    setup.historyThreads = 200;
    setup.historyDays = 30;
    return setup;
}

DemoSetup DemoSetup::benchmark(qint64 messages, int threads)
{
    DemoSetup setup;
    setup.seed = 1;
    setup.replyRate = 0.0;
    setup.historyMessages = messages;
    setup.historyThreads = threads;
    setup.historyDays = 365;
    return setup;
}
