#include "SyncStore.h"

namespace sandbox {

SyncMap *SyncStore::findMap(const QString &sidOrUniqueName)
{
    const auto it = m_maps.find(sidOrUniqueName);
    if (it != m_maps.end())
        return &it->second;
    for (auto &[sid, map] : m_maps) {
        if (!map.uniqueName.isEmpty() && map.uniqueName == sidOrUniqueName)
            return &map;
    }
    return nullptr;
}

SyncMap &SyncStore::addMap(const SyncMap &map)
{
    SyncMap &stored = m_maps[map.sid] = map;
    stored.serviceSid = service.sid;
    return stored;
}

void SyncStore::save(QDataStream &out) const
{
    out << service.sid << service.uniqueName << service.friendlyName << service.dateCreated
        << service.dateUpdated;
    out << quint64(m_maps.size());
    for (const auto &[sid, map] : m_maps) {
        out << map.sid << map.uniqueName << map.revision << map.dateCreated << map.dateUpdated
            << quint64(map.items.size());
        for (const auto &[key, item] : map.items)
            out << item.key << item.data << item.revision << item.dateCreated << item.dateUpdated
                << item.dateExpires;
    }
}

bool SyncStore::load(QDataStream &in, bool withExpiry)
{
    m_maps.clear();
    in >> service.sid >> service.uniqueName >> service.friendlyName >> service.dateCreated >>
        service.dateUpdated;
    quint64 mapCount = 0;
    in >> mapCount;
    for (quint64 i = 0; i < mapCount && in.status() == QDataStream::Ok; ++i) {
        SyncMap map;
        quint64 itemCount = 0;
        in >> map.sid >> map.uniqueName >> map.revision >> map.dateCreated >> map.dateUpdated >>
            itemCount;
        for (quint64 j = 0; j < itemCount && in.status() == QDataStream::Ok; ++j) {
            SyncItem item;
            in >> item.key >> item.data >> item.revision >> item.dateCreated >> item.dateUpdated;
            if (withExpiry)
                in >> item.dateExpires;
            map.items.emplace(item.key, item);
        }
        map.serviceSid = service.sid;
        m_maps.emplace(map.sid, std::move(map));
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
