// The Sync services created with POST /v1/Services, each a SyncStore with its own Maps. The
// service every account starts with (unique name "default") stays in SandboxState::sync.
#pragma once

#include "SyncStore.h"

#include <QDataStream>
#include <QString>

#include <map>

namespace sandbox {

class SyncServiceDirectory
{
public:
    SyncStore &add(const SandboxSyncService &service);
    // By SID, or by unique name (created services have none: the REST API cannot set one).
    SyncStore *find(const QString &sidOrUniqueName);
    bool remove(const QString &sid) { return m_services.erase(sid) > 0; }
    const std::map<QString, SyncStore> &services() const { return m_services; }
    std::map<QString, SyncStore> &services() { return m_services; }

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    std::map<QString, SyncStore> m_services; // by sid
};

} // namespace sandbox
