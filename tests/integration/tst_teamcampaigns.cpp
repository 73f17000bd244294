// Campaigns across a team: three profiles of one account on one sandbox, two of them running
// `smsdesk-cli serve` (A and B: either may run a campaign), the third (C) a marketer using the
// command line. A campaign made on one appears on every desktop with its progress; only the
// holder of its lease sends; the holder SIGKILLed mid-campaign is taken over within the lease
// and the provider ends with exactly the planned texts, none twice; a pause on C stops the
// runner; a cancel on C leaves exactly the texts already posted. Texts are counted through the
// provider's Messages list.
#include "CampaignCommands.h"
#include "CampaignRows.h"
#include "DeskCli.h"
#include "SandboxProcess.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Sales = u"+14155550101"_s;
const QString TemplateTeamId = u"tpl-team-spring"_s;
constexpr int Desks = 3;
constexpr int Services = 2; // A and B run serve; C is a marketer's command line
constexpr int LeaseMs = 8000;

} // namespace

class TstTeamCampaigns : public QObject
{
    Q_OBJECT

public:
    TstTeamCampaigns()
    {
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", "900000");
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void campaignAppearsEverywhereWithProgress();
    void killedRunnerIsTakenOverWithoutDuplicates();
    void pauseOnAnotherDesktopStopsTheRunner();
    void cancelLeavesExactlyTheTextsAlreadyPosted();

private:
    CliRun cli(const QStringList &arguments);
    QStringList account(int desk) const;
    QString profile(int desk) const { return m_dir.filePath(u"desk%1.sqlite"_s.arg(desk)); }
    QString logPath(int desk) const { return m_dir.filePath(u"serve%1.log"_s.arg(desk)); }
    QString logOf(int desk) const;
    bool addTemplate(int desk);
    bool startServe(int desk);
    void signalServe(int desk, int signal);
    // Plans a campaign on C (its command service, as the desktop would) for `count` numbers
    // starting at `first`, and shares it with `team sync`; returns its team id.
    QString planOnC(const QString &name, int first, int count);
    QStringList numbers(int first, int count) const;
    // Our texts at the provider to these numbers (its Messages list, every page): one entry
    // per message.
    QStringList atProvider(const QStringList &to);
    QVariant read(int desk, const QString &sql, const QVariantList &values = {});
    // campaign show on C (reads the team log first): the value of one line.
    QString shownOnC(const QString &teamId, const QString &field);
    // The serve that has texted the campaign from its own outbox ('' none yet).
    int runnerOf(const QString &teamId);

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    std::array<QProcess, Services> m_serve;
};

CliRun TstTeamCampaigns::cli(const QStringList &arguments)
{
    return DeskCli::run(m_sandbox, arguments);
}

QStringList TstTeamCampaigns::account(int desk) const
{
    return DeskCli::account(m_sandbox, profile(desk));
}

QString TstTeamCampaigns::logOf(int desk) const
{
    return DeskCli::readLog(logPath(desk));
}

QVariant TstTeamCampaigns::read(int desk, const QString &sql, const QVariantList &values)
{
    return DeskCli::read(profile(desk), sql, values);
}

bool TstTeamCampaigns::addTemplate(int desk)
{
    // The approved template every desktop has from the team log (shared templates are tested
    // apart): the same team id and version everywhere. Texting around the clock at 1 text/s.
    StoreWriter writer(profile(desk));
    if (!writer.open())
        return false;
    return writer.call([](WriterContext &context) {
        QSqlQuery q(context.db());
        return q.exec(u"INSERT INTO templates (account_id, name, team_id) SELECT id, 'Promo', "
                      u"'%1' FROM accounts"_s.arg(TemplateTeamId)) &&
               q.exec(u"INSERT INTO template_versions (template_id, version, body, state, author, "
                      u"approver, approved_at) SELECT id, 1, 'Spring sale today. Reply STOP to "
                      u"opt out', 'approved', 'mia', 'lee', 1 FROM templates"_s) &&
               q.exec(u"UPDATE sender_numbers SET throughput_mps = 1"_s);
    });
}

bool TstTeamCampaigns::startServe(int desk)
{
    QProcessEnvironment env;
    env.insert(u"SMSDESK_CAMPAIGN_LEASE_MS"_s, QString::number(LeaseMs));
    env.insert(u"SMSDESK_CLAIM_LEASE_MS"_s, QString::number(LeaseMs));
    return DeskCli::startServe(m_serve.at(desk), m_sandbox, account(desk), logPath(desk), env);
}

void TstTeamCampaigns::signalServe(int desk, int signal)
{
    DeskCli::signalProcess(m_serve.at(desk), signal);
}

QStringList TstTeamCampaigns::numbers(int first, int count) const
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list.append(u"+1415556%1"_s.arg(first + i, 4, 10, QChar(u'0')));
    return list;
}

QString TstTeamCampaigns::planOnC(const QString &name, int first, int count)
{
    QString teamId;
    {
        StoreWriter writer(profile(2));
        if (!writer.open())
            return {};
        const auto ids = writer.call([](WriterContext &context) {
            return std::tuple(
                StoreTestUtil::scalar(context.db(), u"SELECT id FROM accounts"_s).toLongLong(),
                StoreTestUtil::scalar(context.db(), u"SELECT id FROM template_versions"_s)
                    .toLongLong(),
                StoreTestUtil::scalar(
                    context.db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {Support})
                    .toLongLong(),
                StoreTestUtil::scalar(context.db(),
                                      u"SELECT id FROM sender_numbers WHERE number = ?"_s, {Sales})
                    .toLongLong());
        });
        const auto [accountId, version, support, sales] = ids;
        CampaignDraft d;
        d.name = name;
        d.variants = {{u"A"_s, version, 100}};
        d.senderIds = {support, sales};
        d.windowStartMinute = 0;
        d.windowEndMinute = 1440;
        CampaignCommands commands(&writer, accountId, u"Lee"_s);
        QEventLoop loop;
        CommandResult planned;
        commands.schedule(d, numbers(first, count), [&](const CommandResult &result) {
            planned = result;
            loop.quit();
        });
        loop.exec();
        if (!planned.ok) {
            qWarning("plan refused: %s", qPrintable(planned.error));
            return {};
        }
        const qint64 id = planned.id;
        teamId = writer.call([id](WriterContext &context) {
            return context.repo<CampaignRows>()
                .summary(id)
                .value_or(CampaignRows::Summary{})
                .teamId;
        });
    }
    const CliRun synced = cli(QStringList{u"team"_s, u"sync"_s} + account(2));
    if (synced.exitCode != 0) {
        qWarning("team sync: %s", qPrintable(synced.err));
        return {};
    }
    return teamId;
}

QStringList TstTeamCampaigns::atProvider(const QStringList &to)
{
    const QSet<QString> wanted(to.cbegin(), to.cend());
    QStringList found;
    for (const QString &from : {Support, Sales}) {
        QString next = m_sandbox.client->account(u"/Messages.json"_s) +
                       SandboxClient::query({{u"From"_s, from}, {u"PageSize"_s, u"1000"_s}});
        while (!next.isEmpty()) {
            const HttpResult page = m_sandbox.client->get(next);
            if (page.status != 200)
                return {u"error"_s};
            for (const QJsonValue &message : page.json.value(u"messages"_s).toArray()) {
                const QString number = message[u"to"_s].toString();
                if (wanted.contains(number))
                    found.append(number);
            }
            next = page.json.value(u"next_page_uri"_s).toString();
        }
    }
    found.sort();
    return found;
}

QString TstTeamCampaigns::shownOnC(const QString &teamId, const QString &field)
{
    const CliRun shown = cli(QStringList{u"campaign"_s, u"show"_s, teamId} + account(2));
    for (const QString &line : shown.out.split(u'\n')) {
        if (line.startsWith(field + u'\t'))
            return line.section(u'\t', 1);
    }
    return {};
}

int TstTeamCampaigns::runnerOf(const QString &teamId)
{
    for (int desk = 0; desk < Services; ++desk) {
        if (read(desk,
                 u"SELECT count(*) FROM messages WHERE client_ref LIKE ? AND provider_sid "
                 u"IS NOT NULL"_s,
                 {QVariant(u"campaign:"_s + teamId + u":%"_s)})
                .toInt() > 0)
            return desk;
    }
    return -1;
}

void TstTeamCampaigns::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("SMSDESK_TEST_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("keeping %s", qPrintable(m_dir.path()));
    }
    QVERIFY(m_sandbox.start());
    const QStringList names = {u"Ana"_s, u"Sam"_s, u"Lee"_s};
    const QStringList roles = {u"admin"_s, u"marketer"_s, u"marketer"_s};
    for (int desk = 0; desk < Desks; ++desk) {
        const CliRun synced = cli(QStringList{u"sync"_s} + account(desk));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const CliRun joined = cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, names.at(desk),
                                              u"--role"_s, roles.at(desk)} +
                                  account(desk));
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        QVERIFY(addTemplate(desk));
    }
    for (int desk = 0; desk < Services; ++desk)
        QVERIFY2(startServe(desk), qPrintable(logOf(desk)));
}

void TstTeamCampaigns::cleanupTestCase()
{
    for (int desk = 0; desk < Services; ++desk)
        signalServe(desk, SIGTERM);
    m_sandbox.stop();
}

void TstTeamCampaigns::campaignAppearsEverywhereWithProgress()
{
    const QStringList to = numbers(0, 12);
    const QString teamId = planOnC(u"Welcome"_s, 0, 12);
    QVERIFY(!teamId.isEmpty());
    // Both services have it, and one of them sends it.
    const QString sql = u"SELECT count(*) FROM campaigns WHERE team_id = ?"_s;
    QVERIFY(QTest::qWaitFor([&] { return read(0, sql, {teamId}).toInt() == 1; }, 60000));
    QVERIFY(QTest::qWaitFor([&] { return read(1, sql, {teamId}).toInt() == 1; }, 60000));
    // Progress while it runs reaches C (it reads the log before it shows).
    QVERIFY(QTest::qWaitFor(
        [&] {
            const int sent = shownOnC(teamId, u"sent"_s).toInt();
            return sent > 0;
        },
        120000));
    QVERIFY2(
        QTest::qWaitFor([&] { return shownOnC(teamId, u"state"_s) == u"completed"_s; }, 180000),
        qPrintable(logOf(0) + logOf(1)));
    QCOMPARE(shownOnC(teamId, u"sent"_s), u"12"_s);
    const QStringList sent = atProvider(to);
    QCOMPARE(sent, to); // each once
    // Both services show the same, whichever sent it.
    const QString counts = u"SELECT c.status || ':' || sum(r.state = 'sent') FROM campaigns c "
                           u"JOIN campaign_recipients r ON r.campaign_id = c.id WHERE "
                           u"c.team_id = ?"_s;
    for (int desk = 0; desk < Services; ++desk)
        QVERIFY(QTest::qWaitFor(
            [&] { return read(desk, counts, {teamId}).toString() == u"completed:12"_s; }, 60000));
    QVERIFY(runnerOf(teamId) >= 0);
}

void TstTeamCampaigns::killedRunnerIsTakenOverWithoutDuplicates()
{
    const QStringList to = numbers(100, 30);
    const QString teamId = planOnC(u"Flash sale"_s, 100, 30);
    QVERIFY(!teamId.isEmpty());
    // Mid-campaign: some texts out, most not.
    QVERIFY(QTest::qWaitFor([&] { return atProvider(to).size() >= 6; }, 120000));
    const int runner = runnerOf(teamId);
    QVERIFY(runner >= 0);
    const qsizetype before = atProvider(to).size();
    QVERIFY(before < to.size());
    qInfo("SIGKILL serve %d after %lld of %lld texts", runner, qlonglong(before),
          qlonglong(to.size()));
    signalServe(runner, SIGKILL);
    const int other = 1 - runner;
    // The other takes it over once the lease ran out, looks at the provider first, finishes.
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return read(other, u"SELECT status FROM campaigns WHERE team_id = ?"_s,
                                 {teamId})
                                .toString() == u"completed"_s;
                 },
                 240000),
             qPrintable(logOf(other)));
    QVERIFY(logOf(other).contains(u"took campaign"_s));
    const QStringList sent = atProvider(to);
    QCOMPARE(sent.size(), to.size());
    QCOMPARE(sent, to); // every one, none twice
    QVERIFY2(startServe(runner), qPrintable(logOf(runner)));
    // Back, the killed one agrees: completed, every text sent.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return read(runner,
                        u"SELECT c.status || ':' || sum(r.state = 'sent') FROM campaigns c JOIN "
                        u"campaign_recipients r ON r.campaign_id = c.id WHERE c.team_id = ?"_s,
                        {teamId})
                       .toString() == u"completed:30"_s;
        },
        120000));
    QCOMPARE(atProvider(to).size(), to.size());
}

void TstTeamCampaigns::pauseOnAnotherDesktopStopsTheRunner()
{
    const QStringList to = numbers(200, 40);
    const QString teamId = planOnC(u"Pause me"_s, 200, 40);
    QVERIFY(!teamId.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return atProvider(to).size() >= 4; }, 120000));
    const CliRun paused = cli(QStringList{u"campaign"_s, u"pause"_s, teamId} + account(2));
    QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
    const int runner = runnerOf(teamId);
    QVERIFY(runner >= 0);
    // The runner obeys at its next cycle: paused there, nothing left with its outbox.
    const QString state = u"SELECT c.status || ':' || sum(r.state = 'sending') FROM campaigns c "
                          u"JOIN campaign_recipients r ON r.campaign_id = c.id WHERE "
                          u"c.team_id = ?"_s;
    QVERIFY(QTest::qWaitFor(
        [&] { return read(runner, state, {teamId}).toString() == u"paused:0"_s; }, 60000));
    const qsizetype out = atProvider(to).size();
    QVERIFY(out < to.size());
    // Nothing more leaves while it is paused (several of the runners' ticks and log cycles).
    QTest::qWait(6000);
    QCOMPARE(atProvider(to).size(), out);
    const CliRun resumed = cli(QStringList{u"campaign"_s, u"resume"_s, teamId} + account(2));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QVERIFY(QTest::qWaitFor([&] { return atProvider(to).size() == to.size(); }, 180000));
    QCOMPARE(atProvider(to), to);
}

void TstTeamCampaigns::cancelLeavesExactlyTheTextsAlreadyPosted()
{
    const QStringList to = numbers(300, 40);
    const QString teamId = planOnC(u"Cancel me"_s, 300, 40);
    QVERIFY(!teamId.isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return atProvider(to).size() >= 4; }, 120000));
    const CliRun canceled = cli(QStringList{u"campaign"_s, u"cancel"_s, teamId} + account(2));
    QVERIFY2(canceled.exitCode == 0, qPrintable(canceled.err));
    QVERIFY2(canceled.out.contains(u"already sent; the others will not be sent"_s),
             qPrintable(canceled.out));
    const int runner = runnerOf(teamId);
    QVERIFY(runner >= 0);
    const QString state = u"SELECT c.status || ':' || sum(r.state = 'sending') || ':' || "
                          u"sum(r.state = 'sent') FROM campaigns c JOIN campaign_recipients r ON "
                          u"r.campaign_id = c.id WHERE c.team_id = ?"_s;
    QVERIFY(QTest::qWaitFor(
        [&] { return read(runner, state, {teamId}).toString().startsWith(u"canceled:0:"_s); },
        60000));
    const int sentByRunner = read(runner, state, {teamId}).toString().section(u':', 2).toInt();
    QTest::qWait(4000);
    const QStringList sent = atProvider(to);
    QCOMPARE(sent.size(), sentByRunner);
    QVERIFY(sent.size() < to.size());
    QCOMPARE(QSet<QString>(sent.cbegin(), sent.cend()).size(), sent.size());
    // Every desktop ends with the same count: the runner's progress reaches them.
    QVERIFY(QTest::qWaitFor([&] { return shownOnC(teamId, u"sent"_s).toInt() == sentByRunner; },
                            60000));
    QCOMPARE(shownOnC(teamId, u"state"_s), u"canceled"_s);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return read(1 - runner, state, {teamId})
                .toString()
                .endsWith(u":"_s + QString::number(sentByRunner));
        },
        60000));
}

QTEST_GUILESS_MAIN(TstTeamCampaigns)
#include "tst_teamcampaigns.moc"
