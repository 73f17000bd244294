// Sandbox time: wall time scaled by --speed, so a test at speed 100 sees a 1-segment-per-second
// long code send 100 segments per wall second, with timestamps 1 second apart.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace sandbox {

class SandboxClock
{
public:
    // startMs: sandbox time (ms since the Unix epoch, UTC) at construction.
    SandboxClock(double speed, qint64 startMs);

    qint64 nowMs() const;
    double speed() const { return m_speed; }
    // Wall milliseconds until sandbox time atMs (0 if already past).
    qint64 wallDelayUntil(qint64 atMs) const;
    // Jumps forward (tests of TTLs and rate windows). Timers already armed still fire at
    // their wall time, so what was due in between runs late, not early.
    void advance(qint64 ms) { m_startMs += qMax<qint64>(0, ms); }
    // Stops sandbox time where it is (only advance() moves it then), so a test of a rate
    // window counts requests, not how fast a loaded machine answers them.
    void freeze();

private:
    double m_speed;
    qint64 m_startMs;
    QElapsedTimer m_elapsed;
    bool m_frozen = false;
};

} // namespace sandbox
