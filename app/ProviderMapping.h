// Turns the provider's view of a message into the row MessageStore writes.
#pragma once

#include "MessageRecord.h"
#include "ProviderMessage.h"
#include "SkippedMessage.h"

#include <QString>

#include <optional>

class ProviderMapping
{
public:
    // nullopt (and *error says why) when the message cannot be stored: no sid, a direction
    // or status word the store does not know, or no date at all.
    static std::optional<MessageRecord> toRecord(const ProviderMessage &message,
                                                 QString *error = nullptr);

    // "inbound" → Inbound; "outbound-api", "outbound-call", "outbound-reply" → Outbound.
    static std::optional<MessageRecord::Direction> direction(const QString &providerDirection);

    // The message as it is kept aside when toRecord() refused it for `why`.
    static SkippedMessage keptAside(const ProviderMessage &message, const QString &why);

    // Outbound statuses that can still change, so the sync engine polls them.
    static bool isPendingStatus(const QString &status);
};
