// The Reports screen over a real profile: the summary, the table per number, the period
// choice, the campaigns of the account only, and the chart's days.
#include "CampaignRows.h"
#include "ReportQuery.h"
#include "ReportsPage.h"
#include "StoreReader.h"
#include "ThreadFixture.h"

#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineSeries>
#include <QTableWidget>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstReportsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheWeeksFiguresPerNumber();
    void longerPeriodReadsOlderMessages();
    void campaignsOfThisAccountOnly();
    void chartHasOnePointPerDay();
    void reloadWhileReadingReadsOnceMore();
    void screenshot();

private:
    void add(qint64 account, const QString &ours, bool inbound, const QString &status, int daysAgo);
    qint64 campaign(qint64 account, const QString &name);
    QStringList column(const QString &table, int column) const;
    bool reloadAndWait();

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<ReportsPage> m_page;
    QDateTime m_now;
};

void TstReportsPage::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    m_now = QDate::currentDate().startOfDay().addSecs(15 * 3600);
    for (int day = 0; day < 7; ++day) {
        for (int i = 0; i <= day % 3; ++i)
            add(1, ThreadFixture::Support, false, u"delivered"_s, day);
        add(1, ThreadFixture::Support, true, u"received"_s, day);
    }
    add(1, ThreadFixture::Sales, false, u"undelivered"_s, 2);
    add(1, ThreadFixture::Sales, false, u"delivered"_s, 20); // only in the 30-day period
    add(2, ThreadFixture::Bakery, false, u"delivered"_s, 1);
    m_reader = std::make_unique<StoreReader>(m_fx->db().databaseName());
    QVERIFY(m_reader->open());
    m_page = std::make_unique<ReportsPage>(*m_reader, 1);
    const QDateTime now = m_now;
    m_page->setClock([now] { return now; });
    m_page->resize(1100, 860);
    QSignalSpy shown(m_page.get(), &ReportsPage::reportShown);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QVERIFY(shown.count() > 0 || shown.wait());
}

bool TstReportsPage::reloadAndWait()
{
    QSignalSpy shown(m_page.get(), &ReportsPage::reportShown);
    m_page->reload();
    return shown.wait();
}

void TstReportsPage::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_fx.reset();
}

void TstReportsPage::add(qint64 account, const QString &ours, bool inbound, const QString &status,
                         int daysAgo)
{
    MessageRecord record = ThreadFixture::message(
        u"+14155550123"_s, ours, u"hi"_s, m_now.addDays(-daysAgo).addSecs(-3600).toUTC(), inbound);
    record.status = status;
    QVERIFY(m_fx->upsert(account, {record}));
}

qint64 TstReportsPage::campaign(qint64 account, const QString &name)
{
    QSqlQuery version = m_fx->exec(
        u"INSERT INTO templates (account_id, name) VALUES (?, ?) RETURNING id"_s, {account, name});
    if (!version.next())
        return 0;
    const qint64 templateId = version.value(0).toLongLong();
    version.finish();
    version = m_fx->exec(u"INSERT INTO template_versions (template_id, version, body, author) "
                         u"VALUES (?, 1, 'Hi', 'mia') RETURNING id"_s,
                         {templateId});
    if (!version.next())
        return 0;
    CampaignDraft draft;
    draft.accountId = account;
    draft.name = name;
    draft.variants = {{u"A"_s, version.value(0).toLongLong(), 100}};
    version.finish();
    QSqlQuery sender =
        m_fx->exec(u"SELECT id FROM sender_numbers WHERE account_id = ? LIMIT 1"_s, {account});
    if (!sender.next())
        return 0;
    draft.senderIds = {sender.value(0).toLongLong()};
    sender.finish();
    draft.createdBy = u"mia"_s;
    CampaignRows rows(m_fx->db());
    const qint64 id = rows.createDraft(draft);
    if (id == 0)
        qWarning("createDraft: %s", qPrintable(rows.errorString()));
    return id;
}

QStringList TstReportsPage::column(const QString &table, int column) const
{
    auto *widget = m_page->findChild<QTableWidget *>(table);
    QStringList values;
    for (int row = 0; widget && row < widget->rowCount(); ++row)
        values.append(widget->item(row, column)->text());
    return values;
}

void TstReportsPage::showsTheWeeksFiguresPerNumber()
{
    QCOMPARE(m_page->periodDays(), 7);
    // What the page shows is what the query gives for the same week.
    ReportQuery query(m_fx->db());
    const QDate today = m_now.date();
    const auto week = query.run(1, today.addDays(-6).startOfDay(), today.addDays(1).startOfDay());
    QVERIFY(week);
    QCOMPARE(column(u"reportNumbers"_s, 1), (QStringList{u"Support"_s, u"Sales"_s}));
    QCOMPARE(column(u"reportNumbers"_s, 2),
             (QStringList{QLocale().toString(week->numbers.at(0).sent),
                          QLocale().toString(week->numbers.at(1).sent)}));
    QCOMPARE(column(u"reportNumbers"_s, 6).first(),
             QLocale().toString(week->numbers.at(0).received));
    QCOMPARE(column(u"reportNumbers"_s, 3).last(), u"0.0 %"_s); // Sales: one undelivered
    const QString summary = m_page->findChild<QLabel *>(u"reportSummary"_s)->text();
    QVERIFY2(summary.contains(u"Sent <b>%1</b>"_s.arg(QLocale().toString(week->total.sent))),
             qPrintable(summary));
}

void TstReportsPage::longerPeriodReadsOlderMessages()
{
    const QStringList week = column(u"reportNumbers"_s, 2);
    auto *period = m_page->findChild<QComboBox *>(u"reportPeriod"_s);
    QSignalSpy shown(m_page.get(), &ReportsPage::reportShown);
    period->setCurrentIndex(period->findData(30));
    QVERIFY(shown.wait());
    QCOMPARE(m_page->periodDays(), 30);
    const QStringList month = column(u"reportNumbers"_s, 2);
    QCOMPARE(month.first(), week.first());
    QCOMPARE(month.last().toInt(), week.last().toInt() + 1);
}

void TstReportsPage::campaignsOfThisAccountOnly()
{
    QVERIFY(campaign(1, u"Spring sale"_s) > 0);
    QVERIFY(campaign(2, u"Bakery news"_s) > 0);
    QVERIFY(reloadAndWait());
    QCOMPARE(column(u"reportCampaigns"_s, 0), QStringList{u"Spring sale"_s});
}

void TstReportsPage::chartHasOnePointPerDay()
{
    auto *view = m_page->findChild<QChartView *>(u"reportChart"_s);
    QVERIFY(view);
    const QList<QAbstractSeries *> series = view->chart()->series();
    QCOMPARE(series.size(), 2);
    auto *sent = qobject_cast<QLineSeries *>(series.first());
    QVERIFY(sent);
    QCOMPARE(sent->count(), m_page->periodDays());
    // Today's point: the day-0 messages of the fixture (one delivered on Support).
    QCOMPARE(sent->at(sent->count() - 1).y(), 1.0);
}

void TstReportsPage::reloadWhileReadingReadsOnceMore()
{
    QSignalSpy shown(m_page.get(), &ReportsPage::reportShown);
    m_page->reload();
    add(1, ThreadFixture::Sales, true, u"received"_s, 0); // arrives while the first read runs
    m_page->reload();
    QVERIFY(shown.wait());
    QCOMPARE(shown.count(), 1); // one answer, from the second read
    ReportQuery query(m_fx->db());
    const QDate today = m_now.date();
    const auto week = query.run(1, today.addDays(-6).startOfDay(), today.addDays(1).startOfDay());
    QVERIFY(week);
    QCOMPARE(column(u"reportNumbers"_s, 6).last(),
             QLocale().toString(week->numbers.at(1).received));
}

void TstReportsPage::screenshot()
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SMSDESK_SCREENSHOT_DIR not set");
    QVERIFY(campaign(1, u"Spring sale"_s) > 0);
    QVERIFY(reloadAndWait());
    QTest::qWait(100); // the chart lays its legend out from the event loop
    QVERIFY(m_page->grab().save(QDir(dir).filePath(u"reports.png"_s)));
}

QTEST_MAIN(TstReportsPage)
#include "tst_reportspage.moc"
