// The profile's one writer connection, owned by a worker thread. Sync, outbox and every other
// write go through it as jobs; readers open their own connections (WAL lets them run while
// the writer writes).
#pragma once

#include "WriterContext.h"

#include <QList>
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
                    QMetaObject::invokeMethod(this, [guard, done = std::move(done)]() mutable {
                        if (guard)
                            done();
                    });
                } else {
                    Result result = job(*ctx);
                    QMetaObject::invokeMethod(this, [guard, done = std::move(done),
                                                     result = std::move(result)]() mutable {
                        if (guard)
                            done(std::move(result));
                    });
                }
            });
    }

    // Runs a job on the writer thread and waits for its result: for the CLI, start-up and
    // tests. Never call it from a job.
    template<typename Job>
    auto call(Job job) -> std::invoke_result_t<Job, WriterContext &>
    {
        using Result = std::invoke_result_t<Job, WriterContext &>;
        auto ctx = m_context.get();
        if constexpr (std::is_void_v<Result>) {
            QMetaObject::invokeMethod(
                m_worker, [ctx, &job] { job(*ctx); }, Qt::BlockingQueuedConnection);
        } else {
            Result result{};
            QMetaObject::invokeMethod(
                m_worker, [ctx, &job, &result] { result = job(*ctx); },
                Qt::BlockingQueuedConnection);
            return result;
        }
    }

    // For jobs that change what a thread shows without going through MessageStore (a
    // contact's text-enabled verdict, say): tells the views on this object's thread.
    void announceThreadsChanged(const QList<qint64> &threadIds) { emit threadsChanged(threadIds); }
    // The same for messages whose status a job changed directly (the outbox's failures).
    void announceMessagesUpdated(const QList<qint64> &messageIds)
    {
        emit messagesUpdated(messageIds);
    }

Q_SIGNALS:
    // Re-emitted from the writer's MessageStore after each commit, on this object's thread.
    void messagesAdded(const QList<qint64> &messageIds);
    void messagesUpdated(const QList<qint64> &messageIds);
    void threadsChanged(const QList<qint64> &threadIds);

private:
    void openOnWorker();
    void closeOnWorker();

    QString m_profilePath;
    QString m_profileUuid;
    QString m_error;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread; jobs run in its context
    std::unique_ptr<WriterContext> m_context;
};
