// A desktop SIGKILLed while it appends its queued changes to the team log, at random moments
// (seeded, printed), again and again, some rounds with Sync answering 500/503: no change is lost,
// none is in the log twice, and every desktop applies each once. The window that matters is an
// append that reached Sync whose index the desktop had not yet recorded: a restart must find it in
// the log, not append it again (a second copy of an old flag would undo a teammate's later unflag).
#include "DeskCli.h"
#include "SandboxProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155552671"_s;
constexpr int Rounds = 16;
constexpr int NotesPerRound = 8;

} // namespace

class TstTeamAppendKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedMidAppendLosesNothingAndAppendsNothingTwice();

private:
    CliRun cli(const QStringList &arguments) { return DeskCli::run(m_sandbox, arguments); }
    QString profile(int desk) const { return m_dir.filePath(u"desk%1.sqlite"_s.arg(desk)); }
    QStringList account(int desk, const QString &url = {}) const
    {
        return DeskCli::account(m_sandbox, profile(desk), url);
    }
    QStringList thread(const QString &action) const
    {
        return {u"thread"_s, action, u"--customer"_s, Customer, u"--our"_s, Support};
    }
    // The op ids in the team log at the provider, every page, duplicates kept.
    QStringList opIdsInLog();

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
};

void TstTeamAppendKill::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sandbox.start());
    const int injected = m_sandbox.client->inject(Customer, Support, u"Hello?"_s).status;
    QVERIFY2(injected >= 200 && injected < 300, qPrintable(QString::number(injected)));
    const QStringList names = {u"Ana"_s, u"Sam"_s};
    for (int desk = 0; desk < 2; ++desk) {
        const CliRun synced = cli(QStringList{u"sync"_s} + account(desk));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const CliRun joined = cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, names.at(desk),
                                              u"--role"_s, desk == 0 ? u"admin"_s : u"agent"_s} +
                                  account(desk));
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    }
}

QStringList TstTeamAppendKill::opIdsInLog()
{
    QString service;
    const HttpResult services = m_sandbox.client->get(u"/v1/Services?PageSize=100"_s);
    for (const QJsonValue &s : services.json.value(u"services"_s).toArray()) {
        // Sync services are found by their friendly name (they have no unique name).
        if (s.toObject().value(u"friendly_name"_s).toString() == u"smsdesk"_s)
            service = s.toObject().value(u"sid"_s).toString();
    }
    QString list;
    const HttpResult lists = m_sandbox.client->get(u"/v1/Services/%1/Lists"_s.arg(service));
    for (const QJsonValue &l : lists.json.value(u"lists"_s).toArray()) {
        if (l.toObject().value(u"unique_name"_s).toString() == u"team-log"_s)
            list = l.toObject().value(u"sid"_s).toString();
    }
    QStringList ids;
    if (service.isEmpty() || list.isEmpty()) {
        qWarning("no team log at the provider: %s %s", services.body.constData(),
                 lists.body.constData());
        return ids;
    }
    QString next = u"/v1/Services/%1/Lists/%2/Items?PageSize=100"_s.arg(service, list);
    while (!next.isEmpty()) {
        const HttpResult page = m_sandbox.client->get(next);
        if (page.status != 200)
            return {};
        for (const QJsonValue &item : page.json.value(u"items"_s).toArray())
            ids.append(item.toObject().value(u"data"_s).toObject().value(u"id"_s).toString());
        const QString url =
            page.json.value(u"meta"_s).toObject().value(u"next_page_url"_s).toString();
        next = url.isEmpty() ? QString() : QUrl(url).path() + u'?' + QUrl(url).query();
    }
    return ids;
}

void TstTeamAppendKill::killedMidAppendLosesNothingAndAppendsNothingTwice()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    const QString closed = u"http://127.0.0.1:1"_s; // nothing listens: the desk is offline
    QStringList notes;
    int killedRunning = 0;
    for (int round = 0; round < Rounds; ++round) {
        // Sam works offline: notes and a flag toggle queue in the profile.
        for (int n = 0; n < NotesPerRound; ++n) {
            notes.append(u"round %1 note %2"_s.arg(round).arg(n));
            const CliRun queued = cli(thread(u"note"_s) + QStringList{u"--text"_s, notes.last()} +
                                      account(1, closed));
            QVERIFY2(queued.exitCode == 75, qPrintable(queued.err));
        }
        QCOMPARE(
            cli(thread(round % 2 == 0 ? u"flag"_s : u"unflag"_s) + account(1, closed)).exitCode,
            75);
        // Every fourth round Sync also answers 500 or 503 to a share of requests.
        const bool faulty = round % 4 == 3;
        if (faulty)
            QCOMPARE(
                m_sandbox.client->setFaults({{u"Rate500"_s, u"0.15"_s}, {u"Rate503"_s, u"0.15"_s}})
                    .status,
                200);
        // Back online, and killed while it appends (or before, or after: the delay is random).
        QProcess sync;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SMSDESK_AUTH_TOKEN"_s, m_sandbox.token);
        sync.setProcessEnvironment(env);
        sync.start(QStringLiteral(SMSDESK_CLI_PATH),
                   QStringList{u"team"_s, u"sync"_s} + account(1));
        QVERIFY(sync.waitForStarted(10000));
        // By turns: after a random delay, or as soon as a random number of its appends are
        // recorded (the next one is then likely on the wire).
        const QString appendedSql =
            u"SELECT count(*) FROM team_outbox WHERE appended_index IS NOT NULL"_s;
        const int delayMs = 20 + int(random.bounded(300));
        const int afterAppends = 1 + int(random.bounded(NotesPerRound));
        QElapsedTimer waited;
        waited.start();
        if (round % 2 == 0) {
            QTest::qWait(delayMs);
        } else {
            while (sync.state() != QProcess::NotRunning && waited.elapsed() < 10000 &&
                   DeskCli::read(profile(1), appendedSql).toInt() < afterAppends)
                QThread::usleep(500);
        }
        if (sync.state() != QProcess::NotRunning)
            ++killedRunning;
        DeskCli::signalProcess(sync, SIGKILL);
        if (faulty)
            QVERIFY(m_sandbox.setFaults({}));
        const int left = DeskCli::read(profile(1), u"SELECT count(*) FROM team_outbox "
                                                   u"WHERE appended_index IS NULL"_s)
                             .toInt();
        qInfo("round %d: killed after %lld ms (%s), %d change(s) queued and not yet appended",
              round, qlonglong(waited.elapsed()),
              round % 2 == 0 ? "random delay" : qPrintable(u"after %1 appends"_s.arg(afterAppends)),
              left);
        // Ana unflags or flags in between: her change is later in the log than Sam's.
        if (round % 3 == 0) {
            const CliRun ana = cli(thread(round % 2 == 0 ? u"unflag"_s : u"flag"_s) + account(0));
            QVERIFY2(ana.exitCode == 0, qPrintable(ana.err));
        }
    }
    // Everyone catches up.
    const CliRun last = cli(QStringList{u"team"_s, u"sync"_s} + account(1));
    QVERIFY2(last.exitCode == 0, qPrintable(last.err));
    QVERIFY2(cli(QStringList{u"team"_s, u"sync"_s} + account(1)).exitCode == 0, "second sync");
    QVERIFY2(cli(QStringList{u"team"_s, u"sync"_s} + account(0)).exitCode == 0, "Ana's sync");
    QCOMPARE(DeskCli::read(profile(1), u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);

    // Nothing in the log twice.
    const QStringList ids = opIdsInLog();
    QVERIFY(!ids.isEmpty());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    // Every note once on both desks.
    for (int desk = 0; desk < 2; ++desk) {
        for (const QString &note : std::as_const(notes)) {
            QCOMPARE(DeskCli::read(profile(desk),
                                   u"SELECT count(*) FROM thread_notes WHERE body = ?"_s, {note})
                         .toInt(),
                     1);
        }
    }
    // Both desks agree on the flag.
    const QString flagSql = u"SELECT flagged FROM threads WHERE customer_number = ?"_s;
    QCOMPARE(DeskCli::read(profile(1), flagSql, {Customer}),
             DeskCli::read(profile(0), flagSql, {Customer}));
    qInfo("%d of %d kills hit a running sync; %lld items in the log", killedRunning, Rounds,
          qlonglong(ids.size()));
}

QTEST_GUILESS_MAIN(TstTeamAppendKill)
#include "tst_teamappendkill.moc"
