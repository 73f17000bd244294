// The Numbers screen driven through its widgets: edit details, send-only with its
// explanation, sharing refused for a two-way number, the unrouted replies list, marking a
// short code as a shared short code with its provider keyword.
#include "AuditRows.h"
#include "ComplianceFixture.h"
#include "MessageStore.h"
#include "NumbersPage.h"
#include "SenderNumberRows.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstNumbersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsNumbersOfTheAccountOnly();
    void editSavesDetails();
    void sharingATwoWayNumberIsRefused();
    void sendOnlyNumberCanBeShared();
    void unroutedRepliesAreListed();
    void sendOnlyExplanationIsShownWithTheChoice();
    void shortCodeMarkedShared();
    void sharedChoiceOnlyForShortCodes_data();
    void sharedChoiceOnlyForShortCodes();
    void screenshot();

private:
    int rowOf(const QString &number) const;
    void select(const QString &number);

    std::unique_ptr<ComplianceFixture> m_fx;
    std::unique_ptr<NumbersPage> m_page;
    QTableWidget *m_table = nullptr;
};

void TstNumbersPage::init()
{
    m_fx = std::make_unique<ComplianceFixture>();
    QVERIFY(m_fx->open());
    QVERIFY(m_fx->addNumber(m_fx->acme, u"+14155550100"_s, u"long_code"_s, u"Support line"_s, 1));
    QVERIFY(m_fx->addNumber(m_fx->acme, u"+14155550101"_s, u"long_code"_s, u"Sales line"_s, 1));
    QVERIFY(m_fx->addNumber(m_fx->acme, u"+18445550100"_s, u"toll_free"_s,
                            u"Toll-free notifications"_s, 3));
    QVERIFY(m_fx->addNumber(m_fx->acme, u"74621"_s, u"short_code"_s, u"Alerts"_s, 100));
    QVERIFY(m_fx->addNumber(m_fx->acme, u"33733"_s, u"shared_short_code"_s, u"Shared code"_s, 100,
                            u"BLOOM"_s));
    QVERIFY(m_fx->addNumber(m_fx->other, u"+14155550199"_s, u"long_code"_s, u"Reception"_s, 1));
    m_page = std::make_unique<NumbersPage>(*m_fx->reader, m_fx->writer.get(), m_fx->acme, u"ana"_s);
    m_page->resize(1100, 700);
    m_page->show();
    m_table = m_page->findChild<QTableWidget *>(u"numbersTable"_s);
    QVERIFY(m_table);
}

void TstNumbersPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

int TstNumbersPage::rowOf(const QString &number) const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, 0)->text() == number)
            return r;
    }
    return -1;
}

void TstNumbersPage::select(const QString &number)
{
    const int row = rowOf(number);
    QVERIFY(row >= 0);
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {},
                      m_table->visualItemRect(m_table->item(row, 0)).center());
    QCOMPARE(m_page->selectedNumberId() > 0, true);
}

void TstNumbersPage::listsNumbersOfTheAccountOnly()
{
    QCOMPARE(m_table->rowCount(), 5);
    QCOMPARE(rowOf(u"+14155550199"_s), -1);
    const int shared = rowOf(u"33733"_s);
    QCOMPARE(m_table->item(shared, 3)->text(), u"Shared short code"_s);
    QCOMPARE(m_table->item(shared, 4)->text(), u"BLOOM"_s);
    QCOMPARE(m_table->item(rowOf(u"74621"_s), 5)->text(), u"100"_s);
}

void TstNumbersPage::editSavesDetails()
{
    select(u"+14155550101"_s);
    auto *label = m_page->findChild<QLineEdit *>(u"numberLabel"_s);
    auto *cap = m_page->findChild<QSpinBox *>(u"numberDailyCap"_s);
    label->clear();
    QTest::keyClicks(label, u"Weddings"_s);
    cap->setValue(2000);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"numberSave"_s), Qt::LeftButton);
    QTRY_COMPARE(m_table->item(rowOf(u"+14155550101"_s), 1)->text(), u"Weddings"_s);
    QCOMPARE(m_table->item(rowOf(u"+14155550101"_s), 6)->text(), u"2000"_s);
    const auto stored = SenderNumberRows(m_fx->db()).find(m_fx->acme, m_page->selectedNumberId());
    QCOMPARE(stored->label, u"Weddings"_s);
    QCOMPARE(stored->dailyCap, std::optional<int>(2000));
}

void TstNumbersPage::sharingATwoWayNumberIsRefused()
{
    select(u"+14155550100"_s);
    auto *shareWith = m_page->findChild<QComboBox *>(u"numberShareWith"_s);
    QCOMPARE(shareWith->currentText(), u"Oak St Dental"_s);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"numberShare"_s), Qt::LeftButton);
    auto *error = m_page->findChild<QLabel *>(u"numberError"_s);
    QTRY_VERIFY(error->text().contains(u"already belongs to the account “Bloom Florists”"_s));
    QCOMPARE(SenderNumberRows(m_fx->db()).list(m_fx->other)->size(), 1);
}

void TstNumbersPage::sendOnlyNumberCanBeShared()
{
    select(u"+18445550100"_s);
    auto *sendOnly = m_page->findChild<QCheckBox *>(u"numberSendOnly"_s);
    // Where the choice is made, the page says what it means for replies.
    QVERIFY(m_page->findChild<QLabel *>(u"numberSendOnlyHelp"_s)
                ->text()
                .contains(u"not threaded into any inbox"_s));
    QTest::mouseClick(sendOnly, Qt::LeftButton);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"numberSave"_s), Qt::LeftButton);
    QTRY_COMPARE(m_table->item(rowOf(u"+18445550100"_s), 8)->text(), u"Unrouted (send-only)"_s);
    QTest::mouseClick(m_page->findChild<QPushButton *>(u"numberShare"_s), Qt::LeftButton);
    QTRY_COMPARE(SenderNumberRows(m_fx->db()).list(m_fx->other)->size(), 2);
    QCOMPARE(m_page->findChild<QLabel *>(u"numberError"_s)->text(), QString());
}

void TstNumbersPage::unroutedRepliesAreListed()
{
    const qint64 account = m_fx->acme;
    QVERIFY(m_fx->writer->call([account](WriterContext &c) {
        SenderNumberRows(c.db()).setSendOnly(
            account,
            StoreTestUtil::scalar(c.db(), u"SELECT id FROM sender_numbers "
                                          u"WHERE number = '+18445550100'"_s)
                .toLongLong(),
            true, u"ana"_s);
        MessageRecord r;
        r.sid = u"SM00000000000000000000000000000077"_s;
        r.from = u"+14155550142"_s;
        r.to = u"+18445550100"_s;
        r.body = u"Is my order ready?"_s;
        r.status = u"received"_s;
        r.dateCreated = r.dateUpdated = QDateTime::currentDateTimeUtc();
        return c.messages->upsertPage(account, {r}, nullptr);
    }));
    m_page->reload();
    auto *unrouted = m_page->findChild<QTableWidget *>(u"unroutedTable"_s);
    QCOMPARE(unrouted->rowCount(), 1);
    QCOMPARE(unrouted->item(0, 0)->text(), u"+14155550142"_s);
    QCOMPARE(unrouted->item(0, 3)->text(), u"Is my order ready?"_s);
}

void TstNumbersPage::sendOnlyExplanationIsShownWithTheChoice()
{
    auto *help = m_page->findChild<QLabel *>(u"numberSendOnlyHelp"_s);
    auto *sendOnly = m_page->findChild<QCheckBox *>(u"numberSendOnly"_s);
    for (int r = 0; r < m_table->rowCount(); ++r) {
        select(m_table->item(r, 0)->text());
        QVERIFY(sendOnly->isVisible() && sendOnly->isEnabled());
        QVERIFY(help->isVisible());
        QCOMPARE(help->text(), NumbersPage::sendOnlyExplanation());
    }
}

void TstNumbersPage::shortCodeMarkedShared()
{
    select(u"74621"_s);
    auto *shared = m_page->findChild<QCheckBox *>(u"numberSharedShortCode"_s);
    auto *keyword = m_page->findChild<QLineEdit *>(u"numberProviderKeyword"_s);
    auto *save = m_page->findChild<QPushButton *>(u"numberSave"_s);
    auto *error = m_page->findChild<QLabel *>(u"numberError"_s);
    QVERIFY(shared->isVisible() && !shared->isChecked());
    QVERIFY(!keyword->isEnabled());
    // On the box itself: a check box spanning the row takes clicks on its box and text only.
    QTest::mouseClick(shared, Qt::LeftButton, {}, QPoint(6, shared->height() / 2));
    QVERIFY(shared->isChecked());
    QVERIFY(keyword->isEnabled());
    QTest::keyClicks(keyword, u"AL3RTS"_s);
    // Live, naming the character, and nothing can be saved meanwhile.
    QVERIFY2(error->text().contains(u"‘3’"_s), qPrintable(error->text()));
    QVERIFY(!save->isEnabled());
    keyword->clear();
    QTest::keyClicks(keyword, u"alerts"_s);
    QCOMPARE(error->text(), QString());
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    const int row = rowOf(u"74621"_s);
    QTRY_COMPARE(m_table->item(row, 3)->text(), NumbersPage::kindName(u"shared_short_code"_s));
    const auto stored = SenderNumberRows(m_fx->db()).find(m_fx->acme, m_page->selectedNumberId());
    QCOMPARE(stored->kind, u"shared_short_code"_s);
    QCOMPARE(stored->providerKeyword, u"ALERTS"_s);
    QCOMPARE(m_table->item(row, 4)->text(), stored->providerKeyword);
    const auto audit = AuditRows(m_fx->db()).recentAbout(m_fx->acme, u"sender_number"_s);
    QVERIFY(std::any_of(audit.begin(), audit.end(), [&](const AuditRows::Entry &e) {
        return e.action == u"sender_number.shared_short_code"_s && e.actor == u"ana"_s &&
               e.subjectId == stored->id && e.occurredAtMs > 0 &&
               e.details.value(u"provider_keyword"_s).toString() == stored->providerKeyword;
    }));
}

void TstNumbersPage::sharedChoiceOnlyForShortCodes_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("offered");
    QTest::newRow("long code") << u"+14155550100"_s << false;
    QTest::newRow("toll-free") << u"+18445550100"_s << false;
    QTest::newRow("short code") << u"74621"_s << true;
    QTest::newRow("shared short code") << u"33733"_s << true;
}

void TstNumbersPage::sharedChoiceOnlyForShortCodes()
{
    QFETCH(QString, number);
    QFETCH(bool, offered);
    select(number);
    const auto row = SenderNumberRows(m_fx->db()).find(m_fx->acme, m_page->selectedNumberId());
    auto *shared = m_page->findChild<QCheckBox *>(u"numberSharedShortCode"_s);
    QCOMPARE(shared->isVisible(), offered);
    QCOMPARE(m_page->findChild<QLineEdit *>(u"numberProviderKeyword"_s)->isVisible(), offered);
    if (offered) {
        QCOMPARE(shared->isChecked(), row->kind == u"shared_short_code"_s);
        QCOMPARE(m_page->findChild<QLineEdit *>(u"numberProviderKeyword"_s)->text(),
                 row->providerKeyword);
    }
}

void TstNumbersPage::screenshot()
{
    unroutedRepliesAreListed();
    m_page->resize(1280, 700);
    select(u"33733"_s); // the shared short code and its provider keyword
    QTest::qWait(50);
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/numbers.png"_s));
    }
}

QTEST_MAIN(TstNumbersPage)
#include "tst_numberspage.moc"
