#include "StoreWriter.h"

#include "StoreLogging.h"

#include <atomic>

StoreWriter::StoreWriter(const QString &profilePath, QObject *parent)
    : QObject(parent)
    , m_profilePath(profilePath)
    , m_context(std::make_unique<WriterContext>())
{
    m_thread.setObjectName(QStringLiteral("smsdesk-store-writer"));
}

StoreWriter::~StoreWriter()
{
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker, [this] { closeOnWorker(); }, Qt::BlockingQueuedConnection);
        m_worker->deleteLater();
    }
    m_thread.quit();
    m_thread.wait();
}

bool StoreWriter::open()
{
    if (m_worker)
        return m_context->database && m_context->database->isOpen();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { openOnWorker(); }, Qt::BlockingQueuedConnection);
    return m_error.isEmpty();
}

void StoreWriter::openOnWorker()
{
    m_context->database = std::make_unique<Database>(m_profilePath);
    if (!m_context->database->open()) {
        m_error = m_context->database->errorString();
        qCWarning(lcStore) << "cannot open profile for writing:" << m_error;
        return;
    }
    m_context->recorder.install(m_context->db());
    m_profileUuid = m_context->database->profileUuid();
    m_context->messages = std::make_unique<MessageStore>(m_context->db());
}

void StoreWriter::publishCommitted()
{
    m_feed.publish(m_context->recorder.takeCommitted());
}

namespace {
std::atomic<QThread *> noWaitThread{nullptr};
}

void StoreWriter::forbidWaitingFrom(QThread *thread)
{
    noWaitThread = thread;
}

void StoreWriter::checkMayWait()
{
    if (QThread::currentThread() == noWaitThread.load())
        qFatal("StoreWriter::call on a thread that must never wait for the writer (the GUI "
               "thread): post the job instead");
}

void StoreWriter::closeOnWorker()
{
    m_context->recorder.uninstall();
    m_context->messages.reset();
    m_context->database.reset();
}
