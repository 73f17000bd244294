// How an in-process sandbox is set up for each of its embedders: the desktop's `--demo`,
// `smsdesk-cli sync --demo` and the sync benchmark.
#pragma once

#include <QString>

#include <optional>

struct DemoSetup
{
    // Where the provider keeps its state between runs; empty keeps it in memory only.
    QString statePath;
    // Seeds every random choice; unset: random.
    std::optional<quint64> seed;
    // A fixed Account SID; empty: generated.
    QString accountSid;
    // Lively customers: more and quicker replies.
    bool lively = false;
    // Share of delivered messages that get a reply; unset: the sandbox's default.
    std::optional<double> replyRate;
    // The history seeded when there is no saved state.
    qint64 historyMessages = 0;
    int historyThreads = 0;
    int historyDays = 30;

    // `smsdesk --demo`: state in `directory`, enough history to be worth looking at and
    // small enough to sync in seconds.
    static DemoSetup desktop(const QString &directory);
    // `smsdesk-cli sync --demo`: reproducible, in memory.
    static DemoSetup cliSync();
    // The sync benchmark: reproducible, in memory, nobody replies while it measures.
    static DemoSetup benchmark(qint64 messages, int threads);
};
