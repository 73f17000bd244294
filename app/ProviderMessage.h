// A message resource of the Twilio 2010 API (schema api.v2010.account.message), as reported
// by the provider.
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

struct ProviderMessage
{
    QString sid; // SM… or MM…
    QString accountSid;
    QString messagingServiceSid;
    QString from;
    QString to;
    QString body;
    QString status;    // provider vocabulary: queued, sending, sent, delivered, received, …
    QString direction; // inbound, outbound-api, outbound-call, outbound-reply
    int numSegments = 0;
    int numMedia = 0;
    std::optional<int> errorCode;
    QString errorMessage;
    std::optional<QString> price; // decimal text as sent ("-0.00750"); absent until priced
    QString priceUnit;            // ISO 4217, e.g. "USD"
    QDateTime dateCreated;        // UTC; invalid when the provider sent null
    QDateTime dateSent;
    QDateTime dateUpdated;
    QString uri;
    // Set when a listed message could not be read (a field of the wrong type): why. Only sid,
    // direction and status are then filled, as far as they were readable.
    QString unreadable;
};
