// The one change feed: every committed write transaction of the profile's writer reaches the
// views through it, coalesced into one ChangeSet per event-loop turn on the feed's thread (the
// GUI thread in the desktop). Views subscribe to changed() and read the rows it names in one
// batched query; nothing announces a change by hand.
#pragma once

#include "ChangeSet.h"

#include <QObject>

class ChangeFeed : public QObject
{
    Q_OBJECT

public:
    explicit ChangeFeed(QObject *parent = nullptr);

    // Thread-safe: called by the writer after commits; delivered later on this object's thread.
    void publish(const ChangeSet &changes);

    // Delivers what is pending now, on this object's thread (tests, and tools that stop before
    // their event loop turns again).
    void flush() { deliver(); }

    // How many change sets were delivered (tests and benchmarks).
    qint64 deliveries() const { return m_deliveries; }

Q_SIGNALS:
    void changed(const ChangeSet &changes);

private:
    void deliver();

    ChangeSet m_pending;
    bool m_scheduled = false;
    qint64 m_deliveries = 0;
};
