#include "MainWindow.h"

#include "AboutDialog.h"
#include "EmptyStatePage.h"
#include "UiLogging.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int SidebarWidth = 232;
// The room every page has at the least: a page lays itself out (wraps, elides, scrolls) within
// it. Fixed so that a page built later (Campaigns, on its first visit) cannot make the window
// grow: with the sidebar, the window fits a 1024×700 screen.
constexpr QSize MinimumPageSize(792, 600);
// The first size, shrunk to the screen it opens on.
constexpr QSize DefaultSize(1200, 760);

// What each page will hold, shown until the real screen replaces it.
EmptyStatePage *placeholderFor(NavigationRail::Page page)
{
    QString title;
    QString text;
    switch (page) {
    case NavigationRail::Inbox:
        title = MainWindow::tr("No conversations yet");
        text = MainWindow::tr("Messages appear here after the first sync with your SMS provider.");
        break;
    case NavigationRail::Contacts:
        title = MainWindow::tr("No contacts yet");
        text = MainWindow::tr("Customers you text, import or add by hand are listed here.");
        break;
    case NavigationRail::Campaigns:
        title = MainWindow::tr("No campaigns yet");
        text = MainWindow::tr(
            "Bulk messages to your contacts, with their schedule and delivery figures, live here.");
        break;
    case NavigationRail::NumbersAndKeywords:
        title = MainWindow::tr("No sender numbers yet");
        text = MainWindow::tr(
            "Your sending numbers and their keyword replies (STOP, HELP, JOIN) are managed here.");
        break;
    case NavigationRail::Reports:
        title = MainWindow::tr("No reports yet");
        text = MainWindow::tr(
            "Delivery, reply and opt-out rates per number and campaign appear here once messages "
            "flow.");
        break;
    case NavigationRail::Team:
        title = MainWindow::tr("No team yet");
        text = MainWindow::tr("The people who work this account's inbox, and their roles.");
        break;
    case NavigationRail::Settings:
        title = MainWindow::tr("Settings are on their way");
        text =
            MainWindow::tr("Accounts, provider credentials and notifications will be set up here.");
        break;
    }
    return new EmptyStatePage(NavigationRail::iconResource(page), title, text);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("SMS Desk"));
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    m_pages->setMinimumSize(MinimumPageSize);
    for (int i = 0; i < NavigationRail::PageCount; ++i)
        m_pages->addWidget(placeholderFor(static_cast<NavigationRail::Page>(i)));

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createSidebar());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_rail, &NavigationRail::currentPageChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentIndex(m_rail->currentPage());

    createMenus();
    setAccounts({});
    const QSize room = screen() ? screen()->availableGeometry().size() : DefaultSize;
    resize(DefaultSize.boundedTo(room).expandedTo(minimumSizeHint()));
}

QWidget *MainWindow::createSidebar()
{
    auto *sidebar = new QWidget;
    sidebar->setObjectName(u"sidebar"_s);
    sidebar->setFixedWidth(SidebarWidth);

    auto *logo = new QLabel;
    logo->setPixmap(QIcon(u":/icons/smsdesk.svg"_s).pixmap(QSize(24, 24)));
    auto *name = new QLabel(tr("SMS Desk"));
    name->setObjectName(u"sidebarTitle"_s);
    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(logo);
    header->addWidget(name, 1);

    m_accountSwitcher = new QComboBox;
    m_accountSwitcher->setObjectName(u"accountSwitcher"_s);
    m_accountSwitcher->setAccessibleName(tr("Account"));
    connect(m_accountSwitcher, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT currentAccountChanged(currentAccountId()); });

    m_rail = new NavigationRail;

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(12, 14, 12, 12);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addSpacing(14);
    layout->addWidget(m_accountSwitcher);
    layout->addSpacing(14);
    layout->addWidget(m_rail, 1);
    return sidebar;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_addAccountAction = file->addAction(tr("&Add Account…"));
    m_editAccountAction = file->addAction(tr("Account &Credentials…"));
    m_syncNowAction = file->addAction(tr("&Sync Now"));
    m_syncNowAction->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < NavigationRail::PageCount; ++i) {
        const auto page = static_cast<NavigationRail::Page>(i);
        // "Numbers & Keywords": the ampersand is text, not the mark of a mnemonic.
        QString text = NavigationRail::title(page);
        text.replace(u'&', u"&&"_s);
        QAction *action = go->addAction(text, this, [this, page] { showPage(page); });
        action->setShortcut(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_aboutAction = help->addAction(tr("&About SMS Desk"), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::setCurrentAccount(qint64 accountId)
{
    const QSignalBlocker blocker(m_accountSwitcher);
    const int index = m_accountSwitcher->findData(accountId);
    if (index >= 0)
        m_accountSwitcher->setCurrentIndex(index);
}

void MainWindow::setAccounts(const QList<QPair<qint64, QString>> &accounts)
{
    const qint64 previous = currentAccountId();
    {
        const QSignalBlocker blocker(m_accountSwitcher);
        m_accountSwitcher->clear();
        for (const auto &[id, name] : accounts)
            m_accountSwitcher->addItem(name, id);
        if (accounts.isEmpty())
            m_accountSwitcher->addItem(tr("No account"));
        const int kept = m_accountSwitcher->findData(previous);
        m_accountSwitcher->setCurrentIndex(kept >= 0 ? kept : 0);
        m_accountSwitcher->setEnabled(!accounts.isEmpty());
    }
    statusBar()->showMessage(accounts.isEmpty() ? tr("No account connected") : tr("Ready"));
    if (currentAccountId() != previous)
        Q_EMIT currentAccountChanged(currentAccountId());
}

qint64 MainWindow::currentAccountId() const
{
    const QVariant id = m_accountSwitcher->currentData();
    return id.isValid() ? id.toLongLong() : NoAccount;
}

void MainWindow::setPage(NavigationRail::Page page, QWidget *widget)
{
    QWidget *old = m_pages->widget(page);
    if (!widget || widget == old) {
        qCWarning(lcUi) << "MainWindow::setPage: ignoring" << (widget ? "the current" : "a null")
                        << "widget for page" << page;
        return;
    }
    m_pages->insertWidget(page, widget);
    m_pages->removeWidget(old);
    old->deleteLater();
    m_pages->setCurrentIndex(m_rail->currentPage());
}

QWidget *MainWindow::page(NavigationRail::Page page) const
{
    return m_pages->widget(page);
}

NavigationRail::Page MainWindow::currentPage() const
{
    return m_rail->currentPage();
}

void MainWindow::showPage(NavigationRail::Page page)
{
    m_rail->setCurrentPage(page);
}

QAction *MainWindow::aboutAction() const
{
    return m_aboutAction;
}

void MainWindow::showAbout()
{
    if (!m_aboutDialog) {
        m_aboutDialog = new AboutDialog(this);
        m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_aboutDialog->open();
    m_aboutDialog->raise();
    m_aboutDialog->activateWindow();
}

void MainWindow::setUnreadCount(int count)
{
    setWindowTitle(count > 0 ? tr("(%1) SMS Desk").arg(count) : tr("SMS Desk"));
    m_rail->setBadge(NavigationRail::Inbox, count);
}
