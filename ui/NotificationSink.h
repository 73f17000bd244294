// Where Notifier sends what it decided to show: the desktop (TrayNotificationSink) or, in
// tests, a list that records it.
#pragma once

#include "Notification.h"

class NotificationSink
{
public:
    virtual ~NotificationSink() = default;
    // Shows one notification now; sound: play a sound with it.
    virtual void show(const Notification &notification, bool sound) = 0;
};
