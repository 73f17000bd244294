// A Sync list (schema sync.v1.service.sync_list): the team log is one.
#pragma once

#include <QDateTime>
#include <QString>

struct SyncList
{
    QString sid; // ES…
    QString uniqueName;
    QString accountSid;
    QString serviceSid;
    QString url;
    QString revision;
    QString createdBy;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
    QDateTime dateExpires; // invalid when the list does not expire
};
