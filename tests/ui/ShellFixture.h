// The whole window over a real profile: a DeskSession on a ThreadFixture profile (two
// accounts), its DesktopShell started and shown. No provider answers (the accounts point at a
// closed loopback port), and Auth Tokens live in session memory only: the test's main() points
// D-Bus nowhere so no real keychain is touched (SHELL_TEST_MAIN).
#pragma once

#include "AccountRows.h"
#include "DeskSession.h"
#include "DesktopShell.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "StoreWriter.h"
#include "ThreadFixture.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

class ShellFixture
{
public:
    // Opens the profile with the fixture's accounts; seed it (fx()) before start().
    bool open()
    {
        m_fx = std::make_unique<ThreadFixture>();
        if (!m_fx->open())
            return false;
        AccountRows accounts(m_fx->db());
        for (AccountRows::Row row : accounts.list()) {
            // Nothing listens there: sync fails at once, and nothing leaves the machine.
            row.apiBaseUrl = row.lookupBaseUrl = row.syncBaseUrl =
                QStringLiteral("http://127.0.0.1:9");
            row.providerSid = QStringLiteral("AC%1").arg(row.id, 32, 10, QLatin1Char('0'));
            if (!accounts.updateProvider(row))
                return false;
        }
        m_session = std::make_unique<DeskSession>();
        if (!m_session->openProfile(m_fx->dir() + QStringLiteral("/profile.sqlite"))) {
            qWarning("openProfile: %s", qPrintable(m_session->errorString()));
            return false;
        }
        m_session->secrets()->setSessionOnlyFallback(true);
        int written = 0;
        for (const qint64 id : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
            const QString sid = QStringLiteral("AC%1").arg(id, 32, 10, QLatin1Char('0'));
            m_session->secrets()->write(
                SecretStore::authTokenKey(m_session->writer()->profileUuid(), sid),
                QStringLiteral("token"), m_session.get(),
                [&written](const SecretResult &) { ++written; });
        }
        return QTest::qWaitFor([&] { return written == 2; }, 10000);
    }

    // Starts the shell on account A (the profile's first) and shows the window.
    bool start()
    {
        m_shell = std::make_unique<DesktopShell>(m_session.get(), QStringLiteral("alice"));
        if (!m_shell->start())
            return false;
        window()->resize(1280, 800);
        window()->show();
        return QTest::qWaitForWindowExposed(window());
    }

    ~ShellFixture()
    {
        // A keychain job still running when its store goes would call back into freed memory.
        if (m_session &&
            !QTest::qWaitFor([this] { return m_session->secrets()->pendingCount() == 0; }, 10000))
            qWarning("keychain jobs still running at the end of the test");
        m_shell.reset();
        m_session.reset();
        m_fx.reset();
    }

    ThreadFixture &fx() { return *m_fx; }
    DeskSession *session() const { return m_session.get(); }
    DesktopShell *shell() const { return m_shell.get(); }
    MainWindow *window() const { return m_shell->window(); }
    StoreWriter *writer() const { return m_session->writer(); }

    // Stores a page through the session's writer, as sync does: the views hear of it.
    bool upsertLive(qint64 account, const QList<MessageRecord> &page)
    {
        const bool ok = writer()->call([&](WriterContext &context) {
            UpsertStats stats;
            return context.messages->upsertPage(account, page, &stats);
        });
        QCoreApplication::processEvents();
        return ok;
    }

    // Switches account with the window's account switcher, as the agent does.
    void showAccount(qint64 accountId)
    {
        auto *switcher = window()->findChild<QComboBox *>(QStringLiteral("accountSwitcher"));
        QVERIFY(switcher);
        const int index = switcher->findData(accountId);
        QVERIFY(index >= 0);
        switcher->setCurrentIndex(index);
        QCOMPARE(shell()->currentAccountId(), accountId);
    }

private:
    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<DesktopShell> m_shell;
};

// No keychain (D-Bus points nowhere) and no real settings: QStandardPaths test mode.
#define SHELL_TEST_MAIN(TestClass)                                                                 \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/smsdesk-no-bus");              \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                                        \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                               \
        QStandardPaths::setTestModeEnabled(true);                                                  \
        QApplication app(argc, argv);                                                              \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                   \
        TestClass test;                                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
