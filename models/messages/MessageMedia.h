// One media item of an MMS message as the profile keeps it (table message_media, 0017).
#pragma once

#include <QString>

struct MessageMedia
{
    qint64 accountId = 0;
    QString messageSid;
    QString mediaSid; // ME…
    int position = 0;
    QString contentType;
    QString state = QStringLiteral("pending"); // pending, cached, failed, too_large, evicted
    qint64 sizeBytes = -1;                     // -1: not known yet
    QString filePath;                          // the cached file; '' when not cached
    QString error;
    int attempts = 0;
    qint64 createdAt = 0; // the provider's date_created, ms UTC
    QString contentUri;   // the provider's content URI, relative to the API host
};
