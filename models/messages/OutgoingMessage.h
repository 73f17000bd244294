// A message composed here, written as 'queued' before any network call.
#pragma once

#include "ConsentLedger.h"

#include <QString>

struct OutgoingMessage
{
    // The provider's limit on a body (Twilio answers longer ones with 21617).
    static constexpr qsizetype MaxBodyChars = 1600;

    qint64 threadId = 0;
    QString body;
    QString clientRef; // fresh, unique: the outbox's idempotency key
    QString author;    // the agent
    int segments = 1;
    QString encoding;      // "gsm7" or "ucs2"
    qint64 campaignId = 0; // 0: not a campaign message
    QString variant;       // campaign variant, "A"/"B"; empty otherwise
    // Why it is sent: the outbox lets only a keyword's confirmation reach an opted-out customer.
    ConsentLedger::MessagePurpose purpose = ConsentLedger::MessagePurpose::Conversation;

    // The messages.purpose column values.
    static QString purposeToString(ConsentLedger::MessagePurpose purpose);
    static std::optional<ConsentLedger::MessagePurpose> purposeFromString(QStringView text);
};
