// What the status bar says after a sync, against two real sandboxes: a second account whose
// numbers belong to the first one used to report "200 new message(s)" over an empty inbox
// (the reason only in the log); wrong credentials used to read "it retries on its own".
#include "AccountRows.h"
#include "DeskSession.h"
#include "DesktopShell.h"
#include "MainWindow.h"
#include "SecretStore.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncStatusWidget.h"
#include "sandbox/SandboxServer.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

class TstSyncNotices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void messagesForAnotherAccountsNumbersAreExplained();
    void wrongCredentialsAreNotSaidToRetry();

private:
    std::unique_ptr<sandbox::SandboxServer> sandbox(const QString &sid, const QString &token,
                                                    quint64 seed);
    qint64 addAccount(const QString &name, const sandbox::SandboxServer &server);
    bool openAndSync(qint64 account, const QString &token);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_first;
    std::unique_ptr<sandbox::SandboxServer> m_second;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<DesktopShell> m_shell;
    qint64 m_a = 0;
    qint64 m_b = 0;
};

std::unique_ptr<sandbox::SandboxServer> TstSyncNotices::sandbox(const QString &sid,
                                                                const QString &token, quint64 seed)
{
    // Every sandbox has the same numbers; its own seed gives its messages their own sids.
    sandbox::SandboxOptions options;
    options.seed = seed;
    options.accountSid = sid;
    options.authToken = token;
    auto server = std::make_unique<sandbox::SandboxServer>(options);
    if (!server->listen())
        return nullptr;
    server->seedHistory(200, 20, 10);
    return server;
}

qint64 TstSyncNotices::addAccount(const QString &name, const sandbox::SandboxServer &server)
{
    const QString sid = server.accountSid();
    const QString url = server.baseUrl().toString();
    return m_session->writer()->call([=](WriterContext &context) -> qint64 {
        auto rows = context.repo<AccountRows>();
        const qint64 id = rows.createOrFind(name, sid);
        return id > 0 && rows.updateProvider({id, name, sid, url, url, url}) ? id : 0;
    });
}

bool TstSyncNotices::openAndSync(qint64 account, const QString &token)
{
    QSignalSpy opened(m_session.get(), &DeskSession::accountOpened);
    m_session->openAccount(account, token);
    if (!opened.wait(15000) || !m_session->syncEngine())
        return false;
    QSignalSpy finished(m_session->syncEngine(), &SyncEngine::finished);
    return finished.wait(60000);
}

void TstSyncNotices::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_first = sandbox(u"AC%1"_s.arg(1, 32, 10, QLatin1Char('0')), u"first-token"_s, 31);
    m_second = sandbox(u"AC%1"_s.arg(2, 32, 10, QLatin1Char('0')), u"second-token"_s, 32);
    QVERIFY(m_first && m_second);
    m_session = std::make_unique<DeskSession>();
    QVERIFY(m_session->openProfile(m_dir->filePath(u"profile.sqlite"_s)));
    m_session->secrets()->setSessionOnlyFallback(true);
    m_a = addAccount(u"Bloom Florists"_s, *m_first);
    m_b = addAccount(u"Bloom Outlet"_s, *m_second);
    QVERIFY(m_a > 0 && m_b > 0);
    int written = 0;
    for (const auto *server : {m_first.get(), m_second.get()}) {
        m_session->secrets()->write(
            SecretStore::authTokenKey(m_session->writer()->profileUuid(), server->accountSid()),
            server->authToken(), m_session.get(), [&written](const SecretResult &) { ++written; });
    }
    QTRY_COMPARE(written, 2);
    // The first account takes the numbers.
    QVERIFY(openAndSync(m_a, m_first->authToken()));
    m_shell = std::make_unique<DesktopShell>(m_session.get(), u"alice"_s);
    QVERIFY(m_shell->start());
    m_shell->window()->resize(1280, 800);
    m_shell->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->window()));
}

void TstSyncNotices::cleanup()
{
    m_shell.reset();
    m_session.reset();
    m_first.reset();
    m_second.reset();
    m_dir.reset();
}

void TstSyncNotices::messagesForAnotherAccountsNumbersAreExplained()
{
    QLabel *notice = m_shell->syncStatus()->noticeLabel();
    QVERIFY(notice->isHidden());
    const int width = m_shell->window()->width();
    // Switched to with the window's account switcher, as a person does.
    auto *switcher = m_shell->window()->findChild<QComboBox *>(u"accountSwitcher"_s);
    QVERIFY(switcher);
    QSignalSpy opened(m_session.get(), &DeskSession::accountOpened);
    switcher->setCurrentIndex(switcher->findData(m_b));
    QVERIFY(opened.wait(15000));
    QCOMPARE(m_session->accountId(), m_b);
    QSignalSpy finished(m_session->syncEngine(), &SyncEngine::finished);
    QVERIFY(finished.wait(60000));
    // Every message of the second account is stored, none in a thread: the numbers are the
    // first account's.
    StoreReader reader(m_session->profilePath());
    QVERIFY(reader.open());
    QSqlQuery q(reader.connection());
    q.prepare(u"SELECT count(*), count(thread_id) FROM messages WHERE account_id = ?"_s);
    q.addBindValue(m_b);
    QVERIFY(q.exec() && q.next());
    QVERIFY(q.value(0).toInt() > 0);
    QCOMPARE(q.value(1).toInt(), 0);
    q.prepare(u"SELECT number FROM sender_numbers WHERE account_id = ? LIMIT 1"_s);
    q.addBindValue(m_a);
    QVERIFY(q.exec() && q.next());
    const QString number = q.value(0).toString();

    QTRY_VERIFY(!notice->isHidden());
    // The visible line names the cause; a long line does not widen the window.
    QVERIFY2(notice->text().contains(u"belong to another account"_s), qPrintable(notice->text()));
    // However long, the line is elided and may be cut rather than widen the window; at most
    // the status bar's spacing is added.
    QVERIFY2(m_shell->window()->width() - width <= 24,
             qPrintable(u"%1 -> %2"_s.arg(width).arg(m_shell->window()->width())));
    const QString text = notice->toolTip();
    QVERIFY2(text.startsWith(u"None of the "_s) && text.contains(u"is in the inbox"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"belong to another account"_s), qPrintable(text));
    QVERIFY2(text.contains(number), qPrintable(text));
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_shell->window()->grab().save(QDir(dir).filePath(u"sync-unrouted-notice.png"_s)));

    // Back on the first account, its messages are in its inbox: nothing to explain.
    QVERIFY(openAndSync(m_a, m_first->authToken()));
    QTRY_VERIFY(notice->isHidden());
}

void TstSyncNotices::wrongCredentialsAreNotSaidToRetry()
{
    QSignalSpy failed(m_session.get(), &DeskSession::syncFailed);
    QSignalSpy opened(m_session.get(), &DeskSession::accountOpened);
    m_session->openAccount(m_b, u"not-the-token"_s);
    QVERIFY(opened.wait(15000));
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().at(1).toBool(), false);
    const QString shown = m_shell->syncStatus()->label()->text();
    QVERIFY2(!shown.contains(u"retries on its own"_s), qPrintable(shown));
    QVERIFY2(shown.contains(u"Account SID or Auth Token is wrong"_s), qPrintable(shown));
}

int main(int argc, char **argv)
{
    // No keychain (D-Bus points nowhere) and no real settings.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/smsdesk-no-bus");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TstSyncNotices test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_syncnotices.moc"
