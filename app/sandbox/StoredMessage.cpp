#include "StoredMessage.h"

namespace sandbox {

QLatin1StringView statusName(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Queued:
        return QLatin1StringView("queued");
    case MessageStatus::Sending:
        return QLatin1StringView("sending");
    case MessageStatus::Sent:
        return QLatin1StringView("sent");
    case MessageStatus::Delivered:
        return QLatin1StringView("delivered");
    case MessageStatus::Undelivered:
        return QLatin1StringView("undelivered");
    case MessageStatus::Failed:
        return QLatin1StringView("failed");
    case MessageStatus::Received:
        return QLatin1StringView("received");
    case MessageStatus::Accepted:
        return QLatin1StringView("accepted");
    case MessageStatus::Scheduled:
        return QLatin1StringView("scheduled");
    case MessageStatus::Canceled:
        return QLatin1StringView("canceled");
    }
    return QLatin1StringView("queued");
}

QLatin1StringView directionName(MessageDirection direction)
{
    switch (direction) {
    case MessageDirection::Inbound:
        return QLatin1StringView("inbound");
    case MessageDirection::OutboundApi:
        return QLatin1StringView("outbound-api");
    case MessageDirection::OutboundReply:
        return QLatin1StringView("outbound-reply");
    }
    return QLatin1StringView("outbound-api");
}

} // namespace sandbox
