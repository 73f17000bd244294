// The Contacts list page, offscreen, on a profile of 450 contacts: pages fetched as the table
// scrolls, search, sort by header, the editor (save changes the row), and delete after a
// confirmation that says threads and consent stay. Screenshots of the list and the editor.
#include "AccountRows.h"
#include "ConsentRows.h"
#include "ContactListModel.h"
#include "ContactListPage.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

namespace {
constexpr int Contacts = 450;
} // namespace

class TstContactListPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scrollingFetchesMore();
    void searchAndSort();
    void editorSavesAndDeleteConfirms();
    void followsTheChangeFeed();

private:
    QString cell(int row, int column) const
    {
        return m_page->model()->index(row, column).data().toString();
    }
    void shoot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<ContactListPage> m_page;
    qint64 m_account = 0;
};

void TstContactListPage::init()
{
    const QString path = m_dir.filePath(u"p.sqlite"_s);
    QFile::remove(path);
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &c) {
        QSqlDatabase db = c.db();
        AccountRows accounts(db);
        const qint64 id = accounts.createOrFind(u"Florist"_s, u"AC1"_s);
        const qint64 ours = accounts.createOrFindSenderNumber(id, u"+15550100001"_s, 1.0);
        const qint64 second = accounts.createOrFindSenderNumber(id, u"+15550100002"_s, 1.0);
        db.transaction();
        for (int i = 0; i < Contacts; ++i)
            exec(db,
                 u"INSERT INTO contacts (account_id, number, name, tags, text_enabled) "
                 u"VALUES (?, ?, ?, ?, ?)"_s,
                 {id, u"+1415555%1"_s.arg(i, 4, 10, QChar(u'0')),
                  i == 7 ? u"Maria Gonzalez"_s : u"Customer %1"_s.arg(i, 3, 10, QChar(u'0')),
                  i % 5 == 0 ? u"[\"vip\"]"_s : u"[]"_s, i % 2 ? u"yes"_s : u"unknown"_s});
        // Maria has a thread with each of our numbers and an opt-in.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const qint64 sender : {ours, second}) {
            exec(db,
                 u"INSERT INTO threads (account_id, customer_number, sender_number_id, "
                 u"last_message_at) VALUES (?, '+14155550007', ?, ?)"_s,
                 {id, sender, now - sender});
            const qint64 thread =
                exec(db, u"SELECT max(id) FROM threads"_s).next()
                    ? StoreTestUtil::scalar(db, u"SELECT max(id) FROM threads"_s).toLongLong()
                    : 0;
            exec(db,
                 u"INSERT INTO messages (account_id, thread_id, direction, from_number, "
                 u"to_number, body, status, created_at, updated_at, provider_sid) VALUES (?, ?, "
                 u"'in', "
                 u"'+14155550007', (SELECT number FROM sender_numbers WHERE id = ?), ?, "
                 u"'received', ?, ?, 'SM' || ?)"_s,
                 {id, thread, sender, u"Hi from Maria to %1"_s.arg(sender), now - sender * 1000,
                  now - sender * 1000, thread});
        }
        db.commit();
        ConsentEvent in;
        in.contactNumber = u"+14155550007"_s;
        in.kind = ConsentEvent::Kind::OptIn;
        in.source = ConsentEvent::Source::Keyword;
        in.actor = u"system"_s;
        in.occurredAt = QDateTime::currentDateTimeUtc().addDays(-2);
        ConsentRows(db).record(id, in);
        return id;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
    m_page = std::make_unique<ContactListPage>(*m_reader, m_writer.get(), m_account, u"mia"_s);
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TstContactListPage::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstContactListPage::shoot(QWidget *widget, const QString &name)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + name));
    }
}

void TstContactListPage::scrollingFetchesMore()
{
    ContactListModel *model = m_page->model();
    QCOMPARE(model->matching(), Contacts);
    QCOMPARE(model->rowCount(), 200);
    auto *table = m_page->findChild<QTableView *>(u"contactTable"_s);
    QVERIFY(table);
    // The view asks for more as it reaches the bottom, a page at a time.
    for (int i = 0; i < 10 && model->rowCount() < Contacts; ++i) {
        table->scrollToBottom();
        QApplication::processEvents();
    }
    QCOMPARE(model->rowCount(), Contacts);
    QVERIFY(!model->canFetchMore({}));
    QCOMPARE(cell(Contacts - 1, ContactListModel::Name), u"Maria Gonzalez"_s);
}

void TstContactListPage::searchAndSort()
{
    Theme::apply(*qApp);
    auto *search = m_page->findChild<QLineEdit *>(u"contactSearch"_s);
    QVERIFY(search);
    search->setText(u"maria"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(cell(0, ContactListModel::Number), u"+14155550007"_s);
    QVERIFY(!cell(0, ContactListModel::LastMessage).isEmpty());
    search->setText(u"vip"_s);
    QTRY_COMPARE(m_page->model()->matching(), Contacts / 5);
    search->clear();
    QTRY_COMPARE(m_page->model()->matching(), Contacts);
    auto *table = m_page->findChild<QTableView *>(u"contactTable"_s);
    table->sortByColumn(ContactListModel::LastMessage, Qt::AscendingOrder);
    QCOMPARE(cell(0, ContactListModel::Name), u"Maria Gonzalez"_s);
    table->sortByColumn(ContactListModel::Number, Qt::DescendingOrder);
    QCOMPARE(cell(0, ContactListModel::Number), u"+14155550449"_s);
    table->sortByColumn(ContactListModel::Name, Qt::AscendingOrder);
    QCOMPARE(cell(0, ContactListModel::Name), u"Customer 000"_s);
    QCOMPARE(cell(0, ContactListModel::Tags), u"vip"_s);
    shoot(m_page.get(), u"contact-list.png"_s);
    qApp->setStyleSheet({});
}

void TstContactListPage::editorSavesAndDeleteConfirms()
{
    Theme::apply(*qApp);
    auto *search = m_page->findChild<QLineEdit *>(u"contactSearch"_s);
    search->setText(u"Maria"_s);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    auto *table = m_page->findChild<QTableView *>(u"contactTable"_s);
    table->setCurrentIndex(m_page->model()->index(0, 0));
    QWidget *editor = m_page->editSelected();
    QVERIFY(editor);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    auto *timeline = editor->findChild<QListWidget *>(u"contactTimeline"_s);
    QCOMPARE(timeline->count(), 2);
    QVERIFY(timeline->item(0)->text().contains(u"+15550100001"_s));
    QVERIFY(timeline->item(1)->text().contains(u"+15550100002"_s));
    auto *consent = editor->findChild<QListWidget *>(u"contactConsent"_s);
    QCOMPARE(consent->count(), 1);
    QVERIFY(consent->item(0)->text().contains(u"opt_in"_s));
    editor->findChild<QLineEdit *>(u"contactName"_s)->setText(u"Maria G."_s);
    editor->findChild<QLineEdit *>(u"contactTags"_s)->setText(u"vip, florist"_s);
    auto *attributes = editor->findChild<QTableWidget *>(u"contactAttributes"_s);
    editor->findChild<QPushButton *>(u"addAttribute"_s)->click();
    attributes->setItem(0, 0, new QTableWidgetItem(u"first_name"_s));
    attributes->setItem(0, 1, new QTableWidgetItem(u"Maria"_s));
    editor->findChild<QComboBox *>(u"contactTimeZone"_s)->setCurrentText(u"America/Chicago"_s);
    editor->resize(560, 620);
    shoot(editor, u"contact-editor.png"_s);
    QPointer<QWidget> guard(editor);
    // A bad time zone is refused with the reason shown; the dialog stays.
    editor->findChild<QComboBox *>(u"contactTimeZone"_s)->setCurrentText(u"Mars/Base"_s);
    editor->findChild<QPushButton *>(u"saveContact"_s)->click();
    auto *error = editor->findChild<QLabel *>(u"contactError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"time zone"_s), qPrintable(error->text()));
    editor->findChild<QComboBox *>(u"contactTimeZone"_s)->setCurrentText(u"America/Chicago"_s);
    editor->findChild<QPushButton *>(u"saveContact"_s)->click();
    QTRY_VERIFY(!guard);
    QTRY_COMPARE(cell(0, ContactListModel::Name), u"Maria G."_s);
    QCOMPARE(cell(0, ContactListModel::Tags), u"vip, florist"_s);
    QCOMPARE(StoreTestUtil::rows(m_reader->connection(),
                                 u"SELECT attributes, time_zone FROM contacts WHERE number = "
                                 u"'+14155550007'"_s),
             QStringList{u"{\"first_name\":\"Maria\"}|America/Chicago"_s});

    // Delete: the confirmation says what stays.
    table->setCurrentIndex(m_page->model()->index(0, 0));
    editor = m_page->editSelected();
    QVERIFY(editor);
    guard = editor;
    editor->findChild<QPushButton *>(u"deleteContact"_s)->click();
    auto *box = editor->findChild<QMessageBox *>(u"confirmDeleteContact"_s);
    QVERIFY(box);
    QVERIFY(box->informativeText().contains(u"conversations and messages stay"_s));
    QVERIFY(box->informativeText().contains(u"consent history stays"_s));
    shoot(box, u"contact-delete-confirm.png"_s);
    box->findChild<QPushButton *>(u"confirmDelete"_s)->click();
    QTRY_VERIFY(!guard);
    QTRY_COMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(
        StoreTestUtil::scalar(m_reader->connection(), u"SELECT count(*) FROM contacts"_s).toInt(),
        Contacts - 1);
    QCOMPARE(
        StoreTestUtil::scalar(m_reader->connection(), u"SELECT count(*) FROM threads"_s).toInt(),
        2);
    QCOMPARE(StoreTestUtil::scalar(m_reader->connection(), u"SELECT count(*) FROM consent_events"_s)
                 .toInt(),
             1);
    qApp->setStyleSheet({});
}

void TstContactListPage::followsTheChangeFeed()
{
    // A teammate's contact.put applied by the team log, say: the writer changes the row.
    const qint64 account = m_account;
    m_writer->post(
        [account](WriterContext &context) {
            return exec(context.db(),
                        u"UPDATE contacts SET name = 'Aaron First' WHERE account_id = ? AND "
                        u"number = '+14155550449'"_s,
                        {account})
                .isActive();
        },
        this, [](bool) {});
    QTRY_COMPARE(cell(0, ContactListModel::Name), u"Aaron First"_s);
}

QTEST_MAIN(TstContactListPage)
#include "tst_contactlistpage.moc"
