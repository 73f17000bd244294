// The inbox through the whole window (DesktopShell over a real profile): a search hit opens
// its thread at the matching message, the composer waits for a conversation, and "New
// conversation" finds or creates the thread through the writer.
#include "AudiencePage.h"
#include "Composer.h"
#include "ContactPanel.h"
#include "ConversationPane.h"
#include "DeferredPage.h"
#include "InboxPage.h"
#include "MainWindow.h"
#include "NewConversationDialog.h"
#include "PhoneNumber.h"
#include "ReportsPage.h"
#include "SearchBox.h"
#include "SearchResultsModel.h"
#include "ShellFixture.h"
#include "Theme.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QThread>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

namespace {

const QString Ana = u"+14155552001"_s;
const QString Ben = u"+14155552002"_s;
const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
// More than two pages of history, so the matching message is on none of the first pages.
constexpr int AnaMessages = 2 * ThreadMessagesModel::PageSize + 50;
constexpr int MatchAt = 3; // the only message with the rare word
const QString RareWord = u"hydrangeas"_s;

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name));
}

} // namespace

class TstDesktopShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void searchOpensThreadAtOldMessage();
    void contactHitOpensLatest();
    void composerWaitsForConversation();
    void newConversationRefusesBadNumbers_data();
    void newConversationRefusesBadNumbers();
    void newConversationOpensThread();
    void accountPagesAreBuiltOnFirstVisit();
    void keyboardWorksTheQueue();
    void guiThreadNeverWaitsForTheWriter();
    void startShowsTheAccountOnce();

private:
    InboxPage *inbox() const { return m_shell->shell()->inbox(); }
    ConversationPane *pane() const { return m_shell->shell()->conversation(); }
    qint64 rareMessageId() const
    {
        return StoreTestUtil::scalar(m_shell->fx().db(),
                                     u"SELECT id FROM messages WHERE body LIKE ?"_s,
                                     {QString(u'%' + RareWord + u'%')})
            .toLongLong();
    }
    void search(const QString &text)
    {
        QLineEdit *edit = inbox()->searchBox()->lineEdit();
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, text);
        inbox()->searchBox()->searchNow();
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

void TstDesktopShell::init()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QList<MessageRecord> page;
    for (int i = 0; i < AnaMessages; ++i) {
        const QString body = i == MatchAt
                                 ? QString(u"Could the bouquet have blue "_s + RareWord + u"?"_s)
                                 : QString(u"Message "_s + QString::number(i) + u" about roses"_s);
        page.append(F::message(Ana, F::Support, body, Start.addSecs(i * 600), i % 2 == 0));
    }
    page.append(F::message(Ben, F::Sales, u"Is the shop open on Sunday?"_s, Start.addDays(5)));
    QVERIFY(m_shell->fx().setContact(F::AccountA, Ana, u"Ana Lima"_s, u"yes"_s));
    QVERIFY(m_shell->fx().upsert(F::AccountA, page));
    QVERIFY(m_shell->start());
    m_shell->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_shell->window()));
}

void TstDesktopShell::cleanup()
{
    m_shell.reset();
}

void TstDesktopShell::searchOpensThreadAtOldMessage()
{
    const qint64 target = rareMessageId();
    QVERIFY(target > 0);
    const qint64 thread = m_shell->fx().threadId(F::AccountA, Ana, F::Support);
    search(RareWord);
    QListView *results = inbox()->searchBox()->resultsView();
    QVERIFY(results->isVisible());
    QCOMPARE(results->model()->rowCount(), 1);
    const QModelIndex hit = results->model()->index(0, 0);
    QCOMPARE(hit.data(SearchResultsModel::MessageIdRole).toLongLong(), target);
    // The row names the customer, our number and marks the word.
    QCOMPARE(hit.data(SearchResultsModel::CustomerNameRole).toString(), u"Ana Lima"_s);
    QCOMPARE(hit.data(SearchResultsModel::SenderNumberRole).toString(), F::Support);
    const auto matches = hit.data(SearchResultsModel::MatchesRole).value<QList<QPoint>>();
    QCOMPARE(matches.size(), 1);
    QCOMPARE(hit.data(SearchResultsModel::SnippetRole)
                 .toString()
                 .mid(matches.first().x(), matches.first().y()),
             RareWord);

    QTest::keyClick(inbox()->searchBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(pane()->threadId(), thread);
    ThreadMessagesModel *model = pane()->messagesModel();
    const int row = model->rowOf(target);
    QVERIFY2(row >= 0, "the matching message was not loaded");
    // It took older pages: the first page holds only the newest messages.
    QVERIFY(model->rowCount() > ThreadMessagesModel::PageSize);
    ThreadView *view = pane()->threadView();
    QCOMPARE(view->highlightedMessage(), target);
    QCoreApplication::processEvents();
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QVERIFY2(view->viewport()->rect().intersects(rect),
             qPrintable(u"row rect y=%1 h=%2, viewport h=%3"_s.arg(rect.y())
                            .arg(rect.height())
                            .arg(view->viewport()->height())));
    // Still there once the window has settled (no late scroll back to the newest message).
    QTest::qWait(50);
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->model()->index(row, 0))));

    Theme::apply(*qApp);
    pane()->setNow(Start.addDays(6));
    QCoreApplication::processEvents();
    saveShot(m_shell->window(), u"search.png"_s);
    qApp->setStyleSheet({});
}

void TstDesktopShell::contactHitOpensLatest()
{
    const qint64 thread = m_shell->fx().threadId(F::AccountA, Ana, F::Support);
    search(u"Lima"_s);
    QListView *results = inbox()->searchBox()->resultsView();
    QVERIFY(results->model()->rowCount() >= 1);
    const QModelIndex first = results->model()->index(0, 0);
    QCOMPARE(first.data(SearchResultsModel::KindRole).toString(), u"contact"_s);
    QCOMPARE(first.data(SearchResultsModel::ThreadIdRole).toLongLong(), thread);
    QTest::keyClick(inbox()->searchBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(pane()->threadId(), thread);
    // The latest page, newest message at the bottom, nothing highlighted.
    ThreadMessagesModel *model = pane()->messagesModel();
    QCOMPARE(model->rowCount(), ThreadMessagesModel::PageSize);
    const qint64 newest = StoreTestUtil::scalar(m_shell->fx().db(),
                                                u"SELECT id FROM messages WHERE thread_id = ? "
                                                u"ORDER BY created_at DESC, id DESC LIMIT 1"_s,
                                                {thread})
                              .toLongLong();
    QCOMPARE(model->messageIdAt(model->rowCount() - 1), newest);
    QCOMPARE(pane()->threadView()->highlightedMessage(), 0);
}

void TstDesktopShell::composerWaitsForConversation()
{
    Composer *composer = pane()->composer();
    QCOMPARE(pane()->threadId(), 0);
    QVERIFY(!composer->isEnabled());
    QCOMPARE(composer->editor()->placeholderText(), u"Select a conversation"_s);

    ThreadListView *list = inbox()->listView();
    list->setCurrentIndex(list->model()->index(0, 0));
    QVERIFY(pane()->threadId() != 0);
    QVERIFY(composer->isEnabled());
    QCOMPARE(composer->editor()->placeholderText(), Composer::replyPlaceholder());

    // Esc in the list closes nothing, but another account closes the conversation.
    m_shell->showAccount(F::AccountB);
    QCOMPARE(pane()->threadId(), 0);
    QVERIFY(!composer->isEnabled());
    QCOMPARE(composer->editor()->placeholderText(), u"Select a conversation"_s);
}

void TstDesktopShell::newConversationRefusesBadNumbers_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("too short") << u"415555013"_s;
    QTest::newRow("letters") << u"1-800-FLOWERS"_s;
    QTest::newRow("empty") << u""_s;
    QTest::newRow("bad country code") << u"+999 1234 5678"_s;
}

void TstDesktopShell::newConversationRefusesBadNumbers()
{
    QFETCH(QString, typed);
    NewConversationDialog *dialog = openDialog();
    QVERIFY(dialog);
    // Our Support number is American: a number without '+' is read as one of the US.
    dialog->senderBox()->setCurrentIndex(dialog->senderBox()->findData(StoreTestUtil::scalar(
        m_shell->fx().db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {F::Support})));
    QTest::keyClicks(dialog->numberEdit(), typed);
    auto *open = dialog->findChild<QPushButton *>(u"newConversationOpen"_s);
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());
    const PhoneNumberParse expected = PhoneNumber::parse(typed, u"US"_s);
    QVERIFY(!expected.ok());
    QCOMPARE(dialog->errorLabel()->text(), expected.errorMessage);
    const int threads =
        StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT count(*) FROM threads"_s).toInt();
    dialog->reject();
    QCOMPARE(StoreTestUtil::scalar(m_shell->fx().db(), u"SELECT count(*) FROM threads"_s).toInt(),
             threads);
}

void TstDesktopShell::newConversationOpensThread()
{
    // The shown account's numbers only, send-only ones included.
    QVERIFY(m_shell->fx()
                .exec(u"UPDATE sender_numbers SET send_only_notifications = 1 WHERE number = ?"_s,
                      {F::Sales})
                .isActive());
    NewConversationDialog *dialog = openDialog();
    QVERIFY(dialog);
    const QStringList ours = StoreTestUtil::rows(
        m_shell->fx().db(), u"SELECT id FROM sender_numbers WHERE account_id = 1 ORDER BY id"_s);
    QCOMPARE(dialog->senderBox()->count(), ours.size());
    for (const QString &id : ours)
        QVERIFY(dialog->senderBox()->findData(id.toLongLong()) >= 0);

    // One of our own numbers is no customer.
    dialog->senderBox()->setCurrentIndex(0);
    QTest::keyClicks(dialog->numberEdit(), F::Sales);
    auto *open = dialog->findChild<QPushButton *>(u"newConversationOpen"_s);
    QTest::mouseClick(open, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorLabel()->text().contains(u"one of our own numbers"_s),
             qPrintable(dialog->errorLabel()->text()));
    Theme::apply(*qApp);
    dialog->numberEdit()->clear();
    QTest::keyClicks(dialog->numberEdit(), u"(415) 555-01"_s);
    QTest::mouseClick(open, Qt::LeftButton);
    dialog->adjustSize();
    saveShot(dialog, u"new-conversation.png"_s);
    qApp->setStyleSheet({});

    QSignalSpy started(m_shell->shell(), &DesktopShell::conversationStarted);
    dialog->numberEdit()->clear();
    QTest::keyClicks(dialog->numberEdit(), u"(415) 555-0177"_s);
    const qint64 senderId = dialog->senderNumberId();
    QTest::mouseClick(open, Qt::LeftButton);
    QTRY_COMPARE(started.size(), 1);
    const QString customer = PhoneNumber::parse(u"(415) 555-0177"_s, u"US"_s).number.e164();
    const qint64 thread = StoreTestUtil::scalar(m_shell->fx().db(),
                                                u"SELECT id FROM threads WHERE account_id = 1 AND "
                                                u"customer_number = ? AND sender_number_id = ?"_s,
                                                {customer, senderId})
                              .toLongLong();
    QVERIFY(thread > 0);
    QCOMPARE(started.first().at(0).toLongLong(), thread);
    QCOMPARE(started.first().at(1).toString(), customer);
    QVERIFY(started.first().at(2).toBool()); // created
    QCOMPARE(pane()->threadId(), thread);
    QVERIFY(pane()->composer()->isEnabled());
    QTRY_VERIFY2(
        pane()->composer()->editor()->hasFocus(),
        qPrintable(QString::fromLatin1(QApplication::focusWidget()
                                           ? QApplication::focusWidget()->metaObject()->className()
                                           : "none") +
                   u" active: "_s +
                   (QApplication::activeWindow() ? QApplication::activeWindow()->objectName()
                                                 : u"none"_s)));
    QCOMPARE(inbox()->contactPanel()->details().has_value(), true);

    // The same number and sender again: the same thread, not a second one.
    dialog = openDialog();
    dialog->senderBox()->setCurrentIndex(dialog->senderBox()->findData(senderId));
    QTest::keyClicks(dialog->numberEdit(), customer);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"newConversationOpen"_s), Qt::LeftButton);
    QTRY_COMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(0).toLongLong(), thread);
    QVERIFY(!started.at(1).at(2).toBool());
    QCOMPARE(StoreTestUtil::scalar(m_shell->fx().db(),
                                   u"SELECT count(*) FROM threads WHERE customer_number = ?"_s,
                                   {customer})
                 .toInt(),
             1);
}

void TstDesktopShell::accountPagesAreBuiltOnFirstVisit()
{
    // Opening the account built none of the other pages: the inbox shows at once.
    MainWindow *window = m_shell->window();
    QVERIFY(!window->findChild<AudiencePage *>());
    QVERIFY(!window->findChild<ReportsPage *>());
    auto *contacts = qobject_cast<DeferredPage *>(window->page(NavigationRail::Page::Contacts));
    QVERIFY(contacts);
    QVERIFY(!contacts->content());
    window->showPage(NavigationRail::Page::Contacts);
    QTRY_VERIFY(window->findChild<AudiencePage *>());
    QVERIFY(contacts->content());
    QVERIFY(contacts->content()->isVisible());
    // The other pages are still waiting for their first visit.
    QVERIFY(!window->findChild<ReportsPage *>());
    window->showPage(NavigationRail::Page::Reports);
    QTRY_VERIFY(window->findChild<ReportsPage *>());
}

void TstDesktopShell::keyboardWorksTheQueue()
{
    // j picks a thread, Enter opens it with the reply box taking the keys (letters are text,
    // not the list's one-key actions), Esc goes back to the list, Ctrl+R resolves.
    ThreadListView *list = inbox()->listView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_J);
    const qint64 thread = list->currentIndex().data(ThreadListModel::ThreadIdRole).toLongLong();
    QVERIFY(thread > 0);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(pane()->threadId(), thread);
    QPlainTextEdit *editor = pane()->composer()->editor();
    QTRY_VERIFY(editor->hasFocus());
    QTest::keyClicks(editor, u"Saturday works, Ana"_s);
    QCOMPARE(editor->toPlainText(), u"Saturday works, Ana"_s);
    QVERIFY(list->currentIndex().data(ThreadListModel::SnoozedUntilRole).isNull() ||
            !list->currentIndex().data(ThreadListModel::SnoozedUntilRole).toDateTime().isValid());
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(list->hasFocus());
    QCOMPARE(pane()->threadId(), thread); // Esc in the reply box closes nothing
    QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(StoreTestUtil::scalar(m_shell->fx().db(),
                                       u"SELECT status FROM threads WHERE id = ?"_s, {thread})
                     .toString(),
                 u"resolved"_s);
}

void TstDesktopShell::guiThreadNeverWaitsForTheWriter()
{
    // From here on a blocking StoreWriter::call from this (the GUI) thread aborts the test.
    StoreWriter::forbidWaitingFrom(QThread::currentThread());
    const auto allowAgain = qScopeGuard([] { StoreWriter::forbidWaitingFrom(nullptr); });
    // Switch account and back, open a thread, act on it from the keyboard, type a draft.
    m_shell->showAccount(F::AccountB);
    m_shell->showAccount(F::AccountA);
    ThreadListView *list = inbox()->listView();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_J);
    const qint64 thread = list->currentIndex().data(ThreadListModel::ThreadIdRole).toLongLong();
    QVERIFY(thread > 0);
    QTest::keyClick(list, Qt::Key_F); // flag
    QTRY_COMPARE(StoreTestUtil::scalar(m_shell->fx().db(),
                                       u"SELECT flagged FROM threads WHERE id = ?"_s, {thread})
                     .toInt(),
                 1);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_COMPARE(pane()->threadId(), thread);
    QTest::keyClicks(pane()->composer()->editor(), u"On it"_s);
    QTest::keyClick(pane()->composer()->editor(), Qt::Key_Escape);
    QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(StoreTestUtil::scalar(m_shell->fx().db(),
                                       u"SELECT status FROM threads WHERE id = ?"_s, {thread})
                     .toString(),
                 u"resolved"_s);
}

void TstDesktopShell::startShowsTheAccountOnce()
{
    // A second shell on a fresh profile, watched from before its start.
    ShellFixture fresh;
    QVERIFY(fresh.open());
    DesktopShell shell(fresh.session(), u"alice"_s);
    QSignalSpy shown(&shell, &DesktopShell::accountShown);
    QVERIFY(shell.start());
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.first().first().toLongLong(), F::AccountA);
}

SHELL_TEST_MAIN(TstDesktopShell)
#include "tst_desktopshell.moc"
