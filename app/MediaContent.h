// The downloaded content of one media item.
#pragma once

#include <QByteArray>
#include <QString>

struct MediaContent
{
    QByteArray bytes;
    QString contentType; // as the answer's Content-Type says
    // The item is larger than the cap the download was given: no bytes were kept.
    bool tooLarge = false;
    qint64 declaredSize = -1; // from Content-Length, when sent
};
