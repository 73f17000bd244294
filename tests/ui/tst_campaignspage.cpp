// CampaignsPage driven like a marketer would: fill the schedule editor, schedule, watch the
// counts move as the (fake) outbox reports sends, pause. Also CampaignListModel's contract.
#include "AccountRows.h"
#include "CampaignListModel.h"
#include "CampaignRunner.h"
#include "CampaignScheduleEditor.h"
#include "CampaignsPage.h"
#include "ConsentRows.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "Theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

class TstCampaignsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scheduleWatchAndPause();
    void listModelContract();
    void voiceOnlyNumberNotInSenderPool();
    void oneTextIsSingular();
    void nothingIsWrongBeforeAnyInput();
    void addVariantSplitsEvenly();
    void timeZoneIsShownBesideTheTime();
    void pastedNumbersNeedARecordedOptInByDefault();
    void stateColumnFitsEveryState();

private:
    template<typename T>
    T *child(const QString &name)
    {
        T *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    void sendAdopted(int count);
    // Records an opt-in for each number, as a signup form would.
    void optIn(const QStringList &numbers);
    void saveShot(const QString &file);

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<CampaignRunner> m_runner;
    std::unique_ptr<CampaignsPage> m_page;
    QList<qint64> m_adopted;
    qint64 m_account = 0;
};

void TstCampaignsPage::init()
{
    static int n = 0;
    const QString path = m_dir.filePath(u"p%1.db"_s.arg(++n));
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &context) -> qint64 {
        AccountRows rows(context.db());
        const qint64 account = rows.createOrFind(u"Shop"_s, u"AC1"_s);
        rows.createOrFindSenderNumber(account, u"+14155550100"_s, 1.0);
        rows.createOrFindSenderNumber(account, u"+18005550199"_s, 3.0, u"toll_free"_s);
        QSqlQuery q(context.db());
        q.exec(u"INSERT INTO templates (account_id, name) VALUES (1, 'Spring')"_s);
        q.exec(u"INSERT INTO template_versions (template_id, version, body, state, author, "
               "approver, approved_at) VALUES (1, 1, 'Hi {{first_name|there}}! 20% off this "
               "week. Reply STOP to opt out', 'approved', 'mia', 'lee', 1), (1, 2, 'Spring sale: "
               "20% off. Reply STOP to opt out', 'approved', 'mia', 'lee', 1)"_s);
        return account;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
    m_adopted.clear();
    m_runner = std::make_unique<CampaignRunner>(m_writer.get(), m_account,
                                                [this](const QList<qint64> &ids) {
                                                    // Adopting is idempotent, as Outbox::adopt is:
                                                    // start() hands over again what the outbox may
                                                    // already hold.
                                                    for (qint64 id : ids) {
                                                        if (!m_adopted.contains(id))
                                                            m_adopted.append(id);
                                                    }
                                                });
    m_page = std::make_unique<CampaignsPage>(*m_reader, m_writer.get(), m_runner.get(), m_account,
                                             u"mia"_s);
    m_page->resize(1200, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TstCampaignsPage::cleanup()
{
    m_page.reset();
    m_runner.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstCampaignsPage::saveShot(const QString &file)
{
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + file));
    }
}

void TstCampaignsPage::optIn(const QStringList &numbers)
{
    const qint64 account = m_account;
    QVERIFY(m_writer->call([&numbers, account](WriterContext &context) {
        ConsentRows rows(context.db());
        for (const QString &number : numbers) {
            ConsentEvent event;
            event.contactNumber = number;
            event.kind = ConsentEvent::Kind::OptIn;
            event.source = ConsentEvent::Source::Form;
            event.optInCopy = u"Text me offers"_s;
            event.actor = u"form"_s;
            event.occurredAt = QDateTime::currentDateTimeUtc().addDays(-1);
            if (!rows.record(account, event))
                return false;
        }
        return true;
    }));
}

// What the outbox would do: the provider accepted these, the runner hears about it.
void TstCampaignsPage::sendAdopted(int count)
{
    const QList<qint64> ids = m_adopted.mid(0, count);
    m_writer->call([&ids](WriterContext &context) {
        QSqlQuery q(context.db());
        for (qint64 id : ids) {
            q.prepare(u"UPDATE messages SET provider_sid = :sid, status = 'sent' WHERE id = :id"_s);
            q.bindValue(u":sid"_s, u"SM%1"_s.arg(id));
            q.bindValue(u":id"_s, id);
            q.exec();
        }
    });
    for (qint64 id : ids)
        m_runner->messageFinished(id);
}

void TstCampaignsPage::scheduleWatchAndPause()
{
    Theme::apply(*qApp);
    QTest::keyClicks(child<QLineEdit>(u"campaignName"_s), u"Spring sale"_s);
    QStringList numbers;
    for (int i = 0; i < 40; ++i)
        numbers.append(u"+1415555%1"_s.arg(3000 + i));
    optIn(numbers);
    QTest::mouseClick(child<QRadioButton>(u"recipientsFromNumbers"_s), Qt::LeftButton);
    child<QPlainTextEdit>(u"recipients"_s)->setPlainText(numbers.join(u'\n'));
    auto *preview = child<QLabel>(u"planPreview"_s);
    QTRY_VERIFY2(preview->text().contains(u"Expected finish"_s), qPrintable(preview->text()));
    QVERIFY(preview->text().startsWith(u"40 texts, 0 held out"_s));
    saveShot(u"campaign-schedule-numbers.png"_s);
    // Quiet hours would hold everything back when this runs at night in New York: none here.
    child<QTimeEdit>(u"quietStart"_s)->setTime(QTime(0, 0));
    child<QTimeEdit>(u"quietEnd"_s)->setTime(QTime(0, 0));

    QTest::mouseClick(child<QPushButton>(u"scheduleButton"_s), Qt::LeftButton);
    auto *list = child<QTableView>(u"campaignList"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    auto *state = child<QLabel>(u"campaignState"_s);
    QTRY_VERIFY(state->isVisible());
    // Scheduling kicks the runner: a "send now" campaign starts at once.
    QTRY_VERIFY2(state->text().startsWith(u"running"_s), qPrintable(state->text()));

    QVERIFY(m_runner->start());
    QTRY_VERIFY(!m_adopted.isEmpty());
    const int sent = int(m_adopted.size());
    sendAdopted(sent);
    auto *counts = child<QTableWidget>(u"countsTable"_s);
    const auto totalSent = [counts] {
        const int last = counts->rowCount() - 1;
        return last < 0 || !counts->item(last, 2) ? -1 : counts->item(last, 2)->text().toInt();
    };
    QTRY_COMPARE(totalSent(), sent);
    QTRY_COMPARE(child<QProgressBar>(u"progressBar"_s)->value(), sent);
    QVERIFY(state->text().startsWith(u"running"_s));
    saveShot(u"campaign-progress.png"_s);

    QTest::mouseClick(child<QPushButton>(u"pauseButton"_s), Qt::LeftButton);
    QTRY_VERIFY2(state->text().startsWith(u"paused"_s), qPrintable(state->text()));
    QVERIFY(child<QPushButton>(u"resumeButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(u"pauseButton"_s)->isEnabled());
    QCOMPARE(list->model()->index(0, CampaignListModel::StateColumn).data().toString(),
             u"paused"_s);
    qApp->setStyleSheet({});
}

void TstCampaignsPage::listModelContract()
{
    CampaignListModel model(m_reader->connection(), m_account);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const auto make = [this](const QString &name) {
        return m_writer->call([&](WriterContext &context) {
            CampaignDraft d;
            d.accountId = m_account;
            d.name = name;
            d.variants = {{u"A"_s, 1, 100}};
            d.senderIds = {1};
            d.createdBy = u"mia"_s;
            return CampaignRows(context.db()).createDraft(d);
        });
    };
    const qint64 first = make(u"One"_s);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 1);
    const qint64 second = make(u"Two"_s);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.refresh());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(0, 0).data(CampaignListModel::IdRole).toLongLong(), second);
    QCOMPARE(model.rowOf(first), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    m_writer->call([&](WriterContext &context) {
        return CampaignRows(context.db())
            .transition(first, CampaignState::State::Canceled, u"mia"_s, 0);
    });
    QVERIFY(model.refresh());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, CampaignListModel::StateColumn).data().toString(), u"canceled"_s);
}

void TstCampaignsPage::voiceOnlyNumberNotInSenderPool()
{
    // A number the provider lists for voice only: every text from it would fail (21606).
    m_writer->call([](WriterContext &context) {
        AccountRows rows(context.db());
        rows.createOrFindSenderNumber(1, u"+14155550123"_s, 1.0);
        QSqlQuery q(context.db());
        q.exec(u"UPDATE sender_numbers SET capabilities = '{\"sms\":false,\"voice\":true}' "
               u"WHERE number = '+14155550123'"_s);
    });
    QTest::mouseClick(child<QPushButton>(u"newCampaignButton"_s), Qt::LeftButton);
    auto *pool = child<QListWidget>(u"senderPool"_s);
    QVERIFY(pool);
    QCOMPARE(pool->count(), 2);
    for (int i = 0; i < pool->count(); ++i)
        QVERIFY2(!pool->item(i)->text().contains(u"+14155550123"_s),
                 qPrintable(pool->item(i)->text()));
}

void TstCampaignsPage::oneTextIsSingular()
{
    optIn({u"+14155553000"_s});
    QTest::keyClicks(child<QLineEdit>(u"campaignName"_s), u"Just one"_s);
    QTest::mouseClick(child<QRadioButton>(u"recipientsFromNumbers"_s), Qt::LeftButton);
    child<QPlainTextEdit>(u"recipients"_s)->setPlainText(u"+14155553000"_s);
    auto *preview = child<QLabel>(u"planPreview"_s);
    QTRY_VERIFY2(preview->text().contains(u"Expected finish"_s), qPrintable(preview->text()));
    QVERIFY2(preview->text().startsWith(u"1 text, 0 held out"_s), qPrintable(preview->text()));
}

void TstCampaignsPage::nothingIsWrongBeforeAnyInput()
{
    // The form used to greet a newcomer with "variant A: there is no template version 0".
    const QString text = child<QLabel>(u"planPreview"_s)->text();
    QVERIFY2(!text.contains(u"version 0"_s) && !text.contains(u"there is no"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Name the campaign"_s), qPrintable(text));
    QTest::mouseClick(child<QPushButton>(u"addVariant"_s), Qt::LeftButton);
    saveShot(u"campaign-form-empty.png"_s);
    QTest::mouseClick(child<QRadioButton>(u"schedule_account_time"_s), Qt::LeftButton);
    // Once there is input, a real problem is named.
    QTest::mouseClick(child<QRadioButton>(u"recipientsFromNumbers"_s), Qt::LeftButton);
    child<QPlainTextEdit>(u"recipients"_s)->setPlainText(u"+14155553000"_s);
    child<QCheckBox>(u"requireOptIn"_s)->setChecked(false);
    auto *pool = child<QListWidget>(u"senderPool"_s);
    for (int i = 0; i < pool->count(); ++i)
        pool->item(i)->setCheckState(Qt::Unchecked);
    QTRY_VERIFY2(child<QLabel>(u"planPreview"_s)->text().contains(u"sender number"_s),
                 qPrintable(child<QLabel>(u"planPreview"_s)->text()));
}

void TstCampaignsPage::addVariantSplitsEvenly()
{
    auto *variants = child<QTableWidget>(u"variants"_s);
    const auto splits = [variants] {
        QList<int> values;
        for (int row = 0; row < variants->rowCount(); ++row)
            values.append(qobject_cast<QSpinBox *>(variants->cellWidget(row, 1))->value());
        return values;
    };
    QCOMPARE(splits(), QList<int>{100});
    QTest::mouseClick(child<QPushButton>(u"addVariant"_s), Qt::LeftButton);
    QCOMPARE(splits(), (QList<int>{50, 50}));
    // The second variant offers the other template version, not the same one again.
    QVERIFY(qobject_cast<QComboBox *>(variants->cellWidget(1, 0))->currentIndex() == 1);
    QTest::mouseClick(child<QPushButton>(u"addVariant"_s), Qt::LeftButton);
    QCOMPARE(splits(), (QList<int>{34, 33, 33}));
    optIn({u"+14155553000"_s, u"+14155553001"_s});
    QTest::keyClicks(child<QLineEdit>(u"campaignName"_s), u"A/B"_s);
    QTest::mouseClick(child<QRadioButton>(u"recipientsFromNumbers"_s), Qt::LeftButton);
    child<QPlainTextEdit>(u"recipients"_s)->setPlainText(u"+14155553000\n+14155553001"_s);
    auto *preview = child<QLabel>(u"planPreview"_s);
    QTRY_VERIFY2(preview->text().contains(u"Expected finish"_s), qPrintable(preview->text()));
    QVERIFY2(!preview->text().contains(u"add up to"_s), qPrintable(preview->text()));
}

void TstCampaignsPage::timeZoneIsShownBesideTheTime()
{
    auto *zone = child<QLabel>(u"scheduleZone"_s);
    QVERIFY(zone);
    const QString id = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    QVERIFY2(zone->text().contains(id), qPrintable(zone->text() + u" / "_s + id));
    QVERIFY(zone->isVisible());
    QTest::mouseClick(child<QRadioButton>(u"schedule_account_time"_s), Qt::LeftButton);
    m_page->editor()->setAccountZone(u"Europe/Berlin"_s);
    QVERIFY2(zone->text().startsWith(u"Europe/Berlin time"_s), qPrintable(zone->text()));
}

void TstCampaignsPage::pastedNumbersNeedARecordedOptInByDefault()
{
    auto *requireOptIn = child<QCheckBox>(u"requireOptIn"_s);
    QVERIFY(requireOptIn->isChecked());
    optIn({u"+14155553000"_s});
    QTest::keyClicks(child<QLineEdit>(u"campaignName"_s), u"Pasted"_s);
    QTest::mouseClick(child<QRadioButton>(u"recipientsFromNumbers"_s), Qt::LeftButton);
    child<QPlainTextEdit>(u"recipients"_s)
        ->setPlainText(u"+14155553000\n+14155553001\n+14155553002"_s);
    child<QTimeEdit>(u"quietStart"_s)->setTime(QTime(0, 0));
    child<QTimeEdit>(u"quietEnd"_s)->setTime(QTime(0, 0));
    auto *preview = child<QLabel>(u"planPreview"_s);
    QTRY_VERIFY2(preview->text().contains(u"Expected finish"_s), qPrintable(preview->text()));
    QVERIFY2(preview->text().startsWith(u"2 of 3 numbers have no recorded opt-in"_s),
             qPrintable(preview->text()));
    QVERIFY2(preview->text().contains(u"1 text, 0 held out"_s), qPrintable(preview->text()));
    saveShot(u"campaign-schedule-optin.png"_s);
    QTest::mouseClick(child<QPushButton>(u"scheduleButton"_s), Qt::LeftButton);
    auto *list = child<QTableView>(u"campaignList"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QSqlQuery q(m_reader->connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM campaign_recipients"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TstCampaignsPage::stateColumnFitsEveryState()
{
    auto *list = child<QTableView>(u"campaignList"_s);
    const int width = list->columnWidth(CampaignListModel::StateColumn);
    for (const auto state : {CampaignState::State::Draft, CampaignState::State::Scheduled,
                             CampaignState::State::Running, CampaignState::State::Paused,
                             CampaignState::State::Completed, CampaignState::State::Canceled}) {
        const QString text = CampaignState::toString(state);
        QVERIFY2(list->fontMetrics().horizontalAdvance(text) + 8 <= width,
                 qPrintable(u"%1 in %2 px"_s.arg(text).arg(width)));
    }
}

QTEST_MAIN(TstCampaignsPage)
#include "tst_campaignspage.moc"
