// Demo → another account → Demo: the demo's credentials come from its in-process provider, so
// switching back reconnects it without asking for an Auth Token the user never saw (it used
// to show the account dialog with "No Auth Token is stored for this account" and stay
// disconnected).
#include "AccountRows.h"
#include "AccountSetupDialog.h"
#include "DeskSession.h"
#include "DesktopShell.h"
#include "MainWindow.h"
#include "SandboxDemoProvider.h"
#include "SecretStore.h"
#include "StoreWriter.h"
#include "SyncEngine.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstDemoSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchingBackToTheDemoReconnectsWithoutAskingForAToken();
};

void TstDemoSwitch::switchingBackToTheDemoReconnectsWithoutAskingForAToken()
{
    QTemporaryDir dir;
    DeskSession session;
    session.secrets()->setSessionOnlyFallback(true);
    session.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
    QVERIFY2(session.startDemo(dir.path()), qPrintable(session.errorString()));
    const qint64 demo = session.accountId();
    QVERIFY(demo > 0);

    // A second account with its own token; nothing listens at its address.
    const QString sid = u"AC%1"_s.arg(7, 32, 10, QLatin1Char('0'));
    const qint64 other = session.writer()->call([sid](WriterContext &context) {
        auto rows = context.repo<AccountRows>();
        const qint64 id = rows.createOrFind(u"Oak St Dental"_s, sid);
        const QString url = u"http://127.0.0.1:9"_s;
        return id > 0 && rows.updateProvider({id, u"Oak St Dental"_s, sid, url, url, url}) ? id : 0;
    });
    QVERIFY(other > 0);
    bool written = false;
    session.secrets()->write(SecretStore::authTokenKey(session.writer()->profileUuid(), sid),
                             u"token"_s, &session, [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);

    DesktopShell shell(&session, u"alice"_s);
    QVERIFY(shell.start());
    shell.window()->resize(1280, 800);
    shell.window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(shell.window()));
    QCOMPARE(shell.currentAccountId(), demo);

    // Any account dialog that opens is noted and closed, so a regression fails, not hangs.
    QStringList dialogs;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&dialogs] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<AccountSetupDialog *>(top);
                dialog && top->isVisible()) {
                dialogs.append(dialog->windowTitle());
                dialog->reject();
            }
        }
    });
    watcher.start();

    auto *switcher = shell.window()->findChild<QComboBox *>(u"accountSwitcher"_s);
    QVERIFY(switcher);
    QSignalSpy opened(&session, &DeskSession::accountOpened);
    QSignalSpy asked(&session, &DeskSession::credentialsNeeded);
    switcher->setCurrentIndex(switcher->findData(other));
    QTRY_VERIFY_WITH_TIMEOUT(session.accountId() == other, 20000);
    QCOMPARE(shell.currentAccountId(), other);

    switcher->setCurrentIndex(switcher->findData(demo));
    QTRY_VERIFY_WITH_TIMEOUT(session.accountId() == demo, 20000);
    QCOMPARE(shell.currentAccountId(), demo);
    QVERIFY(session.syncEngine());
    // The demo is connected again: its sync runs against the in-process provider.
    QSignalSpy finished(session.syncEngine(), &SyncEngine::finished);
    session.syncEngine()->syncNow();
    QVERIFY(finished.wait(30000));
    QVERIFY2(asked.isEmpty(),
             qPrintable(asked.isEmpty() ? QString() : asked.first().at(1).toString()));
    QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs.join(u", "_s)));
    watcher.stop();
}

int main(int argc, char **argv)
{
    // No keychain (D-Bus points nowhere) and no real settings.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/smsdesk-no-bus");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TstDemoSwitch test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demoswitch.moc"
