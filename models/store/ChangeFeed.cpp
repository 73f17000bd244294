#include "ChangeFeed.h"

#include <QThread>

ChangeFeed::ChangeFeed(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ChangeSet>();
}

void ChangeFeed::publish(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return;
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, changes] { publish(changes); }, Qt::QueuedConnection);
        return;
    }
    m_pending.merge(changes);
    if (m_scheduled)
        return;
    // Queued behind every publish already posted from the writer: they merge into this one.
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &ChangeFeed::deliver, Qt::QueuedConnection);
}

void ChangeFeed::deliver()
{
    m_scheduled = false;
    if (m_pending.isEmpty())
        return;
    const ChangeSet changes = std::exchange(m_pending, ChangeSet());
    ++m_deliveries;
    Q_EMIT changed(changes);
}
