// The whole window over the demo at 1024×700, 1280×720 and 1920×1080 (and, registered a second
// time, at QT_SCALE_FACTOR=2): visiting every page never changes the window's size, and the
// controls an agent needs are whole inside it, none squeezed below what its text needs.
// With SMSDESK_SCREENSHOT_DIR set, every page is saved as size-<w>x<h>[@2x]-<page>.png.
#include "Composer.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "DeskSession.h"
#include "DesktopShell.h"
#include "InboxPage.h"
#include "MainWindow.h"
#include "NavigationRail.h"
#include "SandboxDemoProvider.h"
#include "SecretStore.h"
#include "SyncEngine.h"
#include "Theme.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The screen the offscreen platform reports: 1920×1080 logical pixels at any scale.
constexpr int ScreenWidth = 1920;
constexpr int ScreenHeight = 1080;

QString pageName(NavigationRail::Page page)
{
    return QString::fromLatin1(QMetaEnum::fromType<NavigationRail::Page>().valueToKey(page))
        .toLower();
}

// The widget's rectangle in the window's coordinates.
QRect inWindow(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// Why `widget` is not whole on screen: cut off by the window or an ancestor, or narrower or
// lower than its text needs. Empty when it is whole. Inside a scroll area's viewport it only
// has to fit the scrolled content (scrolling to it shows it whole).
QString problem(const QWidget *widget)
{
    const QString name = widget->objectName().isEmpty()
                             ? QString::fromLatin1(widget->metaObject()->className())
                             : widget->objectName();
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text().left(40);
    const QString who = u"%1 \"%2\""_s.arg(name, text);
    const QSize need = widget->minimumSizeHint();
    const auto *label = qobject_cast<const QLabel *>(widget);
    // A word-wrapped label's hint is one line; its height follows its width.
    const bool wraps = label && label->wordWrap();
    if (need.isValid() && !wraps &&
        (widget->width() < need.width() || widget->height() < need.height()))
        return u"%1 is %2x%3, needs %4x%5"_s.arg(who)
            .arg(widget->width())
            .arg(widget->height())
            .arg(need.width())
            .arg(need.height());
    if (wraps && label->hasHeightForWidth() &&
        widget->height() < label->heightForWidth(widget->width()))
        return u"%1 is %2 high, its text needs %3"_s.arg(who)
            .arg(widget->height())
            .arg(label->heightForWidth(widget->width()));
    const QRect rect = inWindow(widget);
    for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
        if (auto *scroll = qobject_cast<const QAbstractScrollArea *>(p);
            scroll && scroll->viewport()->isAncestorOf(widget))
            return {};
        if (!inWindow(p).contains(rect))
            return u"%1 at %2,%3 %4x%5 is cut off by %6"_s.arg(who)
                .arg(rect.x())
                .arg(rect.y())
                .arg(rect.width())
                .arg(rect.height())
                .arg(p->objectName().isEmpty() ? QString::fromLatin1(p->metaObject()->className())
                                               : p->objectName());
        if (p->isWindow())
            break;
    }
    return {};
}

// Every shown button, label, field and combo box of `root` that is not whole.
QStringList problems(QWidget *root)
{
    QStringList found;
    const QWidget *statusBar = root->findChild<QStatusBar *>();
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->window() != root->window())
            continue;
        // The status bar's sync line changes as the demo syncs, and the bar lays itself out
        // when it next paints: what it shows at a given instant is not the pages' layout.
        if (statusBar->isAncestorOf(widget))
            continue;
        if (!qobject_cast<QAbstractButton *>(widget) && !qobject_cast<QLabel *>(widget) &&
            !qobject_cast<QLineEdit *>(widget) && !qobject_cast<QComboBox *>(widget))
            continue;
        if (const QString p = problem(widget); !p.isEmpty())
            found << p;
    }
    return found;
}

// What holds the window wide or high: the widgets whose minimum exceeds a 1024×700 window's
// room for a page, innermost last (for the failure message).
QStringList widest(QWidget *root)
{
    QStringList found;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        const QSize need = widget->minimumSizeHint().expandedTo(widget->minimumSize());
        if (need.width() > 560 || need.height() > 560)
            found << u"%1 (%2) %3x%4"_s
                         .arg(widget->objectName(),
                              QString::fromLatin1(widget->metaObject()->className()))
                         .arg(need.width())
                         .arg(need.height());
    }
    return found;
}

} // namespace

class TstWindowSizes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void minimumFitsSmallScreens();
    void pagesKeepTheWindowSize_data();
    void pagesKeepTheWindowSize();

private:
    MainWindow *window() const { return m_shell->window(); }
    // Shows the page and its tabs (built on first view), each saved as a screenshot.
    void visit(NavigationRail::Page page, const QSize &size);
    void checkWhole(const QString &where, const QSize &size);
    void saveShot(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<DeskSession> m_session;
    std::unique_ptr<DesktopShell> m_shell;
    QString m_scaleTag;
};

void TstWindowSizes::initTestCase()
{
    const qreal scale = qEnvironmentVariable("QT_SCALE_FACTOR", u"1"_s).toDouble();
    m_scaleTag = scale > 1 ? u"@%1x"_s.arg(scale) : QString();
    QCOMPARE(qApp->primaryScreen()->size(), QSize(ScreenWidth, ScreenHeight));
    Theme::apply(*qApp);

    QVERIFY(m_dir.isValid());
    m_session = std::make_unique<DeskSession>();
    m_session->setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
    QVERIFY2(m_session->startDemo(m_dir.path()), qPrintable(m_session->errorString()));
    m_session->secrets()->setSessionOnlyFallback(true);
    // The first sync fills the inbox, so every page shows what an agent sees.
    QSignalSpy synced(m_session->syncEngine(), &SyncEngine::finished);
    QVERIFY(synced.wait(60000));

    m_shell = std::make_unique<DesktopShell>(m_session.get(), u"alice"_s);
    QVERIFY2(m_shell->start(), qPrintable(m_shell->errorString()));
    window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QTRY_VERIFY(m_shell->threads()->rowCount() > 0);
    m_shell->openThread(m_shell->threads()->threadIdAt(0));
}

void TstWindowSizes::cleanupTestCase()
{
    m_shell.reset();
    m_session.reset();
}

void TstWindowSizes::minimumFitsSmallScreens()
{
    // Built pages included: the window may be made as small as a 1024×700 screen.
    for (int i = 0; i < NavigationRail::PageCount; ++i)
        window()->showPage(NavigationRail::Page(i));
    window()->showPage(NavigationRail::Inbox);
    QCoreApplication::processEvents();
    const QSize minimum = window()->minimumSizeHint().expandedTo(window()->minimumSize());
    QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
             qPrintable(u"minimum %1x%2; widest:\n  "_s.arg(minimum.width()).arg(minimum.height()) +
                        widest(window()).join(u"\n  "_s)));
    // Its first size fits the screen it opens on.
    MainWindow fresh;
    const QRect available = fresh.screen()->availableGeometry();
    QVERIFY(fresh.width() <= available.width() && fresh.height() <= available.height());
}

void TstWindowSizes::pagesKeepTheWindowSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TstWindowSizes::pagesKeepTheWindowSize()
{
    QFETCH(QSize, size);
    window()->showPage(NavigationRail::Inbox);
    window()->resize(size);
    QTRY_COMPARE(window()->size(), size);
    for (int i = 0; i < NavigationRail::PageCount; ++i) {
        const auto page = NavigationRail::Page(i);
        if (!window()->rail()->isPageAllowed(page))
            continue;
        visit(page, size);
        if (QTest::currentTestFailed())
            return;
    }
    // Back on the inbox, after every page was built: still the same size, still whole.
    visit(NavigationRail::Inbox, size);
}

void TstWindowSizes::visit(NavigationRail::Page page, const QSize &size)
{
    window()->showPage(page);
    QCoreApplication::processEvents();
    QTest::qWait(50); // a built page's layout settles over a few turns of the loop
    const QString where = pageName(page);
    QCOMPARE(window()->size(), size);
    // The page asks for no more than the window gives it: it is laid out, not squeezed.
    QWidget *shown = window()->page(page);
    const QSize need = shown->minimumSizeHint();
    QVERIFY2(need.width() <= shown->width() && need.height() <= shown->height(),
             qPrintable(u"%1 needs %2x%3, has %4x%5"_s.arg(where)
                            .arg(need.width())
                            .arg(need.height())
                            .arg(shown->width())
                            .arg(shown->height())));
    checkWhole(where, size);
    saveShot(u"size-%1x%2%3-%4.png"_s.arg(size.width()).arg(size.height()).arg(m_scaleTag, where));

    // Each tab of the page: a tab's minimum is the page's minimum too.
    for (QTabWidget *tabs : shown->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible())
            continue;
        for (int t = 1; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QCoreApplication::processEvents();
            QTest::qWait(50);
            QCOMPARE(window()->size(), size);
            const QString tab = tabs->tabText(t).toLower().replace(u' ', u'-');
            checkWhole(where + u'/' + tab, size);
            saveShot(u"size-%1x%2%3-%4-%5.png"_s.arg(size.width())
                         .arg(size.height())
                         .arg(m_scaleTag, where, tab));
        }
        tabs->setCurrentIndex(0);
    }
}

void TstWindowSizes::checkWhole(const QString &where, const QSize &size)
{
    // A label whose text just changed asks for a new layout: it is judged after it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QStringList found = problems(window());
    QVERIFY2(found.isEmpty(),
             qPrintable(u"%1 at %2x%3:\n  "_s.arg(where).arg(size.width()).arg(size.height()) +
                        found.join(u"\n  "_s)));
    if (window()->currentPage() != NavigationRail::Inbox)
        return;
    // The inbox's key controls are shown, not only unclipped.
    ConversationPane *pane = m_shell->conversation();
    for (QWidget *key : {static_cast<QWidget *>(pane->findChild<QWidget *>(u"composerSend"_s)),
                         pane->findChild<QWidget *>(u"composerCounter"_s),
                         pane->findChild<QWidget *>(u"composerCanned"_s),
                         window()->findChild<QWidget *>(u"contactPanel"_s),
                         window()->findChild<QWidget *>(u"filterUnresolved"_s),
                         window()->findChild<QWidget *>(u"filterSnoozed"_s)}) {
        QVERIFY(key);
        QVERIFY2(key->isVisible(), qPrintable(key->objectName()));
        QVERIFY2(QRect(QPoint(0, 0), size).contains(inWindow(key)), qPrintable(key->objectName()));
    }
    // The list's rows, badges and all, fit its viewport: no sideways scrolling.
    ThreadListView *list = m_shell->inbox()->listView();
    QVERIFY(!list->horizontalScrollBar()->isVisible());
    const QRect row = list->visualRect(list->model()->index(0, 0));
    QVERIFY2(row.right() < list->viewport()->width(),
             qPrintable(
                 u"row ends at %1, viewport %2"_s.arg(row.right()).arg(list->viewport()->width())));
}

void TstWindowSizes::saveShot(const QString &name)
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(window()->grab().save(dir + u'/' + name));
}

int main(int argc, char **argv)
{
    // No keychain (D-Bus points nowhere), no real settings, and a 1920×1080 screen at any
    // QT_SCALE_FACTOR (the offscreen platform's default is 800×600 device pixels).
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/smsdesk-no-bus");
    const qreal scale = qEnvironmentVariable("QT_SCALE_FACTOR", u"1"_s).toDouble();
    QTemporaryDir config;
    const QString configPath = config.filePath(u"screens.json"_s);
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QStringLiteral(R"({"screens":[{"name":"screen","x":0,"y":0,"width":%1,)"
                              R"("height":%2,"logicalDpi":96,"logicalBaseDpi":96,"dpr":1}]})")
                   .arg(qRound(ScreenWidth * scale))
                   .arg(qRound(ScreenHeight * scale))
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + configPath.toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TstWindowSizes test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowsizes.moc"
