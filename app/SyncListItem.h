// A Sync list item (schema sync.v1.service.sync_list.sync_list_item). Indexes increase in
// append order and are never reused, but need not be contiguous.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

struct SyncListItem
{
    qint64 index = -1;
    QString revision; // pass to update/delete as If-Match
    QJsonObject data;
    QString accountSid;
    QString serviceSid;
    QString listSid;
    QString url;
    QString createdBy;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
    QDateTime dateExpires; // invalid when the item does not expire
};
