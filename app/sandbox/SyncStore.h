// Sync v1 state of one Service: the Service, its Maps and their Items (ordered by key).
#pragma once

#include <QByteArray>
#include <QDataStream>
#include <QString>

#include <map>

namespace sandbox {

struct SyncItem
{
    QString key;
    QByteArray data; // compact JSON object text
    quint64 revision = 0;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
    qint64 dateExpires = 0; // sandbox ms; 0 = no ItemTtl
};

struct SyncMap
{
    QString sid;        // MP...
    QString serviceSid; // IS... of the SyncStore holding it (set by addMap and load)
    QString uniqueName;
    quint64 revision = 0;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
    std::map<QString, SyncItem> items;
};

struct SandboxSyncService
{
    QString sid; // IS...
    QString uniqueName;
    QString friendlyName;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
};

class SyncStore
{
public:
    SandboxSyncService service;

    SyncMap *findMap(const QString &sidOrUniqueName);
    SyncMap &addMap(const SyncMap &map);
    bool removeMap(const QString &sid) { return m_maps.erase(sid) > 0; }
    const std::map<QString, SyncMap> &maps() const { return m_maps; }

    void save(QDataStream &out) const;
    // withExpiry: the stream has item expiry dates (state format 2 and later).
    bool load(QDataStream &in, bool withExpiry = true);

private:
    std::map<QString, SyncMap> m_maps; // by sid
};

} // namespace sandbox
