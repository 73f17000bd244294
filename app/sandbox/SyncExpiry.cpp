#include "SyncExpiry.h"

#include "SandboxState.h"

#include <algorithm>

namespace sandbox {

SyncExpiry::SyncExpiry(SandboxState &state)
    : m_state(state)
{}

void SyncExpiry::purge(qint64 nowMs)
{
    if (!m_dirty && nowMs < m_nextDueMs)
        return;
    m_dirty = false;
    m_nextDueMs = std::numeric_limits<qint64>::max();
    purgeMaps(m_state.sync, nowMs);
    for (auto &[sid, store] : m_state.syncServices.services())
        purgeMaps(store, nowMs);
    auto &lists = m_state.syncLists.lists();
    for (auto list = lists.begin(); list != lists.end();) {
        if (list->second.dateExpires > 0 && list->second.dateExpires <= nowMs) {
            list = lists.erase(list);
            continue;
        }
        if (list->second.dateExpires > 0)
            m_nextDueMs = std::min(m_nextDueMs, list->second.dateExpires);
        auto &items = list->second.items;
        for (auto item = items.begin(); item != items.end();) {
            const qint64 expires = item->second.dateExpires;
            if (expires > 0 && expires <= nowMs) {
                item = items.erase(item);
                continue;
            }
            if (expires > 0)
                m_nextDueMs = std::min(m_nextDueMs, expires);
            ++item;
        }
        ++list;
    }
}

void SyncExpiry::purgeMaps(SyncStore &store, qint64 nowMs)
{
    // SyncStore hands out its maps read-only; items are reached through findMap.
    for (const auto &[sid, constMap] : store.maps()) {
        SyncMap *map = store.findMap(sid);
        for (auto item = map->items.begin(); item != map->items.end();) {
            const qint64 expires = item->second.dateExpires;
            if (expires > 0 && expires <= nowMs) {
                item = map->items.erase(item);
                continue;
            }
            if (expires > 0)
                m_nextDueMs = std::min(m_nextDueMs, expires);
            ++item;
        }
    }
}

} // namespace sandbox
