// Two desktops of one team side by side: two DesktopShell windows (Ana's and Sam's profiles,
// both joined with smsdesk-cli) in one process against one sandbox process. What one agent
// does in her window reaches the other window through the team log and the presence map.
#include "Composer.h"
#include "ConversationHeader.h"
#include "ConversationPane.h"
#include "InboxActions.h"
#include "InboxPage.h"
#include "MainWindow.h"
#include "PresenceBoard.h"
#include "ShellFixture.h"
#include "SyncStatusWidget.h"
#include "TeamDesksFixture.h"
#include "TeamLog.h"
#include "Theme.h"
#include "ThreadListDelegate.h"
#include "ThreadListView.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TstTeamWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bothWindowsShowTheThread();
    void typingInOneShowsReplyingInTheOther();
    void resolvingInOneResolvesInTheOther();
    void aChangeIsSharedAtOnce();
    void noServiceIsShownInTheStatusBarAndOnTheTeamPage();

private:
    struct Desk
    {
        std::unique_ptr<DeskSession> session;
        std::unique_ptr<DesktopShell> shell;
    };
    bool openDesk(int desk, const QString &me);
    int rowOf(int desk) const;
    QModelIndex indexOf(int desk) const;
    QString marker(int desk) const;

    TeamDesksFixture m_team;
    Desk m_desks[2];
};

bool TstTeamWindows::openDesk(int desk, const QString &me)
{
    Desk &d = m_desks[desk];
    d.session = m_team.open(desk);
    if (!d.session)
        return false;
    // The test's cadence: what the default 2 s base does, only faster.
    d.session->teamLog()->setBasePeriod(200ms);
    d.session->presence()->setMinPollGap(100ms);
    d.session->presence()->setMinWriteGap(100ms);
    d.shell = std::make_unique<DesktopShell>(d.session.get(), me);
    if (!d.shell->start())
        return false;
    d.shell->threads()->setFilter(ThreadListModel::Filter::All);
    d.shell->window()->resize(1280, 800);
    d.shell->window()->show();
    return QTest::qWaitForWindowExposed(d.shell->window());
}

int TstTeamWindows::rowOf(int desk) const
{
    ThreadListModel *model = m_desks[desk].shell->threads();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row);
        if (index.data(ThreadListModel::CustomerNumberRole).toString() ==
                TeamDesksFixture::Customer &&
            index.data(ThreadListModel::SenderNumberRole).toString() == TeamDesksFixture::Support)
            return row;
    }
    return -1;
}

QModelIndex TstTeamWindows::indexOf(int desk) const
{
    const int row = rowOf(desk);
    return row < 0 ? QModelIndex() : m_desks[desk].shell->threads()->index(row);
}

// The presence pill the list paints on the thread's row, '' when none.
QString TstTeamWindows::marker(int desk) const
{
    const QModelIndex index = indexOf(desk);
    if (!index.isValid())
        return {};
    for (const ThreadListDelegate::Pill &pill :
         m_desks[desk].shell->inbox()->listView()->delegate()->pills(index)) {
        if (pill.kind == ThreadListDelegate::Pill::Kind::Presence)
            return pill.text;
    }
    return {};
}

void TstTeamWindows::initTestCase()
{
    QVERIFY2(m_team.start({u"Ana"_s, u"Sam"_s}), qPrintable(m_team.error));
    QVERIFY2(openDesk(0, u"Ana"_s), qPrintable(m_team.error));
    QVERIFY2(openDesk(1, u"Sam"_s), qPrintable(m_team.error));
}

void TstTeamWindows::cleanupTestCase()
{
    for (Desk &desk : m_desks) {
        desk.shell.reset();
        desk.session.reset();
    }
    m_team.sandbox.stop();
}

void TstTeamWindows::bothWindowsShowTheThread()
{
    for (int desk = 0; desk < 2; ++desk) {
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(desk) >= 0, 20000);
        ThreadListView *list = m_desks[desk].shell->inbox()->listView();
        list->setCurrentIndex(indexOf(desk)); // the agent opens it
        QCOMPARE(m_desks[desk].shell->conversation()->header()->threadKey(),
                 PresenceBoard::threadKey(TeamDesksFixture::Customer, TeamDesksFixture::Support));
    }
    // Each sees the other online, and in the thread.
    SyncStatusWidget *samStatus = m_desks[1].shell->syncStatus();
    QTRY_COMPARE_WITH_TIMEOUT(samStatus->teamLabel()->text(), u"Online: Ana"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_desks[0].shell->syncStatus()->teamLabel()->text(), u"Online: Sam"_s,
                              20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_desks[1].shell->conversation()->header()->presenceLine(),
                              u"Ana is viewing"_s, 20000);
    QCOMPARE(marker(1), u"Ana"_s);
}

void TstTeamWindows::typingInOneShowsReplyingInTheOther()
{
    m_desks[0].session->presence()->setTypingIdle(60s); // the screenshot comes first
    Composer *composer = m_desks[0].shell->conversation()->composer();
    QVERIFY(composer->editor()->isEnabled());
    composer->editor()->setFocus();
    QTest::keyClicks(composer->editor(), u"It ships today"_s);

    ConversationHeader *samHeader = m_desks[1].shell->conversation()->header();
    QTRY_COMPARE_WITH_TIMEOUT(samHeader->presenceLine(), u"Ana is replying\u2026"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(marker(1), u"\u270e Ana"_s, 20000);

    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        Theme::apply(*qApp);
        QTest::qWait(200);
        QVERIFY(m_desks[1].shell->window()->grab().save(dir + u"/presence.png"_s));
        qApp->setStyleSheet({});
    }

    // She pauses: after the idle time her desk says she stopped.
    m_desks[0].session->presence()->setTypingIdle(200ms);
    QTest::keyClick(composer->editor(), Qt::Key_Period);
    QTRY_COMPARE_WITH_TIMEOUT(samHeader->presenceLine(), u"Ana is viewing"_s, 20000);
}

void TstTeamWindows::resolvingInOneResolvesInTheOther()
{
    const QModelIndex sam = indexOf(1);
    QVERIFY(sam.isValid());
    QCOMPARE(sam.data(ThreadListModel::StatusRole).toString(), u"open"_s);

    // Ana resolves it with the inbox's own action (Ctrl+R, the toolbar button).
    InboxActions *actions = m_desks[0].shell->inbox()->inboxActions();
    QCOMPARE(actions->resolve()->text(), u"Resolve"_s);
    actions->resolve()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(indexOf(0).data(ThreadListModel::StatusRole).toString(),
                              u"resolved"_s, 10000);

    // Sam's list shows it resolved once his desk has read the team log.
    QTRY_COMPARE_WITH_TIMEOUT(indexOf(1).data(ThreadListModel::StatusRole).toString(),
                              u"resolved"_s, 20000);
    bool pill = false;
    for (const ThreadListDelegate::Pill &p :
         m_desks[1].shell->inbox()->listView()->delegate()->pills(indexOf(1)))
        pill = pill || p.kind == ThreadListDelegate::Pill::Kind::Resolved;
    QVERIFY(pill);
}

void TstTeamWindows::aChangeIsSharedAtOnce()
{
    // Ana's desk would next read and append in a minute: her change goes out anyway.
    TeamLog *ana = m_desks[0].session->teamLog();
    ana->setBasePeriod(60s);
    QSignalSpy cycled(ana, &TeamLog::cycleFinished);
    QVERIFY(cycled.wait(20000)); // the next cycle is scheduled a minute ahead
    QCOMPARE(indexOf(1).data(ThreadListModel::FlaggedRole).toBool(), false);
    InboxActions *actions = m_desks[0].shell->inbox()->inboxActions();
    QCOMPARE(actions->flag()->text(), u"Flag"_s);
    actions->flag()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(indexOf(1).data(ThreadListModel::FlaggedRole).toBool(), true, 20000);
    ana->setBasePeriod(200ms);
}

void TstTeamWindows::noServiceIsShownInTheStatusBarAndOnTheTeamPage()
{
    // In a team without `serve`: every window says so, in the status bar and on the Team page.
    for (Desk &desk : m_desks) {
        auto *status = desk.shell->window()->findChild<QLabel *>(u"serviceStatus"_s);
        QVERIFY(status);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), u"No service"_s, 20000);
        QVERIFY(status->isVisible());
        auto *line = desk.shell->window()->findChild<QLabel *>(u"serviceLine"_s);
        QVERIFY(line);
        QCOMPARE(line->text(),
                 u"No service running: this desktop answers keywords while it is open"_s);
    }
}

SHELL_TEST_MAIN(TstTeamWindows)
#include "tst_teamwindows.moc"
