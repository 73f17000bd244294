// Contacts and imported opt-ins shared through the team log, across three desktops (profiles
// driven by smsdesk-cli in separate processes) on one sandbox: an import of 10,000 contacts
// (with their consent) on A, and one of 10,000 opt-ins, are on B and C after a `team sync`,
// appended as few items (each under Sync's 16 KiB), not one per row; an agent's import is
// refused, nothing written or shared.
#include "DeskCli.h"
#include "SandboxProcess.h"
#include "StoreTestUtil.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155552671"_s;

QString numberOf(int i)
{
    return u"+1415%1"_s.arg(5600000 + i, 7, 10, QLatin1Char('0'));
}

} // namespace

class TstTeamContacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void contactImportReachesEveryDesktopInFewItems();
    void optInImportReachesEveryDesktopInFewItems();
    void anAgentsImportIsRefused();
    void whatADesktopMadeBeforeJoiningIsSharedAtJoin();

private:
    CliRun cli(const QStringList &arguments);
    QStringList account(int desk) const;
    QString profile(int desk) const { return m_dir.filePath(u"desk%1.sqlite"_s.arg(desk)); }
    QVariant read(int desk, const QString &sql, const QVariantList &values = {});
    // `team sync` until nothing of the desk waits; the number of items it appended.
    int shareAll(int desk);
    void sync(int desk);

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
};

CliRun TstTeamContacts::cli(const QStringList &arguments)
{
    return DeskCli::run(m_sandbox, arguments, {}, 300000);
}

QStringList TstTeamContacts::account(int desk) const
{
    return DeskCli::account(m_sandbox, profile(desk));
}

QVariant TstTeamContacts::read(int desk, const QString &sql, const QVariantList &values)
{
    return DeskCli::read(profile(desk), sql, values);
}

int TstTeamContacts::shareAll(int desk)
{
    const int waiting = read(desk, u"SELECT count(*) FROM team_outbox"_s).toInt();
    // One cycle appends up to 100 items; a 429 from Sync's write budget ends a cycle early
    // (the next goes on where it stopped).
    for (int cycle = 0; cycle < 20 && read(desk, u"SELECT count(*) FROM team_outbox"_s).toInt();
         ++cycle)
        cli(QStringList{u"team"_s, u"sync"_s} + account(desk));
    return waiting - read(desk, u"SELECT count(*) FROM team_outbox"_s).toInt();
}

void TstTeamContacts::sync(int desk)
{
    const CliRun synced = cli(QStringList{u"team"_s, u"sync"_s} + account(desk));
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
}

void TstTeamContacts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sandbox.start());
    const int injected =
        m_sandbox.client->inject(Customer, Support, u"Is my order ready?"_s).status;
    QVERIFY2(injected >= 200 && injected < 300, qPrintable(QString::number(injected)));
    const QStringList names = {u"Ana"_s, u"Sam"_s, u"Lee"_s};
    const QStringList roles = {u"admin"_s, u"marketer"_s, u"agent"_s};
    for (int desk = 0; desk < 3; ++desk) {
        const CliRun synced = cli(QStringList{u"sync"_s} + account(desk));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const CliRun joined = cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, names.at(desk),
                                              u"--role"_s, roles.at(desk)} +
                                  account(desk));
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    }
    for (int desk = 0; desk < 3; ++desk)
        sync(desk); // everyone knows everyone's role
}

void TstTeamContacts::cleanupTestCase()
{
    m_sandbox.stop();
}

void TstTeamContacts::contactImportReachesEveryDesktopInFewItems()
{
    QFile csv(m_dir.filePath(u"contacts.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("phone,name,tags,city,time zone,consent at,consent source\n");
    for (int i = 0; i < 10000; ++i)
        csv.write(u"%1,Customer %2,vip;east,Springfield,America/Chicago,2026-01-05T10:00:00Z,"
                  u"store form\n"_s.arg(numberOf(i))
                      .arg(i)
                      .toUtf8());
    csv.close();
    const CliRun imported = cli({u"import"_s, u"contacts"_s, csv.fileName(), u"--profile"_s,
                                 profile(0), u"--actor"_s, u"Ana"_s});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const int largest = read(0, u"SELECT max(length(CAST(op AS BLOB))) FROM team_outbox"_s).toInt();
    QVERIFY2(largest <= 16 * 1024, qPrintable(QString::number(largest)));
    const int appended = shareAll(0);
    qInfo() << "10,000 contacts with their opt-ins:" << appended << "log items, largest" << largest
            << "bytes";
    QVERIFY2(appended > 0 && appended <= 150, qPrintable(QString::number(appended)));
    QCOMPARE(read(0, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);
    for (int desk : {1, 2}) {
        sync(desk);
        QCOMPARE(read(desk, u"SELECT count(*) FROM contacts"_s).toInt(), 10000);
        QCOMPARE(read(desk,
                      u"SELECT name || '|' || tags || '|' || time_zone || '|' || "
                      u"json_extract(attributes, '$.city') FROM contacts WHERE number = ?"_s,
                      {numberOf(4321)})
                     .toString(),
                 u"Customer 4321|[\"vip\",\"east\"]|America/Chicago|Springfield"_s);
        QCOMPARE(read(desk, u"SELECT count(*) FROM consent_events WHERE kind = 'opt_in' AND "
                            u"source = 'import' AND actor = 'Ana'"_s)
                     .toInt(),
                 10000);
    }
    // A read its own back: nothing twice there.
    QCOMPARE(read(0, u"SELECT count(*) FROM consent_events"_s).toInt(), 10000);
}

void TstTeamContacts::optInImportReachesEveryDesktopInFewItems()
{
    QFile csv(m_dir.filePath(u"optins.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("number,occurred_at,sender_number\n");
    for (int i = 20000; i < 30000; ++i)
        csv.write(u"%1,2026-02-01T09:00:00Z,%2\n"_s.arg(numberOf(i), Support).toUtf8());
    csv.close();
    // No --actor: in a team the import is recorded as the profile's roster name, not "cli".
    const CliRun imported =
        cli({u"consent"_s, u"import"_s, u"--profile"_s, profile(1), u"--file"_s, csv.fileName()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const int appended = shareAll(1);
    qInfo() << "10,000 opt-ins:" << appended << "log items";
    QVERIFY2(appended > 0 && appended <= 60, qPrintable(QString::number(appended)));
    for (int desk : {0, 2}) {
        sync(desk);
        QCOMPARE(read(desk,
                      u"SELECT count(*) FROM consent_events WHERE sender_number = ? AND "
                      u"actor = 'Sam'"_s,
                      {Support})
                     .toInt(),
                 10000);
    }
}

void TstTeamContacts::anAgentsImportIsRefused()
{
    const CliRun imported = cli({u"consent"_s, u"import"_s, u"--profile"_s, profile(2), u"--file"_s,
                                 m_dir.filePath(u"optins.csv"_s), u"--actor"_s, u"Lee"_s});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.contains(u"Only a marketer or an admin can import"_s),
             qPrintable(imported.err));
    QCOMPARE(read(2, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);
}

void TstTeamContacts::whatADesktopMadeBeforeJoiningIsSharedAtJoin()
{
    // A fourth desktop works alone first: a keyword process and a few contacts.
    const CliRun synced = cli(QStringList{u"sync"_s} + account(3));
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    const CliRun added = cli(QStringList{u"keywords"_s, u"add"_s, u"--number"_s, Support,
                                         u"--type"_s, u"autoreply"_s, u"--keywords"_s, u"PARKING"_s,
                                         u"--reply"_s, u"Park behind the store."_s} +
                             account(3));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QFile csv(m_dir.filePath(u"few.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("phone,name,tags\n+14155550901,Kim,walk-in\n+14155550902,Raj,walk-in\n");
    csv.close();
    const CliRun imported = cli({u"import"_s, u"contacts"_s, csv.fileName(), u"--profile"_s,
                                 profile(3), u"--actor"_s, u"Bo"_s});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(read(3, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0); // not in a team yet
    // It joins as an admin: what it made is queued with the join, and reaches the others.
    const CliRun joined =
        cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, u"Bo"_s, u"--role"_s, u"admin"_s} +
            account(3));
    QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    QCOMPARE(read(3, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0); // shared by the join
    for (int desk : {0, 1}) {
        sync(desk);
        QCOMPARE(read(desk, u"SELECT reply FROM keyword_processes WHERE keywords LIKE "
                            u"'%PARKING%'"_s)
                     .toString(),
                 u"Park behind the store."_s);
        QCOMPARE(read(desk, u"SELECT name || '|' || tags FROM contacts WHERE number = ?"_s,
                      {u"+14155550902"_s})
                     .toString(),
                 u"Raj|[\"walk-in\"]"_s);
    }
}

QTEST_GUILESS_MAIN(TstTeamContacts)
#include "tst_teamcontacts.moc"
