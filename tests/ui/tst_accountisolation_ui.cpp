// Switching account switches the whole window: with account A's conversations on screen,
// switching to B leaves nothing of A in the thread list, the filter counts, search, the
// conversation, the contact panel, the tray's unread count or its notifications.
#include "Composer.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "InboxPage.h"
#include "Notifier.h"
#include "SearchBox.h"
#include "SearchResultsModel.h"
#include "ShellFixture.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "TrayBadge.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;
using F = ThreadFixture;
using Filter = ThreadListModel::Filter;

namespace {

const QDateTime Start(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
// Account A (Bloom, a florist) and account B (a bakery) share one customer number, known
// under a different name in each: only the account's own name may ever show.
const QString Shared = u"+14155550101"_s;
const QString Tom = u"+14155550102"_s;
const QString Hannah = u"+14155550301"_s;
const QString NameInA = u"Maria Gonzalez"_s;
const QString NameInB = u"Maria Baker"_s;
const QStringList WordsOfA = {u"peonies"_s, u"wedding"_s, u"Gonzalez"_s, u"Becker"_s};
const QStringList WordsOfB = {u"sourdough"_s, u"croissants"_s, u"Baker"_s, u"Hannah"_s};

const char *const ButtonNames[] = {"filterUnresolved", "filterMine", "filterUnassigned",
                                   "filterFlagged",    "filterAll",  "filterResolved",
                                   "filterSnoozed"};

} // namespace

class TstAccountIsolationUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listAndCountsFollowTheAccount();
    void searchFindsOnlyTheShownAccount();
    void conversationAndContactPanelAreCleared();
    void notificationsAndTrayOfTheShownAccountOnly();

private:
    InboxPage *inbox() const { return m_shell->shell()->inbox(); }
    QSqlDatabase db() const { return m_shell->fx().db(); }
    QList<qint64> listedThreads() const
    {
        ThreadListModel *model = m_shell->shell()->threads();
        while (model->canFetchMore({}))
            model->fetchMore({});
        QList<qint64> ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids.append(model->index(r).data(ThreadListModel::ThreadIdRole).toLongLong());
        return ids;
    }
    // Every visible text of a widget tree, for "nothing of A is on screen" checks.
    static QString visibleText(QWidget *root)
    {
        QStringList texts;
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (label->isVisibleTo(root))
                texts << label->text();
        }
        return texts.join(u'\n');
    }
    void verifyShowsOnly(qint64 account);

    std::unique_ptr<ShellFixture> m_shell;
};

void TstAccountIsolationUi::init()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    ThreadFixture &fx = m_shell->fx();
    QVERIFY(fx.setContact(F::AccountA, Shared, NameInA, u"yes"_s));
    QVERIFY(fx.setContact(F::AccountA, Tom, u"Tom Becker"_s, u"yes"_s));
    QVERIFY(fx.setContact(F::AccountB, Shared, NameInB, u"no"_s));
    QVERIFY(fx.setContact(F::AccountB, Hannah, u"Hannah Okafor"_s, u"yes"_s));
    QVERIFY(fx.upsert(
        F::AccountA,
        {F::message(Shared, F::Support, u"Can you deliver the peonies tomorrow?"_s, Start),
         F::message(Shared, F::Support, u"Yes, peonies by noon."_s, Start.addSecs(60), false),
         F::message(Tom, F::Sales, u"Flowers for the wedding on Saturday?"_s, Start.addSecs(120)),
         F::message(Tom, F::Support, u"Also the wedding arch"_s, Start.addSecs(180))}));
    QVERIFY(fx.upsert(
        F::AccountB,
        {F::message(Shared, F::Bakery, u"Two sourdough loaves please"_s, Start.addSecs(240)),
         F::message(Hannah, F::Bakery, u"Are the croissants ready?"_s, Start.addSecs(300))}));
    // A's Tom thread on Sales is resolved and flagged, so A's counts differ from B's.
    QVERIFY(fx.setThread(fx.threadId(F::AccountA, Tom, F::Sales), u"resolved"_s, true, {}));
    QVERIFY(m_shell->start());
    QCOMPARE(m_shell->shell()->currentAccountId(), F::AccountA);
    NotificationPolicy::Settings every;
    every.mode = NotificationPolicy::Mode::EveryMessage;
    every.digestWhenBusy = false;
    every.doNotDisturb = false;
    m_shell->shell()->notifier()->setSettings(every);
}

void TstAccountIsolationUi::cleanup()
{
    m_shell.reset();
}

void TstAccountIsolationUi::verifyShowsOnly(qint64 account)
{
    // The list: every thread the account has under the current filter, and only those.
    inbox()->findChild<QPushButton *>(u"filterAll"_s)->click();
    QStringList expected = StoreTestUtil::rows(
        db(), u"SELECT id FROM threads WHERE account_id = ? ORDER BY id"_s, {account});
    QStringList listed;
    for (const qint64 id : listedThreads())
        listed << QString::number(id);
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
    // The counts on the filter buttons (counted off the GUI thread, so they may come a moment
    // later): the account's own, straight from SQL.
    const QString all = StoreTestUtil::scalar(
                            db(), u"SELECT count(*) FROM threads WHERE account_id = ?"_s, {account})
                            .toString();
    const QString resolved =
        StoreTestUtil::scalar(
            db(), u"SELECT count(*) FROM threads WHERE account_id = ? AND status = 'resolved'"_s,
            {account})
            .toString();
    const QString flagged =
        StoreTestUtil::scalar(
            db(), u"SELECT count(*) FROM threads WHERE account_id = ? AND flagged = 1"_s, {account})
            .toString();
    QTRY_COMPARE(inbox()->findChild<QPushButton *>(u"filterAll"_s)->text(),
                 InboxPage::filterName(Filter::All) + u' ' + all);
    QTRY_COMPARE(inbox()->findChild<QPushButton *>(u"filterResolved"_s)->text(),
                 InboxPage::filterName(Filter::Resolved) + u' ' + resolved);
    QTRY_COMPARE(inbox()->findChild<QPushButton *>(u"filterFlagged"_s)->text(),
                 InboxPage::filterName(Filter::Flagged) + u' ' + flagged);
    // No row shows a name or word of the other account.
    const QStringList &foreign = account == F::AccountA ? WordsOfB : WordsOfA;
    ThreadListModel *model = m_shell->shell()->threads();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r);
        const QString shown = index.data(Qt::DisplayRole).toString() + u' ' +
                              index.data(ThreadListModel::PreviewRole).toString();
        for (const QString &word : foreign)
            QVERIFY2(!shown.contains(word, Qt::CaseInsensitive), qPrintable(shown));
    }
    for (const char *name : ButtonNames)
        QVERIFY(inbox()->findChild<QPushButton *>(QString::fromLatin1(name)));
}

void TstAccountIsolationUi::listAndCountsFollowTheAccount()
{
    verifyShowsOnly(F::AccountA);
    m_shell->showAccount(F::AccountB);
    verifyShowsOnly(F::AccountB);
    m_shell->showAccount(F::AccountA);
    verifyShowsOnly(F::AccountA);
}

void TstAccountIsolationUi::searchFindsOnlyTheShownAccount()
{
    SearchBox *box = inbox()->searchBox();
    const auto results = [&](const QString &text) {
        box->lineEdit()->clear();
        QTest::keyClicks(box->lineEdit(), text);
        box->searchNow();
        return box->resultsView()->model()->rowCount();
    };
    QVERIFY(results(u"peonies"_s) > 0); // A finds its own words
    m_shell->showAccount(F::AccountB);
    QVERIFY(!box->resultsView()->isVisible()); // the switch cleared the search
    for (const QString &word : WordsOfA)
        QCOMPARE(results(word), 0);
    QVERIFY(results(u"sourdough"_s) > 0); // and B finds its own
    // The shared customer is found under B's name only.
    QVERIFY(results(u"Maria"_s) > 0);
    QAbstractItemModel *model = box->resultsView()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, 0);
        QCOMPARE(index.data(SearchResultsModel::CustomerNameRole).toString(), NameInB);
        const qint64 thread = index.data(SearchResultsModel::ThreadIdRole).toLongLong();
        QCOMPARE(
            StoreTestUtil::scalar(db(), u"SELECT account_id FROM threads WHERE id = ?"_s, {thread})
                .toLongLong(),
            F::AccountB);
    }
    // The number search too.
    QVERIFY(results(u"555 0102"_s) == 0); // Tom is A's customer only
}

void TstAccountIsolationUi::conversationAndContactPanelAreCleared()
{
    // A's shared customer open in A: conversation and contact panel show A's name.
    const qint64 threadA = m_shell->fx().threadId(F::AccountA, Shared, F::Support);
    m_shell->shell()->openThread(threadA);
    ConversationPane *pane = m_shell->shell()->conversation();
    ContactPanel *panel = inbox()->contactPanel();
    QCOMPARE(pane->threadId(), threadA);
    QVERIFY(visibleText(panel).contains(NameInA));

    m_shell->showAccount(F::AccountB);
    QCOMPARE(pane->threadId(), 0);
    QCOMPARE(pane->messagesModel()->rowCount(), 0);
    for (const QString &word : WordsOfA) {
        QVERIFY2(!visibleText(panel).contains(word), qPrintable(visibleText(panel)));
        QVERIFY2(!visibleText(pane).contains(word), qPrintable(visibleText(pane)));
    }
    // A's thread cannot be opened from B, even by id.
    pane->openThread(threadA);
    QCOMPARE(pane->messagesModel()->rowCount(), 0);
    QVERIFY(!pane->composer()->isEnabled());

    // B's own thread with the same customer: B's name, B's words, nothing of A's.
    const qint64 threadB = m_shell->fx().threadId(F::AccountB, Shared, F::Bakery);
    m_shell->shell()->openThread(threadB);
    QCOMPARE(pane->threadId(), threadB);
    QVERIFY(visibleText(panel).contains(NameInB));
    for (const QString &word : WordsOfA)
        QVERIFY2(!visibleText(panel).contains(word), qPrintable(visibleText(panel)));
    for (int r = 0; r < pane->messagesModel()->rowCount(); ++r) {
        const QString body =
            pane->messagesModel()->index(r).data(ThreadMessagesModel::BodyRole).toString();
        QVERIFY2(!body.contains(u"peonies"_s), qPrintable(body));
    }
}

void TstAccountIsolationUi::notificationsAndTrayOfTheShownAccountOnly()
{
    Notifier *notifier = m_shell->shell()->notifier();
    m_shell->showAccount(F::AccountB);
    const auto unreadOf = [&](qint64 account) {
        return StoreTestUtil::scalar(db(),
                                     u"SELECT COALESCE(sum(unread_count), 0) FROM threads "
                                     u"WHERE account_id = ?"_s,
                                     {account})
            .toInt();
    };
    QCOMPARE(notifier->unreadCount(), unreadOf(F::AccountB));
    QCOMPARE(notifier->trayIcon()->toolTip(), TrayBadge::toolTip(unreadOf(F::AccountB)));

    // A's customer writes while B is on screen: the store takes it, B's window shows nothing.
    const QList<qint64> bThreads = listedThreads();
    QVERIFY(m_shell->upsertLive(
        F::AccountA,
        {F::message(Shared, F::Support, u"More peonies for Friday"_s, Start.addSecs(3600))}));
    QVERIFY(unreadOf(F::AccountA) > 0);
    QCOMPARE(listedThreads(), bThreads);
    QVERIFY(!notifier->lastShown().has_value());
    QCOMPARE(notifier->unreadCount(), unreadOf(F::AccountB));
    QCOMPARE(notifier->trayIcon()->toolTip(), TrayBadge::toolTip(unreadOf(F::AccountB)));
    for (QAction *action : notifier->trayMenu()->actions())
        QVERIFY2(!action->text().contains(NameInA), qPrintable(action->text()));

    // B's own customer writing is announced, under B's name (the control).
    QVERIFY(m_shell->upsertLive(
        F::AccountB, {F::message(Shared, F::Bakery, u"And a rye loaf"_s, Start.addSecs(3700))}));
    QVERIFY(notifier->lastShown().has_value());
    QVERIFY2(notifier->lastShown()->title.contains(NameInB),
             qPrintable(notifier->lastShown()->title));
    QVERIFY(!notifier->lastShown()->title.contains(NameInA));
    QVERIFY(!notifier->lastShown()->body.contains(u"peonies"_s));
    QCOMPARE(notifier->unreadCount(), unreadOf(F::AccountB));

    // Back in A, A's count and A's new message are there.
    m_shell->showAccount(F::AccountA);
    QCOMPARE(notifier->unreadCount(), unreadOf(F::AccountA));
    QVERIFY(!notifier->lastShown().has_value()); // B's pop-up means nothing here
    QVERIFY(listedThreads().contains(m_shell->fx().threadId(F::AccountA, Shared, F::Support)));
}

SHELL_TEST_MAIN(TstAccountIsolationUi)
#include "tst_accountisolation_ui.moc"
