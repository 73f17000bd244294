// "Send later…" on screen: the dialog in the customer's zone (quiet hours refused, moved to
// their end), the composer's button opening it, and a scheduled message's bubble ("Scheduled
// for Tue 09:00 (customer's time)") with its Edit and Cancel.
#include "Composer.h"
#include "ConversationPane.h"
#include "InboxCommands.h"
#include "MessageBubbleDelegate.h"
#include "NoteTimelineModel.h"
#include "ScheduledSendFlow.h"
#include "ScheduledSends.h"
#include "SendLaterDialog.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "ThreadFixture.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeEdit>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

namespace {
const QString Ana = u"+14155552001"_s;
const QString Zone = u"America/New_York"_s;
// Monday 2026-12-07 15:00 UTC = 10:00 in New York.
const qint64 Now = QDateTime(QDate(2026, 12, 7), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch();

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + u'/' + name));
}
} // namespace

class TstSendLater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void dialogRefusesQuietHoursAndMovesToTheirEnd();
    void composerButtonOpensTheDialogAndRefusalIsShown();
    void scheduledBubbleSaysWhenInTheCustomersTime();
    void bubbleMenuEditsAndCancels();

private:
    QModelIndex scheduledIndex() const;

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<InboxCommands> m_commands;
    std::unique_ptr<ScheduledSends> m_sends;
    std::unique_ptr<ConversationPane> m_pane;
    ScheduledSendFlow *m_flow = nullptr;
    qint64 m_thread = 0;
    qint64 m_scheduled = 0;
    qint64 m_at = 0;
};

void TstSendLater::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    const QDateTime earlier = QDateTime::fromMSecsSinceEpoch(Now - 3600 * 1000, Qt::UTC);
    QVERIFY(m_fx->upsert(
        ThreadFixture::AccountA,
        {ThreadFixture::message(Ana, ThreadFixture::Support,
                                u"Can I pick up my order on Tuesday morning?"_s, earlier),
         ThreadFixture::message(Ana, ThreadFixture::Support,
                                u"Of course. I'll text you when it is ready."_s,
                                earlier.addSecs(300), false)}));
    m_thread = m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Support);
    QVERIFY(m_thread > 0);
    QVERIFY(m_fx->exec(u"INSERT INTO contacts (account_id, number, name, time_zone) "
                       u"VALUES (1, ?, 'Ana Lima', ?)"_s,
                       {Ana, Zone})
                .isActive());
    // Tuesday 09:00 in New York, held here.
    m_at = QDateTime(QDate(2026, 12, 8), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch();
    QVERIFY(m_fx->exec(u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                       u"to_number, body, status, client_ref, created_at, updated_at, "
                       u"scheduled_at, author) VALUES (1, ?, 'out', ?, ?, "
                       u"'Your order is ready: see you at 9!', 'queued', 'ref-later', ?, ?, ?, "
                       u"'alice')"_s,
                       {m_thread, ThreadFixture::Support, Ana, Now - 60000, Now - 60000, m_at})
                .isActive());
    m_scheduled = StoreTestUtil::scalar(m_fx->db(),
                                        u"SELECT id FROM messages WHERE client_ref = 'ref-later'"_s)
                      .toLongLong();
    QVERIFY(m_scheduled > 0);

    m_writer = std::make_unique<StoreWriter>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_writer->open(), qPrintable(m_writer->errorString()));
    m_reader = std::make_unique<StoreReader>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_reader->open(), qPrintable(m_reader->errorString()));
    m_commands = std::make_unique<InboxCommands>(m_writer.get(), u"alice"_s);
    m_sends = std::make_unique<ScheduledSends>(m_writer.get());
    m_sends->setClock([] { return Now; });
    m_pane = std::make_unique<ConversationPane>(*m_reader, m_writer->changes(), m_commands.get(),
                                                ThreadFixture::AccountA);
    m_pane->setNow(QDateTime::fromMSecsSinceEpoch(Now, Qt::UTC));
    m_flow = new ScheduledSendFlow(
        m_pane.get(), m_sends.get(), [] { return u"alice"_s; }, m_pane.get());
    m_pane->resize(720, 640);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    m_pane->openThread(m_thread);
    QTRY_VERIFY(scheduledIndex().isValid());
}

void TstSendLater::cleanup()
{
    m_pane.reset();
    m_sends.reset();
    m_commands.reset();
    m_reader.reset();
    m_writer.reset();
    m_fx.reset();
}

QModelIndex TstSendLater::scheduledIndex() const
{
    const QAbstractItemModel *model = m_pane->findChild<ThreadView *>()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(M::IdRole).toLongLong() == m_scheduled &&
            index.data(M::ScheduledAtRole).toDateTime().isValid())
            return index;
    }
    return {};
}

void TstSendLater::dialogRefusesQuietHoursAndMovesToTheirEnd()
{
    SendLaterDialog dialog(Zone, u"See you Tuesday"_s);
    dialog.setClock([] { return Now; });
    // Tomorrow 09:00 their time to start with.
    QCOMPARE(dialog.localDate(), QDate(2026, 12, 8));
    QCOMPARE(dialog.localTime(), QTime(9, 0));
    QVERIFY(dialog.scheduleButton()->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(u"sendLaterZone"_s)
                ->text()
                .startsWith(u"America/New_York (UTC\u221205:00) \u00b7 now Mon 10:00 there"_s));

    dialog.setLocalDateTime(QDate(2026, 12, 8), QTime(22, 30));
    QVERIFY(!dialog.scheduleButton()->isEnabled());
    QVERIFY2(dialog.problem().contains(u"quiet hours (21:00–08:00 their time)"_s),
             qPrintable(dialog.problem()));
    QVERIFY(!dialog.moveButton()->isHidden());
    dialog.resize(520, 340);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveShot(&dialog, u"send-later-quiet-hours.png"_s);

    QTest::mouseClick(dialog.moveButton(), Qt::LeftButton);
    QCOMPARE(dialog.localDate(), QDate(2026, 12, 9));
    QCOMPARE(dialog.localTime(), QTime(8, 0));
    QVERIFY(dialog.scheduleButton()->isEnabled());
    QVERIFY(dialog.moveButton()->isHidden());

    dialog.findChild<QPlainTextEdit *>(u"sendLaterBody"_s)->setPlainText(u"  "_s);
    QVERIFY(!dialog.scheduleButton()->isEnabled());
}

void TstSendLater::composerButtonOpensTheDialogAndRefusalIsShown()
{
    Composer *composer = m_pane->composer();
    QVERIFY(!composer->sendLaterButton()->isEnabled());
    composer->setBody(u"Your table is booked for Friday"_s);
    QTest::keyClicks(composer->editor(), u"!"_s);
    QVERIFY(composer->sendLaterButton()->isEnabled());

    QString shownBody;
    m_flow->setDialogRunner([&](SendLaterDialog *dialog, std::function<void(bool)> done) {
        shownBody = dialog->body();
        dialog->setClock([] { return Now; });
        dialog->setLocalDateTime(QDate(2026, 12, 11), QTime(10, 0));
        done(true);
        dialog->deleteLater();
    });
    QSignalSpy answered(m_flow, &ScheduledSendFlow::answered);
    QTest::mouseClick(composer->sendLaterButton(), Qt::LeftButton);
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(shownBody, u"Your table is booked for Friday!"_s);
    // No account is connected in this test: refused, said in the conversation, text kept.
    QVERIFY(answered.first().first().toString().contains(u"not connected"_s));
    QCOMPARE(composer->body(), u"Your table is booked for Friday!"_s);
}

void TstSendLater::scheduledBubbleSaysWhenInTheCustomersTime()
{
    const QModelIndex index = scheduledIndex();
    QCOMPARE(index.data(M::CustomerZoneRole).toString(), Zone);
    QCOMPARE(index.data(M::ScheduledAtRole).toDateTime().toMSecsSinceEpoch(), m_at);
    const QString label = MessageBubbleDelegate::scheduledLabel(m_at, Zone);
    QVERIFY2(label.startsWith(u"Scheduled for Tue"_s), qPrintable(label));
    QVERIFY2(label.contains(u"09:00"_s) && label.contains(u"(customer's time)"_s),
             qPrintable(label));
    saveShot(m_pane.get(), u"thread-scheduled-message.png"_s);
}

void TstSendLater::bubbleMenuEditsAndCancels()
{
    ThreadView *view = m_pane->findChild<ThreadView *>();
    const QPoint where = view->visualRect(scheduledIndex()).center();
    std::unique_ptr<QMenu> menu(view->scheduledMenuAt(where));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 2);
    // Elsewhere (the customer's message) there is no such menu.
    QVERIFY(!std::unique_ptr<QMenu>(
        view->scheduledMenuAt(view->visualRect(view->model()->index(0, 0)).center())));

    QSignalSpy edit(m_pane.get(), &ConversationPane::editScheduledRequested);
    menu->findChild<QAction *>(u"editScheduled"_s)->trigger();
    QCOMPARE(edit.size(), 1);
    QCOMPARE(edit.first().first().toLongLong(), m_scheduled);

    // Cancel: held here, so it is canceled here; the bubble follows the change feed.
    QSignalSpy answered(m_flow, &ScheduledSendFlow::answered);
    menu->findChild<QAction *>(u"cancelScheduled"_s)->trigger();
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(answered.first().first().toString(), QString());
    QTRY_COMPARE(scheduledIndex().data(M::StatusRole).toString(), u"canceled"_s);
    QVERIFY(!std::unique_ptr<QMenu>(view->scheduledMenuAt(where)));
}

QTEST_MAIN(TstSendLater)
#include "tst_sendlater.moc"
