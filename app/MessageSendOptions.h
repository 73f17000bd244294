// What a create may add to From/To/Body: a Messaging Service to send through (its pool picks
// the sender when no From is given) and a time for the provider to send it (Twilio's SendAt
// with ScheduleType=fixed: 5 minutes to 35 days ahead, only with a service).
#pragma once

#include <QDateTime>
#include <QString>

struct MessageSendOptions
{
    QString messagingServiceSid; // MG…; empty: From alone
    QDateTime sendAt;            // invalid: send now

    bool scheduled() const { return sendAt.isValid(); }
};
