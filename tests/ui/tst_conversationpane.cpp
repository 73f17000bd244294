#include "CannedReplyRows.h"
#include "Composer.h"
#include "ConsentRows.h"
#include "ConversationHeader.h"
#include "ConversationPane.h"
#include "InboxCommands.h"
#include "MessageBubbleDelegate.h"
#include "OutboxRows.h"
#include "OutgoingMessage.h"
#include "SegmentCounter.h"
#include "SmartCharacters.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TemplateText.h"
#include "Theme.h"
#include "ThreadFixture.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

namespace {

const QString Ana = u"+14155552001"_s;
const QString Me = u"alice"_s;
// In the past, so that messages queued during the test (stamped with the real clock) are the
// newest of the thread.
const QDateTime Now(QDate(2026, 11, 20), QTime(17, 30), Qt::UTC);
const QString FailureText = u"Unreachable destination handset"_s;

// The counter's wording, spelled out from SegmentCounter's numbers.
QString expectedCounter(const QString &text)
{
    const SegmentCount c = SegmentCounter::count(text);
    return QString::number(c.segments) + (c.segments == 1 ? u" segment"_s : u" segments"_s) +
           u" \u00b7 "_s + SegmentCount::encodingName(c.encoding) + u" \u00b7 "_s +
           QString::number(c.remainingInSegment) + u" left"_s;
}

// QTest::keyClicks only knows ASCII: the other characters arrive as key events carrying their
// text, as an input method delivers them.
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClicks(widget, QString(c));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
        QApplication::sendEvent(widget, &release);
    }
}

} // namespace

class TstConversationPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensWithHeaderAndMessages();
    void counterFollowsTyping();
    void smartPunctuationReplaced();
    void ctrlEnterSendsAndClears();
    void sendErrorKeepsText();
    void draftRestoredAfterRestart();
    void draftFollowsThreadSwitch();
    void unsubscribedBlocksSending();
    void otherNumbersOptOutDoesNotBlock();
    void landlineBlocksUnknownWarns_data();
    void landlineBlocksUnknownWarns();
    void failedMessageShowsReasonAndRetries();
    void noRetryOnPermanentErrors_data();
    void noRetryOnPermanentErrors();
    void retriedMessageIsReplacedByItsCopy();
    void liveStatusUpdates();
    void daySeparatorsAndAuthors();
    void dayLabel_data();
    void dayLabel();
    void linkedThreadBannerWithinAccount();
    void cannedReplySavedAndRendered();
    void typedFieldsFilledPreviewedAndSent();
    void unfilledFieldBlocksSending_data();
    void unfilledFieldBlocksSending();
    void cannedReplyWithoutValueKeepsItsField();
    void fieldsScreenshot();
    void olderHistoryOnScrollToTop();
    void otherAccountSeesNothing();
    void screenshot();

private:
    void seedConversation();
    void makePane();
    // Waits until the writer has run every job posted so far.
    void drainWriter()
    {
        m_writer->call([](WriterContext &) {});
        QCoreApplication::processEvents();
    }
    QLabel *label(const char *name) const
    {
        return m_pane->findChild<QLabel *>(QString::fromLatin1(name));
    }
    QPushButton *button(const char *name) const
    {
        return m_pane->findChild<QPushButton *>(QString::fromLatin1(name));
    }
    QPlainTextEdit *editor() const { return m_pane->composer()->editor(); }
    int draftRows() const
    {
        return StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM drafts"_s).toInt();
    }

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<InboxCommands> m_commands;
    std::unique_ptr<ConversationPane> m_pane;
    qint64 m_thread = 0;
    qint64 m_failedId = 0;
};

void TstConversationPane::seedConversation()
{
    const QDateTime yesterday = Now.addDays(-1);
    auto in = [&](const QString &body, const QDateTime &at) {
        return ThreadFixture::message(Ana, ThreadFixture::Support, body, at, true);
    };
    auto out = [&](const QString &body, const QDateTime &at) {
        return ThreadFixture::message(Ana, ThreadFixture::Support, body, at, false);
    };
    QList<MessageRecord> page = {
        in(u"Hi! Do you still have the white peonies? I'd like a bouquet for Friday."_s,
           yesterday.addSecs(-3600 * 2)),
        out(u"We do \u2014 twelve stems left. Shall I put a bouquet aside for you?"_s,
            yesterday.addSecs(-3600 * 2 + 240)),
        in(u"Yes please! Can you deliver to 221 Pine St, apt 4B?"_s, Now.addSecs(-3600 * 3)),
        out(u"Delivery booked for Friday between 10 and 12. Total is $48 including the vase."_s,
            Now.addSecs(-3600 * 3 + 300)),
        out(u"Reminder: your bouquet arrives tomorrow morning. Reply if the time no longer "
            u"works."_s,
            Now.addSecs(-600)),
    };
    page.last().status = u"failed"_s;
    page.last().errorCode = 30003;
    page.last().errorMessage = FailureText;
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    m_thread = m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Support);
    QVERIFY(m_thread > 0);
    QVERIFY(
        m_fx->exec(u"UPDATE messages SET author = 'alice' WHERE direction = 'out'"_s).isActive());
    m_failedId =
        StoreTestUtil::scalar(m_fx->db(), u"SELECT id FROM messages WHERE status = 'failed'"_s)
            .toLongLong();
    QVERIFY(m_failedId > 0);
    QVERIFY(m_fx->setContact(ThreadFixture::AccountA, Ana, u"Ana Lima"_s, u"yes"_s));
}

void TstConversationPane::makePane()
{
    m_pane = std::make_unique<ConversationPane>(*m_reader, m_writer->changes(), m_commands.get(),
                                                ThreadFixture::AccountA);
    m_pane->setNow(Now);
    m_pane->resize(720, 760);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void TstConversationPane::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    seedConversation();
    m_writer = std::make_unique<StoreWriter>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_writer->open(), qPrintable(m_writer->errorString()));
    m_reader = std::make_unique<StoreReader>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_reader->open(), qPrintable(m_reader->errorString()));
    m_commands = std::make_unique<InboxCommands>(m_writer.get(), Me);
    makePane();
    m_pane->openThread(m_thread);
}

void TstConversationPane::cleanup()
{
    m_pane.reset(); // saves its draft through the commands
    m_commands.reset();
    m_reader.reset();
    m_writer.reset();
    m_fx.reset();
}

void TstConversationPane::opensWithHeaderAndMessages()
{
    QCOMPARE(label("conversationTitle")->text(), u"Ana Lima"_s);
    QVERIFY(label("conversationSender")->text().contains(u"Support"_s));
    QVERIFY(label("conversationSender")
                ->text()
                .contains(ConversationQuery::displayNumber(ThreadFixture::Support)));
    QCOMPARE(m_pane->messagesModel()->rowCount(),
             StoreTestUtil::scalar(
                 m_fx->db(), u"SELECT count(*) FROM messages WHERE thread_id = ?"_s, {m_thread})
                 .toInt());
    QVERIFY(m_pane->composer()->isEnabled());
    QVERIFY(!m_pane->composer()->isSendingBlocked());
}

void TstConversationPane::counterFollowsTyping()
{
    QLabel *counter = label("composerCounter");
    QCOMPARE(counter->text(), expectedCounter(QString()));
    const QString shortText = u"Thanks Ana!"_s;
    QTest::keyClicks(editor(), shortText);
    QCOMPARE(counter->text(), expectedCounter(shortText));
    const QString more = QString(150, u'x');
    QTest::keyClicks(editor(), more);
    QCOMPARE(counter->text(), expectedCounter(shortText + more));
    QVERIFY(SegmentCounter::count(shortText + more).segments > 1); // the case the test is for
    QVERIFY(!label("composerUcs2")->isVisible());
    QVERIFY(button("composerSend")->isEnabled());
    // Past the provider's 1,600 characters: Send is off and the counter says why.
    editor()->setPlainText(QString(OutgoingMessage::MaxBodyChars + 1, u'y'));
    QVERIFY(!button("composerSend")->isEnabled());
    QVERIFY2(counter->text().contains(u"at most 1600"_s), qPrintable(counter->text()));
    editor()->setPlainText(QString(OutgoingMessage::MaxBodyChars, u'y'));
    QVERIFY(button("composerSend")->isEnabled());
}

void TstConversationPane::smartPunctuationReplaced()
{
    const QString typed = u"It\u2019s ready \u201cas promised\u201d"_s;
    type(editor(), typed);
    const SegmentCount count = SegmentCounter::count(typed);
    QCOMPARE(count.encoding, SegmentCount::Encoding::Ucs2);
    QLabel *ucs2 = label("composerUcs2");
    QVERIFY(ucs2->isVisible());
    for (const QString &c : count.nonGsmCharacters)
        QVERIFY2(ucs2->text().contains(c), qPrintable(ucs2->text()));
    QPushButton *replace = button("composerReplaceSmart");
    QVERIFY(replace->isVisible());
    QTest::mouseClick(replace, Qt::LeftButton);
    QCOMPARE(editor()->toPlainText(), SmartCharacters::replaceWithGsm(typed));
    QCOMPARE(SegmentCounter::count(editor()->toPlainText()).encoding, SegmentCount::Encoding::Gsm7);
    QCOMPARE(label("composerCounter")->text(), expectedCounter(editor()->toPlainText()));
    QVERIFY(!ucs2->isVisible());
    QVERIFY(!replace->isVisible());

    // An emoji forces UCS-2 but is not punctuation: no replace button.
    editor()->clear();
    type(editor(), u"Caf\u00e9 \u263a"_s);
    QVERIFY(label("composerUcs2")->isVisible());
    QVERIFY(!replace->isVisible());
}

void TstConversationPane::ctrlEnterSendsAndClears()
{
    QSignalSpy sent(m_pane.get(), &ConversationPane::sendRequested);
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier); // nothing typed
    QCOMPARE(sent.size(), 0);
    QTest::keyClicks(editor(), u"See you Friday"_s);
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).at(0).toLongLong(), m_thread);
    QCOMPARE(sent.at(0).at(1).toString(), u"See you Friday"_s);
    QCOMPARE(editor()->toPlainText(), QString());
    // A plain Enter is a new line, not a send.
    QTest::keyClicks(editor(), u"a"_s);
    QTest::keyClick(editor(), Qt::Key_Return);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(editor()->toPlainText(), u"a\n"_s);
    // The send button does the same.
    QTest::mouseClick(button("composerSend"), Qt::LeftButton);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(1).at(1).toString(), u"a\n"_s);
}

void TstConversationPane::sendErrorKeepsText()
{
    QTest::keyClicks(editor(), u"See you Friday"_s);
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(editor()->toPlainText(), QString());
    m_pane->showSendError(u"The outbox refused the message: the writer is closed."_s);
    QLabel *error = label("composerErrorBanner");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"The outbox refused the message: the writer is closed."_s);
    QCOMPARE(editor()->toPlainText(), u"See you Friday"_s);
}

void TstConversationPane::draftRestoredAfterRestart()
{
    const QString draft = u"Hi Ana, about Friday\u2026"_s;
    type(editor(), draft);
    // Saved after a pause in typing, without closing anything.
    QTRY_COMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT body FROM drafts WHERE thread_id = ?"_s,
                                       {m_thread})
                     .toString(),
                 draft);
    QTest::keyClicks(editor(), u" more"_s);
    m_pane.reset(); // closing saves at once
    drainWriter();
    makePane();
    m_pane->openThread(m_thread);
    QCOMPARE(editor()->toPlainText(), draft + u" more"_s);

    // Sending drops the draft.
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    m_pane->openThread(0);
    drainWriter();
    QCOMPARE(draftRows(), 0);
}

void TstConversationPane::draftFollowsThreadSwitch()
{
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(u"+14155552002"_s, ThreadFixture::Support, u"Other"_s, Now)}));
    const qint64 other =
        m_fx->threadId(ThreadFixture::AccountA, u"+14155552002"_s, ThreadFixture::Support);
    QTest::keyClicks(editor(), u"for Ana"_s);
    m_pane->openThread(other);
    QCOMPARE(editor()->toPlainText(), QString());
    QTest::keyClicks(editor(), u"for the other"_s);
    m_pane->openThread(m_thread);
    QCOMPARE(editor()->toPlainText(), u"for Ana"_s);
    m_pane->openThread(other);
    QCOMPARE(editor()->toPlainText(), u"for the other"_s);
    drainWriter();
    QCOMPARE(draftRows(), 2);
}

void TstConversationPane::unsubscribedBlocksSending()
{
    ConsentEvent stop;
    stop.contactNumber = Ana;
    stop.senderNumber = ThreadFixture::Support;
    stop.kind = ConsentEvent::Kind::OptOut;
    stop.source = ConsentEvent::Source::Keyword;
    stop.detail = u"STOP"_s;
    stop.actor = u"system"_s;
    stop.occurredAt = Now.addSecs(-60);
    ConsentRows consent(m_fx->db());
    QVERIFY2(consent.record(ThreadFixture::AccountA, stop), qPrintable(consent.errorString()));
    m_pane->refreshSendability();

    QLabel *banner = label("composerBlockedBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"Ana Lima unsubscribed"_s), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"Sending is blocked"_s));
    QVERIFY(banner->text().contains(u"STOP"_s));
    QVERIFY(!button("composerSend")->isEnabled());
    QSignalSpy sent(m_pane.get(), &ConversationPane::sendRequested);
    QTest::keyClicks(editor(), u"Are you sure?"_s);
    QVERIFY(!button("composerSend")->isEnabled());
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(editor()->toPlainText(), u"Are you sure?"_s); // kept

    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        Theme::apply(*qApp);
        // Let the new style's sizes settle before grabbing.
        QCoreApplication::processEvents();
        m_pane->layout()->activate();
        m_pane->threadView()->scrollToBottom();
        QCoreApplication::processEvents();
        QDir().mkpath(dir);
        QVERIFY(m_pane->grab().save(dir + u"/thread-unsubscribed.png"_s));
        qApp->setStyleSheet({});
    }

    // Reopening the thread reads consent again.
    m_pane->openThread(0);
    m_pane->openThread(m_thread);
    QVERIFY(label("composerBlockedBanner")->isVisible());
}

void TstConversationPane::otherNumbersOptOutDoesNotBlock()
{
    ConsentEvent stop;
    stop.contactNumber = Ana;
    stop.senderNumber = ThreadFixture::Sales; // per number: Support may still text
    stop.kind = ConsentEvent::Kind::OptOut;
    stop.source = ConsentEvent::Source::Keyword;
    stop.actor = u"system"_s;
    stop.occurredAt = Now;
    QVERIFY(ConsentRows(m_fx->db()).record(ThreadFixture::AccountA, stop));
    m_pane->refreshSendability();
    QVERIFY(!label("composerBlockedBanner")->isVisible());
    QTest::keyClicks(editor(), u"ok"_s);
    QVERIFY(button("composerSend")->isEnabled());
}

void TstConversationPane::landlineBlocksUnknownWarns_data()
{
    QTest::addColumn<QString>("textEnabled");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("warned");
    QTest::newRow("landline") << u"no"_s << true << false;
    QTest::newRow("unknown") << u"unknown"_s << false << true;
    QTest::newRow("checking") << u"checking"_s << false << true;
    QTest::newRow("mobile") << u"yes"_s << false << false;
}

void TstConversationPane::landlineBlocksUnknownWarns()
{
    QFETCH(QString, textEnabled);
    QFETCH(bool, blocked);
    QFETCH(bool, warned);
    // A verdict stored by the writer reaches the pane through the change feed.
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    const bool stored = m_writer->call([&](WriterContext &context) {
        QSqlQuery q(context.db());
        q.prepare(u"UPDATE contacts SET text_enabled = ?, line_type = ?"_s);
        q.addBindValue(textEnabled);
        q.addBindValue(textEnabled == u"no" ? u"landline"_s : QString(u""_s));
        return q.exec();
    });
    QVERIFY(stored);
    QVERIFY(fed.wait());
    QCOMPARE(label("composerBlockedBanner")->isVisible(), blocked);
    QCOMPARE(label("composerWarningBanner")->isVisible(), warned);
    if (blocked)
        QVERIFY2(label("composerBlockedBanner")->text().contains(u"cannot receive texts"_s),
                 qPrintable(label("composerBlockedBanner")->text()));
    QTest::keyClicks(editor(), u"hello"_s);
    QCOMPARE(button("composerSend")->isEnabled(), !blocked);
}

void TstConversationPane::failedMessageShowsReasonAndRetries()
{
    ThreadMessagesModel *model = m_pane->messagesModel();
    const int failedRow = model->rowOf(m_failedId);
    QVERIFY(failedRow >= 0);
    const QModelIndex failed = m_pane->threadView()->model()->index(failedRow, 0);
    QCOMPARE(failed.data(M::StatusRole).toString(), u"failed"_s);
    const QString shown = MessageBubbleDelegate::failureText(failed);
    QVERIFY2(shown.contains(FailureText), qPrintable(shown));
    QVERIFY(shown.contains(u"30003"_s));

    ThreadView *view = m_pane->threadView();
    view->scrollToBottom();
    const QRect retry = view->retryRect(failedRow);
    QVERIFY(!retry.isEmpty());
    QVERIFY(view->viewport()->rect().contains(retry));
    // Delivered and inbound messages offer no retry.
    for (int row = 0; row < model->rowCount(); ++row) {
        if (row != failedRow)
            QVERIFY(view->retryRect(row).isEmpty());
    }
    QSignalSpy retried(m_pane.get(), &ConversationPane::retryRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.center());
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried.at(0).at(0).toLongLong(), m_failedId);
    // A click beside the link does nothing.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry.topLeft() - QPoint(40, 0));
    QCOMPARE(retried.size(), 1);
}

void TstConversationPane::noRetryOnPermanentErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("retry");
    QTest::newRow("21606 sender cannot text") << 21606 << false;
    QTest::newRow("21610 unsubscribed") << 21610 << false;
    QTest::newRow("21211 invalid number") << 21211 << false;
    QTest::newRow("30006 landline") << 30006 << false;
    QTest::newRow("30003 unreachable handset") << 30003 << true;
    QTest::newRow("no code") << 0 << true;
}

void TstConversationPane::noRetryOnPermanentErrors()
{
    QFETCH(int, code);
    QFETCH(bool, retry);
    QVERIFY(m_fx->exec(u"UPDATE messages SET error_code = ? WHERE id = ?"_s,
                       {code == 0 ? QVariant() : QVariant(code), m_failedId})
                .isActive());
    m_pane->openThread(m_thread);
    ThreadView *view = m_pane->threadView();
    view->scrollToBottom();
    const int row = m_pane->messagesModel()->rowOf(m_failedId);
    QVERIFY(row >= 0);
    QCOMPARE(!view->retryRect(row).isEmpty(), retry);
    // The reason still shows, and says why there is no Retry.
    const QString shown = MessageBubbleDelegate::failureText(view->model()->index(row, 0));
    QVERIFY2(shown.contains(FailureText), qPrintable(shown));
    QCOMPARE(shown.contains(u"cannot help"_s), !retry);
}

void TstConversationPane::retriedMessageIsReplacedByItsCopy()
{
    // What Outbox::retryAsync writes (tst_outbox_consent): a copy, and the failure pointing at
    // it, in one writer job.
    ThreadMessagesModel *model = m_pane->messagesModel();
    const int rows = model->rowCount();
    QVERIFY(model->rowOf(m_failedId) >= 0);
    const QString body = model->index(model->rowOf(m_failedId)).data(M::BodyRole).toString();
    OutgoingMessage copy;
    copy.threadId = m_thread;
    copy.body = body;
    copy.clientRef = u"ref-retry"_s;
    copy.author = Me;
    const qint64 failed = m_failedId;
    qint64 copyId = 0;
    QVERIFY(m_writer->call([&](WriterContext &ctx) {
        return ctx.messages->insertOutgoing(copy, &copyId) &&
               ctx.repo<OutboxRows>().markRetried(failed, copyId);
    }));
    QTRY_COMPARE(model->rowOf(m_failedId), -1);
    QCOMPARE(model->rowCount(), rows);
    QCOMPARE(model->rowOf(copyId), rows - 1);
    QCOMPARE(model->index(rows - 1).data(M::StatusRole).toString(), u"queued"_s);
    // Reopened, the thread reads the same: the failure stays out of it.
    m_pane->openThread(m_thread);
    QCOMPARE(model->rowOf(m_failedId), -1);
    QCOMPARE(model->rowCount(), rows);
}

void TstConversationPane::daySeparatorsAndAuthors()
{
    // A campaign message in the thread: its line names the campaign, not an agent.
    QVERIFY(m_fx->exec(u"INSERT INTO templates (id, account_id, name) VALUES (1, 1, 'Promo')"_s)
                .isActive());
    QVERIFY(m_fx->exec(u"INSERT INTO template_versions (id, template_id, version, body, author) "
                       u"VALUES (1, 1, 1, 'Sale!', 'alice')"_s)
                .isActive());
    QVERIFY(m_fx->exec(u"INSERT INTO campaigns (id, account_id, name, sender_number_id, "
                       u"template_version_id, created_by) VALUES (7, 1, 'Spring sale', 1, 1, "
                       u"'alice')"_s)
                .isActive());
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(Ana, ThreadFixture::Support, u"Spring sale: 20% off tulips"_s,
                                Now.addDays(-3), false)}));
    QVERIFY(m_fx->exec(u"UPDATE messages SET campaign_id = 7 WHERE body LIKE 'Spring sale%'"_s)
                .isActive());
    m_pane->openThread(m_thread);

    const QAbstractItemModel *model = m_pane->threadView()->model();
    QSet<QDate> days;
    int separators = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QDate day = index.data(M::DayRole).toDate();
        // A separator exactly where a new local day starts.
        QCOMPARE(MessageBubbleDelegate::startsDay(index), !days.contains(day));
        separators += MessageBubbleDelegate::startsDay(index) ? 1 : 0;
        days.insert(day);
        const QString author = MessageBubbleDelegate::authorText(index);
        if (index.data(M::CampaignIdRole).toLongLong() == 7)
            QCOMPARE(author, u"Campaign: Spring sale"_s);
        else
            QCOMPARE(author, index.data(M::AuthorRole).toString());
    }
    QCOMPARE(separators, days.size());
    QVERIFY(separators >= 3); // three days in the seeded thread
}

void TstConversationPane::dayLabel_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("expected");
    const QDate today(2026, 11, 20);
    const QLocale locale;
    QTest::newRow("today") << today << u"Today"_s;
    QTest::newRow("yesterday") << today.addDays(-1) << u"Yesterday"_s;
    const QDate week = today.addDays(-4);
    QTest::newRow("this year") << week
                               << locale.dayName(week.dayOfWeek()) + u", "_s +
                                      locale.monthName(week.month()) + u' ' +
                                      QString::number(week.day());
    const QDate old(2025, 3, 3);
    QTest::newRow("last year") << old << locale.monthName(3) + u" 3, 2025"_s;
}

void TstConversationPane::dayLabel()
{
    QFETCH(QDate, day);
    QFETCH(QString, expected);
    QCOMPARE(MessageBubbleDelegate::dayLabel(day, QDate(2026, 11, 20)), expected);
}

void TstConversationPane::liveStatusUpdates()
{
    ThreadMessagesModel *model = m_pane->messagesModel();
    const int before = model->rowCount();
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    OutgoingMessage out;
    out.threadId = m_thread;
    out.body = u"Queued at once"_s;
    out.clientRef = u"ref-live"_s;
    out.author = Me;
    const qint64 id = m_writer->call([&](WriterContext &ctx) {
        qint64 messageId = 0;
        ctx.messages->insertOutgoing(out, &messageId);
        return messageId;
    });
    QVERIFY(id > 0);
    QTRY_COMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->messageIdAt(before), id);
    QCOMPARE(model->index(before).data(M::StatusRole).toString(), u"queued"_s);
    QVERIFY(m_writer->call([](WriterContext &ctx) {
        return ctx.messages->attachSid(u"ref-live"_s, u"SM0000live"_s, u"sent"_s);
    }));
    QTRY_COMPARE(model->index(before).data(M::StatusRole).toString(), u"sent"_s);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(model->rowCount(), before + 1);
}

void TstConversationPane::linkedThreadBannerWithinAccount()
{
    QWidget *banner = m_pane->findChild<QWidget *>(u"conversationLinkedBanner"_s);
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    // Another account texting the same customer: still no banner.
    QVERIFY(m_writer->call([](WriterContext &ctx) {
        UpsertStats stats;
        return ctx.messages->upsertPage(
            ThreadFixture::AccountB,
            {ThreadFixture::message(Ana, ThreadFixture::Bakery, u"Bakery"_s, Now)}, &stats);
    }));
    drainWriter();
    QVERIFY(!banner->isVisible());
    // Our Sales number starts a second thread with her: the banner links it.
    QVERIFY(m_writer->call([](WriterContext &ctx) {
        UpsertStats stats;
        return ctx.messages->upsertPage(
            ThreadFixture::AccountA,
            {ThreadFixture::message(Ana, ThreadFixture::Sales, u"Sales"_s, Now)}, &stats);
    }));
    const qint64 sales = m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Sales);
    const qint64 bakery = m_fx->threadId(ThreadFixture::AccountB, Ana, ThreadFixture::Bakery);
    QVERIFY(sales > 0 && bakery > 0);
    QTRY_VERIFY(banner->isVisible());
    const QList<QPushButton *> links = banner->findChildren<QPushButton *>();
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.at(0)->objectName(), u"linkedThread_"_s + QString::number(sales));
    QTRY_VERIFY(links.at(0)->isVisible());
    QVERIFY(links.at(0)->text().contains(ConversationQuery::displayNumber(ThreadFixture::Sales)));
    QSignalSpy requested(m_pane.get(), &ConversationPane::threadRequested);
    QTest::mouseClick(links.at(0), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), sales);
    // The threads stay separate: this pane still shows the Support thread.
    QCOMPARE(m_pane->threadId(), m_thread);
}

void TstConversationPane::cannedReplySavedAndRendered()
{
    const QString body = u"Hi {{first_name|there}}, we open at 9 on Saturdays."_s;
    QTest::keyClicks(editor(), body);
    m_pane->composer()->setNamePrompt([](QWidget *) { return u"Saturday hours"_s; });
    QMenu *menu = m_pane->composer()->cannedMenu();
    // The menu is rebuilt whenever the replies change: look its actions up each time.
    const auto saveAction = [menu] { return menu->findChild<QAction *>(u"cannedSave"_s); };
    QVERIFY(saveAction());
    saveAction()->trigger();
    const auto named = [menu](const QString &name) -> QAction * {
        for (QAction *a : menu->actions())
            if (a->text() == name)
                return a;
        return nullptr;
    };
    QTRY_VERIFY(named(u"Saturday hours"_s));
    QCOMPARE(CannedReplyRows(m_fx->db()).replies(ThreadFixture::AccountA)->size(), 1);

    editor()->clear();
    named(u"Saturday hours"_s)->trigger();
    const auto values =
        ConversationQuery(m_fx->db()).header(ThreadFixture::AccountA, m_thread)->templateValues();
    QCOMPARE(editor()->toPlainText(), TemplateText(body).render(values).text);
    QVERIFY(editor()->toPlainText().startsWith(u"Hi Ana,"_s));

    // The same name again is refused with a clear message.
    saveAction()->trigger();
    QTRY_VERIFY(label("composerErrorBanner")->isVisible());
    QVERIFY(label("composerErrorBanner")->text().contains(u"already exists"_s));
}

void TstConversationPane::typedFieldsFilledPreviewedAndSent()
{
    QLabel *preview = label("composerPreview");
    QVERIFY(!preview->isVisible());
    const QString typed = u"Hi {{first_name}}, your bouquet is ready, {{ last_name | friend }}."_s;
    QTest::keyClicks(editor(), typed);
    const QString filled = u"Hi Ana, your bouquet is ready, Lima."_s;
    QVERIFY(preview->isVisible());
    QVERIFY2(preview->text().endsWith(filled), qPrintable(preview->text()));
    QVERIFY(!label("composerTokenProblem")->isVisible());
    // The counter counts what the customer gets, not the braces.
    QCOMPARE(label("composerCounter")->text(), expectedCounter(filled));
    QVERIFY(button("composerSend")->isEnabled());

    QSignalSpy sent(m_pane.get(), &ConversationPane::sendRequested);
    QTest::mouseClick(button("composerSend"), Qt::LeftButton);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).at(1).toString(), filled);
    // Refused, the text comes back as typed, fields and all.
    m_pane->showSendError(u"The provider is unreachable"_s);
    QCOMPARE(editor()->toPlainText(), typed);
}

void TstConversationPane::unfilledFieldBlocksSending_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("mentions"); // the message names the cause
    QTest::addColumn<QString>("fixed");    // the same text made sendable
    QTest::newRow("no value") << u"Your {{company}} order shipped"_s << u"{{company}}"_s
                              << u"Your {{company|usual}} order shipped"_s;
    QTest::newRow("single braces")
        << u"Hi {first_name}, thanks!"_s << u"{{first_name}}"_s << u"Hi {{first_name}}, thanks!"_s;
    QTest::newRow("never closed") << u"Hi {{first_name, thanks!"_s << u"never closed"_s
                                  << u"Hi {{first_name}}, thanks!"_s;
}

void TstConversationPane::unfilledFieldBlocksSending()
{
    QFETCH(QString, typed);
    QFETCH(QString, mentions);
    QFETCH(QString, fixed);
    QSignalSpy sent(m_pane.get(), &ConversationPane::sendRequested);
    QTest::keyClicks(editor(), typed);
    QLabel *problem = label("composerTokenProblem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(mentions), qPrintable(problem->text()));
    QVERIFY(!button("composerSend")->isEnabled());
    QVERIFY(!m_pane->composer()->sendLaterButton()->isEnabled());
    QVERIFY(!label("composerPreview")->isVisible());
    // Ctrl+Enter is held back too.
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.size(), 0);
    QCOMPARE(editor()->toPlainText(), typed);

    editor()->selectAll();
    QTest::keyClicks(editor(), fixed);
    QVERIFY(!problem->isVisible());
    QVERIFY(button("composerSend")->isEnabled());
    QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent.at(0).at(1).toString().contains(u'{'));
}

void TstConversationPane::cannedReplyWithoutValueKeepsItsField()
{
    const QString body = u"Hi {{first_name}}, your {{order_id}} is ready."_s;
    m_pane->composer()->setCannedReplies({{41, u"Order ready"_s, body, {}}});
    QAction *canned = m_pane->composer()->cannedMenu()->findChild<QAction *>(u"canned_41"_s);
    QVERIFY(canned);
    canned->trigger();
    // Nothing silently vanishes: the field stays, and the send waits for it.
    QCOMPARE(editor()->toPlainText(), body);
    QVERIFY(label("composerTokenProblem")->text().contains(u"{{order_id}}"_s));
    QVERIFY(!button("composerSend")->isEnabled());
    // The contact gains the attribute (an import, an edit): the same text now fills.
    QVERIFY(m_fx->exec(u"UPDATE contacts SET attributes = '{\"order_id\":\"#4471\"}' "
                       u"WHERE number = ?"_s,
                       {Ana})
                .isActive());
    m_pane->openThread(m_thread);
    editor()->setPlainText(body);
    QVERIFY(button("composerSend")->isEnabled());
    QVERIFY(label("composerPreview")->text().endsWith(u"Hi Ana, your #4471 is ready."_s));
}

void TstConversationPane::fieldsScreenshot()
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SMSDESK_SCREENSHOT_DIR is not set");
    Theme::apply(*qApp);
    QDir().mkpath(dir);
    m_pane->threadView()->scrollToBottom();
    QTest::keyClicks(editor(), u"Hi {{first_name}}, your order is ready for pick-up."_s);
    QCoreApplication::processEvents();
    QVERIFY(m_pane->composer()->grab().save(dir + u"/composer-fields-preview.png"_s));
    editor()->setPlainText(u"Hi {first_name}, your {{order_id}} is ready."_s);
    QCoreApplication::processEvents();
    QVERIFY(m_pane->composer()->grab().save(dir + u"/composer-fields-blocked.png"_s));
    qApp->setStyleSheet({});
}

void TstConversationPane::olderHistoryOnScrollToTop()
{
    QList<MessageRecord> page;
    for (int i = 0; i < 2 * M::PageSize; ++i)
        page.append(ThreadFixture::message(u"+14155552003"_s, ThreadFixture::Support,
                                           u"line "_s + QString::number(i),
                                           Now.addSecs(-86400 * 3 + i * 60), i % 2 == 0));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
    const qint64 id =
        m_fx->threadId(ThreadFixture::AccountA, u"+14155552003"_s, ThreadFixture::Support);
    m_pane->openThread(id);
    ThreadMessagesModel *model = m_pane->messagesModel();
    QCOMPARE(model->rowCount(), M::PageSize); // opening reads one page, not the whole history
    QScrollBar *bar = m_pane->threadView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);            // laid out: a page is taller than the view
    QTRY_COMPARE(bar->value(), bar->maximum()); // opens at the newest message
    QCOMPARE(model->rowCount(), M::PageSize);
    bar->setValue(bar->minimum());
    QTRY_COMPARE(model->rowCount(), 2 * M::PageSize);
    QTRY_VERIFY(bar->value() > bar->minimum()); // what was on screen stays on screen
}

void TstConversationPane::otherAccountSeesNothing()
{
    QVERIFY(CannedReplyRows(m_fx->db()).add(ThreadFixture::AccountA, u"A only"_s, u"x"_s) > 0);
    m_pane->setAccount(ThreadFixture::AccountA);
    const auto hasAction = [this](const QString &text) {
        for (QAction *a : m_pane->composer()->cannedMenu()->actions())
            if (a->text() == text)
                return true;
        return false;
    };
    QVERIFY(hasAction(u"A only"_s));
    m_pane->openThread(m_thread);
    QVERIFY(m_pane->messagesModel()->rowCount() > 0);

    m_pane->setAccount(ThreadFixture::AccountB);
    QVERIFY(!hasAction(u"A only"_s));
    m_pane->openThread(m_thread); // account A's thread, asked for under B
    QCOMPARE(m_pane->messagesModel()->rowCount(), 0);
    QCOMPARE(label("conversationTitle")->text(), QString());
    QVERIFY(!m_pane->composer()->isEnabled());
}

void TstConversationPane::screenshot()
{
    Theme::apply(*qApp);
    // A queued message at the bottom, as it looks right after sending.
    OutgoingMessage out;
    out.threadId = m_thread;
    out.body = u"Sorry about that \u2014 we'll call you to confirm instead."_s;
    out.clientRef = u"ref-shot"_s;
    out.author = Me;
    QVERIFY(m_writer->call([&](WriterContext &ctx) { return ctx.messages->insertOutgoing(out); }));
    // Stamped a minute before the pinned clock, so it is "today" in the picture.
    QVERIFY(m_fx->exec(u"UPDATE messages SET created_at = ? WHERE client_ref = 'ref-shot'"_s,
                       {Now.addSecs(-60).toMSecsSinceEpoch()})
                .isActive());
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(Ana, ThreadFixture::Sales, u"Sales"_s, Now.addDays(-20))}));
    m_pane->openThread(m_thread);
    type(editor(), u"Your bouquet is on its way \u2014 it\u2019ll be there by 11."_s);
    QCoreApplication::processEvents();
    m_pane->threadView()->scrollToBottom();
    const QPixmap shot = m_pane->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/thread-view.png"_s));
    }
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstConversationPane)
#include "tst_conversationpane.moc"
