// A Sync map item (schema sync.v1.service.sync_map.sync_map_item).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

struct SyncMapItem
{
    QString key;
    QString revision; // pass to update/delete as If-Match for optimistic concurrency
    QJsonObject data;
    QString accountSid;
    QString serviceSid;
    QString mapSid;
    QString url;
    QString createdBy;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
    QDateTime dateExpires; // invalid when the item does not expire
};
