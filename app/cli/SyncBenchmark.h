// The sync benchmark shared by `smsdesk-cli bench sync` and tests/bench/bench_sync: seeds an
// in-process sandbox with a history, syncs it into an empty profile (first sync), then runs
// an incremental sync with nothing new, and reports rates and the memory peak.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class SyncBenchmark
{
public:
    struct Result
    {
        bool ok = false;
        QString error;
        qint64 messages = 0; // stored by the first sync
        int pages = 0;
        qint64 fullMs = 0;
        qint64 incrementalMs = 0;
        qint64 incrementalRelisted = 0;
        QByteArray peakMemory; // VmHWM, e.g. "73412 kB"

        double messagesPerSecond() const;
    };

    // progress(messages stored so far) after each page of the first sync.
    static Result run(qint64 messages, int threads, std::function<void(qint64)> progress = {});
    // The three lines the benchmark prints.
    static QString report(const Result &result);
};
