// The main window shell: account switcher, navigation rail, one page per rail entry, menus.
// Screens are built elsewhere and put in with setPage().
#pragma once

#include "NavigationRail.h"

#include <QList>
#include <QMainWindow>
#include <QPair>
#include <QPointer>

class AboutDialog;
class QAction;
class QComboBox;
class QStackedWidget;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr qint64 NoAccount = -1;

    explicit MainWindow(QWidget *parent = nullptr);

    // (account id, display name) in display order. Keeps the current account when it is
    // still listed; an empty list shows a disabled "No account".
    void setAccounts(const QList<QPair<qint64, QString>> &accounts);
    qint64 currentAccountId() const;
    // Selects the account without emitting currentAccountChanged (the caller switched it).
    void setCurrentAccount(qint64 accountId);

    // Puts `widget` in place of the page for `page` (at first an EmptyStatePage). The window
    // takes ownership; the replaced page is deleted.
    void setPage(NavigationRail::Page page, QWidget *widget);
    QWidget *page(NavigationRail::Page page) const;
    NavigationRail::Page currentPage() const;
    void showPage(NavigationRail::Page page);
    // The sections list (the shell hides what a team role does not open).
    NavigationRail *rail() const { return m_rail; }
    // Unread messages of the shown account: in the title ("(3) SMS Desk", what the taskbar
    // and dock show without a tray) and beside Inbox.
    void setUnreadCount(int count);

    QAction *aboutAction() const;
    // File menu entries whose work is done by the shell that owns the session.
    QAction *addAccountAction() const { return m_addAccountAction; }
    QAction *editAccountAction() const { return m_editAccountAction; }
    QAction *syncNowAction() const { return m_syncNowAction; }

Q_SIGNALS:
    void currentAccountChanged(qint64 accountId);

private:
    QWidget *createSidebar();
    void createMenus();
    void showAbout();

    QComboBox *m_accountSwitcher = nullptr;
    NavigationRail *m_rail = nullptr;
    QStackedWidget *m_pages = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_editAccountAction = nullptr;
    QAction *m_syncNowAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
};
