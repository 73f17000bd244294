// The Inbox screen: search, filter bar with live counts, the thread list, the thread commands
// (toolbar and keys) and room for the thread view and the contact panel.
#pragma once

#include "ThreadListModel.h"

#include <QWidget>

#include <array>

class ContactPanel;
class InboxActions;
class InboxCommands;
class QAction;
class QButtonGroup;
class QPushButton;
class QToolBar;
class SearchBox;
class StoreReader;
class ThreadListView;

class InboxPage : public QWidget
{
    Q_OBJECT

public:
    // model is not owned; it must outlive the page. Without commands the thread actions are
    // disabled; without a reader there is no search.
    explicit InboxPage(ThreadListModel *model, QWidget *parent = nullptr);
    // commands: the thread commands; reader: the store's reader of this thread, for search.
    // Neither is owned; both must outlive the page.
    InboxPage(ThreadListModel *model, InboxCommands *commands, const StoreReader *reader,
              QWidget *parent = nullptr);

    // Puts the panel beside the thread view and shows the current thread's customer in it.
    // Not owned by the caller afterwards (the page's splitter owns it).
    void setContactPanel(ContactPanel *panel);
    ContactPanel *contactPanel() const { return m_contactPanel; }
    SearchBox *searchBox() const { return m_search; }
    InboxActions *inboxActions() const { return m_actions; }
    QToolBar *toolBar() const { return m_toolBar; }
    // "New conversation" (Ctrl+N, and the button beside the search box): asks for it through
    // newConversationRequested(); the window may add it to itself so the key works anywhere.
    QAction *newConversationAction() const { return m_newConversation; }
    // Shows the shortcut sheet (the "?" key).
    void showShortcuts();

    ThreadListView *listView() const { return m_list; }
    // Where the thread view goes (the lead fills it); empty placeholder until then.
    QWidget *detailArea() const { return m_detail; }
    // "Unresolved 12"
    static QString filterName(ThreadListModel::Filter filter);

Q_SIGNALS:
    void threadActivated(qint64 threadId);
    // A search result was chosen: open the thread at that message (0: its latest).
    void messageRequested(qint64 threadId, qint64 messageId);
    // The agent wants to text a customer (Ctrl+N or the button).
    void newConversationRequested();
    // A command failed; the text says why (the window may show it in its status bar).
    void actionFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // "New conversation" in full where the list pane has room for it and the search field,
    // "New" where it has not (the search field keeps a readable width).
    void fitNewButton();
    void refreshCounts();
    void selectFilter(ThreadListModel::Filter filter);
    void escape();
    void currentThreadChanged();

    ThreadListModel *m_model;
    InboxCommands *m_commands;
    ThreadListView *m_list;
    QWidget *m_detail;
    QWidget *m_filterBar = nullptr;
    SearchBox *m_search = nullptr;
    InboxActions *m_actions = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_newConversation = nullptr;
    QPushButton *m_newButton = nullptr;
    ContactPanel *m_contactPanel = nullptr;
    class QSplitter *m_splitter = nullptr;
    QButtonGroup *m_filters;
    std::array<QPushButton *, ThreadQuery::FilterCount> m_buttons{};
};
