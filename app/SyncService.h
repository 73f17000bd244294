// A Sync service (schema sync.v1.service): the container of the team's shared maps.
#pragma once

#include <QDateTime>
#include <QString>

struct SyncService
{
    QString sid; // IS…
    QString uniqueName;
    QString friendlyName;
    QString accountSid;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
};
