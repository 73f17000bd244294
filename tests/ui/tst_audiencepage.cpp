#include "AccountRows.h"
#include "AudiencePage.h"
#include "ConsentRows.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

namespace {
struct Seeded
{
    const char16_t *number;
    const char16_t *tags;
    const char16_t *textEnabled;
    SuppressionReason reason; // meaningful when !included
    bool included;
};
const Seeded Contacts[] = {
    {u"+14155550101", u"[\"vip\"]", u"yes", {}, true},
    {u"+14155550102", u"[\"vip\"]", u"yes", SuppressionReason::Unsubscribed, false},
    {u"+14155550103", u"[]", u"no", SuppressionReason::NotTextEnabled, false},
    {u"+14155550104", u"[\"vip\"]", u"yes", SuppressionReason::OpenSupportThread, false},
    {u"+14155550105", u"[]", u"yes", SuppressionReason::FrequencyCap, false},
    {u"+14155550106", u"[\"vip\",\"staff\"]", u"unknown", {}, true},
    {u"+14155550107", u"[\"vip\"]", u"yes", {}, true},
};
int expectedCount(SuppressionReason reason)
{
    return int(std::count_if(std::begin(Contacts), std::end(Contacts),
                             [&](const Seeded &c) { return !c.included && c.reason == reason; }));
}
} // namespace

class TstAudiencePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsIncludedAndEachReason();
    void tagsNarrowTheSegment();
    void settingsAreSavedAndRecounted();
    void screenshot();

private:
    template<typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QString::fromLatin1(name));
    }
    int shown(SuppressionReason reason) const
    {
        return child<QTableWidget>("exclusionTable")->item(int(reason), 1)->text().toInt();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<AudiencePage> m_page;
    qint64 m_account = 0;
};

void TstAudiencePage::init()
{
    const QString path = m_dir.filePath(u"p.sqlite"_s);
    QFile::remove(path);
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &c) {
        const QSqlDatabase db = c.db();
        AccountRows accounts(db);
        const qint64 id = accounts.createOrFind(u"Florist"_s, u"AC1"_s);
        const qint64 sender = accounts.createOrFindSenderNumber(id, u"+15550100001"_s, 1.0);
        for (const Seeded &s : Contacts)
            exec(
                db,
                u"INSERT INTO contacts (account_id, number, tags, text_enabled) VALUES (?, ?, ?, ?)"_s,
                {id, QString::fromUtf16(s.number), QString::fromUtf16(s.tags),
                 QString::fromUtf16(s.textEnabled)});
        ConsentEvent out;
        out.contactNumber = u"+14155550102"_s;
        out.kind = ConsentEvent::Kind::OptOut;
        out.source = ConsentEvent::Source::Keyword;
        out.actor = u"system"_s;
        out.occurredAt = QDateTime::currentDateTimeUtc().addDays(-1);
        ConsentRows(db).record(id, out);
        exec(
            db,
            u"INSERT INTO threads (account_id, customer_number, sender_number_id) VALUES (?, '+14155550104', ?)"_s,
            {id, sender});
        exec(
            db,
            u"INSERT INTO templates (id, account_id, name, type) VALUES (1, ?, 'Promo', 'promotional')"_s,
            {id});
        exec(db, u"INSERT INTO template_versions (id, template_id, version, body, state, author, "
                 u"approver, approved_at) "
                 u"VALUES (1, 1, 1, 'Sale. Reply STOP to opt out', 'approved', 'a', 'b', 1)"_s);
        exec(db,
             u"INSERT INTO campaigns (id, account_id, name, sender_number_id, template_version_id, "
             u"created_by) "
             u"VALUES (1, ?, 'Fall', ?, 1, 'a')"_s,
             {id, sender});
        const qint64 hourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
        exec(db,
             u"INSERT INTO messages (account_id, direction, from_number, to_number, body, status, "
             u"client_ref, created_at, updated_at, campaign_id) VALUES (?, 'out', '+15550100001', "
             u"'+14155550105', 'Sale', 'delivered', 'r1', ?, ?, 1)"_s,
             {id, hourAgo, hourAgo});
        return id;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
    m_page = std::make_unique<AudiencePage>(*m_reader, m_writer.get(), m_account);
    m_page->resize(900, 520);
    m_page->show();
}

void TstAudiencePage::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstAudiencePage::showsIncludedAndEachReason()
{
    const int included = int(std::count_if(std::begin(Contacts), std::end(Contacts),
                                           [](const Seeded &c) { return c.included; }));
    QCOMPARE(child<QLabel>("includedLabel")->text(), u"%1 contacts will be texted"_s.arg(included));
    QCOMPARE(child<QLabel>("matchedLabel")->text(),
             u"%1 in the segment, %2 left out"_s.arg(std::size(Contacts))
                 .arg(std::size(Contacts) - included));
    for (int r = 0; r < SuppressionReasonCount; ++r) {
        QCOMPARE(child<QTableWidget>("exclusionTable")->item(r, 0)->text(),
                 AudiencePage::reasonLabel(SuppressionReason(r)));
        QCOMPARE(shown(SuppressionReason(r)), expectedCount(SuppressionReason(r)));
    }
    // Not promotional: the frequency cap does not apply.
    child<QCheckBox>("promotionalCheck")->setChecked(false);
    QTRY_COMPARE(shown(SuppressionReason::FrequencyCap), 0);
    QCOMPARE(child<QLabel>("includedLabel")->text(),
             u"%1 contacts will be texted"_s.arg(included + 1));
}

void TstAudiencePage::tagsNarrowTheSegment()
{
    QSignalSpy counted(m_page.get(), &AudiencePage::audienceCounted);
    QAbstractItemModelTester tester(child<QTableWidget>("exclusionTable")->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::keyClicks(child<QLineEdit>("tagsEdit"), u"vip"_s);
    QTest::keyClicks(child<QLineEdit>("excludedTagsEdit"), u"staff"_s);
    QTRY_VERIFY(!counted.isEmpty() && counted.last().at(0).toInt() == 4);
    // vip without staff: 0101, 0102 (unsubscribed), 0104 (open thread), 0107.
    QCOMPARE(counted.last().at(1).toInt(), 2);
    QCOMPARE(shown(SuppressionReason::Unsubscribed), 1);
    QCOMPARE(shown(SuppressionReason::OpenSupportThread), 1);
    QCOMPARE(shown(SuppressionReason::NotTextEnabled), 0);
}

void TstAudiencePage::settingsAreSavedAndRecounted()
{
    QSignalSpy saved(m_page.get(), &AudiencePage::settingsSaved);
    child<QCheckBox>("suppressOpenThreads")->setChecked(false);
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(shown(SuppressionReason::OpenSupportThread), 0);
    child<QSpinBox>("capPerDay")->setValue(2);
    QTRY_COMPARE(saved.size(), 2);
    QCOMPARE(shown(SuppressionReason::FrequencyCap), 0);
    QCOMPARE(
        StoreTestUtil::rows(m_reader->connection(),
                            u"SELECT promo_cap_per_day, promo_cap_per_week, suppress_open_threads "
                            u"FROM accounts WHERE id = ?"_s,
                            {m_account}),
        QStringList{u"2|3|0"_s});
}

void TstAudiencePage::screenshot()
{
    Theme::apply(*qApp);
    QApplication::processEvents();
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/audience.png"_s));
    }
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstAudiencePage)
#include "tst_audiencepage.moc"
