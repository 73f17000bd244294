#include "SyncListStore.h"

namespace sandbox {

SandboxSyncList *SyncListStore::find(const QString &serviceSid, const QString &sidOrUniqueName)
{
    const auto it = m_lists.find(sidOrUniqueName);
    if (it != m_lists.end())
        return it->second.serviceSid == serviceSid ? &it->second : nullptr;
    for (auto &[sid, list] : m_lists) {
        if (list.serviceSid == serviceSid && !list.uniqueName.isEmpty() &&
            list.uniqueName == sidOrUniqueName)
            return &list;
    }
    return nullptr;
}

SandboxSyncList &SyncListStore::add(const SandboxSyncList &list)
{
    return m_lists[list.sid] = list;
}

void SyncListStore::save(QDataStream &out) const
{
    out << quint64(m_lists.size());
    for (const auto &[sid, list] : m_lists) {
        out << list.sid << list.serviceSid << list.uniqueName << list.revision << list.dateCreated
            << list.dateUpdated << list.dateExpires << list.nextIndex << quint64(list.items.size());
        for (const auto &[index, item] : list.items)
            out << item.index << item.data << item.revision << item.dateCreated << item.dateUpdated
                << item.dateExpires;
    }
}

bool SyncListStore::load(QDataStream &in)
{
    m_lists.clear();
    quint64 count = 0;
    in >> count;
    for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        SandboxSyncList list;
        quint64 itemCount = 0;
        in >> list.sid >> list.serviceSid >> list.uniqueName >> list.revision >> list.dateCreated >>
            list.dateUpdated >> list.dateExpires >> list.nextIndex >> itemCount;
        for (quint64 j = 0; j < itemCount && in.status() == QDataStream::Ok; ++j) {
            SandboxSyncListItem item;
            in >> item.index >> item.data >> item.revision >> item.dateCreated >>
                item.dateUpdated >> item.dateExpires;
            list.items.emplace(item.index, item);
        }
        m_lists.emplace(list.sid, std::move(list));
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
