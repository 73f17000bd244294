// Pop-ups without a tray go to the freedesktop notification service: on a private session bus
// (its own dbus-daemon) a stand-in service records what SMS Desk asks it to show, and a click
// on the pop-up (the "default" action) comes back as the notification it belongs to.
#include "FreedesktopNotificationSink.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;

// What GNOME Shell or KDE's Plasma would do, minus the drawing.
class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int)
    {
        shown.append({summary, body, actions, hints});
        return uint(100 + shown.size());
    }
};

class TstFreedesktopNotifications : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsAndReportsClicks();

private:
    QProcess m_daemon;
    QString m_address;
};

void TstFreedesktopNotifications::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed (package dbus-daemon)");
    m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_daemon.waitForStarted());
    QVERIFY(m_daemon.waitForReadyRead(10000));
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY2(!m_address.isEmpty(), "dbus-daemon printed no address");
}

void TstFreedesktopNotifications::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(u"service"_s);
    QDBusConnection::disconnectFromBus(u"desk"_s);
    m_daemon.kill();
    m_daemon.waitForFinished();
}

void TstFreedesktopNotifications::showsAndReportsClicks()
{
    QDBusConnection desk = QDBusConnection::connectToBus(m_address, u"desk"_s);
    QVERIFY(desk.isConnected());
    // No service yet: the notifier would keep to the tray.
    QVERIFY(!FreedesktopNotificationSink::isAvailable(desk));

    QDBusConnection service = QDBusConnection::connectToBus(m_address, u"service"_s);
    FakeNotificationService fake;
    QVERIFY(service.registerObject(u"/org/freedesktop/Notifications"_s, &fake,
                                   QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(u"org.freedesktop.Notifications"_s));
    QVERIFY(FreedesktopNotificationSink::isAvailable(desk));

    FreedesktopNotificationSink sink(desk);
    Notification n;
    n.threadId = 42;
    n.messageId = 7;
    n.title = u"Ana Lima"_s;
    n.body = u"Can you deliver on Friday?"_s;
    sink.show(n, true);
    QTRY_COMPARE(fake.shown.size(), 1);
    QCOMPARE(fake.shown.first().summary, n.title);
    QCOMPARE(fake.shown.first().body, n.body);
    QVERIFY(fake.shown.first().actions.contains(u"default"_s));
    QCOMPARE(fake.shown.first().hints.value(u"desktop-entry"_s).toString(), u"smsdesk"_s);
    QVERIFY(fake.shown.first().hints.contains(u"sound-name"_s));

    Notification other = n;
    other.threadId = 43;
    sink.show(other, false);
    QTRY_COMPARE(fake.shown.size(), 2);
    QVERIFY(fake.shown.last().hints.value(u"suppress-sound"_s).toBool());

    // The user clicks the first pop-up: its thread is asked for, not the latest one's.
    QSignalSpy activated(&sink, &FreedesktopNotificationSink::activated);
    QDBusMessage click =
        QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
                                   u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
    click << uint(101) << u"default"_s;
    QVERIFY(service.send(click));
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Notification>().threadId, 42);

    // Closed, it no longer answers to a click.
    QDBusMessage closed =
        QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
                                   u"org.freedesktop.Notifications"_s, u"NotificationClosed"_s);
    closed << uint(101) << uint(2);
    QVERIFY(service.send(closed));
    QVERIFY(service.send(click));
    // The bus keeps order: once the second pop-up's click is in, the first's was ignored.
    QDBusMessage second =
        QDBusMessage::createSignal(u"/org/freedesktop/Notifications"_s,
                                   u"org.freedesktop.Notifications"_s, u"ActionInvoked"_s);
    second << uint(102) << u"default"_s;
    QVERIFY(service.send(second));
    QTRY_COMPARE(activated.size(), 2);
    QCOMPARE(activated.last().first().value<Notification>().threadId, 43);
    service.unregisterService(u"org.freedesktop.Notifications"_s);
}

QTEST_MAIN(TstFreedesktopNotifications)
#include "tst_freedesktopnotifications.moc"
