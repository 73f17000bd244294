#include "TrayNotificationSink.h"

#include "UiLogging.h"

#include <QApplication>
#include <QSystemTrayIcon>

TrayNotificationSink::TrayNotificationSink(QSystemTrayIcon *tray)
    : m_tray(tray)
{}

void TrayNotificationSink::show(const Notification &notification, bool sound)
{
    if (!m_tray->isVisible())
        qCDebug(lcUi) << "the tray icon is not shown; the desktop may drop notification for thread"
                      << notification.threadId;
    m_tray->showMessage(notification.title, notification.body, m_tray->icon(), TimeoutMs);
    if (sound)
        QApplication::beep();
}
