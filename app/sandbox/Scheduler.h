// Runs callbacks at sandbox times with one timer; each callback receives the time it was due,
// so the state it records is exact however late the event loop got to it.
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>

namespace sandbox {

class SandboxClock;

class Scheduler : public QObject
{
    Q_OBJECT
public:
    using Task = std::function<void(qint64 dueMs)>;

    explicit Scheduler(const SandboxClock &clock, QObject *parent = nullptr);

    void at(qint64 dueMs, Task task);
    qsizetype pending() const { return qsizetype(m_tasks.size()); }
    // The clock jumped forward: what is now due runs at the next turn of the event loop.
    void clockMoved() { rearm(); }

private:
    void runDue();
    void rearm();

    const SandboxClock &m_clock;
    std::multimap<qint64, Task> m_tasks;
    QTimer m_timer;
};

} // namespace sandbox
