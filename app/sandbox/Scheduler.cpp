#include "Scheduler.h"

#include "SandboxClock.h"

namespace sandbox {

Scheduler::Scheduler(const SandboxClock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::runDue);
}

void Scheduler::at(qint64 dueMs, Task task)
{
    m_tasks.emplace(dueMs, std::move(task));
    rearm();
}

void Scheduler::runDue()
{
    // Tasks may schedule new tasks (also due now); keep going until nothing is due.
    while (!m_tasks.empty() && m_tasks.begin()->first <= m_clock.nowMs()) {
        auto it = m_tasks.begin();
        const qint64 due = it->first;
        Task task = std::move(it->second);
        m_tasks.erase(it);
        task(due);
    }
    rearm();
}

void Scheduler::rearm()
{
    if (m_tasks.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 delay = m_clock.wallDelayUntil(m_tasks.begin()->first);
    m_timer.start(int(qMin<qint64>(delay, 24 * 3600 * 1000)));
}

} // namespace sandbox
