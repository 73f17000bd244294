// A Messaging Service (schema messaging.v1.service) and its sender pool: the service picks a
// pool number for each message sent through it. US A2P 10DLC traffic must go through one.
#pragma once

#include "MessagingServiceSender.h"

#include <QDateTime>
#include <QList>
#include <QString>

struct MessagingService
{
    QString sid; // MG…
    QString friendlyName;
    QString usecase; // e.g. "marketing", "customer_care", "undeclared"
    bool stickySender = false;
    bool usAppToPersonRegistered = false;
    QDateTime dateCreated;                 // UTC
    QList<MessagingServiceSender> senders; // filled by listMessagingServicesWithSenders
};
