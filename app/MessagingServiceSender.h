// One phone number in a Messaging Service's sender pool (schema
// messaging.v1.service.phone_number).
#pragma once

#include <QString>
#include <QStringList>

struct MessagingServiceSender
{
    QString sid; // PN… (the IncomingPhoneNumber's)
    QString serviceSid;
    QString phoneNumber; // E.164
    QString countryCode;
    QStringList capabilities; // "SMS", "MMS", "Voice"
};
