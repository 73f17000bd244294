// What a new user trips on in the inbox, through the whole window (DesktopShell over a real
// profile): voice-only numbers are no senders, a new
// conversation's thread is selected after its first send, a sent reply shows, what arrives
// in the open thread is read, a filter without the open thread empties the middle pane, and
// search says when nothing matches and opens a hit on one click without moving the layout.
#include "Composer.h"
#include "ConversationPane.h"
#include "InboxActions.h"
#include "InboxPage.h"
#include "MainWindow.h"
#include "NavigationRail.h"
#include "NewConversationDialog.h"
#include "OutgoingMessage.h"
#include "SearchBox.h"
#include "SearchResultsModel.h"
#include "ShellFixture.h"
#include "Theme.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QUuid>

using namespace Qt::StringLiterals;
using F = ThreadFixture;
using M = ThreadMessagesModel;

namespace {

const QString Ana = u"+14155552001"_s;
const QString Ben = u"+14155552002"_s;
const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name));
}

} // namespace

class TstInboxEdges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void voiceOnlyNumbersAreNoSenders();
    void firstSendSelectsTheNewThread();
    void sentReplyScrollsIntoView();
    void arrivalInOpenThreadIsRead();
    void filterWithoutTheThreadEmptiesThePane();
    void searchSaysNoResults();
    void searchOpensFirstHitOnOneClick();
    void searchOpensWithoutLayoutJump();
    void unreadCountInTitleAndRail();

private:
    InboxPage *inbox() const { return m_shell->shell()->inbox(); }
    ConversationPane *pane() const { return m_shell->shell()->conversation(); }
    QSqlDatabase db() { return m_shell->fx().db(); }
    qint64 threadOf(const QString &customer, const QString &ours = F::Support)
    {
        return m_shell->fx().threadId(F::AccountA, customer, ours);
    }
    void select(qint64 threadId)
    {
        ThreadListModel *model = m_shell->shell()->threads();
        const int row = model->rowOf(threadId);
        QVERIFY(row >= 0);
        inbox()->listView()->setCurrentIndex(model->index(row));
        QCOMPARE(pane()->threadId(), threadId);
    }
    void search(const QString &text)
    {
        QLineEdit *edit = inbox()->searchBox()->lineEdit();
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, text);
        inbox()->searchBox()->searchNow();
    }
    // What Outbox::queueMessage writes, through the session's writer (the views hear of it).
    void queueOutgoing(qint64 thread, const QString &body)
    {
        OutgoingMessage out;
        out.threadId = thread;
        out.body = body;
        out.clientRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
        out.author = u"alice"_s;
        QVERIFY(m_shell->writer()->call(
            [&](WriterContext &context) { return context.messages->insertOutgoing(out); }));
    }
    NewConversationDialog *openDialog()
    {
        QTest::keyClick(m_shell->window(), Qt::Key_N, Qt::ControlModifier);
        NewConversationDialog *dialog = nullptr;
        [&] {
            QTRY_VERIFY((dialog = m_shell->window()->findChild<NewConversationDialog *>()) &&
                        dialog->isVisible());
        }();
        return dialog;
    }

    std::unique_ptr<ShellFixture> m_shell;
};

void TstInboxEdges::init()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QList<MessageRecord> page;
    for (int i = 0; i < 60; ++i)
        page.append(F::message(Ana, F::Support, u"Message %1 about peonies"_s.arg(i),
                               Start.addSecs(i * 600), i % 2 == 0));
    page.append(F::message(Ben, F::Sales, u"Is the shop open on Sunday?"_s, Start.addDays(5)));
    QVERIFY(m_shell->fx().setContact(F::AccountA, Ana, u"Ana Lima"_s, u"yes"_s));
    QVERIFY(m_shell->fx().setContact(F::AccountA, Ben, u"Ben Ortiz"_s, u"yes"_s));
    QVERIFY(m_shell->fx().upsert(F::AccountA, page));
    QVERIFY(m_shell->start());
    m_shell->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_shell->window()));
}

void TstInboxEdges::cleanup()
{
    m_shell.reset();
}

void TstInboxEdges::voiceOnlyNumbersAreNoSenders()
{
    // Sales is voice-only at the provider: texting from it would fail with 21606.
    QVERIFY(m_shell->fx()
                .exec(u"UPDATE sender_numbers SET capabilities = '{\"sms\":false,\"mms\":false,"
                      u"\"voice\":true}' WHERE number = ?"_s,
                      {F::Sales})
                .isActive());
    NewConversationDialog *dialog = openDialog();
    QVERIFY(dialog);
    QComboBox *senders = dialog->senderBox();
    QCOMPARE(senders->count(), 1);
    QVERIFY(senders->itemText(0).contains(u"Support"_s));
    QVERIFY(!senders->itemText(0).contains(u"Sales"_s));
    // Still one of our numbers: not a customer to text.
    QTest::keyClicks(dialog->numberEdit(), F::Sales);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"newConversationOpen"_s), Qt::LeftButton);
    QVERIFY(dialog->errorLabel()->text().contains(u"one of our own numbers"_s));
    dialog->reject();

    // No number of the account can text: the dialog says so and opens nothing.
    QVERIFY(m_shell->fx()
                .exec(u"UPDATE sender_numbers SET capabilities = '{\"sms\":false,"
                      u"\"voice\":true}' WHERE account_id = 1"_s)
                .isActive());
    dialog = openDialog();
    QCOMPARE(dialog->senderBox()->count(), 0);
    QVERIFY2(dialog->errorLabel()->text().contains(u"voice only"_s),
             qPrintable(dialog->errorLabel()->text()));
    QVERIFY(!dialog->findChild<QPushButton *>(u"newConversationOpen"_s)->isEnabled());
    dialog->reject();
}

void TstInboxEdges::firstSendSelectsTheNewThread()
{
    NewConversationDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->senderBox()->setCurrentIndex(dialog->senderBox()->findData(StoreTestUtil::scalar(
        db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {F::Support})));
    QTest::keyClicks(dialog->numberEdit(), u"(415) 555-0177"_s);
    QSignalSpy started(m_shell->shell(), &DesktopShell::conversationStarted);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"newConversationOpen"_s), Qt::LeftButton);
    QTRY_COMPARE(started.size(), 1);
    const qint64 thread = started.first().at(0).toLongLong();
    QCOMPARE(pane()->threadId(), thread);
    QAction *resolve = nullptr;
    for (QAction *a : inbox()->inboxActions()->threadActions()) {
        if (a->objectName() == u"actionResolve"_s)
            resolve = a;
    }
    QVERIFY(resolve);
    QVERIFY(!resolve->isEnabled()); // no message yet: not in the list

    QTest::keyClicks(pane()->composer()->editor(), u"Draft in progress"_s);
    // No provider here: the first message lands as the outbox writes it.
    queueOutgoing(thread, u"Hi, this is the flower shop."_s);
    // The first message brings the thread into the list: selected, its commands on.
    QTRY_COMPARE(
        inbox()->listView()->currentIndex().data(ThreadListModel::ThreadIdRole).toLongLong(),
        thread);
    QVERIFY(resolve->isEnabled());
    QCOMPARE(pane()->threadId(), thread);
    // Selecting the open thread did not reopen it over what is being typed.
    QCOMPARE(pane()->composer()->body(), u"Draft in progress"_s);
}

void TstInboxEdges::sentReplyScrollsIntoView()
{
    select(threadOf(Ana));
    ThreadView *view = pane()->threadView();
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum() / 3); // reading older messages
    QVERIFY(bar->value() < bar->maximum());
    QTest::keyClicks(pane()->composer()->editor(), u"On its way!"_s);
    QTest::keyClick(pane()->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    // No provider here: the message lands as the outbox writes it.
    queueOutgoing(pane()->threadId(), u"On its way!"_s);
    M *model = pane()->messagesModel();
    QTRY_COMPARE(model->index(model->rowCount() - 1).data(M::BodyRole).toString(),
                 u"On its way!"_s);
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TstInboxEdges::arrivalInOpenThreadIsRead()
{
    const qint64 ana = threadOf(Ana);
    select(ana);
    const auto unread = [this](qint64 thread) {
        return StoreTestUtil::scalar(db(), u"SELECT unread_count FROM threads WHERE id = ?"_s,
                                     {thread})
            .toInt();
    };
    QTRY_COMPARE(unread(ana), 0);
    QVERIFY(m_shell->upsertLive(F::AccountA,
                                {F::message(Ana, F::Support, u"Thanks!"_s, Start.addDays(2))}));
    M *model = pane()->messagesModel();
    QTRY_COMPARE(model->index(model->rowCount() - 1).data(M::BodyRole).toString(), u"Thanks!"_s);
    QTRY_COMPARE(unread(ana), 0);
    // Another thread's message still counts.
    const qint64 ben = threadOf(Ben, F::Sales);
    QVERIFY(m_shell->upsertLive(F::AccountA,
                                {F::message(Ben, F::Sales, u"Hello?"_s, Start.addDays(2))}));
    QTRY_VERIFY(unread(ben) > 0);
    QCOMPARE(unread(ana), 0);
}

void TstInboxEdges::filterWithoutTheThreadEmptiesThePane()
{
    const qint64 ana = threadOf(Ana);
    select(ana);
    auto *resolved = inbox()->findChild<QPushButton *>(u"filterResolved"_s);
    QTest::mouseClick(resolved, Qt::LeftButton);
    // Not resolved, so not listed: nothing stays in the middle that the toolbar disowns.
    QTRY_COMPARE(pane()->threadId(), 0);
    QVERIFY(!pane()->composer()->isEnabled());
    QVERIFY(!inbox()->listView()->currentIndex().isValid());
    // Back to a filter that lists it: open it again, and it stays selected across filters
    // that list it.
    QTest::mouseClick(inbox()->findChild<QPushButton *>(u"filterAll"_s), Qt::LeftButton);
    select(ana);
    QTest::mouseClick(inbox()->findChild<QPushButton *>(u"filterUnresolved"_s), Qt::LeftButton);
    QCOMPARE(pane()->threadId(), ana);
    QCOMPARE(inbox()->listView()->currentIndex().data(ThreadListModel::ThreadIdRole).toLongLong(),
             ana);
}

void TstInboxEdges::searchSaysNoResults()
{
    search(u"tulipsxyz"_s);
    SearchBox *box = inbox()->searchBox();
    QVERIFY(box->isActive());
    QVERIFY(box->noResultsLabel()->isVisible());
    QVERIFY2(box->noResultsLabel()->text().contains(u"tulipsxyz"_s),
             qPrintable(box->noResultsLabel()->text()));
    QVERIFY(!box->resultsView()->isVisible());
    Theme::apply(*qApp);
    saveShot(inbox(), u"search-no-results.png"_s);
    qApp->setStyleSheet({});
    search(u"peonies"_s);
    QVERIFY(!box->noResultsLabel()->isVisible());
    QVERIFY(box->resultsView()->isVisible());
    QTest::keyClick(box->lineEdit(), Qt::Key_Escape);
    QVERIFY(!box->isActive());
    QVERIFY(!box->noResultsLabel()->isVisible());
    QVERIFY(inbox()->listView()->isVisible());
}

void TstInboxEdges::searchOpensFirstHitOnOneClick()
{
    search(u"Sunday"_s);
    QListView *results = inbox()->searchBox()->resultsView();
    QVERIFY(results->model()->rowCount() > 0);
    const QModelIndex first = results->model()->index(0, 0);
    QCOMPARE(results->currentIndex(), first); // highlighted already
    const qint64 thread = first.data(SearchResultsModel::ThreadIdRole).toLongLong();
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(first).center());
    QTRY_COMPARE(pane()->threadId(), thread);
}

void TstInboxEdges::searchOpensWithoutLayoutJump()
{
    select(threadOf(Ana));
    auto *splitter = inbox()->findChild<QSplitter *>(u"inboxSplitter"_s);
    QLineEdit *edit = inbox()->searchBox()->lineEdit();
    QWidget *right = inbox()->findChild<QWidget *>(u"inboxRightPane"_s);
    const QList<int> sizes = splitter->sizes();
    const QRect editAt(edit->mapTo(m_shell->window(), QPoint()), edit->size());
    const QRect rightAt(right->mapTo(m_shell->window(), QPoint()), right->size());
    const QSize window = m_shell->window()->size();
    search(u"peonies"_s);
    QVERIFY(inbox()->searchBox()->isActive());
    QCoreApplication::processEvents();
    QCOMPARE(splitter->sizes(), sizes);
    QCOMPARE(QRect(edit->mapTo(m_shell->window(), QPoint()), edit->size()), editAt);
    QCOMPARE(QRect(right->mapTo(m_shell->window(), QPoint()), right->size()), rightAt);
    QCOMPARE(m_shell->window()->size(), window);
    search(u"nothingmatchesthis"_s);
    QCoreApplication::processEvents();
    QCOMPARE(splitter->sizes(), sizes);
    QCOMPARE(QRect(edit->mapTo(m_shell->window(), QPoint()), edit->size()), editAt);
    QTest::keyClick(edit, Qt::Key_Escape);
    QCoreApplication::processEvents();
    QCOMPARE(splitter->sizes(), sizes);
    QCOMPARE(QRect(edit->mapTo(m_shell->window(), QPoint()), edit->size()), editAt);
}

void TstInboxEdges::unreadCountInTitleAndRail()
{
    MainWindow *window = m_shell->window();
    QListWidgetItem *inboxItem = window->rail()->item(NavigationRail::Inbox);
    const int before =
        StoreTestUtil::scalar(db(), u"SELECT coalesce(sum(unread_count), 0) FROM threads WHERE "
                                    u"account_id = 1"_s)
            .toInt();
    QVERIFY(before > 0); // the seeded inbound messages
    QTRY_COMPARE(window->windowTitle(), u"(%1) SMS Desk"_s.arg(before));
    QCOMPARE(inboxItem->text(), u"Inbox %1"_s.arg(before));
    QVERIFY(m_shell->upsertLive(F::AccountA,
                                {F::message(Ben, F::Sales, u"Still open?"_s, Start.addDays(3))}));
    QTRY_COMPARE(window->windowTitle(), u"(%1) SMS Desk"_s.arg(before + 1));
    QCOMPARE(inboxItem->text(), u"Inbox %1"_s.arg(before + 1));
    Theme::apply(*qApp);
    saveShot(window->rail(), u"rail-unread.png"_s);
    qApp->setStyleSheet({});
    // Reading every thread brings the plain title back.
    for (const QString &customer : {Ana, Ben})
        select(threadOf(customer, customer == Ana ? F::Support : F::Sales));
    QTRY_COMPARE(window->windowTitle(), u"SMS Desk"_s);
    QCOMPARE(inboxItem->text(), u"Inbox"_s);
}

SHELL_TEST_MAIN(TstInboxEdges)
#include "tst_inboxedges.moc"
