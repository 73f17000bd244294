#include "AccountRows.h"
#include "ContactImportDialog.h"
#include "Database.h"
#include "PhoneNumber.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstContactImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void guessesMappingAndPreviews();
    void badRowBlocksUntilExplicitChoice();
    void mappingChangeIsUsed();
    void unreadableFileIsReported();
    void duplicateHeaderIsRefused();
    void badRowsListFieldLimits();

private:
    template<typename T>
    T *child(const char *name) const
    {
        return m_dialog->findChild<T *>(QString::fromLatin1(name));
    }
    int contacts() const
    {
        return StoreTestUtil::scalar(m_reader->connection(), u"SELECT count(*) FROM contacts"_s)
            .toInt();
    }
    QString writeCsv(const QByteArray &csv)
    {
        const QString path = m_dir.filePath(u"in.csv"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(csv);
        return path;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<Database> m_reader;
    std::unique_ptr<ContactImportDialog> m_dialog;
    qint64 m_account = 0;
};

void TstContactImportDialog::init()
{
    const QString path = m_dir.filePath(u"p.sqlite"_s);
    QFile::remove(path);
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call(
        [](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Florist"_s, u"AC1"_s); });
    m_reader = std::make_unique<Database>(path);
    QVERIFY(m_reader->open());
    m_dialog = std::make_unique<ContactImportDialog>(m_writer.get(), m_account, u"alice"_s);
    m_dialog->show();
}

void TstContactImportDialog::cleanup()
{
    m_dialog.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstContactImportDialog::guessesMappingAndPreviews()
{
    QVERIFY(m_dialog->openFile(writeCsv("Mobile,Full name,Plan\r\n+14155550101,Ann,gold\r\n")));
    QCOMPARE(child<QTableWidget>("mappingTable")->rowCount(), 3);
    QCOMPARE(child<QComboBox>("mapping0")->currentData().toString(), u"number"_s);
    QCOMPARE(child<QComboBox>("mapping1")->currentData().toString(), u"name"_s);
    QCOMPARE(child<QComboBox>("mapping2")->currentData().toString(), u"attributes.plan"_s);
    auto *preview = child<QTableWidget>("previewTable");
    QCOMPARE(preview->rowCount(), 1);
    QCOMPARE(preview->item(0, 2)->text(), u"Ann"_s);
    QVERIFY(child<QPushButton>("importButton")->isEnabled());
}

void TstContactImportDialog::badRowBlocksUntilExplicitChoice()
{
    QSignalSpy finished(m_dialog.get(), &ContactImportDialog::importFinished);
    QAbstractItemModelTester errorTester(child<QTableWidget>("errorTable")->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester previewTester(child<QTableWidget>("previewTable")->model(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_dialog->openFile(writeCsv("number,name,time_zone\n"
                                        "+14155550101,Ann,America/Chicago\n"
                                        "415555013,Bob,\n"
                                        "+14155550103,Cy,Mars/Base\n"
                                        "+14155550104,Di,\n")));
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    auto *errors = child<QTableWidget>("errorTable");
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(errors->item(0, 0)->text(), u"3"_s);
    QCOMPARE(errors->item(0, 1)->text(), u"number"_s);
    QCOMPARE(errors->item(0, 2)->text(), PhoneNumber::parse(u"415555013"_s, u"US"_s).errorMessage);
    QCOMPARE(errors->item(1, 0)->text(), u"4"_s);
    QCOMPARE(errors->item(1, 1)->text(), u"time_zone"_s);
    QCOMPARE(contacts(), 0); // nothing until the explicit choice
    QVERIFY(child<QLabel>("statusLabel")->text().contains(u"nothing was imported"_s));
    auto *importValid = child<QPushButton>("importValidButton");
    QVERIFY(importValid->isVisible());
    QCOMPARE(importValid->text(), u"Import the 2 valid rows"_s);
    QTest::mouseClick(importValid, Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(m_dialog->lastResult().written);
    QCOMPARE(StoreTestUtil::rows(m_reader->connection(),
                                 u"SELECT number, name FROM contacts ORDER BY number"_s),
             (QStringList{u"+14155550101|Ann"_s, u"+14155550104|Di"_s}));
    QCOMPARE(child<QProgressBar>("progressBar")->value(),
             child<QProgressBar>("progressBar")->maximum());
    QVERIFY(!importValid->isVisible());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(u"Imported 2 contacts"_s));

    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(m_dialog->grab().save(dir + u"/contact-import.png"_s));
    }
}

void TstContactImportDialog::mappingChangeIsUsed()
{
    QSignalSpy finished(m_dialog.get(), &ContactImportDialog::importFinished);
    QVERIFY(m_dialog->openFile(writeCsv("number,notes\n+14155550101,call after 5\n")));
    auto *notes = child<QComboBox>("mapping1");
    QCOMPARE(notes->currentData().toString(), u"attributes.notes"_s);
    notes->setCurrentIndex(notes->findData(u"ignore"_s));
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(StoreTestUtil::scalar(m_reader->connection(), u"SELECT attributes FROM contacts"_s),
             QVariant(u"{}"_s));
    // Two columns as the number is refused before anything runs.
    QVERIFY(!child<QPushButton>("importButton")->isEnabled()); // done: open a file again
    QVERIFY(m_dialog->openFile(writeCsv("number,notes\n+14155550101,call after 5\n")));
    notes = qobject_cast<QComboBox *>(child<QTableWidget>("mappingTable")->cellWidget(1, 1));
    notes->setCurrentIndex(notes->findData(u"number"_s));
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>("statusLabel")->text(), u"two columns are mapped to number"_s);
}

void TstContactImportDialog::unreadableFileIsReported()
{
    QVERIFY(!m_dialog->openFile(writeCsv("number\n\"+1415\n")));
    QVERIFY(child<QLabel>("statusLabel")->text().contains(u"never closed"_s));
    QVERIFY(!child<QPushButton>("importButton")->isEnabled());
}

void TstContactImportDialog::duplicateHeaderIsRefused()
{
    QVERIFY(!m_dialog->openFile(writeCsv("number,number,name\n+14155550101,+14155550102,Kate\n")));
    QCOMPARE(child<QLabel>("statusLabel")->text(),
             u"row 1: the column \"number\" appears twice (columns 1 and 2); each column needs "
             u"its own name"_s);
    QVERIFY(!child<QPushButton>("importButton")->isEnabled());
}

void TstContactImportDialog::badRowsListFieldLimits()
{
    QSignalSpy finished(m_dialog.get(), &ContactImportDialog::importFinished);
    QVERIFY(m_dialog->openFile(writeCsv(QByteArray("number,name\n+14155550101,Ka\0te\n"
                                                   "+14155550102,Sam\n",
                                                   48))));
    QTest::mouseClick(child<QPushButton>("importButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    auto *errors = child<QTableWidget>("errorTable");
    QCOMPARE(errors->rowCount(), 1);
    QCOMPARE(errors->item(0, 0)->text(), u"2"_s);
    QCOMPARE(errors->item(0, 1)->text(), u"name"_s);
    QVERIFY(
        errors->item(0, 2)->text().startsWith(u"the name holds a control character (U+0000)"_s));
    QCOMPARE(contacts(), 0);
    QCOMPARE(child<QPushButton>("importValidButton")->text(), u"Import the 1 valid rows"_s);
}

QTEST_MAIN(TstContactImportDialog)
#include "tst_contactimportdialog.moc"
