// One message as the sandbox keeps it: fixed-size (about 80 bytes), body text in an arena,
// numbers interned, so a million messages fit in little memory.
#pragma once

#include "Sid128.h"

namespace sandbox {

enum class MessageStatus : quint8
{
    Queued,
    Sending,
    Sent,
    Delivered,
    Undelivered,
    Failed,
    Received,
    Accepted,  // a Messaging Service's, its sender not yet picked
    Scheduled, // ScheduleType=fixed, waiting for its SendAt
    Canceled   // a scheduled message canceled before its time
};
enum class MessageDirection : quint8
{
    Inbound,
    OutboundApi,
    OutboundReply
};

struct StoredMessage
{
    Sid128 sid;
    qint64 dateCreated = 0; // ms since epoch, sandbox time
    qint64 dateSent = 0;    // 0 = null (not sent yet)
    qint64 dateUpdated = 0;
    quint64 bodyRef = 0;    // TextArena reference
    quint32 bodyLength = 0; // UTF-8 bytes
    quint32 from = 0;       // interned number ids
    quint32 to = 0;
    qint32 errorCode = 0;   // 0 = null
    qint32 priceMicros = 0; // micro-dollars, negative; meaningful when priced
    quint16 numSegments = 1;
    MessageStatus status = MessageStatus::Queued;
    MessageDirection direction = MessageDirection::OutboundApi;
    bool priced = false;
    quint8 numMedia = 0; // inbound MMS: items in the MediaLibrary
};

QLatin1StringView statusName(MessageStatus status);
QLatin1StringView directionName(MessageDirection direction);

} // namespace sandbox
