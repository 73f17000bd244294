#include "ConsentChangeDialog.h"
#include "ConsentCommands.h"
#include "ConsentRows.h"
#include "ContactPanel.h"
#include "InboxActions.h"
#include "InboxCommands.h"
#include "InboxPage.h"
#include "SearchBox.h"
#include "SearchResultsModel.h"
#include "ShortcutSheet.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "Theme.h"
#include "ThreadFixture.h"
#include "ThreadListView.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using Filter = ThreadListModel::Filter;

namespace {

const QString Me = u"alice"_s;
const QDateTime Now(QDate(2026, 11, 23), QTime(17, 30), Qt::UTC);

struct Seed
{
    const char16_t *name;
    const char16_t *body;
    bool sales;
};

const Seed Seeds[] = {
    {u"Maria Gonzalez", u"Can you deliver the peonies before 3pm tomorrow?", false},
    {u"James Whitaker", u"Thanks, the arrangement looked wonderful!", false},
    {u"Priya Natarajan", u"Is the wedding consultation still on for Saturday at 10?", true},
    {u"", u"Do you have sunflowers in stock this week?", false},
    {u"Chen Wei", u"Could we swap the lilies for white roses? Peonies are fine too.", true},
    {u"Maria Gonzalez", u"Also: is there parking near the shop?", true},
};

QString customer(int i)
{
    // Maria (0) has a second thread on Sales (5).
    return i == 5 ? u"+14155550300"_s
                  : u"+1415555"_s + QString::number(300 + i * 7).rightJustified(4, u'0');
}

void saveShot(QWidget *widget, const QString &file)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + file));
    }
}

} // namespace

class TstInboxActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ctrlRResolvesAndCountDrops();
    void ctrlRReopensInResolved();
    void flagAndAssignKeys();
    void jkMoveSelection();
    void escapeReturnsToList();
    void unsubscribeNeedsReason();
    void resubscribeNeedsEvidence();
    void searchListsAndChooses();
    void shortcutSheetListsEveryShortcut();
    void snoozeTimes();

private:
    QAction *action(const char *name) const
    {
        return m_page->findChild<QAction *>(QString::fromLatin1(name));
    }
    int consentEvents() const
    {
        return StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM consent_events"_s).toInt();
    }

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<InboxCommands> m_commands;
    std::unique_ptr<ConsentCommands> m_consent;
    std::unique_ptr<ThreadListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<InboxPage> m_page;
    ContactPanel *m_panel = nullptr;
};

void TstInboxActions::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    const int n = int(std::size(Seeds));
    for (int i = 0; i < n; ++i) {
        const QString c = i == 5 ? customer(0) : customer(i);
        const QString ours = Seeds[i].sales ? ThreadFixture::Sales : ThreadFixture::Support;
        if (i != 5 && !QString::fromUtf16(Seeds[i].name).isEmpty())
            QVERIFY(m_fx->setContact(ThreadFixture::AccountA, c, QString::fromUtf16(Seeds[i].name),
                                     u"yes"_s));
        QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                             {ThreadFixture::message(c, ours, u"Hi! This is Bloom Florists."_s,
                                                     Now.addSecs(-3600 * (i + 1) - 60), false),
                              ThreadFixture::message(c, ours, QString::fromUtf16(Seeds[i].body),
                                                     Now.addSecs(-3600 * (i + 1)))}));
    }
    QVERIFY(m_fx->exec(u"UPDATE contacts SET line_type = 'mobile', text_enabled_source = "
                       u"'lookup', text_enabled_checked_at = ?, tags = '[\"vip\",\"weddings\"]', "
                       u"attributes = '{\"first_name\":\"Maria\",\"city\":\"Oakland\"}' "
                       u"WHERE number = ?"_s,
                       {Now.addDays(-2).toMSecsSinceEpoch(), customer(0)})
                .isActive());
    ConsentEvent optIn;
    optIn.contactNumber = customer(0);
    optIn.kind = ConsentEvent::Kind::OptIn;
    optIn.source = ConsentEvent::Source::Form;
    optIn.detail = u"Signed the in-store form"_s;
    optIn.actor = u"bob"_s;
    optIn.occurredAt = Now.addDays(-30);
    QVERIFY(ConsentRows(m_fx->db()).record(ThreadFixture::AccountA, optIn));
    // Another account with the same words: never listed, never searched.
    QVERIFY(m_fx->upsert(ThreadFixture::AccountB,
                         {ThreadFixture::message(customer(0), ThreadFixture::Bakery,
                                                 u"peonies for the other account"_s, Now)}));

    m_writer = std::make_unique<StoreWriter>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_writer->open(), qPrintable(m_writer->errorString()));
    m_reader = std::make_unique<StoreReader>(m_fx->dir() + u"/profile.sqlite"_s);
    QVERIFY2(m_reader->open(), qPrintable(m_reader->errorString()));
    m_commands = std::make_unique<InboxCommands>(m_writer.get(), Me);
    m_consent = std::make_unique<ConsentCommands>(m_writer.get(), Me);
    m_model = m_reader->create<ThreadListModel>(Me);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_writer->changes(), &ChangeFeed::changed, m_model.get(),
            &ThreadListModel::applyChanges);
    m_model->setAccount(ThreadFixture::AccountA);
    m_page = std::make_unique<InboxPage>(m_model.get(), m_commands.get(), m_reader.get());
    m_panel = new ContactPanel(*m_reader, m_writer->changes(), m_consent.get());
    m_page->setContactPanel(m_panel);
    m_page->resize(1280, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->listView()->setFocus();
    QTRY_VERIFY(m_page->listView()->hasFocus());
}

void TstInboxActions::cleanup()
{
    m_page.reset();
    m_tester.reset();
    m_model.reset();
    m_consent.reset();
    m_commands.reset();
    m_reader.reset();
    m_writer.reset();
    m_fx.reset();
}

void TstInboxActions::ctrlRResolvesAndCountDrops()
{
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(1));
    const qint64 id = list->currentThreadId();
    const int unresolved = m_model->count(Filter::Unresolved);
    const int resolved = m_model->count(Filter::Resolved);
    QVERIFY(unresolved > 0);
    QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(m_model->count(Filter::Unresolved), unresolved - 1);
    QCOMPARE(m_model->count(Filter::Resolved), resolved + 1);
    QCOMPARE(m_model->rowOf(id), -1);
    QCOMPARE(m_model->rowCount(), unresolved - 1);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT actor, action, subject_id FROM audit_log"_s),
             QStringList{u"alice|thread.resolve|"_s + QString::number(id)});
    auto *filterButton = m_page->findChild<QPushButton *>(u"filterUnresolved"_s);
    QCOMPARE(filterButton->text(), u"Unresolved "_s + QString::number(unresolved - 1));
}

void TstInboxActions::ctrlRReopensInResolved()
{
    const qint64 id = m_model->threadIdAt(0);
    QVERIFY(m_fx->setThread(id, u"resolved"_s, false, QString()));
    m_model->setFilter(Filter::Resolved);
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(m_model->rowOf(id)));
    QCOMPARE(m_page->inboxActions()->resolve()->text(), u"Reopen"_s);
    QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(m_model->rowOf(id), -1);
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT status FROM threads WHERE id = ?"_s, {id})
                 .toString(),
             u"open"_s);
}

void TstInboxActions::flagAndAssignKeys()
{
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(2));
    const qint64 id = list->currentThreadId();
    QTest::keyClick(list, Qt::Key_F);
    QTRY_VERIFY(m_model->index(m_model->rowOf(id)).data(ThreadListModel::FlaggedRole).toBool());
    QTest::keyClick(list, Qt::Key_A);
    QTRY_COMPARE(m_model->index(m_model->rowOf(id)).data(ThreadListModel::AssigneeRole).toString(),
                 Me);
    m_page->inboxActions()->setAgentChooser([](const QStringList &known) -> std::optional<QString> {
        return known.contains(Me) ? std::optional(u"bob"_s) : std::nullopt;
    });
    QTest::keyClick(list, Qt::Key_A, Qt::ShiftModifier);
    QTRY_COMPARE(m_model->index(m_model->rowOf(id)).data(ThreadListModel::AssigneeRole).toString(),
                 u"bob"_s);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT action FROM audit_log ORDER BY id"_s),
             (QStringList{u"thread.flag"_s, u"thread.assign"_s, u"thread.assign"_s}));
}

void TstInboxActions::jkMoveSelection()
{
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(0));
    QTest::keyClick(list, Qt::Key_J);
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 2);
    QTest::keyClick(list, Qt::Key_K);
    QCOMPARE(list->currentIndex().row(), 1);
    QVERIFY(list->selectionModel()->isSelected(m_model->index(1)));
    // The contact panel follows the selection.
    QCOMPARE(m_panel->details()->number,
             m_model->index(1).data(ThreadListModel::CustomerNumberRole).toString());
}

void TstInboxActions::escapeReturnsToList()
{
    QTest::keyClick(m_page->listView(), Qt::Key_Slash);
    QLineEdit *edit = m_page->searchBox()->lineEdit();
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u"peo"_s);
    QTest::keyClick(edit, Qt::Key_Escape);
    QTRY_VERIFY(m_page->listView()->hasFocus());
    QVERIFY(edit->text().isEmpty());
    QVERIFY(m_page->listView()->isVisible());
}

void TstInboxActions::unsubscribeNeedsReason()
{
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(m_model->rowOf(
        m_fx->threadId(ThreadFixture::AccountA, customer(0), ThreadFixture::Support))));
    QSignalSpy changed(m_panel, &ContactPanel::consentChanged);
    const int before = consentEvents();
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"unsubscribeButton"_s), Qt::LeftButton);
    ConsentChangeDialog *dialog = m_panel->openDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"consentProblem"_s)->text().contains(u"reason"_s));
    dialog->accept(); // Enter or a script: refused all the same
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"consentReason"_s), u"   "_s);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"consentReason"_s),
                     u"Asked by phone not to be texted"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(dialog->findChild<QRadioButton *>(u"scopeAllNumbers"_s), Qt::LeftButton);
    QCOMPARE(consentEvents(), before);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toString(), customer(0));
    QCOMPARE(consentEvents(), before + 1);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT kind, source, sender_number, detail, actor "
                                             u"FROM consent_events ORDER BY id DESC LIMIT 1"_s),
             QStringList{u"opt_out|agent||Asked by phone not to be texted|alice"_s});
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT action FROM audit_log"_s).toString(),
             u"consent.opt_out"_s);
    // The panel shows it at once, for every number of the account.
    QVERIFY(m_panel->findChild<QLabel *>(u"contactConsentHistory"_s)
                ->text()
                .contains(u"Asked by phone not to be texted"_s));
    for (const auto &s : m_panel->details()->consentBySender)
        QCOMPARE(s.state, ConsentLedger::ConsentState::OptedOut);

    // "Check again" asks for a Lookup of this customer.
    QSignalSpy check(m_panel, &ContactPanel::checkTextEnabledRequested);
    QTest::mouseClick(m_panel->findChild<QPushButton *>(u"checkTextEnabled"_s), Qt::LeftButton);
    QCOMPARE(check.size(), 1);
    QCOMPARE(check.first().first().toString(), customer(0));

    Theme::apply(*qApp);
    m_panel->resize(340, 720);
    saveShot(m_panel, u"contact-panel.png"_s);
    qApp->setStyleSheet({});
}

void TstInboxActions::resubscribeNeedsEvidence()
{
    m_page->listView()->setCurrentIndex(m_model->index(0));
    const int before = consentEvents();
    m_panel->openResubscribe();
    ConsentChangeDialog *dialog = m_panel->openDialog();
    QVERIFY(dialog);
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"consentReason"_s),
                     u"Import crm-2026-11.csv"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->event().source, ConsentEvent::Source::Form);
    QCOMPARE(dialog->event().senderNumber,
             m_model->index(0).data(ThreadListModel::SenderNumberRole).toString());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(consentEvents(), before + 1);
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(),
                                   u"SELECT kind FROM consent_events ORDER BY id DESC LIMIT 1"_s)
                 .toString(),
             u"opt_in"_s);
}

void TstInboxActions::searchListsAndChooses()
{
    QSignalSpy requested(m_page.get(), &InboxPage::messageRequested);
    QTest::keyClick(m_page->listView(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *edit = m_page->searchBox()->lineEdit();
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u"peoni"_s);
    QListView *results = m_page->searchBox()->resultsView();
    QTRY_VERIFY(results->isVisible());
    QVERIFY(!m_page->listView()->isVisible());
    // Expected: account A's messages mentioning peonies, newest first, straight from SQL.
    const QStringList expected = StoreTestUtil::rows(
        m_fx->db(), u"SELECT id, thread_id FROM messages WHERE account_id = 1 AND "
                    u"lower(body) LIKE '%peoni%' ORDER BY id DESC"_s);
    QCOMPARE(expected.size(), 2);
    QCOMPARE(results->model()->rowCount(), expected.size());
    QTest::keyClick(edit, Qt::Key_Down);
    QVERIFY(results->hasFocus());
    QTest::keyClick(results, Qt::Key_Down);
    QTest::keyClick(results, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString() + u'|' + requested.first().at(1).toString(),
             expected.at(1).section(u'|', 1, 1) + u'|' + expected.at(1).section(u'|', 0, 0));

    Theme::apply(*qApp);
    saveShot(m_page.get(), u"search-list.png"_s);
    qApp->setStyleSheet({});
}

void TstInboxActions::shortcutSheetListsEveryShortcut()
{
    QTest::keyClick(m_page->listView(), Qt::Key_Question);
    ShortcutSheet *sheet = nullptr;
    QTRY_VERIFY((sheet = m_page->findChild<ShortcutSheet *>()) && sheet->isVisible());
    QStringList listed;
    for (const ShortcutSheet::Entry &e : ShortcutSheet::entries())
        listed += e.keys.split(u" / "_s).join(u" or "_s).split(u" or "_s);
    int checked = 0;
    for (QAction *a : m_page->actions()) {
        if (a->shortcut().isEmpty())
            continue;
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(listed.contains(keys), qPrintable(keys + u" of "_s + a->objectName()));
        ++checked;
    }
    QCOMPARE(checked, 9); // the thread commands, search, help, back and new conversation
    Theme::apply(*qApp);
    sheet->adjustSize();
    saveShot(sheet, u"shortcut-sheet.png"_s);
    qApp->setStyleSheet({});
}

void TstInboxActions::snoozeTimes()
{
    using C = InboxActions::SnoozeChoice;
    const QDateTime wednesday(QDate(2026, 11, 25), QTime(16, 20));
    QCOMPARE(InboxActions::snoozeTime(C::OneHour, wednesday), wednesday.addSecs(3600));
    QCOMPARE(InboxActions::snoozeTime(C::TomorrowMorning, wednesday),
             QDateTime(QDate(2026, 11, 26), QTime(9, 0)));
    QCOMPARE(InboxActions::snoozeTime(C::NextWeek, wednesday),
             QDateTime(QDate(2026, 11, 30), QTime(9, 0)));
    const QDateTime monday(QDate(2026, 11, 30), QTime(8, 0));
    QCOMPARE(InboxActions::snoozeTime(C::NextWeek, monday),
             QDateTime(QDate(2026, 12, 7), QTime(9, 0)));

    // S then the first choice: snoozed for an hour, gone from Unresolved.
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex(m_model->index(0));
    const qint64 id = list->currentThreadId();
    const int unresolved = m_model->count(Filter::Unresolved);
    QTest::keyClick(list, Qt::Key_S);
    QMenu *menu = m_page->inboxActions()->snoozeMenu();
    QTRY_VERIFY(menu->isVisible());
    menu->findChild<QAction *>(u"snoozeOneHour"_s)->trigger();
    menu->hide();
    QTRY_COMPARE(m_model->count(Filter::Unresolved), unresolved - 1);
    QCOMPARE(m_model->count(Filter::Snoozed), 1);
    QCOMPARE(m_model->rowOf(id), -1);
}

QTEST_MAIN(TstInboxActions)
#include "tst_inboxactions.moc"
