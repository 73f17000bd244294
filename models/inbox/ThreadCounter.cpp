#include "ThreadCounter.h"

#include "StoreReader.h"

namespace {

// Lives on the counter's thread: the connection is opened and used there only.
class CountWorker : public QObject
{
public:
    explicit CountWorker(QString profilePath)
        : m_profilePath(std::move(profilePath))
    {}

    ThreadQuery::Counts count(qint64 accountId, const QString &me, qint64 nowMs)
    {
        if (!m_reader) {
            m_reader = std::make_unique<StoreReader>(m_profilePath);
            if (!m_reader->open()) {
                m_reader.reset();
                return {};
            }
        }
        auto query = m_reader->make<ThreadQuery>();
        query.setClock([nowMs] { return nowMs; });
        return query.counts(accountId, me).value_or(ThreadQuery::Counts{});
    }

private:
    QString m_profilePath;
    std::unique_ptr<StoreReader> m_reader;
};

} // namespace

ThreadCounter::ThreadCounter(const QString &profilePath, QObject *parent)
    : QObject(parent)
    , m_profilePath(profilePath)
{
    m_thread.setObjectName(QStringLiteral("smsdesk-thread-counts"));
    m_worker = new CountWorker(m_profilePath);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ThreadCounter::~ThreadCounter()
{
    m_thread.quit();
    m_thread.wait();
}

void ThreadCounter::request(qint64 accountId, const QString &me, qint64 nowMs, Done done)
{
    Request next{accountId, me, nowMs, std::move(done)};
    if (m_running) {
        m_waiting = std::make_unique<Request>(std::move(next));
        return;
    }
    start(std::move(next));
}

void ThreadCounter::start(Request request)
{
    m_running = true;
    auto *worker = static_cast<CountWorker *>(m_worker);
    // `this` outlives the worker's run (the destructor waits for the thread), and an answer
    // posted to it after that is dropped with it.
    QMetaObject::invokeMethod(worker, [this, worker, request = std::move(request)]() mutable {
        const ThreadQuery::Counts counts =
            worker->count(request.accountId, request.me, request.nowMs);
        QMetaObject::invokeMethod(this, [this, request = std::move(request), counts] {
            ++m_runs;
            m_running = false;
            request.done(request.accountId, counts);
            if (m_waiting) {
                Request next = std::move(*m_waiting);
                m_waiting.reset();
                start(std::move(next));
            }
        });
    });
}
