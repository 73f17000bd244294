// The unread count on the application's launcher entry (Ubuntu's dock, KDE Plasma's task
// manager, Dash to Dock...): the com.canonical.Unity.LauncherEntry "Update" signal on the
// session bus, which such launchers listen for. Without a bus (or a launcher) it is a no-op.
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

class LauncherCount : public QObject
{
    Q_OBJECT

public:
    // Signals on `bus`; the entry is the running application's .desktop file.
    explicit LauncherCount(const QDBusConnection &bus, QObject *parent = nullptr);

    // "application://<desktop file id>.desktop": the installed file's name
    // (QGuiApplication::desktopFileName(), io.smsdesk.SmsDesk), else "smsdesk".
    static QString appUri();
    int count() const { return m_count; }

public Q_SLOTS:
    // Shows the count on the launcher (hidden at 0). Sent only when it changes.
    void setCount(int count);

private:
    QDBusConnection m_bus;
    int m_count = -1; // nothing sent yet
};
