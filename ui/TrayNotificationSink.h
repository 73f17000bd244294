// Shows notifications as tray balloons: QSystemTrayIcon::showMessage, which Qt sends to the
// freedesktop notification service where there is one.
#pragma once

#include "NotificationSink.h"

class QSystemTrayIcon;

class TrayNotificationSink : public NotificationSink
{
public:
    static constexpr int TimeoutMs = 8000;

    // tray is not owned; it must outlive the sink.
    explicit TrayNotificationSink(QSystemTrayIcon *tray);

    void show(const Notification &notification, bool sound) override;

private:
    QSystemTrayIcon *m_tray;
};
