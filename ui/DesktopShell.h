// Puts a DeskSession on screen: the main window and its pages over the store's reader of
// the profile, the inbox and consent commands they call, the account switcher, account setup, and
// the sync line in the status bar. Switching account switches every page at once; nothing of the
// previous account stays.
#pragma once

#include "AccountRows.h"
#include "StoreReader.h"
#include "ThreadListModel.h"

#include <QObject>

#include <memory>

class AccountPages;
class AccountSetup;
class ConsentCommands;
class ContactPanel;
class ConversationPane;
class DeskSession;
class InboxCommands;
class ScheduledSends;
class InboxPage;
class LauncherCount;
class MainWindow;
class Notifier;
class QSettings;
class StoreReader;
class ThreadCounter;
class SyncStatusWidget;
class UnansweredKeywordsIndicator;
class UnsharedChangesIndicator;
class TeamWorkspace;

class DesktopShell : public QObject
{
    Q_OBJECT

public:
    // `session` must have a profile open and outlive the shell; `me` is the signed-in agent.
    DesktopShell(DeskSession *session, const QString &me, QObject *parent = nullptr);
    ~DesktopShell() override;

    // Opens the reader and the window, and the first account (or asks for one). False when
    // the profile cannot be read (errorString()).
    bool start();
    QString errorString() const { return m_error; }

    MainWindow *window() const { return m_window.get(); }
    InboxPage *inbox() const { return m_inbox; }
    ThreadListModel *threads() const { return m_threads.get(); }
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    Notifier *notifier() const { return m_notifier.get(); }
    ConversationPane *conversation() const { return m_conversation; }
    // What the inbox's agent does to threads, replies and drafts goes through it.
    InboxCommands *inboxCommands() const { return m_inboxCommands.get(); }
    qint64 currentAccountId() const { return m_accountId; }
    // The profile's accounts.
    QList<AccountRows::Row> accounts() const;

    // Brings the window up on the inbox with this thread selected.
    void openThread(qint64 threadId);
    // Opens the thread scrolled to this message of it, highlighted (a search hit).
    void openMessage(qint64 threadId, qint64 messageId);

    // "New conversation" (Ctrl+N): asks for the customer's number and our sender number,
    // then startConversation(). The dialog is window-modal and not blocking.
    void newConversation();
    // Finds or creates the (customer, sender number) thread of the shown account through
    // InboxCommands, opens it and focuses the composer. A thread new to the profile also asks
    // the session's LookupQueue whether the number can receive texts.
    void startConversation(const QString &customerNumber, qint64 senderNumberId);

    // Shows the account setup dialog (new account, or credentials of `accountId`).
    void showAccountSetup(qint64 accountId = 0);

    // The team: its commands, the Team page, joining, and who this desktop is in it.
    TeamWorkspace *team() const { return m_team.get(); }
    // The unread count on the desktop's launcher entry (the title's count).
    LauncherCount *launcherCount() const { return m_launcher; }

Q_SIGNALS:
    // Every page now shows this account.
    void accountShown(qint64 accountId);
    // A conversation started from "New conversation" is open; created: the thread is new
    // (its number was never texted from that sender number). The shell itself calls
    // LookupQueue::checkNow(customerNumber) for a new thread; this is for anyone else.
    void conversationStarted(qint64 threadId, const QString &customerNumber, bool created);
    // Starting a conversation failed (the text says why; also shown in the status bar).
    void conversationFailed(const QString &error);

private:
    void refreshAccounts();
    void showAccount(qint64 accountId);
    void createNotifications();
    void createConversation();
    // The answer of a queued send or retry: a refusal goes back to the composer.
    void sendAnswered(const QString &error);
    // The conversation pane shows the thread, which is thereby read.
    void showThread(qint64 threadId);
    // Opening a thread reads it: its unread count goes to zero.
    void markRead(qint64 threadId);
    // Keeps the list's selection and the open conversation in step (a new thread reaching
    // the list, another filter) and reads what arrives in the open thread.
    void followOpenThread();
    // Applies who this desktop is in the shown account's team: "Mine", notifications, the
    // author of changes, and the screens the role opens.
    void applyIdentity();
    // Opens a thread the list may not hold (no message yet), with the composer focused.
    void openConversation(qint64 threadId, const QString &customerNumber,
                          const QString &senderNumber);

    DeskSession *m_session;
    QString m_me;
    QString m_error;
    // The reader and the commands outlive every page (declared first, destroyed last).
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<InboxCommands> m_inboxCommands;
    std::unique_ptr<ScheduledSends> m_scheduledSends; // "Send later…"
    std::unique_ptr<ConsentCommands> m_consentCommands;
    // Counts the thread list's filters off the GUI thread; outlives the model that asks it.
    std::unique_ptr<ThreadCounter> m_counter;
    std::unique_ptr<ThreadListModel> m_threads;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AccountSetup> m_setup;
    std::unique_ptr<QSettings> m_preferences; // this desktop user's, never secrets
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<AccountPages> m_accountPages;
    std::unique_ptr<TeamWorkspace> m_team;
    InboxPage *m_inbox = nullptr;
    ContactPanel *m_contactPanel = nullptr;
    ConversationPane *m_conversation = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    UnsharedChangesIndicator *m_unshared = nullptr;
    UnansweredKeywordsIndicator *m_unanswered = nullptr;
    LauncherCount *m_launcher = nullptr;
    qint64 m_accountId = 0;
};
