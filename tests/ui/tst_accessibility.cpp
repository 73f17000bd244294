// Accessibility of the whole window (DesktopShell over a real profile) and of its dialogs:
// every control a screen reader reaches has a name (QAccessible's, so a label buddy or a
// button's text counts), icon-only buttons also say what they do, and Tab visits every
// visible control once in reading order, on every page of the rail and every tab of a page.
// The custom-painted thread list and message bubbles speak one sentence per row.
#include "AccountSetup.h"
#include "AccountSetupDialog.h"
#include "ButtonRowTabOrder.h"
#include "Composer.h"
#include "ConsentChangeDialog.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "InboxPage.h"
#include "JoinTeamDialog.h"
#include "MainWindow.h"
#include "NavigationRail.h"
#include "NewConversationDialog.h"
#include "SendLaterDialog.h"
#include "ShellFixture.h"
#include "ShortcutSheet.h"
#include "TeamWorkspace.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"
#include "WidgetWalk.h"

#include <QAccessibleTableInterface>
#include <QDialogButtonBox>
#include <QProxyStyle>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

namespace {

const QString Ana = u"+14155552001"_s;
const QString Ben = u"+14155552002"_s;
const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);

// A desktop's button order (QDialogButtonBox asks the style).
class ButtonLayoutStyle : public QProxyStyle
{
public:
    explicit ButtonLayoutStyle(int layout)
        : m_layout(layout)
    {}
    int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                  QStyleHintReturn *returnData) const override
    {
        if (hint == SH_DialogButtonLayout)
            return m_layout;
        return QProxyStyle::styleHint(hint, option, widget, returnData);
    }

private:
    int m_layout;
};

// Fails listing every finding, one per line, under the screen it was found on.
void report(const QStringList &problems)
{
    if (problems.isEmpty())
        return;
    for (const QString &problem : problems)
        qWarning("%s", qPrintable(problem));
    QFAIL(qPrintable(u"%1 accessibility problem(s), listed above"_s.arg(problems.size())));
}

} // namespace

class TstAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void walkerFindsWhatIsWrong();
    void buttonRowTabsInShownOrder_data();
    void buttonRowTabsInShownOrder();
    void railPages_data();
    void railPages();
    void newConversationDialog();
    void accountSetupDialog();
    void contactDialogs();
    void composerDialogs();
    void joinTeamDialog();
    void threadListRowsSpeak();
    void messageBubblesSpeak();

private:
    MainWindow *window() const { return m_shell->window(); }
    InboxPage *inbox() const { return m_shell->shell()->inbox(); }
    // The names and tab order of the screen, and of every tab of every tab widget in it.
    QStringList checkScreen(QWidget *root, const QString &screen);
    void checkTabs(QWidget *root, const QString &screen, QSet<QTabWidget *> &done,
                   QStringList &problems);
    QStringList checkDialog(QDialog *dialog, const QString &screen);
    // The dialog of this class the window (or its children) has open.
    template<typename D>
    D *waitForDialog()
    {
        D *dialog = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                for (D *d : window()->findChildren<D *>()) {
                    if (d->isVisible())
                        dialog = d;
                }
                return dialog != nullptr;
            },
            5000);
        return shown ? dialog : nullptr;
    }

    std::unique_ptr<ShellFixture> m_shell;
};

void TstAccessibility::initTestCase()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QList<MessageRecord> page;
    for (int i = 0; i < 6; ++i)
        page.append(F::message(Ana, F::Support, u"Message %1 about roses"_s.arg(i),
                               Start.addSecs(i * 600), i % 2 == 0));
    page.append(F::message(Ben, F::Sales, u"Is the shop open on Sunday?"_s, Start.addDays(5)));
    QVERIFY(m_shell->fx().setContact(F::AccountA, Ana, u"Ana Lima"_s, u"yes"_s));
    QVERIFY(m_shell->fx().upsert(F::AccountA, page));
    QVERIFY(m_shell->start());
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    // A conversation open, so the thread, the composer and the contact panel are on screen.
    QTRY_VERIFY(inbox()->listView()->model()->rowCount() >= 2);
    const qint64 anaThread = m_shell->fx().threadId(F::AccountA, Ana, F::Support);
    m_shell->shell()->openThread(anaThread);
    QTRY_COMPARE(m_shell->shell()->conversation()->threadId(), anaThread);
}

void TstAccessibility::cleanupTestCase()
{
    m_shell.reset();
}

QStringList TstAccessibility::checkScreen(QWidget *root, const QString &screen)
{
    QStringList problems;
    QSet<QTabWidget *> done;
    checkTabs(root, screen, done, problems);
    problems.removeDuplicates();
    return problems;
}

void TstAccessibility::checkTabs(QWidget *root, const QString &screen, QSet<QTabWidget *> &done,
                                 QStringList &problems)
{
    QCoreApplication::processEvents(); // deferred pages build as they are shown
    for (const QString &p : WidgetWalk::unnamedControls(root))
        problems.append(screen + u": "_s + p);
    for (const QString &p : WidgetWalk::tabOrderProblems(root))
        problems.append(screen + u": "_s + p);
    for (QTabWidget *tabs : root->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible() || done.contains(tabs))
            continue;
        done.insert(tabs);
        const int was = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (i == was || !tabs->isTabVisible(i) || !tabs->isTabEnabled(i))
                continue;
            tabs->setCurrentIndex(i);
            checkTabs(root, screen + u" / "_s + tabs->tabText(i), done, problems);
        }
        tabs->setCurrentIndex(was);
    }
}

QStringList TstAccessibility::checkDialog(QDialog *dialog, const QString &screen)
{
    if (!dialog)
        return {screen + u": the dialog did not open"_s};
    if (!dialog->isVisible())
        dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        return {screen + u": the dialog was never shown"_s};
    QStringList problems = checkScreen(dialog, screen);
    dialog->reject();
    return problems;
}

void TstAccessibility::walkerFindsWhatIsWrong()
{
    // The walker itself: an unnamed line edit, an icon-only button without a tooltip, and a
    // tab order going upwards are all reported, with the widget's name.
    QWidget form;
    auto *layout = new QVBoxLayout(&form);
    auto *top = new QLineEdit;
    top->setObjectName(u"topField"_s);
    auto *bottom = new QLineEdit;
    bottom->setObjectName(u"bottomField"_s);
    bottom->setAccessibleName(u"Bottom"_s);
    auto *icon = new QPushButton;
    icon->setObjectName(u"iconButton"_s);
    icon->setIcon(QIcon(u":/icons/smsdesk.svg"_s));
    icon->setAccessibleName(u"Go"_s);
    layout->addWidget(top);
    layout->addWidget(bottom);
    layout->addWidget(icon);
    QWidget::setTabOrder(bottom, top);
    QWidget::setTabOrder(top, icon);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    const QString names = WidgetWalk::unnamedControls(&form).join(u'\n');
    QVERIFY2(names.contains(u"no accessible name: topField (QLineEdit)"_s), qPrintable(names));
    QVERIFY2(!names.contains(u"bottomField"_s), qPrintable(names));
    QVERIFY2(names.contains(u"icon-only, no tooltip or description: iconButton"_s),
             qPrintable(names));
    const QString order = WidgetWalk::tabOrderProblems(&form).join(u'\n');
    QVERIFY2(order.contains(u"Tab goes back in reading order: bottomField"_s), qPrintable(order));

    // A label buddy names its field; a tooltip describes an icon-only button.
    auto *label = new QLabel(u"&Top"_s);
    label->setBuddy(top);
    layout->insertWidget(0, label);
    icon->setToolTip(u"Go on"_s);
    QCOMPARE(WidgetWalk::accessibleName(top), u"Top"_s);
    QVERIFY2(WidgetWalk::unnamedControls(&form).isEmpty(),
             qPrintable(WidgetWalk::unnamedControls(&form).join(u'\n')));
    QWidget::setTabOrder(top, bottom);
    QWidget::setTabOrder(bottom, icon);
    QVERIFY2(WidgetWalk::tabOrderProblems(&form).isEmpty(),
             qPrintable(WidgetWalk::tabOrderProblems(&form).join(u'\n')));
}

void TstAccessibility::buttonRowTabsInShownOrder_data()
{
    QTest::addColumn<int>("layout");
    QTest::newRow("KDE") << int(QDialogButtonBox::KdeLayout);
    QTest::newRow("GNOME") << int(QDialogButtonBox::GnomeLayout);
    QTest::newRow("Windows") << int(QDialogButtonBox::WinLayout);
    QTest::newRow("macOS") << int(QDialogButtonBox::MacLayout);
}

void TstAccessibility::buttonRowTabsInShownOrder()
{
    // Whichever side the desktop puts Cancel on, Tab crosses the row left to right.
    QFETCH(int, layout);
    ButtonLayoutStyle style(layout);
    QDialog dialog;
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    box->setStyle(&style);
    box->addButton(u"Save draft"_s, QDialogButtonBox::ActionRole);
    ButtonRowTabOrder::follow(box);
    (new QVBoxLayout(&dialog))->addWidget(box);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QWidget *> chain = WidgetWalk::fromFirstStop(WidgetWalk::tabChain(&dialog));
    QCOMPARE(chain.size(), 3);
    for (qsizetype i = 1; i < chain.size(); ++i)
        QVERIFY2(WidgetWalk::globalRect(chain.at(i)).left() >
                     WidgetWalk::globalRect(chain.at(i - 1)).left(),
                 qPrintable(WidgetWalk::tabOrderProblems(&dialog).join(u'\n')));
    QVERIFY2(WidgetWalk::tabOrderProblems(&dialog).isEmpty(),
             qPrintable(WidgetWalk::tabOrderProblems(&dialog).join(u'\n')));
}

void TstAccessibility::railPages_data()
{
    QTest::addColumn<int>("page");
    for (int i = 0; i < NavigationRail::PageCount; ++i)
        QTest::newRow(qPrintable(NavigationRail::title(NavigationRail::Page(i)))) << i;
}

void TstAccessibility::railPages()
{
    QFETCH(int, page);
    const auto which = NavigationRail::Page(page);
    window()->showPage(which);
    QTRY_COMPARE(window()->currentPage(), which);
    QWidget *shown = window()->page(which);
    QVERIFY(shown && shown->isVisible());
    // The page together with the sidebar and status bar around it: Tab goes through all.
    report(checkScreen(window(), NavigationRail::title(which)));
    window()->showPage(NavigationRail::Inbox);
}

void TstAccessibility::newConversationDialog()
{
    m_shell->shell()->newConversation();
    report(checkDialog(waitForDialog<NewConversationDialog>(), u"New conversation"_s));
}

void TstAccessibility::accountSetupDialog()
{
    AccountSetup setup(m_shell->writer(), m_shell->session()->secrets());
    QStringList problems;
    {
        AccountSetupDialog add(&setup, {}, window());
        problems += checkDialog(&add, u"Add account"_s);
    }
    AccountRows::Row existing;
    for (const AccountRows::Row &row : m_shell->shell()->accounts())
        existing = row.id == F::AccountA ? row : existing;
    AccountSetupDialog edit(&setup, existing, window());
    problems += checkDialog(&edit, u"Account credentials"_s);
    report(problems);
}

void TstAccessibility::contactDialogs()
{
    QStringList problems;
    window()->showPage(NavigationRail::Contacts);
    QWidget *contacts = window()->page(NavigationRail::Contacts);
    QTRY_VERIFY(contacts->findChild<QPushButton *>(u"importContacts"_s));
    contacts->findChild<QPushButton *>(u"importContacts"_s)->click();
    problems += checkDialog(waitForDialog<QDialog>(), u"Import contacts"_s);

    auto *table = contacts->findChild<QTableView *>(u"contactTable"_s);
    QVERIFY(table);
    QTRY_VERIFY(table->model()->rowCount() > 0);
    table->setCurrentIndex(table->model()->index(0, 0));
    contacts->findChild<QPushButton *>(u"editContact"_s)->click();
    problems += checkDialog(waitForDialog<QDialog>(), u"Contact editor"_s);

    // The contact panel's consent dialogs, both kinds.
    window()->showPage(NavigationRail::Inbox);
    ContactPanel *panel = inbox()->contactPanel();
    QTRY_VERIFY(panel->details().has_value());
    panel->openUnsubscribe();
    problems += checkDialog(panel->openDialog(), u"Unsubscribe"_s);
    panel->openResubscribe();
    problems += checkDialog(panel->openDialog(), u"Re-subscribe"_s);
    report(problems);
}

void TstAccessibility::composerDialogs()
{
    QStringList problems;
    SendLaterDialog later(u"America/Los_Angeles"_s, u"See you soon"_s, 0, window());
    problems += checkDialog(&later, u"Send later"_s);
    ShortcutSheet sheet(window());
    problems += checkDialog(&sheet, u"Keyboard shortcuts"_s);
    window()->aboutAction()->trigger();
    problems += checkDialog(waitForDialog<QDialog>(), u"About"_s);
    report(problems);
}

void TstAccessibility::joinTeamDialog()
{
    JoinTeamDialog join(m_shell->shell()->team()->commands(), F::AccountA, u"Bloom"_s, window());
    join.show();
    QVERIFY(QTest::qWaitForWindowExposed(&join));
    QStringList problems = checkScreen(&join, u"Join the team"_s);
    join.reject();
    report(problems);
}

void TstAccessibility::threadListRowsSpeak()
{
    window()->showPage(NavigationRail::Inbox);
    ThreadListView *list = inbox()->listView();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(list);
    QVERIFY(iface);
    QAccessibleTableInterface *table = iface->tableInterface();
    QVERIFY(table);
    QStringList texts;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        QAccessibleInterface *cell = table->cellAt(row, 0);
        QVERIFY(cell);
        texts.append(cell->text(QAccessible::Name));
    }
    const QString all = texts.join(u'\n');
    if (qEnvironmentVariableIsSet("SMSDESK_PRINT_SPEECH"))
        qInfo("%s", qPrintable(all));
    // Ana's thread: her name and number, our number, what is unread, the last message.
    QVERIFY2(all.contains(u"Ana Lima"_s), qPrintable(all));
    QVERIFY2(all.contains(u"+1 415-555-2001"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Support"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Message 5 about roses"_s), qPrintable(all));
    // Ben's: no contact name, so his number; one unread message.
    QVERIFY2(all.contains(u"+1 415-555-2002"_s), qPrintable(all));
    QVERIFY2(all.contains(u"1 unread"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Is the shop open on Sunday?"_s), qPrintable(all));
}

void TstAccessibility::messageBubblesSpeak()
{
    ThreadView *view = m_shell->shell()->conversation()->threadView();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface);
    QAccessibleTableInterface *table = iface->tableInterface();
    QVERIFY(table);
    const int rows = view->model()->rowCount();
    QCOMPARE(rows, 6);
    QStringList texts;
    for (int row = 0; row < rows; ++row)
        texts.append(table->cellAt(row, 0)->text(QAccessible::Name));
    const QString all = texts.join(u'\n');
    if (qEnvironmentVariableIsSet("SMSDESK_PRINT_SPEECH"))
        qInfo("%s", qPrintable(all));
    // Who sent it, when, what it says and, for ours, how far it got.
    QVERIFY2(texts.first().contains(u"Message 0 about roses"_s), qPrintable(all));
    QVERIFY2(texts.first().startsWith(u"Received "_s), qPrintable(all));
    QVERIFY2(!texts.first().contains(u"attachment"_s), qPrintable(all));
    QVERIFY2(texts.at(1).startsWith(u"Sent "_s), qPrintable(all));
    QVERIFY2(texts.at(1).contains(u"Delivered"_s), qPrintable(all));
    QVERIFY2(texts.at(1).contains(u"Message 1 about roses"_s), qPrintable(all));
}

SHELL_TEST_MAIN(TstAccessibility)
#include "tst_accessibility.moc"
