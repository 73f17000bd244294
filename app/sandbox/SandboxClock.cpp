#include "SandboxClock.h"

#include <cmath>

namespace sandbox {

SandboxClock::SandboxClock(double speed, qint64 startMs)
    : m_speed(speed > 0.0 ? speed : 1.0)
    , m_startMs(startMs)
{
    m_elapsed.start();
}

qint64 SandboxClock::nowMs() const
{
    if (m_frozen)
        return m_startMs;
    return m_startMs +
           static_cast<qint64>(std::floor(double(m_elapsed.nsecsElapsed()) / 1e6 * m_speed));
}

void SandboxClock::freeze()
{
    m_startMs = nowMs();
    m_frozen = true;
}

qint64 SandboxClock::wallDelayUntil(qint64 atMs) const
{
    const qint64 ahead = atMs - nowMs();
    if (ahead <= 0)
        return 0;
    return static_cast<qint64>(std::ceil(double(ahead) / m_speed));
}

} // namespace sandbox
