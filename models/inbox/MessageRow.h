// One message of a thread's timeline as the thread view shows it.
#pragma once

#include <QString>

struct MessageRow
{
    qint64 id = 0;
    QString direction; // "in" or "out"
    QString body;
    QString status;
    int errorCode = 0; // 0: none
    QString errorMessage;
    QString author;        // the agent who wrote it here; '' otherwise
    qint64 campaignId = 0; // 0: not sent by a campaign
    QString campaignName;
    qint64 createdAt = 0; // ms since the epoch, UTC
    int segments = 1;
    qint64 scheduledAt = 0; // "Send later…": not before then (ms, UTC); 0 when not scheduled
    QString customerZone;   // the customer's IANA zone, set for scheduled messages
    // MMS media as a JSON array of {sid, type, state, size, path, error}; '' without media.
    QString media;

    friend bool operator==(const MessageRow &, const MessageRow &) = default;
};
