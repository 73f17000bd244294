// The team on screen, through the whole window over a real profile: joining from the desktop
// (never a name taken from the computer), the identity then used by "Mine" and the commands,
// roles hiding the screens they do not open (also when an admin changes the role from another
// desktop), the Team page's roster with invitations, role changes and removal, internal notes
// among the SMS (styled apart, never sent), and a mention notifying only the mentioned agent.
#include "Composer.h"
#include "ConversationPane.h"
#include "InboxCommands.h"
#include "InboxPage.h"
#include "JoinTeamDialog.h"
#include "MessageBubbleDelegate.h"
#include "NavigationRail.h"
#include "NoteTimelineModel.h"
#include "Notifier.h"
#include "ShellFixture.h"
#include "TeamCommands.h"
#include "TeamKeysBox.h"
#include "TeamLogWriter.h"
#include "TeamPage.h"
#include "TeamStateRows.h"
#include "TeamWorkspace.h"
#include "Theme.h"
#include "ThreadListModel.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>

using namespace Qt::StringLiterals;
using F = ThreadFixture;
using P = NavigationRail::Page;

namespace {

const QString Customer = u"+14155552001"_s;
const QDateTime Start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name));
}

} // namespace

class TstTeamWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void joinDialogAsksAndTheDesktopBecomesTheAgent();
    void joiningIsOfferedOncePerAccount();
    void invitationJoinsWithTheAdminsRole();
    void rolesHideScreens();
    void rosterPageInvitesChangesRolesAndRemoves();
    void notesShowAmongTheMessagesAndAreNeverSent();
    void mentionNotifiesOnlyTheMentionedAgent();

private:
    DesktopShell *shell() const { return m_shell->shell(); }
    NavigationRail *rail() const { return shell()->window()->rail(); }
    // Joins through the dialog, as a person does.
    void joinAs(const QString &name, const QString &role);
    // Ops as the team log brings them from other desktops, applied on the writer thread.
    void fromLog(const QList<TeamOp> &ops);
    TeamOp op(const QString &agent, const QString &kind, const QString &target,
              const QJsonObject &fields, qint64 at = 0);
    QString myAgentId() const
    {
        return StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT agent_id FROM team_state"_s)
            .toString();
    }

    std::unique_ptr<ShellFixture> m_shell;
    qint64 m_thread = 0;
    qint64 m_logIndex = 0;
    int m_opSeq = 0;
};

void TstTeamWorkspace::init()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QVERIFY(m_shell->fx().upsert(
        F::AccountA,
        {F::message(Customer, F::Support, u"Hi, my order #1182 has not arrived."_s, Start),
         F::message(Customer, F::Support, u"Sorry! Checking with the courier now."_s,
                    Start.addSecs(600), false),
         F::message(Customer, F::Support, u"Any news? It was a birthday present."_s,
                    Start.addSecs(5400))}));
    m_thread = m_shell->fx().threadId(F::AccountA, Customer, F::Support);
    QVERIFY(m_shell->start());
    m_logIndex = 0;
}

void TstTeamWorkspace::cleanup()
{
    m_shell.reset();
}

void TstTeamWorkspace::joinAs(const QString &name, const QString &role)
{
    shell()->team()->showJoinTeam();
    auto *dialog = shell()->window()->findChild<JoinTeamDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->nameEdit()->setText(name);
    dialog->roleBox()->setCurrentIndex(dialog->roleBox()->findData(role));
    QPointer<JoinTeamDialog> guard(dialog);
    dialog->findChild<QPushButton *>(u"joinButton"_s)->click();
    QTRY_VERIFY(!guard || !guard->isVisible());
    QTRY_COMPARE(shell()->team()->identity(F::AccountA).name, name);
}

TeamOp TstTeamWorkspace::op(const QString &agent, const QString &kind, const QString &target,
                            const QJsonObject &fields, qint64 at)
{
    TeamOp o;
    o.id = u"log-op-%1"_s.arg(++m_opSeq);
    o.agent = agent;
    o.desk = u"desk-other"_s;
    o.at = at ? at : QDateTime::currentMSecsSinceEpoch();
    o.kind = kind;
    o.target = target;
    o.fields = fields;
    return o;
}

void TstTeamWorkspace::fromLog(const QList<TeamOp> &ops)
{
    QList<TeamLogWriter::LogItem> items;
    for (const TeamOp &o : ops)
        items.append({m_logIndex++, o.toJson()});
    QSignalSpy fed(m_shell->writer()->changes(), &ChangeFeed::changed);
    const bool ok = m_shell->writer()->call([&](WriterContext &context) {
        return context.repo<TeamLogWriter>().applyItems(F::AccountA, items).has_value();
    });
    QVERIFY(ok);
    QVERIFY(fed.wait(5000));
}

void TstTeamWorkspace::joinDialogAsksAndTheDesktopBecomesTheAgent()
{
    Theme::apply(*qApp);
    // Not in a team: the desktop works alone, under the name it was started with.
    QCOMPARE(shell()->threads()->me(), u"alice"_s);
    for (int i = 0; i < NavigationRail::PageCount; ++i)
        QVERIFY(rail()->isPageAllowed(P(i)));

    shell()->team()->showJoinTeam();
    auto *dialog = shell()->window()->findChild<JoinTeamDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Nothing is filled in from the computer's login, and Join waits for a name.
    QVERIFY(dialog->nameEdit()->text().isEmpty());
    auto *join = dialog->findChild<QPushButton *>(u"joinButton"_s);
    QVERIFY(!join->isEnabled());
    dialog->nameEdit()->setText(u"Ana Lee"_s);
    dialog->roleBox()->setCurrentIndex(dialog->roleBox()->findData(u"admin"_s));
    QVERIFY(join->isEnabled());
    saveShot(dialog, u"team-join-dialog.png"_s);
    QPointer<JoinTeamDialog> closed(dialog);
    dialog->reject(); // "Not now": nothing is recorded
    QTRY_VERIFY(!closed);
    QVERIFY(!m_shell->session()->teamLog());
    QCOMPARE(
        StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT count(*) FROM team_state"_s).toInt(), 0);

    joinAs(u"Ana Lee"_s, u"admin"_s);
    // "Mine", the author of changes and notifications are the roster identity now.
    QCOMPARE(shell()->threads()->me(), u"Ana Lee"_s);
    QCOMPARE(shell()->inboxCommands()->actor(), u"Ana Lee"_s);
    QCOMPARE(shell()->notifier()->me(), u"Ana Lee"_s);
    auto *assignedDone = new bool(false);
    shell()->inboxCommands()->assign(
        F::AccountA, m_thread, u"Ana Lee"_s, this,
        [assignedDone](const CommandResult &r) { *assignedDone = r.ok; });
    QTRY_VERIFY(*assignedDone);
    delete assignedDone;
    QTRY_COMPARE(shell()->threads()->count(ThreadListModel::Filter::Mine), 1);
    // The roster shows this desktop's agent; the join waits in the team outbox for the log.
    TeamPage *page = shell()->team()->page();
    QTRY_COMPARE(page->roster()->rowCount(), 1);
    QCOMPARE(page->roster()->item(0, 0)->text(), u"Ana Lee (you)"_s);
    QCOMPARE(StoreTestUtil::scalar(m_shell->fx().db(),
                                   u"SELECT count(*) FROM team_outbox WHERE op LIKE "
                                   u"'%agent.join%'"_s)
                 .toInt(),
             1);
}

void TstTeamWorkspace::joiningIsOfferedOncePerAccount()
{
    QSettings().remove(u"team"_s);
    QVERIFY(shell()->window()->findChildren<JoinTeamDialog *>().isEmpty());
    shell()->team()->setOfferToJoin(true);
    auto *dialog = shell()->window()->findChild<JoinTeamDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPointer<JoinTeamDialog> closed(dialog);
    dialog->findChild<QPushButton *>(u"joinLater"_s)->click();
    QTRY_VERIFY(!closed);
    // Asked once: showing the account again does not ask again; the other account is asked.
    m_shell->showAccount(F::AccountB);
    QTRY_VERIFY(shell()->window()->findChild<JoinTeamDialog *>());
    dialog = shell()->window()->findChild<JoinTeamDialog *>();
    closed = dialog;
    dialog->reject();
    QTRY_VERIFY(!closed);
    m_shell->showAccount(F::AccountA);
    QTest::qWait(50);
    QVERIFY(shell()->window()->findChildren<JoinTeamDialog *>().isEmpty());
    QSettings().remove(u"team"_s);
}

void TstTeamWorkspace::invitationJoinsWithTheAdminsRole()
{
    const TeamInvite invite = TeamInvite::create(u"Sam Ortiz"_s, u"marketer"_s);
    shell()->team()->showJoinTeam();
    auto *dialog = shell()->window()->findChild<JoinTeamDialog *>();
    QVERIFY(dialog);
    dialog->tabs()->setCurrentIndex(1);
    dialog->inviteEdit()->setPlainText(u"not an invitation"_s);
    QVERIFY(!dialog->findChild<QPushButton *>(u"joinButton"_s)->isEnabled());
    dialog->inviteEdit()->setPlainText(invite.toText());
    QVERIFY(dialog->findChild<QLabel *>(u"joinInvitePreview"_s)->text().contains(u"Sam Ortiz"_s));
    dialog->findChild<QPushButton *>(u"joinButton"_s)->click();
    QTRY_COMPARE(shell()->team()->identity(F::AccountA).name, u"Sam Ortiz"_s);
    QCOMPARE(shell()->team()->identity(F::AccountA).role, u"marketer"_s);
    QCOMPARE(myAgentId(), invite.agentId);
}

void TstTeamWorkspace::rolesHideScreens()
{
    joinAs(u"Sam"_s, u"agent"_s);
    QVERIFY(rail()->isPageAllowed(P::Inbox));
    QVERIFY(rail()->isPageAllowed(P::Team));
    QVERIFY(!rail()->isPageAllowed(P::NumbersAndKeywords));
    QVERIFY(!rail()->isPageAllowed(P::Campaigns));
    QVERIFY(!rail()->isPageAllowed(P::Contacts));
    shell()->window()->showPage(P::NumbersAndKeywords);
    QCOMPARE(shell()->window()->currentPage(), P::Inbox);
    // The Team page is read-only for an agent.
    QVERIFY(!shell()
                 ->team()
                 ->page()
                 ->findChild<QPushButton *>(u"teamInvite"_s)
                 ->isVisibleTo(shell()->team()->page()));

    // An admin on another desktop makes Sam a marketer: this desktop follows the log.
    fromLog({op(u"ag-boss"_s, u"agent.join"_s, u"ag-boss"_s,
                {{u"name"_s, u"Bea"_s}, {u"role"_s, u"admin"_s}}),
             op(u"ag-boss"_s, u"agent.role"_s, myAgentId(), {{u"role"_s, u"marketer"_s}})});
    QTRY_VERIFY(rail()->isPageAllowed(P::Campaigns));
    QVERIFY(rail()->isPageAllowed(P::Contacts));
    QVERIFY(!rail()->isPageAllowed(P::NumbersAndKeywords));
    shell()->window()->showPage(P::Campaigns);
    QCOMPARE(shell()->window()->currentPage(), P::Campaigns);
}

void TstTeamWorkspace::rosterPageInvitesChangesRolesAndRemoves()
{
    Theme::apply(*qApp);
    joinAs(u"Ana Lee"_s, u"admin"_s);
    fromLog({op(u"ag-sam"_s, u"agent.join"_s, u"ag-sam"_s,
                {{u"name"_s, u"Sam Ortiz"_s}, {u"role"_s, u"agent"_s}})});
    TeamPage *page = shell()->team()->page();
    QTRY_COMPARE(page->roster()->rowCount(), 2);
    page->setInvitePrompt([](QWidget *) {
        return std::optional(TeamPage::InviteAnswer{u"Bea Chen"_s, u"marketer"_s});
    });
    QSignalSpy finished(page, &TeamPage::commandFinished);
    page->findChild<QPushButton *>(u"teamInvite"_s)->click();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().first().toBool());
    QVERIFY(page->inviteText()->isVisibleTo(page));
    const auto invite = TeamInvite::fromText(page->inviteText()->toPlainText());
    QVERIFY(invite);
    QCOMPARE(invite->name, u"Bea Chen"_s);
    QCOMPARE(invite->role, u"marketer"_s);
    QTRY_COMPARE(page->roster()->rowCount(), 3);
    QCOMPARE(page->roster()->item(1, 2)->text(), u"Invited, not joined yet"_s);
    shell()->window()->showPage(P::Team);
    saveShot(shell()->window(), u"team-roster.png"_s);

    // Sam becomes an admin, then leaves.
    int sam = -1;
    for (int row = 0; row < page->roster()->rowCount(); ++row)
        sam = page->agentAt(row) == u"ag-sam"_s ? row : sam;
    page->roster()->selectRow(sam);
    page->setRolePrompt([](QWidget *, const TeamRosterRows::Member &) { return u"admin"_s; });
    page->findChild<QPushButton *>(u"teamChangeRole"_s)->click();
    QTRY_COMPARE(finished.size(), 2);
    QTRY_COMPARE(page->roster()->item(sam, 1)->text(), u"Admin"_s);
    page->roster()->selectRow(sam);
    page->setConfirmPrompt([](QWidget *, const QString &) { return true; });
    page->findChild<QPushButton *>(u"teamRemove"_s)->click();
    QTRY_COMPARE(finished.size(), 3);
    QTRY_COMPARE(page->roster()->rowCount(), 2);
    // No provider answers here: creating a key says it failed, and shows no secret.
    page->roster()->selectRow(0);
    page->findChild<QPushButton *>(u"teamCreateKey"_s)->click();
    auto *keyStatus = page->findChild<QLabel *>(u"teamKeyStatus"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!keyStatus->text().isEmpty(), 20000);
    QVERIFY2(keyStatus->text().startsWith(u"Cannot create the key"_s) ||
                 keyStatus->text().startsWith(u"Not connected"_s),
             qPrintable(keyStatus->text()));
    QVERIFY(page->keysBox()->shownSecret().isEmpty());
}

void TstTeamWorkspace::notesShowAmongTheMessagesAndAreNeverSent()
{
    Theme::apply(*qApp);
    joinAs(u"Ana Lee"_s, u"agent"_s);
    fromLog({op(u"ag-sam"_s, u"agent.join"_s, u"ag-sam"_s,
                {{u"name"_s, u"Sam Ortiz"_s}, {u"role"_s, u"agent"_s}}),
             // Sam's note from between the first reply and the customer's second message.
             op(u"ag-sam"_s, u"note.add"_s, TeamOp::threadTarget(Customer, F::Support),
                {{u"body"_s, u"Courier says Thursday. Offer the 10% code if she asks again."_s},
                 {u"author"_s, u"Sam Ortiz"_s}},
                Start.addSecs(1200).toMSecsSinceEpoch())});
    shell()->openThread(m_thread);
    ConversationPane *pane = shell()->conversation();
    QCOMPARE(pane->threadId(), m_thread);
    NoteTimelineModel *timeline = pane->threadView()->timeline();
    QTRY_COMPARE(timeline->rowCount(), 4);
    // In time order: message, reply, Sam's note, message.
    QVERIFY(!timeline->index(1).data(NoteTimelineModel::NoteRole).toBool());
    QVERIFY(timeline->index(2).data(NoteTimelineModel::NoteRole).toBool());
    QCOMPARE(MessageBubbleDelegate::noteHeaderText(timeline->index(2)),
             u"Internal note \u00b7 Sam Ortiz"_s);

    const int messagesBefore =
        StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT count(*) FROM messages"_s).toInt();
    Composer *composer = pane->composer();
    QVERIFY(composer->noteButton()->isVisibleTo(composer));
    composer->noteButton()->click();
    QVERIFY(composer->isNoteMode());
    composer->editor()->setPlainText(u"@Sam Ortiz she called, I promised Thursday."_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(timeline->rowCount(), 5);
    const QModelIndex mine = timeline->index(4);
    QVERIFY(mine.data(NoteTimelineModel::NoteRole).toBool());
    QCOMPARE(mine.data(ThreadMessagesModel::AuthorRole).toString(), u"Ana Lee"_s);
    QCOMPARE(mine.data(NoteTimelineModel::MentionsRole).toStringList(),
             QStringList{u"Sam Ortiz"_s});
    // Never sent: no message, nothing in the outbox.
    QCOMPARE(StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT count(*) FROM messages"_s).toInt(),
             messagesBefore);
    // Styled apart: a centred card, not a bubble on either side.
    ThreadView *view = pane->threadView();
    view->doItemsLayout();
    const QRect noteRect = view->visualRect(timeline->index(2));
    QImage shot = view->viewport()->grab().toImage();
    const QColor centre = shot.pixelColor(view->viewport()->width() / 2, noteRect.top() + 14);
    QVERIFY2(centre.red() > 240 && centre.green() > 220 && centre.blue() < 215,
             qPrintable(centre.name()));
    QCOMPARE(composer->findChild<QPushButton *>(u"composerSend"_s)->text(), u"Add note"_s);
    composer->editor()->setPlainText(u"@Sam Ortiz if she calls again, the code is "_s);
    saveShot(shell()->window(), u"team-thread-notes.png"_s);
    // Ctrl+Shift+N goes back to replies.
    auto *shortcut = composer->findChild<QAction *>(u"composerNoteShortcut"_s);
    QVERIFY(shortcut);
    QCOMPARE(shortcut->shortcut(), QKeySequence(u"Ctrl+Shift+N"_s));
    shortcut->trigger();
    QVERIFY(!composer->isNoteMode());
    QCOMPARE(composer->findChild<QPushButton *>(u"composerSend"_s)->text(), u"Send"_s);
}

void TstTeamWorkspace::mentionNotifiesOnlyTheMentionedAgent()
{
    joinAs(u"Sam Ortiz"_s, u"agent"_s);
    fromLog({op(u"ag-ana"_s, u"agent.join"_s, u"ag-ana"_s,
                {{u"name"_s, u"Ana Lee"_s}, {u"role"_s, u"admin"_s}})});
    Notifier *notifier = shell()->notifier();
    QVERIFY(!notifier->lastShown());
    const QString thread = TeamOp::threadTarget(Customer, F::Support);
    // A note for someone else, and Sam's own note naming himself: nothing pops up here.
    fromLog({op(u"ag-ana"_s, u"note.add"_s, thread,
                {{u"body"_s, u"@Bea can you check?"_s},
                 {u"author"_s, u"Ana Lee"_s},
                 {u"mentions"_s, u"Bea"_s}}),
             op(myAgentId(), u"note.add"_s, thread,
                {{u"body"_s, u"note to self @Sam Ortiz"_s},
                 {u"author"_s, u"Sam Ortiz"_s},
                 {u"mentions"_s, u"Sam Ortiz"_s}})});
    QVERIFY(!notifier->lastShown());
    fromLog({op(u"ag-ana"_s, u"note.add"_s, thread,
                {{u"body"_s, u"@Sam Ortiz please call her back today"_s},
                 {u"author"_s, u"Ana Lee"_s},
                 {u"mentions"_s, u"Sam Ortiz"_s}})});
    QTRY_VERIFY(notifier->lastShown());
    QCOMPARE(notifier->lastShown()->threadId, m_thread);
    QVERIFY(notifier->lastShown()->title.startsWith(u"Ana Lee mentioned you"_s));
    QVERIFY(notifier->lastShown()->body.contains(u"call her back"_s));
}

SHELL_TEST_MAIN(TstTeamWorkspace)
#include "tst_teamworkspace.moc"
