// Counts the thread list's filters on a thread of its own, with its own connection: over
// 100,000 threads one count takes tens of milliseconds, too long for the GUI thread after every
// change. Requests made while one runs are merged into one more run.
#pragma once

#include "ThreadQuery.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

class ThreadCounter : public QObject
{
    Q_OBJECT

public:
    explicit ThreadCounter(const QString &profilePath, QObject *parent = nullptr);
    ~ThreadCounter() override;

    // Counts for the account as `me` sees it at `nowMs`; the answer comes to `done` on this
    // object's thread (later, never from inside the call). A request made while one runs
    // replaces any other waiting one.
    using Done = std::function<void(qint64 accountId, const ThreadQuery::Counts &counts)>;
    void request(qint64 accountId, const QString &me, qint64 nowMs, Done done);

    // How many counts ran (tests, benchmarks).
    int runs() const { return m_runs; }

private:
    struct Request
    {
        qint64 accountId = 0;
        QString me;
        qint64 nowMs = 0;
        Done done;
    };
    void start(Request request);

    QString m_profilePath;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread, owns the connection there
    bool m_running = false;
    std::unique_ptr<Request> m_waiting;
    int m_runs = 0;
};
