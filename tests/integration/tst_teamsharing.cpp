// What admins and marketers decide, shared through the team log: three desktops (profiles
// driven by smsdesk-cli in separate processes) of one account on one sandbox. A keyword process
// added and started on one desktop is there, started and matching, on the others after a
// `team sync`; a template and a canned reply made on one are listed on the others; concurrent
// edits of one process converge to the log's order on every desktop.
#include "CannedReplyRows.h"
#include "DeskCli.h"
#include "InboxCommands.h"
#include "KeywordCommands.h"
#include "KeywordMatcher.h"
#include "KeywordProcessRows.h"
#include "NumberCommands.h"
#include "SandboxProcess.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "TemplateCommands.h"
#include "TemplateRows.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155552671"_s;

// Waits for a command service's answer.
template<typename Call>
CommandResult await(Call call)
{
    QEventLoop loop;
    CommandResult result = CommandResult::failure(u"no answer"_s);
    bool answered = false;
    call([&](const CommandResult &r) {
        result = r;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return result;
}

qint64 accountOf(StoreWriter &writer)
{
    return writer.call([](WriterContext &context) {
        return StoreTestUtil::scalar(context.db(), u"SELECT id FROM accounts"_s).toLongLong();
    });
}

} // namespace

class TstTeamSharing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keywordProcessReachesEveryDesktopAndWorks();
    void concurrentEditsConvergeToTheLogsOrder();
    void templateAndCannedReplyAreListedEverywhere();
    void rulesAndNumberSettingsReachEveryDesktop();
    void threadsJsonShowsTheSharedState();
    void keywordsOutsideATeamStayLocal();

private:
    CliRun cli(const QStringList &arguments);
    QStringList account(const QString &profile, const QString &url = {}) const;
    QString profile(int desk) const { return m_dir.filePath(u"desk%1.sqlite"_s.arg(desk)); }
    QVariant read(int desk, const QString &sql, const QVariantList &values = {});
    QJsonArray keywords(int desk);
    void syncAll(const QList<int> &desks);

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
};

CliRun TstTeamSharing::cli(const QStringList &arguments)
{
    return DeskCli::run(m_sandbox, arguments);
}

QStringList TstTeamSharing::account(const QString &profile, const QString &url) const
{
    return DeskCli::account(m_sandbox, profile, url);
}

QVariant TstTeamSharing::read(int desk, const QString &sql, const QVariantList &values)
{
    return DeskCli::read(profile(desk), sql, values);
}

QJsonArray TstTeamSharing::keywords(int desk)
{
    const CliRun listed =
        cli(QStringList{u"keywords"_s, u"list"_s, u"--json"_s} + account(profile(desk)));
    if (listed.exitCode != 0)
        qWarning() << listed.err;
    return QJsonDocument::fromJson(listed.out.toUtf8()).array();
}

void TstTeamSharing::syncAll(const QList<int> &desks)
{
    for (int desk : desks) {
        const CliRun synced = cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk)));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    }
}

void TstTeamSharing::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sandbox.start());
    const int injected =
        m_sandbox.client->inject(Customer, Support, u"Is my order ready?"_s).status;
    QVERIFY2(injected >= 200 && injected < 300, qPrintable(QString::number(injected)));
    const QStringList names = {u"Ana"_s, u"Sam"_s, u"Lee"_s};
    for (int desk = 0; desk < 3; ++desk) {
        const CliRun synced = cli(QStringList{u"sync"_s} + account(profile(desk)));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const CliRun joined = cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, names.at(desk),
                                              u"--role"_s, u"admin"_s} +
                                  account(profile(desk)));
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    }
    // A fourth desktop of the same account that never joins the team.
    const CliRun synced = cli(QStringList{u"sync"_s} + account(profile(3)));
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
}

void TstTeamSharing::cleanupTestCase()
{
    m_sandbox.stop();
}

void TstTeamSharing::keywordProcessReachesEveryDesktopAndWorks()
{
    // Desktop 1 holds a local process first, so local ids differ between desktops.
    const CliRun local = cli(QStringList{u"keywords"_s, u"add"_s, u"--number"_s, Support,
                                         u"--type"_s, u"autoreply"_s, u"--keywords"_s, u"PRICES"_s,
                                         u"--reply"_s, u"See our price list."_s} +
                             account(profile(1)));
    QVERIFY2(local.exitCode == 0, qPrintable(local.err));

    const CliRun added = cli(QStringList{u"keywords"_s, u"add"_s, u"--number"_s, Support,
                                         u"--type"_s, u"autoreply"_s, u"--keywords"_s,
                                         u"HOURS,OPEN"_s, u"--reply"_s, u"We are open 9 to 5."_s} +
                             account(profile(0)));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    bool isNumber = false;
    const qint64 id = added.out.trimmed().toLongLong(&isNumber);
    QVERIFY2(isNumber && id > 0, qPrintable(added.out));
    const CliRun started =
        cli(QStringList{u"keywords"_s, u"start"_s, QString::number(id)} + account(profile(0)));
    QVERIFY2(started.exitCode == 0, qPrintable(started.err));

    syncAll({1, 2});
    const QJsonArray onA = keywords(0);
    QCOMPARE(onA.size(), 2); // desktop 1's PRICES came with A's own op back
    QString teamId;
    for (const QJsonValue &p : onA) {
        if (p[u"keywords"_s].toArray().contains(u"HOURS"_s))
            teamId = p[u"team_id"_s].toString();
    }
    QVERIFY(!teamId.isEmpty());
    for (int desk : {1, 2}) {
        QJsonObject process;
        for (const QJsonValue &p : keywords(desk)) {
            if (p[u"team_id"_s].toString() == teamId)
                process = p.toObject();
        }
        QVERIFY2(!process.isEmpty(), qPrintable(u"missing on desk %1"_s.arg(desk)));
        QCOMPARE(process[u"status"_s].toString(), u"started"_s);
        QCOMPARE(process[u"number"_s].toString(), Support);
        QCOMPARE(process[u"reply"_s].toString(), u"We are open 9 to 5."_s);
        QCOMPARE(process[u"keywords"_s].toArray(), QJsonArray({u"HOURS"_s, u"OPEN"_s}));
        if (desk == 1)
            QVERIFY(process[u"id"_s].toInteger() != id); // another local id, the same process
        // ... and it works there: an inbound "open" on the number triggers it.
        QList<KeywordProcess> processes;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"match"_s);
            db.setDatabaseName(profile(desk));
            QVERIFY(db.open());
            const qint64 accountId =
                StoreTestUtil::scalar(db, u"SELECT id FROM accounts"_s).toLongLong();
            const auto rows = KeywordProcessRows(db).list(accountId);
            QVERIFY(rows);
            for (const auto &row : *rows)
                processes.append(row.process);
        }
        QSqlDatabase::removeDatabase(u"match"_s);
        const auto match =
            KeywordMatcher::match(u"open", KeywordMatcher::NumberKind::LongCode, {}, processes);
        QVERIFY(match.matched());
        QCOMPARE(match.process->keywords, QStringList({u"HOURS"_s, u"OPEN"_s}));
    }
    // B pauses it by its team id: A and C follow.
    const CliRun paused = cli(QStringList{u"keywords"_s, u"pause"_s, teamId} + account(profile(1)));
    QVERIFY2(paused.exitCode == 0, qPrintable(paused.err));
    syncAll({0, 2});
    for (int desk : {0, 1, 2})
        QCOMPARE(read(desk, u"SELECT status FROM keyword_processes WHERE team_id = ?"_s, {teamId})
                     .toString(),
                 u"paused"_s);
    // Applied once each: one create in each teammate's audit log.
    for (int desk : {1, 2})
        QCOMPARE(read(desk,
                      u"SELECT count(*) FROM audit_log WHERE action = 'keyword_process.create' "
                      u"AND details LIKE '%HOURS%'"_s)
                     .toInt(),
                 1);
}

void TstTeamSharing::concurrentEditsConvergeToTheLogsOrder()
{
    const QString teamId =
        read(0, u"SELECT team_id FROM keyword_processes WHERE keywords LIKE '%HOURS%'"_s)
            .toString();
    QVERIFY(!teamId.isEmpty());
    // Desktop 1 starts the (paused) process with the log out of reach: applied there, queued.
    const QString closed = u"http://127.0.0.1:%1"_s.arg(1); // nothing listens on port 1
    const CliRun offline =
        cli(QStringList{u"keywords"_s, u"start"_s, teamId} + account(profile(1), closed));
    QCOMPARE(offline.exitCode, 75);
    QCOMPARE(
        read(1, u"SELECT status FROM keyword_processes WHERE team_id = ?"_s, {teamId}).toString(),
        u"started"_s);
    // Meanwhile desktop 2 starts and pauses it again, shared at once.
    for (const QString &action : {u"start"_s, u"pause"_s}) {
        const CliRun run = cli(QStringList{u"keywords"_s, action, teamId} + account(profile(2)));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }
    // Desktop 1 comes back: its start is appended after desktop 2's pause, so the log says
    // started, and desktop 1 does not flicker through desktop 2's older changes to "paused".
    syncAll({1});
    QCOMPARE(
        read(1, u"SELECT status FROM keyword_processes WHERE team_id = ?"_s, {teamId}).toString(),
        u"started"_s);
    syncAll({0, 2});
    for (int desk : {0, 1, 2})
        QCOMPARE(read(desk, u"SELECT status FROM keyword_processes WHERE team_id = ?"_s, {teamId})
                     .toString(),
                 u"started"_s);
}

void TstTeamSharing::templateAndCannedReplyAreListedEverywhere()
{
    // Made on desktop 0 through the command services (no CLI for them), then shared.
    {
        StoreWriter writer(profile(0));
        QVERIFY(writer.open());
        const qint64 accountId = accountOf(writer);
        TemplateCommands templates(&writer, accountId, u"Ana"_s);
        const CommandResult made = await([&](auto done) {
            templates.save(0, u"Order ready"_s, TemplateType::Transactional,
                           u"Your order is ready, {{first_name}}."_s, done);
        });
        QVERIFY2(made.ok, qPrintable(made.error));
        const qint64 versionId = writer.call([&](WriterContext &context) {
            return context.repo<TemplateRows>().summary(accountId, made.id)->latest.id;
        });
        // Its author does not approve it in a team: a second person does (below).
        const CommandResult own = await([&](auto done) { templates.approve(versionId, done); });
        QVERIFY(!own.ok);
        QVERIFY2(own.error.contains(u"another member of the team must approve it"_s),
                 qPrintable(own.error));
        // One over Sync's 16 KiB per item is refused clearly, and nothing is written.
        const CommandResult huge = await([&](auto done) {
            templates.save(0, u"Huge"_s, TemplateType::Transactional, QString(17000, u'a'), done);
        });
        QVERIFY(!huge.ok);
        QVERIFY2(huge.error.contains(u"too large for the team log"_s), qPrintable(huge.error));
        InboxCommands inbox(&writer, u"Ana"_s);
        QObject context;
        const CommandResult canned = await([&](auto done) {
            inbox.saveCannedReply(accountId, u"Thanks"_s, u"Thanks, {{first_name}}!"_s, &context,
                                  done);
        });
        QVERIFY2(canned.ok, qPrintable(canned.error));
        QCOMPARE(writer.call([](WriterContext &context) {
            return StoreTestUtil::scalar(context.db(), u"SELECT count(*) FROM team_outbox"_s)
                .toInt();
        }),
                 3); // template + version 1, the canned reply
    }
    syncAll({0, 1, 2});
    {
        // Sam approves Ana's version on desktop 1.
        StoreWriter writer(profile(1));
        QVERIFY(writer.open());
        const qint64 accountId = accountOf(writer);
        const qint64 versionId = writer.call([&](WriterContext &context) {
            return StoreTestUtil::scalar(context.db(),
                                         u"SELECT v.id FROM template_versions v JOIN templates t "
                                         u"ON t.id = v.template_id WHERE t.name = 'Order ready'"_s)
                .toLongLong();
        });
        TemplateCommands templates(&writer, accountId, u"Sam"_s);
        const CommandResult approved =
            await([&](auto done) { templates.approve(versionId, done); });
        QVERIFY2(approved.ok, qPrintable(approved.error));
    }
    syncAll({1, 0, 2});
    for (int desk : {0, 1, 2}) {
        QCOMPARE(read(desk, u"SELECT count(*) FROM templates WHERE name = 'Order ready'"_s).toInt(),
                 1);
        QCOMPARE(read(desk, u"SELECT count(*) FROM templates WHERE name = 'Huge'"_s).toInt(), 0);
        QCOMPARE(
            read(desk,
                 u"SELECT v.state || '|' || v.approver || '|' || v.body FROM template_versions "
                 u"v JOIN templates t ON t.id = v.template_id WHERE t.name = 'Order ready'"_s)
                .toString(),
            u"approved|Sam|Your order is ready, {{first_name}}."_s);
        QCOMPARE(read(desk, u"SELECT body FROM canned_replies WHERE name = 'Thanks'"_s).toString(),
                 u"Thanks, {{first_name}}!"_s);
        QCOMPARE(read(desk, u"SELECT team_id FROM templates WHERE name = 'Order ready'"_s),
                 read(0, u"SELECT team_id FROM templates WHERE name = 'Order ready'"_s));
    }
}

void TstTeamSharing::rulesAndNumberSettingsReachEveryDesktop()
{
    {
        StoreWriter writer(profile(0));
        QVERIFY(writer.open());
        const qint64 accountId = accountOf(writer);
        const qint64 numberId = writer.call([&](WriterContext &context) {
            return StoreTestUtil::scalar(
                       context.db(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {Support})
                .toLongLong();
        });
        NumberCommands numbers(&writer, accountId, u"Ana"_s);
        const CommandResult answers =
            await([&](auto done) { numbers.setProviderAnswersKeywords(numberId, false, done); });
        QVERIFY2(answers.ok, qPrintable(answers.error));
        NumberCommands::Settings settings;
        settings.numberId = numberId;
        settings.label = u"Front line"_s;
        settings.throughputMps = 2;
        settings.dailyCap = 900;
        const CommandResult saved = await([&](auto done) { numbers.save(settings, done); });
        QVERIFY2(saved.ok, qPrintable(saved.error));
        KeywordCommands keywords(&writer, accountId, u"Ana"_s);
        const CommandResult rule = await([&](auto done) {
            keywords.setConfirmationRule(u"GB"_s, ConfirmationRule::Rule::Prohibited, done);
        });
        QVERIFY2(rule.ok, qPrintable(rule.error));
    }
    syncAll({0, 1, 2});
    for (int desk : {1, 2}) {
        QCOMPARE(read(desk,
                      u"SELECT label || '|' || daily_cap || '|' || provider_answers_keywords "
                      u"FROM sender_numbers WHERE number = ?"_s,
                      {Support})
                     .toString(),
                 u"Front line|900|0"_s);
        QCOMPARE(read(desk, u"SELECT rule FROM confirmation_rules WHERE country_code = 'GB'"_s)
                     .toString(),
                 u"prohibited"_s);
    }
}

void TstTeamSharing::threadsJsonShowsTheSharedState()
{
    const CliRun flagged =
        cli(QStringList{u"thread"_s, u"flag"_s, u"--customer"_s, Customer, u"--our"_s, Support} +
            account(profile(0)));
    QVERIFY2(flagged.exitCode == 0, qPrintable(flagged.err));
    const CliRun noted = cli(QStringList{u"thread"_s, u"note"_s, u"--customer"_s, Customer,
                                         u"--our"_s, Support, u"--text"_s, u"VIP, be quick"_s} +
                             account(profile(0)));
    QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
    syncAll({1});
    const CliRun listed = cli({u"threads"_s, u"--profile"_s, profile(1), u"--json"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    const QJsonArray threads = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(threads.size(), 1);
    const QJsonObject thread = threads.first().toObject();
    QCOMPARE(thread[u"customer"_s].toString(), Customer);
    QCOMPARE(thread[u"our"_s].toString(), Support);
    QCOMPARE(thread[u"status"_s].toString(), u"open"_s);
    QCOMPARE(thread[u"flagged"_s].toBool(), true);
    QVERIFY(thread[u"snoozed_until"_s].isNull());
    QCOMPARE(thread[u"unread"_s].toInt(), 1);
    QCOMPARE(thread[u"assignee"_s].toString(), QString());
    QCOMPARE(thread[u"notes"_s].toArray().size(), 1);
    QCOMPARE(thread[u"notes"_s][0][u"body"_s].toString(), u"VIP, be quick"_s);
    QCOMPARE(thread[u"notes"_s][0][u"author"_s].toString(), u"Ana"_s);
}

void TstTeamSharing::keywordsOutsideATeamStayLocal()
{
    const CliRun added = cli(QStringList{u"keywords"_s, u"add"_s, u"--number"_s, Support,
                                         u"--type"_s, u"autoreply"_s, u"--keywords"_s, u"LOCAL"_s,
                                         u"--reply"_s, u"Only here."_s} +
                             account(profile(3)));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    // An unsubscribe process keeps the provider's defaults besides the words given.
    const CliRun optOut = cli(QStringList{u"keywords"_s, u"add"_s, u"--number"_s, Support,
                                          u"--type"_s, u"unsubscribe"_s, u"--keywords"_s,
                                          u"ARRET"_s, u"--reply"_s, u"You are unsubscribed."_s} +
                              account(profile(3)));
    QVERIFY2(optOut.exitCode == 0, qPrintable(optOut.err));
    const QJsonArray listed = keywords(3);
    QCOMPARE(listed.size(), 2);
    const QJsonArray words = listed.at(0)[u"keywords"_s].toArray();
    QVERIFY2(words.contains(u"STOP"_s) && words.contains(u"ARRET"_s),
             QJsonDocument(words).toJson().constData());
    QCOMPARE(read(3, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);
    syncAll({0});
    for (const QJsonValue &p : keywords(0))
        QVERIFY(!p[u"keywords"_s].toArray().contains(u"LOCAL"_s));
}

QTEST_GUILESS_MAIN(TstTeamSharing)
#include "tst_teamsharing.moc"
