// A message composed here, written as 'queued' before any network call.
#pragma once

#include <QString>

struct OutgoingMessage
{
    qint64 threadId = 0;
    QString body;
    QString clientRef; // fresh, unique: the outbox's idempotency key
    QString author;    // the agent
    int segments = 1;
    QString encoding;      // "gsm7" or "ucs2"
    qint64 campaignId = 0; // 0: not a campaign message
    QString variant;       // campaign variant, "A"/"B"; empty otherwise
};
