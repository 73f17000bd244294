#include "SyncServiceDirectory.h"

namespace sandbox {

SyncStore &SyncServiceDirectory::add(const SandboxSyncService &service)
{
    SyncStore &store = m_services[service.sid];
    store.service = service;
    return store;
}

SyncStore *SyncServiceDirectory::find(const QString &sidOrUniqueName)
{
    const auto it = m_services.find(sidOrUniqueName);
    if (it != m_services.end())
        return &it->second;
    for (auto &[sid, store] : m_services) {
        if (!store.service.uniqueName.isEmpty() && store.service.uniqueName == sidOrUniqueName)
            return &store;
    }
    return nullptr;
}

void SyncServiceDirectory::save(QDataStream &out) const
{
    out << quint64(m_services.size());
    for (const auto &[sid, store] : m_services)
        store.save(out);
}

bool SyncServiceDirectory::load(QDataStream &in)
{
    m_services.clear();
    quint64 count = 0;
    in >> count;
    for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        SyncStore store;
        if (!store.load(in))
            return false;
        const QString sid = store.service.sid;
        m_services.emplace(sid, std::move(store));
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
