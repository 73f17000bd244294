// Deletes Sync items and Lists whose TTL has passed, by the sandbox clock (so a test that
// moves the clock sees them go). Runs before each Sync request; walks the stores only when
// the earliest known expiry has passed or a write set a new TTL.
#pragma once

#include <QtGlobal>

#include <limits>

namespace sandbox {

class SandboxState;
class SyncStore;

class SyncExpiry
{
public:
    explicit SyncExpiry(SandboxState &state);

    void purge(qint64 nowMs);
    // A write may have set a TTL: the next purge walks the stores again.
    void markDirty() { m_dirty = true; }

private:
    void purgeMaps(SyncStore &store, qint64 nowMs);

    SandboxState &m_state;
    bool m_dirty = true; // loaded state may hold anything
    qint64 m_nextDueMs = std::numeric_limits<qint64>::max();
};

} // namespace sandbox
