#include "DesktopShell.h"

#include "AccountPages.h"
#include "AccountSetup.h"
#include "AccountSetupDialog.h"
#include "CommandResult.h"
#include "Composer.h"
#include "ConsentCommands.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "DeskSession.h"
#include "InboxCommands.h"
#include "InboxPage.h"
#include "LauncherCount.h"
#include "LookupQueue.h"
#include "MainWindow.h"
#include "NewConversationDialog.h"
#include "NotificationSettings.h"
#include "NotificationSettingsPage.h"
#include "Notifier.h"
#include "Outbox.h"
#include "PresenceIndicators.h"
#include "ScheduledSendFlow.h"
#include "ScheduledSends.h"
#include "SenderNumberRows.h"
#include "ServiceStatusIndicator.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncStatusWidget.h"
#include "TabChain.h"
#include "TeamRoles.h"
#include "TeamWorkspace.h"
#include "ThreadCounter.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "UiLogging.h"
#include "UnansweredKeywordsIndicator.h"
#include "UnsharedChangesIndicator.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DesktopShell::DesktopShell(DeskSession *session, const QString &me, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_me(me)
{}

DesktopShell::~DesktopShell()
{
    m_team.reset();
    m_accountPages.reset();
    // Pages hold pointers into the models and save drafts through the commands, the notifier
    // reads through the reader: all go before the reader and the commands.
    m_notifier.reset();
    m_window.reset();
}

bool DesktopShell::start()
{
    // Views read through their own connection; WAL lets them run while the writer writes.
    m_reader = std::make_unique<StoreReader>(m_session->profilePath());
    if (!m_reader->open()) {
        m_error = m_reader->errorString();
        return false;
    }
    StoreWriter *writer = m_session->writer();
    m_inboxCommands = std::make_unique<InboxCommands>(writer, m_me);
    // Replies go to the connected account's outbox, which comes and goes with the session.
    m_inboxCommands->setOutboxSource([session = m_session] { return session->outbox(); });
    m_scheduledSends = std::make_unique<ScheduledSends>(writer);
    m_scheduledSends->setOutboxSource([session = m_session] { return session->outbox(); });
    m_scheduledSends->setProviderSource([session = m_session] { return session->provider(); });
    m_consentCommands = std::make_unique<ConsentCommands>(writer, m_me);
    m_counter = std::make_unique<ThreadCounter>(m_session->profilePath());
    m_threads = m_reader->create<ThreadListModel>(m_me);
    m_threads->setCounter(m_counter.get());
    connect(m_session->writer()->changes(), &ChangeFeed::changed, m_threads.get(),
            &ThreadListModel::applyChanges);
    m_setup = std::make_unique<AccountSetup>(m_session->writer(), m_session->secrets());

    m_window = std::make_unique<MainWindow>();
    m_inbox = new InboxPage(m_threads.get(), m_inboxCommands.get(), m_reader.get());
    m_window->setPage(NavigationRail::Page::Inbox, m_inbox);
    m_contactPanel = new ContactPanel(*m_reader, writer->changes(), m_consentCommands.get());
    m_inbox->setContactPanel(m_contactPanel);
    connect(m_inbox, &InboxPage::messageRequested, this, &DesktopShell::openMessage);
    // Ctrl+N works on every page of the window, not only inside the inbox.
    m_window->addAction(m_inbox->newConversationAction());
    connect(m_inbox, &InboxPage::newConversationRequested, this, &DesktopShell::newConversation);
    connect(m_inbox, &InboxPage::actionFailed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 8000); });
    connect(m_contactPanel, &ContactPanel::checkTextEnabledRequested, this,
            [this](const QString &number) {
                if (m_session->lookupQueue())
                    m_session->lookupQueue()->checkNow(number);
            });
    m_accountPages = std::make_unique<AccountPages>(m_window.get(), *m_reader, writer, m_me);
    m_accountPages->setProviderSource([session = m_session] { return session->provider(); });
    connect(m_session, &DeskSession::accountClosing, this, [this] { m_accountPages->clear(); });
    connect(m_session, &DeskSession::accountOpened, this, [this](qint64 accountId) {
        if (LookupQueue *lookups = m_session->lookupQueue())
            connect(lookups, &LookupQueue::checked, m_contactPanel, &ContactPanel::reload);
        if (accountId == m_accountId)
            m_accountPages->show(accountId, m_session->campaignRunner());
    });
    m_syncStatus = new SyncStatusWidget;
    m_window->statusBar()->addPermanentWidget(m_syncStatus);
    m_window->statusBar()->addPermanentWidget(
        new ServiceStatusIndicator(m_session, ServiceStatusIndicator::Style::StatusBar));

    connect(m_session, &DeskSession::statusMessage, m_window->statusBar(),
            [this](const QString &text) { m_window->statusBar()->showMessage(text, 8000); });
    connect(m_session, &DeskSession::syncStarted, m_syncStatus, &SyncStatusWidget::started);
    connect(m_session, &DeskSession::syncProgress, m_syncStatus, &SyncStatusWidget::progressed);
    connect(m_session, &DeskSession::syncEnded, m_syncStatus, &SyncStatusWidget::ended);
    connect(m_session, &DeskSession::syncFailed, m_syncStatus, &SyncStatusWidget::stopped);
    connect(m_session, &DeskSession::syncNotice, m_syncStatus, &SyncStatusWidget::setNotice);
    connect(m_session, &DeskSession::credentialsNeeded, this,
            [this](qint64 accountId, const QString &reason) {
                m_window->statusBar()->showMessage(reason);
                showAccountSetup(accountId);
            });
    connect(m_window.get(), &MainWindow::currentAccountChanged, this, [this](qint64 accountId) {
        if (accountId <= 0 || accountId == m_accountId)
            return;
        showAccount(accountId);
        // The session may already be connected to it (the demo at start-up).
        if (accountId != m_session->accountId())
            m_session->openAccount(accountId);
    });
    connect(m_window->addAccountAction(), &QAction::triggered, this,
            [this] { showAccountSetup(); });
    connect(m_window->editAccountAction(), &QAction::triggered, this, [this] {
        if (m_accountId > 0)
            showAccountSetup(m_accountId);
    });
    connect(m_window->syncNowAction(), &QAction::triggered, this, [this] {
        if (m_session->syncEngine())
            m_session->syncEngine()->syncNow();
    });

    createConversation();
    new PresenceIndicators(m_session, m_conversation, m_inbox->listView(), m_syncStatus, this);
    m_unshared = new UnsharedChangesIndicator(*m_reader, writer->changes(), m_syncStatus, this);
    m_unanswered = new UnansweredKeywordsIndicator(*m_reader, writer->changes());
    m_window->statusBar()->addPermanentWidget(m_unanswered);
    createNotifications();
    m_team = std::make_unique<TeamWorkspace>(m_session, *m_reader, m_window.get(),
                                             m_preferences.get(), m_me);
    m_conversation->setTeamCommands(m_team->commands());
    connect(m_team.get(), &TeamWorkspace::identityChanged, this, &DesktopShell::applyIdentity);
    {
        // Filling the switcher selects its first account; showing it here as well ran the
        // first page, counts and notifier set-up twice at start (~100 ms at 1M messages).
        const QSignalBlocker once(m_window.get());
        refreshAccounts();
    }
    if (m_session->accountId() > 0) {
        // Already connected (the demo).
        showAccount(m_session->accountId());
    } else if (const QList<AccountRows::Row> existing = accounts(); !existing.isEmpty()) {
        showAccount(existing.first().id);
        m_session->openAccount(existing.first().id);
    }
    return true;
}

QList<AccountRows::Row> DesktopShell::accounts() const
{
    // Through the reader: the writer may be busy with a sync page.
    return m_reader->make<AccountRows>().list();
}

void DesktopShell::refreshAccounts()
{
    QList<QPair<qint64, QString>> entries;
    for (const AccountRows::Row &row : accounts())
        entries.append({row.id, row.name});
    m_window->setAccounts(entries);
}

void DesktopShell::showAccount(qint64 accountId)
{
    m_accountId = accountId;
    m_window->setCurrentAccount(accountId);
    m_threads->setAccount(accountId);
    m_notifier->setAccount(accountId);
    m_conversation->setAccount(accountId);
    applyIdentity();
    m_accountPages->show(
        accountId, accountId == m_session->accountId() ? m_session->campaignRunner() : nullptr);
    m_team->showAccount(accountId);
    m_unshared->setAccount(accountId);
    m_unanswered->setAccount(accountId);
    Q_EMIT accountShown(accountId);
}

void DesktopShell::applyIdentity()
{
    const TeamWorkspace::Identity me = m_team->identity(m_accountId);
    m_threads->setMe(me.name);
    m_notifier->setMe(me.name);
    m_inboxCommands->setActor(me.name);
    m_consentCommands->setActor(me.name);
    m_accountPages->setIdentity(me.name, me.role);
    TeamRoles::gate(m_window->rail(), me.role);
}

void DesktopShell::showAccountSetup(qint64 accountId)
{
    AccountRows::Row existing;
    for (const AccountRows::Row &row : accounts()) {
        if (row.id == accountId)
            existing = row;
    }
    AccountSetupDialog dialog(m_setup.get(), existing, m_window.get());
    connect(&dialog, &AccountSetupDialog::sessionOnlyConsentNeeded, &dialog,
            [&dialog](const QString &reason) {
                const auto answer = QMessageBox::question(
                    &dialog, tr("No keychain"),
                    tr("%1\n\nKeep the Auth Token in memory for this session only? You will be "
                       "asked for it again the next time SMS Desk starts. It is never written "
                       "to disk.")
                        .arg(reason));
                dialog.answerSessionOnly(answer == QMessageBox::Yes);
            });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const qint64 saved = dialog.savedAccountId();
    refreshAccounts();
    showAccount(saved);
    if (dialog.usesApiKey())
        m_session->openAccount(saved, dialog.apiKey());
    else
        m_session->openAccount(saved, dialog.authToken());
    if (dialog.sessionOnly())
        m_window->statusBar()->showMessage(
            tr("The Auth Token is kept for this session only (no keychain)."));
}

void DesktopShell::createNotifications()
{
    m_preferences = std::make_unique<QSettings>();
    m_notifier = std::make_unique<Notifier>(*m_reader, m_accountId, m_me, nullptr);
    m_notifier->setSettings(NotificationSettings::load(*m_preferences));
    connect(m_session->writer()->changes(), &ChangeFeed::changed, m_notifier.get(),
            [notifier = m_notifier.get()](const ChangeSet &changes) {
                if (!changes.messagesAdded().isEmpty())
                    notifier->messagesAdded(ChangeSet::sorted(changes.messagesAdded()));
                if (changes.touches(ChangeSet::Table::Threads))
                    notifier->refreshUnread();
                if (changes.touches(ChangeSet::Table::ThreadNotes))
                    notifier->notesAdded();
            });
    connect(m_notifier.get(), &Notifier::unreadCountChanged, m_window.get(),
            &MainWindow::setUnreadCount);
    m_window->setUnreadCount(qMax(0, m_notifier->unreadCount()));
    // The same count on the dock's or task manager's launcher entry, where one listens.
    m_launcher = new LauncherCount(QDBusConnection::sessionBus(), this);
    connect(m_notifier.get(), &Notifier::unreadCountChanged, m_launcher, &LauncherCount::setCount);
    m_launcher->setCount(m_notifier->unreadCount());
    connect(m_notifier.get(), &Notifier::threadRequested, this, &DesktopShell::openThread);
    connect(m_notifier.get(), &Notifier::showWindowRequested, this, [this] {
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
    });

    auto *settings = new QWidget;
    settings->setObjectName(u"settingsPage"_s);
    auto *layout = new QVBoxLayout(settings);
    // The notification settings carry their own title (a second, small one stood above it).
    layout->setContentsMargins(0, 0, 0, 0);
    auto *notifications = new NotificationSettingsPage(m_preferences.get());
    layout->addWidget(notifications);
    layout->addStretch();
    connect(notifications, &NotificationSettingsPage::settingsChanged, m_notifier.get(),
            &Notifier::setSettings);
    m_window->setPage(NavigationRail::Page::Settings, settings);
}

void DesktopShell::openThread(qint64 threadId)
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    m_window->showPage(NavigationRail::Page::Inbox);
    int row = m_threads->rowOf(threadId);
    if (row < 0) {
        // Not under the current filter (resolved, assigned to someone else...): All has it.
        m_threads->setFilter(ThreadListModel::Filter::All);
        row = m_threads->rowOf(threadId);
        for (int page = 0; row < 0 && page < 50 && m_threads->canFetchMore({}); ++page) {
            m_threads->fetchMore({});
            row = m_threads->rowOf(threadId);
        }
    }
    if (row >= 0 && m_inbox->listView()->currentIndex().row() != row)
        m_inbox->listView()->setCurrentIndex(m_threads->index(row)); // shows it
    else if (m_conversation->threadId() != threadId)
        showThread(threadId);
    // Else it is open already (Enter on the selected row): reopening would reload the draft
    // from the store before the save just posted has landed.
    // Opening a thread (Enter, a notification, a search hit) is to answer it: the reply box
    // takes the keys; Esc goes back to the list.
    if (m_conversation->threadId() == threadId)
        m_conversation->composer()->editor()->setFocus(Qt::OtherFocusReason);
}

void DesktopShell::openMessage(qint64 threadId, qint64 messageId)
{
    openThread(threadId);
    // A contact hit (0) opens the thread at its latest message, as openThread does.
    if (messageId != 0 && m_conversation->threadId() == threadId &&
        !m_conversation->showMessage(messageId))
        m_window->statusBar()->showMessage(tr("That message is no longer in this conversation."),
                                           8000);
}

void DesktopShell::newConversation()
{
    if (m_accountId <= 0) {
        m_window->statusBar()->showMessage(tr("Add an account first (File \u2192 Add Account)."),
                                           8000);
        return;
    }
    m_window->showPage(NavigationRail::Page::Inbox);
    auto rows = m_reader->make<SenderNumberRows>();
    const std::optional<QList<SenderNumberRows::Row>> numbers = rows.list(m_accountId);
    if (!numbers) {
        m_window->statusBar()->showMessage(
            tr("Cannot read this account's numbers: %1").arg(rows.errorString()), 8000);
        return;
    }
    auto *dialog = new NewConversationDialog(*numbers, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 account = m_accountId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, account] {
        // The account may have been switched while the dialog was up: never start a
        // conversation in another account than the one it was asked for.
        if (account == m_accountId)
            startConversation(dialog->customerNumber(), dialog->senderNumberId());
    });
    dialog->open();
}

void DesktopShell::startConversation(const QString &customerNumber, qint64 senderNumberId)
{
    const qint64 account = m_accountId;
    m_inboxCommands->startConversation(
        account, customerNumber, senderNumberId, this,
        [this, account, customerNumber](const CommandResult &result,
                                        const InboxCommands::Started &started) {
            if (!result.ok) {
                const QString message = tr("Cannot start the conversation: %1").arg(result.error);
                m_window->statusBar()->showMessage(message, 8000);
                Q_EMIT conversationFailed(message);
                return;
            }
            if (account != m_accountId)
                return; // switched away meanwhile; the thread waits in its own account
            if (started.created && m_session->accountId() == account && m_session->lookupQueue())
                m_session->lookupQueue()->checkNow(customerNumber);
            openConversation(started.threadId, customerNumber, started.senderNumber);
            Q_EMIT conversationStarted(started.threadId, customerNumber, started.created);
        });
}

void DesktopShell::openConversation(qint64 threadId, const QString &customerNumber,
                                    const QString &senderNumber)
{
    if (m_threads->rowOf(threadId) >= 0) {
        openThread(threadId);
    } else {
        // No message yet, so in no list: nothing stays selected that is not what is shown.
        m_inbox->listView()->setCurrentIndex({});
        showThread(threadId);
        m_contactPanel->showCustomer(m_accountId, customerNumber, senderNumber, threadId);
    }
    m_window->showPage(NavigationRail::Page::Inbox);
    // Back from the dialog, the window takes the keys again: they go to the reply.
    m_window->activateWindow();
    m_conversation->composer()->editor()->setFocus(Qt::OtherFocusReason);
}

void DesktopShell::showThread(qint64 threadId)
{
    m_conversation->openThread(threadId);
    markRead(threadId);
}

void DesktopShell::createConversation()
{
    m_conversation = new ConversationPane(*m_reader, m_session->writer()->changes(),
                                          m_inboxCommands.get(), m_accountId);
    QWidget *detail = m_inbox->detailArea();
    if (auto *placeholder = detail->findChild<QWidget *>(u"inboxDetailPlaceholder"_s))
        placeholder->hide();
    detail->layout()->setContentsMargins(0, 0, 0, 0);
    detail->layout()->addWidget(m_conversation);
    // The contact panel joined the window first: Tab reads the panes as they are laid out.
    TabChain::order({m_conversation, m_contactPanel});
    connect(m_inbox, &InboxPage::threadActivated, this, &DesktopShell::openThread);
    connect(m_inbox->listView()->selectionModel(), &QItemSelectionModel::currentChanged,
            m_conversation, [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const qint64 threadId = current.data(ThreadListModel::ThreadIdRole).toLongLong();
                // The open thread selected (it just reached the list): reopening would reload
                // its draft over what is being typed.
                if (threadId == m_conversation->threadId())
                    markRead(threadId);
                else
                    showThread(threadId);
            });
    followOpenThread();
    connect(m_conversation, &ConversationPane::threadRequested, this, &DesktopShell::openThread);
    connect(m_conversation, &ConversationPane::sendRequested, this,
            [this](qint64 threadId, const QString &body) {
                m_inboxCommands->sendReply(
                    m_conversation->accountId(), threadId, body, this,
                    [this](const CommandResult &result) { sendAnswered(result.error); });
            });
    new ScheduledSendFlow(
        m_conversation, m_scheduledSends.get(), [this] { return m_inboxCommands->actor(); },
        m_conversation);
    connect(m_conversation, &ConversationPane::retryRequested, this, [this](qint64 messageId) {
        m_inboxCommands->retrySend(
            m_conversation->accountId(), messageId, this,
            [this](const CommandResult &result) { sendAnswered(result.error); });
    });
}

void DesktopShell::followOpenThread()
{
    ThreadListView *list = m_inbox->listView();
    const auto selectOpen = [this, list] {
        const int row = m_threads->rowOf(m_conversation->threadId());
        if (m_conversation->threadId() != 0 && row >= 0 && !list->currentIndex().isValid())
            list->setCurrentIndex(m_threads->index(row));
        return row >= 0;
    };
    // A new conversation's first message brings its thread into the list: it becomes the
    // selection, so the thread commands apply to it.
    connect(m_threads.get(), &QAbstractItemModel::rowsInserted, m_conversation, selectOpen);
    // Another filter: the open thread stays selected when listed, else nothing is shown.
    connect(m_threads.get(), &QAbstractItemModel::modelReset, m_conversation, [this, selectOpen] {
        if (m_conversation->threadId() != 0 && !selectOpen())
            m_conversation->openThread(0);
    });
    // What arrives in the thread on screen is read as it arrives.
    connect(m_conversation->messagesModel(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                ThreadMessagesModel *model = m_conversation->messagesModel();
                if (last != model->rowCount() - 1 || !m_window->isActiveWindow() ||
                    !m_conversation->isVisible())
                    return;
                for (int row = first; row <= last; ++row) {
                    if (!model->index(row).data(ThreadMessagesModel::OutboundRole).toBool())
                        return markRead(m_conversation->threadId());
                }
            });
}

void DesktopShell::markRead(qint64 threadId)
{
    // Nothing to answer: the list and the tray learn of it from the change feed.
    m_inboxCommands->markRead(m_accountId, threadId, this, {});
}

void DesktopShell::sendAnswered(const QString &error)
{
    if (!error.isEmpty())
        m_conversation->showSendError(error);
}
