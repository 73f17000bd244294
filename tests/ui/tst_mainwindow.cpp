#include "AboutDialog.h"
#include "EmptyStatePage.h"
#include "MainWindow.h"
#include "NavigationRail.h"

#include <QAction>
#include <QComboBox>
#include <QImageReader>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtTest>

using namespace Qt::StringLiterals;

using Accounts = QList<QPair<qint64, QString>>;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static NavigationRail *rail(const MainWindow &window)
    {
        return window.findChild<NavigationRail *>(u"navigationRail"_s);
    }
    static QStackedWidget *pages(const MainWindow &window)
    {
        return window.findChild<QStackedWidget *>(u"pages"_s);
    }
    static QComboBox *accountSwitcher(const MainWindow &window)
    {
        return window.findChild<QComboBox *>(u"accountSwitcher"_s);
    }
    static void addPageRows()
    {
        QTest::addColumn<int>("page");
        const QMetaEnum pageEnum = QMetaEnum::fromType<NavigationRail::Page>();
        for (int i = 0; i < pageEnum.keyCount(); ++i)
            QTest::newRow(pageEnum.key(i)) << pageEnum.value(i);
    }
    // Any page other than `page`, so that switching to `page` is a visible change.
    static NavigationRail::Page otherPage(int page)
    {
        return static_cast<NavigationRail::Page>((page + 1) % NavigationRail::PageCount);
    }

private Q_SLOTS:
    void showsTitledWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"SMS Desk"_s);
        QVERIFY(window.statusBar()->isVisible());
    }

    void railListsTheSectionsInOrder()
    {
        MainWindow window;
        NavigationRail *navigation = rail(window);
        QVERIFY(navigation);
        const QStringList expected{
            u"Inbox"_s,   u"Contacts"_s, u"Campaigns"_s, u"Numbers & Keywords"_s,
            u"Reports"_s, u"Team"_s,     u"Settings"_s};
        QStringList titles;
        for (int i = 0; i < navigation->count(); ++i)
            titles << navigation->item(i)->text();
        QCOMPARE(titles, expected);
        QCOMPARE(QMetaEnum::fromType<NavigationRail::Page>().keyCount(), expected.size());
        QCOMPARE(pages(window)->count(), expected.size());
        QCOMPARE(window.currentPage(), NavigationRail::Inbox);
        QCOMPARE(pages(window)->currentIndex(), int(NavigationRail::Inbox));
        QVERIFY(navigation->focusPolicy() & Qt::TabFocus);
    }

    void svgIconsLoad()
    {
        QVERIFY2(QImageReader::supportedImageFormats().contains("svg"),
                 "Qt's SVG image plugin (libqt6svg6) is missing: every icon will be blank");
        QVERIFY(!QIcon(u":/icons/smsdesk.svg"_s).pixmap(QSize(64, 64)).isNull());
        MainWindow window;
        NavigationRail *navigation = rail(window);
        for (int i = 0; i < navigation->count(); ++i) {
            const QIcon icon = navigation->item(i)->icon();
            QVERIFY2(!icon.pixmap(QSize(20, 20)).isNull(), qPrintable(navigation->item(i)->text()));
            QVERIFY(!icon.pixmap(QSize(20, 20), QIcon::Selected).isNull());
        }
    }

    void placeholdersExplainEachPage_data() { addPageRows(); }
    void placeholdersExplainEachPage()
    {
        QFETCH(int, page);
        MainWindow window;
        auto *placeholder =
            qobject_cast<EmptyStatePage *>(window.page(static_cast<NavigationRail::Page>(page)));
        QVERIFY(placeholder);
        QVERIFY(!placeholder->title().isEmpty());
        QVERIFY(!placeholder->text().isEmpty());
        // Every page says something of its own.
        auto *other = qobject_cast<EmptyStatePage *>(window.page(otherPage(page)));
        QVERIFY(other);
        QVERIFY(placeholder->title() != other->title());
        QVERIFY(placeholder->text() != other->text());
    }

    void clickingAnEntrySwitchesPage_data() { addPageRows(); }
    void clickingAnEntrySwitchesPage()
    {
        QFETCH(int, page);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(otherPage(page));
        NavigationRail *navigation = rail(window);
        QSignalSpy changed(navigation, &NavigationRail::currentPageChanged);

        const QRect rect = navigation->visualItemRect(navigation->item(page));
        QVERIFY(rect.isValid());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());

        QCOMPARE(pages(window)->currentIndex(), page);
        QCOMPARE(pages(window)->currentWidget(),
                 window.page(static_cast<NavigationRail::Page>(page)));
        QCOMPARE(window.currentPage(), page);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<NavigationRail::Page>(), page);
    }

    void ctrlDigitSwitchesPage_data() { addPageRows(); }
    void ctrlDigitSwitchesPage()
    {
        QFETCH(int, page);
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(otherPage(page));

        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);

        QCOMPARE(pages(window)->currentIndex(), page);
        QCOMPARE(rail(window)->currentRow(), page);
    }

    void arrowKeysMoveThroughTheRail()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        NavigationRail *navigation = rail(window);
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(pages(window)->currentIndex(), int(NavigationRail::Contacts));
        QTest::keyClick(navigation, Qt::Key_End);
        QCOMPARE(pages(window)->currentIndex(), int(NavigationRail::Settings));
    }

    void setPageReplacesThePlaceholder()
    {
        MainWindow window;
        QPointer<QWidget> placeholder = window.page(NavigationRail::Contacts);
        QVERIFY(qobject_cast<EmptyStatePage *>(placeholder.data()));
        auto *contacts = new QLabel(u"contacts screen"_s);

        window.setPage(NavigationRail::Contacts, contacts);

        QCOMPARE(window.page(NavigationRail::Contacts), contacts);
        QCOMPARE(pages(window)->count(), int(NavigationRail::PageCount));
        QCOMPARE(pages(window)->indexOf(contacts), int(NavigationRail::Contacts));
        QTRY_VERIFY(placeholder.isNull());
        // The other pages keep their places.
        QVERIFY(qobject_cast<EmptyStatePage *>(window.page(NavigationRail::Inbox)));
        QVERIFY(qobject_cast<EmptyStatePage *>(window.page(NavigationRail::Campaigns)));
        window.showPage(NavigationRail::Contacts);
        QCOMPARE(pages(window)->currentWidget(), contacts);
    }

    void setPageOnTheCurrentPageShowsTheNewWidget()
    {
        MainWindow window;
        window.showPage(NavigationRail::Reports);
        auto *reports = new QLabel(u"reports screen"_s);
        window.setPage(NavigationRail::Reports, reports);
        QCOMPARE(pages(window)->currentWidget(), reports);
        QCOMPARE(window.currentPage(), NavigationRail::Reports);
    }

    void setPageIgnoresANullWidget()
    {
        MainWindow window;
        QWidget *before = window.page(NavigationRail::Inbox);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"setPage: ignoring a null"_s));
        window.setPage(NavigationRail::Inbox, nullptr);
        QCOMPARE(window.page(NavigationRail::Inbox), before);
    }

    void aboutDialogOpensFromTheHelpMenu()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *about = window.aboutAction();
        QVERIFY(about);
        bool inHelpMenu = false;
        for (QAction *menuAction : window.menuBar()->actions()) {
            if (menuAction->menu() && menuAction->text().remove(u'&') == u"Help"_s)
                inHelpMenu = menuAction->menu()->actions().contains(about);
        }
        QVERIFY(inHelpMenu);

        about->trigger();
        QPointer<AboutDialog> dialog = window.findChild<AboutDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *version = dialog->findChild<QLabel *>(u"aboutVersion"_s);
        QVERIFY(version);
        QVERIFY2(version->text().contains(QStringLiteral(SMSDESK_EXPECTED_VERSION)),
                 qPrintable(version->text()));
        auto *details = dialog->findChild<QLabel *>(u"aboutDetails"_s);
        QVERIFY(details);
        QVERIFY(details->text().contains(QString::fromLatin1(qVersion())));
        QVERIFY(details->text().contains(u"libphonenumber"_s));
        QVERIFY(details->text().contains(u"MIT"_s));

        // A second trigger raises the same box instead of opening another.
        about->trigger();
        QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);

        dialog->reject();
        QTRY_VERIFY(dialog.isNull());
    }

    void accountSwitcherWithoutAccounts()
    {
        MainWindow window;
        QComboBox *switcher = accountSwitcher(window);
        QVERIFY(switcher);
        QCOMPARE(switcher->count(), 1);
        QCOMPARE(switcher->currentText(), u"No account"_s);
        QVERIFY(!switcher->isEnabled());
        QCOMPARE(window.currentAccountId(), MainWindow::NoAccount);
    }

    void accountSwitcherListsAccounts()
    {
        MainWindow window;
        QComboBox *switcher = accountSwitcher(window);
        QSignalSpy changed(&window, &MainWindow::currentAccountChanged);
        const Accounts accounts{{7, u"Acme Dental"_s}, {9, u"Globex Plumbing"_s}};

        window.setAccounts(accounts);

        QVERIFY(switcher->isEnabled());
        QCOMPARE(switcher->count(), accounts.size());
        for (int i = 0; i < accounts.size(); ++i) {
            QCOMPARE(switcher->itemText(i), accounts[i].second);
            QCOMPARE(switcher->itemData(i).toLongLong(), accounts[i].first);
        }
        QCOMPARE(window.currentAccountId(), accounts.first().first);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.takeFirst().first().toLongLong(), accounts.first().first);

        switcher->setCurrentIndex(1);
        QCOMPARE(window.currentAccountId(), accounts[1].first);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.takeFirst().first().toLongLong(), accounts[1].first);

        // A refreshed list that still holds the current account keeps it, silently.
        window.setAccounts({accounts[1], accounts[0], {12, u"Initech"_s}});
        QCOMPARE(window.currentAccountId(), accounts[1].first);
        QCOMPARE(switcher->currentText(), accounts[1].second);
        QCOMPARE(changed.count(), 0);

        window.setAccounts({});
        QCOMPARE(window.currentAccountId(), MainWindow::NoAccount);
        QCOMPARE(switcher->currentText(), u"No account"_s);
        QVERIFY(!switcher->isEnabled());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.takeFirst().first().toLongLong(), MainWindow::NoAccount);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
