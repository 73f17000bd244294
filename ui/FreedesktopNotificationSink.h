// Shows notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus), for desktops without a system tray
// (GNOME's default), where QSystemTrayIcon::showMessage shows nothing. A click on a pop-up
// ("default" action) is reported with the notification it belongs to.
#pragma once

#include "NotificationSink.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>

class FreedesktopNotificationSink : public QObject, public NotificationSink
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 8000;

    // bus: the session bus (tests pass a private one).
    explicit FreedesktopNotificationSink(const QDBusConnection &bus, QObject *parent = nullptr);

    // Whether a notification service answers on the bus.
    static bool isAvailable(const QDBusConnection &bus);

    void show(const Notification &notification, bool sound) override;

Q_SIGNALS:
    void activated(const Notification &notification);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QHash<uint, Notification> m_shown; // the service's ids of pop-ups still on screen
};
