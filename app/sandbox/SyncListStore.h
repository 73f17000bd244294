// Sync v1 Lists of every service: each List's Items by index. Indexes start at 0, only grow,
// and are never reused, even after the last item was deleted or expired.
#pragma once

#include <QByteArray>
#include <QDataStream>
#include <QString>

#include <map>

namespace sandbox {

struct SandboxSyncListItem
{
    qint64 index = 0;
    QByteArray data; // compact JSON object text
    quint64 revision = 0;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
    qint64 dateExpires = 0; // sandbox ms; 0 = no ItemTtl
};

struct SandboxSyncList
{
    QString sid; // ES...
    QString serviceSid;
    QString uniqueName;
    quint64 revision = 0;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
    qint64 dateExpires = 0; // CollectionTtl; 0 = never
    qint64 nextIndex = 0;
    std::map<qint64, SandboxSyncListItem> items;
};

class SyncListStore
{
public:
    // By SID or unique name, within one service.
    SandboxSyncList *find(const QString &serviceSid, const QString &sidOrUniqueName);
    SandboxSyncList &add(const SandboxSyncList &list);
    bool remove(const QString &sid) { return m_lists.erase(sid) > 0; }
    const std::map<QString, SandboxSyncList> &lists() const { return m_lists; }
    std::map<QString, SandboxSyncList> &lists() { return m_lists; }

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    std::map<QString, SandboxSyncList> m_lists; // by sid
};

} // namespace sandbox
