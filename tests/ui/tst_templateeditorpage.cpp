#include "AccountRows.h"
#include "OptOutLine.h"
#include "SegmentCounter.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "TemplateEditorPage.h"
#include "TemplateRows.h"
#include "Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString ShortName = u"Al Wu"_s;
const QString LongName = u"Bartholomew-Maximilian Featherstonehaugh"_s;
// 140 characters of text after the name: one segment for "Al", two for the long name.
const QString Tail = u", your spring bouquet subscription renews on Friday. Reply CHANGE to "
                     u"swap flowers or call us at the shop any time before noon today, thanks!"_s;
} // namespace

class TstTemplateEditorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void counterFollowsLongestRendering();
    void unknownTokenIsShown();
    void availableFieldsListAttributes();
    void promotionalOffersOptOutLine();
    void previewRendersPickedContact();
    void saveApproveRetire();
    void screenshot();

private:
    template<typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QString::fromLatin1(name));
    }
    void typeBody(const QString &text)
    {
        child<QPlainTextEdit>("templateBody")->clear();
        QTest::keyClicks(child<QPlainTextEdit>("templateBody"), text);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<TemplateEditorPage> m_page;
    qint64 m_account = 0;
};

void TstTemplateEditorPage::init()
{
    const QString path = m_dir.filePath(u"p.sqlite"_s);
    QFile::remove(path);
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &c) {
        const qint64 id = AccountRows(c.db()).createOrFind(u"Florist"_s, u"AC1"_s);
        StoreTestUtil::exec(c.db(),
                            u"INSERT INTO contacts (account_id, number, name, attributes, tags) "
                            u"VALUES (?, '+14155550101', ?, '{\"plan\":\"spring\"}', '[\"vip\"]'), "
                            u"(?, '+14155550102', ?, '{}', '[]')"_s,
                            {id, ShortName, id, LongName});
        return id;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
    m_page = std::make_unique<TemplateEditorPage>(*m_reader, m_writer.get(), m_account, u"alice"_s);
    m_page->resize(980, 640);
    m_page->show();
}

void TstTemplateEditorPage::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstTemplateEditorPage::counterFollowsLongestRendering()
{
    auto *counter = child<QLabel>("segmentCounter");
    const QString body = u"Hi {{first_name|there}}"_s + Tail;
    typeBody(body);
    // The long first name makes the longest rendering; derive its count independently.
    const QString longest = u"Hi Bartholomew-Maximilian"_s + Tail;
    const SegmentCount expected = SegmentCounter::count(longest);
    QCOMPARE(expected.segments, 2);
    QTRY_COMPARE(counter->text(), TemplateEditorPage::counterText(expected));
    QVERIFY(child<QLabel>("longestRendering")->text().contains(LongName));
    QCOMPARE(counter->text(), u"GSM-7 · 2 segments · %1 characters"_s.arg(longest.size()));
    const QString perText = QLocale::c().toString(expected.segments * 0.0079, 'f', 4);
    QVERIFY2(child<QLabel>("costEstimate")->text().contains(perText),
             qPrintable(child<QLabel>("costEstimate")->text()));

    // Narrowing the audience to the vip tag leaves only "Al": one segment.
    auto *audience = child<QComboBox>("audienceCombo");
    audience->setCurrentIndex(audience->findData(u"vip"_s));
    QTRY_COMPARE(counter->text(),
                 TemplateEditorPage::counterText(SegmentCounter::count(u"Hi Al"_s + Tail)));
    QCOMPARE(counter->text(), u"GSM-7 · 1 segment · %1 characters"_s.arg(5 + Tail.size()));

    // A character outside GSM-7 switches the encoding.
    // (QTest::keyClicks types Latin-1 only.)
    child<QPlainTextEdit>("templateBody")->moveCursor(QTextCursor::End);
    child<QPlainTextEdit>("templateBody")->insertPlainText(u" Dziękuję"_s);
    QTRY_COMPARE(counter->text(), TemplateEditorPage::counterText(
                                      SegmentCounter::count(u"Hi Al"_s + Tail + u" Dziękuję"_s)));
    QVERIFY(counter->text().startsWith(u"UCS-2"_s));
}

void TstTemplateEditorPage::unknownTokenIsShown()
{
    child<QLineEdit>("templateName")->setText(u"Renewal"_s);
    typeBody(u"Hi {{frist_name}}"_s);
    auto *errors = child<QLabel>("templateErrors");
    QTRY_VERIFY(errors->text().contains(u"unknown field \"frist_name\""_s));
    QVERIFY(errors->isVisible());
    QVERIFY(!child<QPushButton>("saveButton")->isEnabled());
    typeBody(u"Your {{plan}} plan renews"_s); // an attribute of a contact
    QTRY_VERIFY(errors->text().isEmpty());
    QVERIFY(child<QPushButton>("saveButton")->isEnabled());
}

// Imported columns land as attributes; the editor lists them beside the contact fields.
void TstTemplateEditorPage::availableFieldsListAttributes()
{
    QCOMPARE(child<QLabel>("availableFields")->text(),
             u"{{first_name}}  {{last_name}}  {{name}}  {{phone}}  {{plan}}"_s);
}

void TstTemplateEditorPage::promotionalOffersOptOutLine()
{
    auto *type = child<QComboBox>("templateType");
    auto *offer = child<QPushButton>("addOptOutButton");
    typeBody(u"Spring sale: 20% off tulips"_s);
    QTRY_VERIFY(!offer->isVisible());
    type->setCurrentIndex(type->findData(int(TemplateType::Promotional)));
    QTRY_VERIFY(offer->isVisible());
    QVERIFY(child<QLabel>("templateErrors")->text().contains(u"opt-out"_s));
    QTest::mouseClick(offer, Qt::LeftButton);
    QCOMPARE(child<QPlainTextEdit>("templateBody")->toPlainText(),
             OptOutLine::appendTo(u"Spring sale: 20% off tulips"_s));
    QTRY_VERIFY(!offer->isVisible());
    QVERIFY(child<QLabel>("templateErrors")->text().isEmpty());
}

void TstTemplateEditorPage::previewRendersPickedContact()
{
    typeBody(u"Hi {{first_name|there}}, {{plan|no plan}}"_s);
    auto *who = child<QComboBox>("previewContact");
    QCOMPARE(who->count(), 2);
    who->setCurrentIndex(0); // by number: Al
    QTRY_COMPARE(child<QLabel>("previewText")->text(), u"Hi Al, spring"_s);
    who->setCurrentIndex(1);
    QTRY_COMPARE(child<QLabel>("previewText")->text(), u"Hi Bartholomew-Maximilian, no plan"_s);
}

void TstTemplateEditorPage::saveApproveRetire()
{
    QSignalSpy saved(m_page.get(), &TemplateEditorPage::templateSaved);
    QSignalSpy approved(m_page.get(), &TemplateEditorPage::versionApproved);
    QSignalSpy retired(m_page.get(), &TemplateEditorPage::versionRetired);
    QAbstractItemModelTester listTester(child<QListWidget>("templateList")->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    child<QLineEdit>("templateName")->setText(u"Pickup ready"_s);
    typeBody(u"Hi {{first_name|there}}, your order is ready."_s);
    auto *save = child<QPushButton>("saveButton");
    auto *approve = child<QPushButton>("approveButton");
    QTRY_VERIFY(save->isEnabled());
    QVERIFY(!approve->isEnabled()); // nothing saved yet
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(child<QListWidget>("templateList")->count(), 1);
    QVERIFY(child<QLabel>("versionState")->text().contains(u"draft by alice"_s));
    QTRY_VERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE(approved.size(), 1);
    QVERIFY2(child<QLabel>("versionState")->text().contains(u"approved by alice"_s),
             qPrintable(child<QLabel>("versionState")->text()));
    TemplateRows rows(m_reader->connection());
    const auto list = rows.list(m_account);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().latest.stage, TemplateVersionState::Stage::Approved);
    QCOMPARE(list.first().latest.approver, u"alice"_s);
    QCOMPARE(
        StoreTestUtil::scalar(m_reader->connection(),
                              u"SELECT count(*) FROM audit_log WHERE action = 'template.approve'"_s)
            .toInt(),
        1);
    QVERIFY(!approve->isEnabled());
    auto *retire = child<QPushButton>("retireButton");
    QVERIFY(retire->isEnabled());
    QTest::mouseClick(retire, Qt::LeftButton);
    QTRY_COMPARE(retired.size(), 1);
    QCOMPARE(rows.list(m_account).first().latest.stage, TemplateVersionState::Stage::Retired);
    // Editing the retired text saves a new draft version.
    QTest::keyClicks(child<QPlainTextEdit>("templateBody"), u" See you soon!"_s);
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(rows.list(m_account).first().latest.number, 2);
    QCOMPARE(rows.list(m_account).first().latest.stage, TemplateVersionState::Stage::Draft);
}

void TstTemplateEditorPage::screenshot()
{
    Theme::apply(*qApp);
    QSignalSpy saved(m_page.get(), &TemplateEditorPage::templateSaved);
    child<QLineEdit>("templateName")->setText(u"Spring sale"_s);
    auto *type = child<QComboBox>("templateType");
    type->setCurrentIndex(type->findData(int(TemplateType::Promotional)));
    typeBody(u"Hi {{first_name|there}}! Our spring sale starts Friday: 20% off all tulips and "
             u"peonies for {{plan|new}} members."_s);
    QTRY_VERIFY(child<QPushButton>("addOptOutButton")->isVisible());
    QTest::mouseClick(child<QPushButton>("addOptOutButton"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>("saveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QTRY_COMPARE(saved.size(), 1);
    child<QLineEdit>("templateName")->setText(u"Spring sale"_s);
    child<QComboBox>("previewContact")->setCurrentIndex(0);
    QApplication::processEvents();
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/template-editor.png"_s));
    }
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstTemplateEditorPage)
#include "tst_templateeditorpage.moc"
