// The Campaigns page of a desktop in a team: a campaign planned on a teammate's desktop arrives
// through the team log and shows with its live progress (the runner's progress ops move the
// bar without anyone touching the page); Cancel asks first, saying how many texts already left
// and how many will not, and once confirmed the cancel is a team op.
#include "AccountRows.h"
#include "CampaignListModel.h"
#include "CampaignProgressView.h"
#include "CampaignsPage.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TeamLogWriter.h"
#include "TeamOp.h"
#include "TeamStateRows.h"
#include "Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString Support = u"+14155550100"_s;
const QString TeamId = u"5b0c3c1e-7a52-4a53-9d51-2f4f1c9f0a11"_s;
constexpr int Recipients = 20;
} // namespace

class TstTeamCampaignsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sharedCampaignShowsLiveProgressAndCancelAsksFirst();

private:
    template<typename T>
    T *child(const QString &name)
    {
        T *w = m_page->findChild<T *>(name);
        if (!w)
            qWarning("no child %s", qPrintable(name));
        return w;
    }
    // Ops of Ana's desktop read from the log, applied as TeamLog would.
    bool applyFromLog(const QList<TeamOp> &ops);
    TeamOp op(const QString &kind, const QJsonObject &fields);
    QList<TeamOp> progress(int from, int to);
    void saveShot(QWidget *widget, const QString &file);
    QString number(int i) const { return u"+1415556%1"_s.arg(i, 4, 10, QChar(u'0')); }

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<CampaignsPage> m_page;
    qint64 m_account = 0;
    qint64 m_index = 0;
};

void TstTeamCampaignsPage::init()
{
    const QString path = m_dir.filePath(u"desk.db"_s);
    QFile::remove(path);
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_account = m_writer->call([](WriterContext &context) -> qint64 {
        AccountRows rows(context.db());
        const qint64 account = rows.createOrFind(u"Shop"_s, u"AC1"_s);
        rows.createOrFindSenderNumber(account, Support, 1.0);
        QSqlQuery q(context.db());
        q.exec(u"INSERT INTO templates (account_id, name, team_id) VALUES (1, 'Spring', "
               u"'tpl-spring')"_s);
        q.exec(u"INSERT INTO template_versions (template_id, version, body, state, author, "
               u"approver, approved_at) VALUES (1, 1, 'Spring sale: 20% off. Reply STOP to opt "
               u"out', 'approved', 'mia', 'lee', 1)"_s);
        TeamStateRows(context.db()).join(account, u"ag-sam"_s, u"desk-sam"_s);
        // The roster as the members' joins left it: every applier checks the maker's role.
        for (const auto &[agent, name] :
             {std::pair{u"ag-sam"_s, u"Sam"_s}, std::pair{u"ag-ana"_s, u"Ana"_s}}) {
            q.prepare(u"INSERT INTO team_agents (account_id, agent_id, name, role, active, "
                      u"joined_at) VALUES (?, ?, ?, 'marketer', 1, 0)"_s);
            q.addBindValue(account);
            q.addBindValue(agent);
            q.addBindValue(name);
            q.exec();
        }
        return account;
    });
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
    m_index = 0;
    m_page =
        std::make_unique<CampaignsPage>(*m_reader, m_writer.get(), nullptr, m_account, u"Sam"_s);
    m_page->resize(1200, 620);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TstTeamCampaignsPage::cleanup()
{
    m_page.reset();
    m_reader.reset();
    m_writer.reset();
}

void TstTeamCampaignsPage::saveShot(QWidget *widget, const QString &file)
{
    const QPixmap shot = widget->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u'/' + file));
    }
}

TeamOp TstTeamCampaignsPage::op(const QString &kind, const QJsonObject &fields)
{
    TeamOp o;
    o.id = u"op-%1"_s.arg(m_index);
    o.agent = u"ag-ana"_s;
    o.desk = u"desk-ana"_s;
    o.at = QDateTime::currentMSecsSinceEpoch();
    o.kind = kind;
    o.target = TeamId;
    o.fields = fields;
    o.fields.insert(u"by"_s, u"Ana"_s);
    return o;
}

bool TstTeamCampaignsPage::applyFromLog(const QList<TeamOp> &ops)
{
    QList<TeamLogWriter::LogItem> items;
    for (const TeamOp &o : ops)
        items.append({m_index++, o.toJson()});
    const qint64 account = m_account;
    // Posted like TeamLog's own jobs: the page hears of it through the change feed.
    bool done = false;
    bool ok = false;
    m_writer->post(
        [account, items](WriterContext &context) {
            return TeamLogWriter(context.db()).applyItems(account, items).has_value();
        },
        m_page.get(),
        [&](bool applied) {
            ok = applied;
            done = true;
        });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok;
}

QList<TeamOp> TstTeamCampaignsPage::progress(int from, int to)
{
    QJsonArray rows;
    for (int i = from; i < to; ++i)
        rows.append(QJsonArray{number(i), u"sent"_s, u""_s, u"SM%1"_s.arg(i)});
    return {op(u"campaign.progress"_s, {{u"field"_s, u"progress"_s}, {u"rows"_s, rows}})};
}

void TstTeamCampaignsPage::sharedCampaignShowsLiveProgressAndCancelAsksFirst()
{
    Theme::apply(*qApp);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QJsonArray rows;
    for (int i = 0; i < Recipients; ++i)
        rows.append(QJsonArray{number(i), u"A"_s, Support, now + i * 1000, now + 86'400'000});
    const QJsonArray variants{QJsonObject{{u"label"_s, u"A"_s},
                                          {u"template"_s, u"tpl-spring"_s},
                                          {u"version"_s, 1},
                                          {u"percent"_s, 100}}};
    QVERIFY(applyFromLog(
        {op(u"campaign.put"_s, {{u"field"_s, u"definition"_s},
                                {u"name"_s, u"Spring sale"_s},
                                {u"status"_s, u"scheduled"_s},
                                {u"schedule_kind"_s, u"now"_s},
                                {u"account_zone"_s, u"UTC"_s},
                                {u"window_start"_s, 0},
                                {u"window_end"_s, 1440},
                                {u"created_by"_s, u"Ana"_s},
                                {u"expected_finish_at"_s, now + 20'000},
                                {u"variants"_s, variants},
                                {u"senders"_s, QJsonArray{Support}},
                                {u"recipients"_s, Recipients},
                                {u"parts"_s, 1}}),
         op(u"campaign.recipients"_s,
            {{u"field"_s, u"recipients"_s}, {u"part"_s, 0}, {u"parts"_s, 1}, {u"rows"_s, rows}}),
         op(u"campaign.state"_s,
            {{u"field"_s, u"status.auto"_s}, {u"status"_s, u"running"_s}, {u"auto"_s, true}})}));
    QVERIFY(applyFromLog(progress(0, 7)));
    // It shows on this desktop as Ana's desktop runs it.
    auto *list = child<QTableView>(u"campaignList"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, CampaignListModel::NameColumn).data().toString(),
             u"Spring sale"_s);
    list->selectRow(0);
    auto *bar = child<QProgressBar>(u"progressBar"_s);
    auto *state = child<QLabel>(u"campaignState"_s);
    QTRY_COMPARE(bar->value(), 7);
    QVERIFY2(state->text().startsWith(u"running"_s), qPrintable(state->text()));
    // Live: the runner's next progress op moves it, nobody touched the page.
    QVERIFY(applyFromLog(progress(7, 12)));
    QTRY_COMPARE(bar->value(), 12);
    QCOMPARE(bar->format(), u"12 of 20"_s);
    saveShot(m_page.get(), u"campaigns-team-progress.png"_s);

    // Cancel asks first, with the counts; "Keep sending" changes nothing.
    QTest::mouseClick(child<QPushButton>(u"cancelButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(u"cancelConfirmation"_s)) &&
                box->isVisible());
    QCOMPARE(box->text(), u"Cancel campaign Spring sale? 12 of 20 texts have already been sent; "
                          u"the other 8 will not be sent."_s);
    saveShot(box, u"campaign-cancel-confirmation.png"_s);
    QTest::mouseClick(box->findChild<QAbstractButton *>(u"keepSendingButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<QMessageBox *>(u"cancelConfirmation"_s));
    QVERIFY(state->text().startsWith(u"running"_s));
    const auto queued = [this] {
        return m_writer->call([](WriterContext &context) {
            QSqlQuery q(u"SELECT count(*) FROM team_outbox WHERE json_extract(op, '$.kind') = "
                        u"'campaign.state' AND json_extract(op, '$.fields.status') = 'canceled'"_s,
                        context.db());
            return q.next() ? q.value(0).toInt() : -1;
        });
    };
    QCOMPARE(queued(), 0);

    QTest::mouseClick(child<QPushButton>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(u"cancelConfirmation"_s)) &&
                box->isVisible());
    QTest::mouseClick(box->findChild<QAbstractButton *>(u"confirmCancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY2(state->text().startsWith(u"canceled · 12 of 20 sent before the cancel"_s),
                 qPrintable(state->text()));
    // A team op: every desktop applies it, the one running it stops at its next tick.
    QCOMPARE(queued(), 1);
    QVERIFY(!child<QPushButton>(u"cancelButton"_s)->isEnabled());
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstTeamCampaignsPage)
#include "tst_teamcampaignspage.moc"
