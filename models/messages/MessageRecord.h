// What the provider says about one message, as the sync engine hands it to MessageStore.
#pragma once

#include <QDateTime>
#include <QString>

struct MessageRecord
{
    enum class Direction
    {
        Inbound,
        Outbound
    };

    QString sid; // the provider's message sid, never empty
    QString providerAccountSid;
    Direction direction = Direction::Inbound;
    QString from;
    QString to;
    QString body;
    QString status; // the provider's status word, e.g. "delivered"
    int numSegments = 1;
    int errorCode = 0; // 0: none
    QString errorMessage;
    QString price; // decimal string as given ("-0.00750"); empty until priced
    QString priceUnit;
    QDateTime dateCreated; // UTC
    QDateTime dateSent;    // UTC; invalid until sent
    QDateTime dateUpdated; // UTC
    // Set when the message is known to be one composed here (its client reference).
    QString clientRef;
};
