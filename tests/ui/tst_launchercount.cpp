// The unread count reaches the dock: on a private session bus (its own dbus-daemon) a listener
// stands in for Ubuntu's dock or KDE's task manager and records the
// com.canonical.Unity.LauncherEntry Update signals; and the shell feeds the launcher the count
// that is in its window title.
#include "LauncherCount.h"
#include "ShellFixture.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

// What a launcher does with the signal, minus the drawing.
class FakeLauncher : public QObject
{
    Q_OBJECT

public:
    struct Update
    {
        QString appUri;
        QVariantMap properties;
    };
    QList<Update> updates;

public Q_SLOTS:
    void update(const QString &appUri, const QVariantMap &properties)
    {
        updates.append({appUri, properties});
    }
};

class TstLauncherCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void sendsCountOnTheSessionBus();
    void shellSendsTheTitlesCount();

private:
    QProcess m_daemon;
};

void TstLauncherCount::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(u"dock"_s);
    QDBusConnection::disconnectFromBus(u"desk"_s);
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }
}

void TstLauncherCount::sendsCountOnTheSessionBus()
{
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed (package dbus-daemon)");
    m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_daemon.waitForStarted());
    QVERIFY(m_daemon.waitForReadyRead(10000));
    const QString address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!address.isEmpty());

    QDBusConnection dock = QDBusConnection::connectToBus(address, u"dock"_s);
    QVERIFY(dock.isConnected());
    FakeLauncher launcher;
    QVERIFY(dock.connect(QString(), QString(), u"com.canonical.Unity.LauncherEntry"_s, u"Update"_s,
                         &launcher, SLOT(update(QString, QVariantMap))));

    QGuiApplication::setDesktopFileName(u"io.smsdesk.SmsDesk"_s);
    QDBusConnection desk = QDBusConnection::connectToBus(address, u"desk"_s);
    QVERIFY(desk.isConnected());
    LauncherCount count(desk);
    count.setCount(3);
    QTRY_COMPARE(launcher.updates.size(), 1);
    QCOMPARE(launcher.updates[0].appUri, u"application://io.smsdesk.SmsDesk.desktop"_s);
    QCOMPARE(launcher.updates[0].properties.value(u"count"_s).metaType(),
             QMetaType::fromType<qint64>());
    QCOMPARE(launcher.updates[0].properties.value(u"count"_s).toLongLong(), 3);
    QCOMPARE(launcher.updates[0].properties.value(u"count-visible"_s).toBool(), true);

    // The same count again sends nothing; 0 hides the badge. The bus keeps order, so once the
    // 0 is in, a second 3 would have arrived before it.
    count.setCount(3);
    count.setCount(0);
    QTRY_COMPARE(launcher.updates.size(), 2);
    QCOMPARE(launcher.updates[1].properties.value(u"count"_s).toLongLong(), 0);
    QCOMPARE(launcher.updates[1].properties.value(u"count-visible"_s).toBool(), false);
    QCOMPARE(count.count(), 0);
}

void TstLauncherCount::shellSendsTheTitlesCount()
{
    // The shell's bus points nowhere here: what it would send is its count.
    ShellFixture shell;
    QVERIFY(shell.open());
    const QString ana = u"+14155552001"_s;
    const QDateTime start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
    QVERIFY(shell.fx().upsert(
        F::AccountA, {F::message(ana, F::Support, u"Hello"_s, start),
                      F::message(ana, F::Support, u"Are you open?"_s, start.addSecs(60))}));
    QVERIFY(shell.start());
    LauncherCount *launcher = shell.shell()->launcherCount();
    QVERIFY(launcher);
    QTRY_COMPARE(shell.window()->windowTitle(), u"(2) SMS Desk"_s);
    QCOMPARE(launcher->count(), 2);
    QVERIFY(shell.upsertLive(F::AccountA,
                             {F::message(ana, F::Support, u"Hello?"_s, start.addSecs(120))}));
    QTRY_COMPARE(shell.window()->windowTitle(), u"(3) SMS Desk"_s);
    QCOMPARE(launcher->count(), 3);
}

SHELL_TEST_MAIN(TstLauncherCount)
#include "tst_launchercount.moc"
