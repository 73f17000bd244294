// The campaign editor fed from an audience: a segment picked in the editor becomes exactly the
// planned recipients, the exclusions are shown per reason before scheduling, and the previewed
// finish is the plan's across recipients' zones and quiet hours. Also the list's progress bars.
#include "AccountRows.h"
#include "AudiencePage.h"
#include "CampaignListModel.h"
#include "CampaignProgressDelegate.h"
#include "CampaignRows.h"
#include "CampaignScheduleEditor.h"
#include "CampaignsPage.h"
#include "ConsentRows.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

namespace {

struct Seeded
{
    const char16_t *number;
    const char16_t *tags;
    const char16_t *textEnabled;
    bool optedOut;
};
const Seeded Contacts[] = {
    {u"+14155550201", u"[\"vip\"]", u"yes", false},
    {u"+14155550202", u"[\"vip\"]", u"yes", true},
    {u"+14155550203", u"[\"vip\"]", u"no", false},
    {u"+14155550204", u"[]", u"yes", false},
    {u"+14155550205", u"[\"vip\",\"staff\"]", u"unknown", false},
    {u"+14155550206", u"[\"newsletter\"]", u"yes", false},
    {u"+14155550207", u"[\"vip\"]", u"yes", false},
};

bool hasVip(const Seeded &c)
{
    return QString::fromUtf16(c.tags).contains(u"\"vip\""_s);
}

// The IANA id of the fixed-offset zone whose local hour is `hour` now ("Etc/GMT-5" is UTC+5).
QString zoneWhereItIs(int hour)
{
    int offset = hour - QDateTime::currentDateTimeUtc().time().hour();
    if (offset < -12)
        offset += 24;
    if (offset > 14)
        offset -= 24;
    if (offset == 0)
        return u"Etc/GMT"_s;
    return u"Etc/GMT"_s + (offset > 0 ? u"-"_s : u"+"_s) + QString::number(std::abs(offset));
}

} // namespace

class TstCampaignAudience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void audienceByTagIsThePlannedRecipients();
    void finishAccountsForZonesAndQuietHours();
    void listShowsProgressBars();

private:
    template<typename T>
    T *child(const QString &name)
    {
        T *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    void openPage();
    qint64 scheduleFromUi(const QString &name);
    QStringList column(const QString &sql, qint64 campaignId);
    void saveShot(QWidget *widget, const QString &file);

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<CampaignsPage> m_page;
    qint64 m_account = 0;
};

void TstCampaignAudience::init()
{
    static int n = 0;
    const QString path = m_dir.filePath(u"a%1.db"_s.arg(++n));
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &context) -> qint64 {
        const QSqlDatabase db = context.db();
        AccountRows rows(db);
        const qint64 account = rows.createOrFind(u"Shop"_s, u"AC1"_s);
        rows.createOrFindSenderNumber(account, u"+14155550100"_s, 1.0);
        exec(db, u"INSERT INTO templates (id, account_id, name) VALUES (1, ?, 'Spring')"_s,
             {account});
        exec(db, u"INSERT INTO template_versions (template_id, version, body, state, author, "
                 u"approver, approved_at) VALUES (1, 1, 'Hi {{first_name|there}}! 20% off. "
                 u"Reply STOP to opt out', 'approved', 'mia', 'lee', 1)"_s);
        for (const Seeded &c : Contacts) {
            exec(db,
                 u"INSERT INTO contacts (account_id, number, tags, text_enabled) "
                 u"VALUES (?, ?, ?, ?)"_s,
                 {account, QString::fromUtf16(c.number), QString::fromUtf16(c.tags),
                  QString::fromUtf16(c.textEnabled)});
            if (!c.optedOut)
                continue;
            ConsentEvent out;
            out.contactNumber = QString::fromUtf16(c.number);
            out.kind = ConsentEvent::Kind::OptOut;
            out.source = ConsentEvent::Source::Keyword;
            out.actor = u"system"_s;
            out.occurredAt = QDateTime::currentDateTimeUtc().addDays(-1);
            ConsentRows(db).record(account, out);
        }
        return account;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
}

void TstCampaignAudience::openPage()
{
    m_page =
        std::make_unique<CampaignsPage>(*m_reader, m_writer.get(), nullptr, m_account, u"mia"_s);
    m_page->resize(1280, 860);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TstCampaignAudience::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstCampaignAudience::saveShot(QWidget *widget, const QString &file)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + file));
    }
}

QStringList TstCampaignAudience::column(const QString &sql, qint64 campaignId)
{
    QSqlQuery q(m_reader->connection());
    q.prepare(sql);
    q.addBindValue(campaignId);
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    QStringList values;
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

qint64 TstCampaignAudience::scheduleFromUi(const QString &name)
{
    auto *list = child<QTableView>(u"campaignList"_s);
    const int before = list->model()->rowCount();
    QTest::keyClicks(child<QLineEdit>(u"campaignName"_s), name);
    QTest::mouseClick(child<QPushButton>(u"scheduleButton"_s), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return list->model()->rowCount() == before + 1; }))
        return 0;
    return list->model()->index(0, 0).data(CampaignListModel::IdRole).toLongLong();
}

void TstCampaignAudience::audienceByTagIsThePlannedRecipients()
{
    Theme::apply(*qApp);
    openPage();
    auto *editor = m_page->editor();
    QCOMPARE(editor->recipientSource(), CampaignScheduleEditor::RecipientSource::Audience);
    QTest::keyClicks(child<QLineEdit>(u"tagsEdit"_s), u"vip"_s);

    // Independently: the vip contacts that are neither opted out nor known not to take texts.
    QStringList expected;
    int matched = 0, unsubscribed = 0, notTextEnabled = 0;
    for (const Seeded &c : Contacts) {
        if (!hasVip(c))
            continue;
        ++matched;
        if (c.optedOut)
            ++unsubscribed;
        else if (QString::fromUtf16(c.textEnabled) == u"no")
            ++notTextEnabled;
        else
            expected.append(QString::fromUtf16(c.number));
    }
    auto *summary = child<QLabel>(u"audienceSummary"_s);
    QTRY_VERIFY2(
        summary->text().startsWith(u"%1 of %2 contacts"_s.arg(expected.size()).arg(matched)),
        qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(
                 u"%1: %2"_s.arg(AudiencePage::reasonLabel(SuppressionReason::Unsubscribed))
                     .arg(unsubscribed)),
             qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(
                 u"%1: %2"_s.arg(AudiencePage::reasonLabel(SuppressionReason::NotTextEnabled))
                     .arg(notTextEnabled)),
             qPrintable(summary->text()));
    std::sort(expected.begin(), expected.end());
    QStringList shown = editor->recipients();
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);
    // No quiet hours, so the preview does not depend on when the test runs.
    child<QTimeEdit>(u"quietStart"_s)->setTime(QTime(0, 0));
    child<QTimeEdit>(u"quietEnd"_s)->setTime(QTime(0, 0));
    QTRY_VERIFY2(editor->previewText().startsWith(u"%1 texts"_s.arg(expected.size())),
                 qPrintable(editor->previewText()));
    saveShot(m_page.get(), u"campaign-schedule.png"_s);

    // A last change scheduled at once, before it settled into a count, still applies.
    QTest::keyClicks(child<QLineEdit>(u"excludedTagsEdit"_s), u"staff"_s);
    for (const Seeded &c : Contacts) {
        if (QString::fromUtf16(c.tags).contains(u"\"staff\""_s))
            expected.removeAll(QString::fromUtf16(c.number));
    }
    const qint64 id = scheduleFromUi(u"VIP spring"_s);
    QVERIFY(id > 0);
    QStringList planned = column(u"SELECT contact_number FROM campaign_recipients WHERE "
                                 u"campaign_id = ? ORDER BY contact_number"_s,
                                 id);
    QCOMPARE(planned, expected);
    qApp->setStyleSheet({});
}

void TstCampaignAudience::finishAccountsForZonesAndQuietHours()
{
    // Two contacts: one where it is early afternoon now, one where it is 3 a.m. (quiet hours
    // 21:00-08:00 by default): the second waits for 08:00 in its own zone.
    const QString awake = zoneWhereItIs(13);
    const QString asleep = zoneWhereItIs(3);
    m_writer->call([&](WriterContext &context) {
        exec(context.db(),
             u"INSERT INTO contacts (account_id, number, tags, time_zone) VALUES "
             u"(?, '+14155550301', '[\"zones\"]', ?), (?, '+14155550302', '[\"zones\"]', ?)"_s,
             {m_account, awake, m_account, asleep});
    });
    openPage();
    auto *editor = m_page->editor();
    QTest::keyClicks(child<QLineEdit>(u"tagsEdit"_s), u"zones"_s);
    QTRY_COMPARE(editor->recipients().size(), 2);
    QTRY_VERIFY2(editor->previewText().contains(u"(1 wait for the end of quiet hours)"_s),
                 qPrintable(editor->previewText()));
    const qint64 previewed = editor->previewFinishMSecs();

    // Independently: 08:00 next in the sleeping recipient's zone.
    const QTimeZone zone(asleep.toUtf8());
    QVERIFY(zone.isValid());
    const QDateTime local = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    QDateTime windowOpens(local.date(), QTime(8, 0), zone);
    if (windowOpens <= local)
        windowOpens = windowOpens.addDays(1);
    QVERIFY(previewed >= windowOpens.toMSecsSinceEpoch());
    QVERIFY(editor->previewText().contains(
        QDateTime::fromMSecsSinceEpoch(previewed).toString(u"yyyy-MM-dd HH:mm"_s)));

    const qint64 id = scheduleFromUi(u"Zones"_s);
    QVERIFY(id > 0);
    const qint64 lastPlanned =
        column(u"SELECT max(planned_at) FROM campaign_recipients WHERE campaign_id = ?"_s, id)
            .value(0)
            .toLongLong();
    const qint64 stored = column(u"SELECT expected_finish_at FROM campaigns WHERE id = ?"_s, id)
                              .value(0)
                              .toLongLong();
    QCOMPARE(lastPlanned, windowOpens.toMSecsSinceEpoch());
    QCOMPARE(previewed, stored);
    // The finish is when the last text's one segment has left a 1 segment/s sender.
    QVERIFY2(previewed >= lastPlanned && previewed <= lastPlanned + 1000,
             qPrintable(u"finish %1, last planned %2"_s.arg(previewed).arg(lastPlanned)));
}

void TstCampaignAudience::listShowsProgressBars()
{
    Theme::apply(*qApp);
    // Two planned campaigns of vip contacts (no quiet hours); the first partly sent.
    const auto plan = [this](const QString &name) {
        return m_writer->call([&](WriterContext &context) -> qint64 {
            CampaignDraft d;
            d.accountId = m_account;
            d.name = name;
            d.variants = {{u"A"_s, 1, 100}};
            d.senderIds = {1};
            d.windowStartMinute = 0;
            d.windowEndMinute = 1440;
            d.createdBy = u"mia"_s;
            CampaignRows rows(context.db());
            const qint64 id = rows.createDraft(d);
            QStringList numbers;
            for (int i = 0; i < 20; ++i)
                numbers.append(u"+1415555%1"_s.arg(4000 + i));
            return rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), u"mia"_s) ? id : 0;
        });
    };
    const qint64 partly = plan(u"Half sent"_s);
    const qint64 fresh = plan(u"Not started"_s);
    QVERIFY(partly > 0 && fresh > 0);
    const int sent = 9, failed = 2;
    m_writer->call([&](WriterContext &context) {
        QSqlQuery ids = exec(context.db(),
                             u"SELECT id FROM campaign_recipients WHERE campaign_id = ? "
                             u"ORDER BY id LIMIT ?"_s,
                             {partly, sent + failed});
        QList<qint64> settled;
        while (ids.next())
            settled.append(ids.value(0).toLongLong());
        for (qsizetype i = 0; i < settled.size(); ++i)
            exec(context.db(), u"UPDATE campaign_recipients SET state = ? WHERE id = ?"_s,
                 {i < sent ? u"sent"_s : u"failed"_s, settled.at(i)});
    });
    openPage();
    auto *list = child<QTableView>(u"campaignList"_s);
    auto *model = qobject_cast<CampaignListModel *>(list->model());
    QVERIFY(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(qobject_cast<CampaignProgressDelegate *>(
        list->itemDelegateForColumn(CampaignListModel::ProgressColumn)));

    const auto count = [this](qint64 id, const QString &state) {
        return column(u"SELECT count(*) FROM campaign_recipients WHERE campaign_id = ? AND "
                      u"state = '"_s +
                          state + u"'"_s,
                      id)
            .value(0)
            .toInt();
    };
    for (const qint64 id : {partly, fresh}) {
        const QModelIndex index = model->index(model->rowOf(id), CampaignListModel::ProgressColumn);
        const int total =
            column(u"SELECT count(*) FROM campaign_recipients WHERE campaign_id = ?"_s, id)
                .value(0)
                .toInt();
        const int done = count(id, u"sent"_s) + count(id, u"failed"_s);
        QCOMPARE(index.data(CampaignListModel::SentRole).toInt(), count(id, u"sent"_s));
        QCOMPARE(index.data(CampaignListModel::FailedRole).toInt(), count(id, u"failed"_s));
        QCOMPARE(index.data(CampaignListModel::ProgressRole).toInt(), done * 100 / total);
    }
    QCOMPARE(model->index(model->rowOf(partly), 0).data(CampaignListModel::ProgressRole).toInt(),
             (sent + failed) * 100 / 20);

    // Live: one more sent shows after a refresh, as a changed row.
    m_writer->call([&](WriterContext &context) {
        exec(context.db(),
             u"UPDATE campaign_recipients SET state = 'sent' WHERE id = (SELECT min(id) FROM "
             u"campaign_recipients WHERE campaign_id = ? AND state = 'pending')"_s,
             {fresh});
    });
    m_page->refresh();
    QCOMPARE(model->index(model->rowOf(fresh), 0).data(CampaignListModel::SentRole).toInt(), 1);

    // The delegate paints a bar as long as the progress: the filled part of the half-sent row
    // differs from the untouched one's, the far end of both bars is the same empty groove.
    const auto paint = [&](qint64 id) {
        QImage image(400, 28, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.initFrom(list);
        option.rect = image.rect();
        option.widget = list;
        option.state &= ~QStyle::State_Selected;
        const QModelIndex index = model->index(model->rowOf(id), CampaignListModel::ProgressColumn);
        list->itemDelegateForColumn(CampaignListModel::ProgressColumn)
            ->paint(&painter, option, index);
        return image;
    };
    const QImage half = paint(partly);
    const QImage none = paint(fresh);
    const auto differs = [&](int x0, int x1) {
        int n = 0;
        for (int x = x0; x < x1; ++x)
            for (int y = 6; y < 22; ++y)
                n += half.pixel(x, y) != none.pixel(x, y);
        return n;
    };
    // The counts' text is centred: compare left of it and right of it.
    QVERIFY2(differs(12, 120) > 100, "the filled part of the bar was not painted");
    QCOMPARE(differs(300, 385), 0);
    list->selectRow(model->rowOf(partly));
    saveShot(m_page.get(), u"campaign-list.png"_s);
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstCampaignAudience)
#include "tst_campaignaudience.moc"
