// The profile's one writer connection, owned by a worker thread. Sync, outbox and every other
// write go through it as jobs; readers open their own connections (WAL lets them run while
// the writer writes).
#pragma once

#include "ChangeFeed.h"
#include "WriterContext.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

class StoreWriter : public QObject
{
    Q_OBJECT

public:
    explicit StoreWriter(const QString &profilePath, QObject *parent = nullptr);
    ~StoreWriter() override;

    // Starts the worker thread and opens (and migrates) the profile there. Blocks until
    // done, so call it once at start-up.
    bool open();
    QString errorString() const { return m_error; }
    QString profilePath() const { return m_profilePath; }
    // The profile's UUID, read once by open(): keychain entries are keyed by it.
    QString profileUuid() const { return m_profileUuid; }

    // Runs `job(WriterContext &)` on the writer thread, then `done(result)` on this object's
    // thread; nothing is called back if `context` (an object of this thread) is gone by then.
    template<typename Job, typename Done>
    void post(Job job, QObject *context, Done done)
    {
        using Result = std::invoke_result_t<Job, WriterContext &>;
        auto ctx = m_context.get();
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            m_worker, [this, ctx, guard, job = std::move(job), done = std::move(done)]() mutable {
                // The answer goes through this object, whose thread can check the guard without
                // racing the context's destruction; the destructor drains jobs before `this` dies.
                if constexpr (std::is_void_v<Result>) {
                    job(*ctx);
                    publishCommitted();
                    QMetaObject::invokeMethod(this, [guard, done = std::move(done)]() mutable {
                        if (guard)
                            done();
                    });
                } else {
                    Result result = job(*ctx);
                    publishCommitted();
                    QMetaObject::invokeMethod(this, [guard, done = std::move(done),
                                                     result = std::move(result)]() mutable {
                        if (guard)
                            done(std::move(result));
                    });
                }
            });
    }

    // Runs a job on the writer thread and waits for its result: for the CLI, and tests.
    // Never call it from a job, nor from a thread that must not wait (see forbidWaitingFrom).
    template<typename Job>
    auto call(Job job) -> std::invoke_result_t<Job, WriterContext &>
    {
        checkMayWait();
        using Result = std::invoke_result_t<Job, WriterContext &>;
        auto ctx = m_context.get();
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(
                m_worker,
                [this, ctx, &job] {
                    job(*ctx);
                    publishCommitted();
                },
                Qt::BlockingQueuedConnection);
        } else {
            Result result{};
            QMetaObject::invokeMethod(
                m_worker,
                [this, ctx, &job, &result] {
                    result = job(*ctx);
                    publishCommitted();
                },
                Qt::BlockingQueuedConnection);
            return result;
        }
    }

    // Every committed write of every job, coalesced per event-loop turn on this object's
    // thread.
    ChangeFeed *changes() { return &m_feed; }

    // The desktop marks its GUI thread: call() from it then aborts with a message, because a
    // frame must never wait for a sync page to be stored.
    static void forbidWaitingFrom(QThread *thread);

private:
    void openOnWorker();
    void closeOnWorker();
    void publishCommitted();
    static void checkMayWait();

    QString m_profilePath;
    QString m_profileUuid;
    QString m_error;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread; jobs run in its context
    std::unique_ptr<WriterContext> m_context;
    ChangeFeed m_feed;
};
