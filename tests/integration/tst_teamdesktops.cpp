// Three desktops (profiles driven by smsdesk-cli in separate processes) of one account on one
// sandbox: what one decides reaches the others through the team log on Sync, conflicting
// decisions converge to the log's order on all, a desktop that could not reach the log keeps
// its change and shares it later.
#include "DeskCli.h"
#include "SandboxProcess.h"
#include "StoreTestUtil.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155552671"_s;

} // namespace

class TstTeamDesktops : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyDesktopJoinsTheRoster();
    void resolveOnOneReachesTheOthers();
    void conflictingAssignmentsConverge();
    void noteReachesEveryDesktopOnce();
    void offlineChangeIsSharedLater();
    void unsubscribedOnOneIsNotTextedFromAnother();
    void anInvitationMakesTheAdminsChoice();

private:
    CliRun cli(const QStringList &arguments);
    QStringList account(const QString &profile, const QString &url = {}) const;
    QString profile(int desk) const { return m_dir.filePath(u"desk%1.sqlite"_s.arg(desk)); }
    QVariant read(int desk, const QString &sql, const QVariantList &values = {});
    QString threadColumn(int desk, const QString &column);

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
};

CliRun TstTeamDesktops::cli(const QStringList &arguments)
{
    return DeskCli::run(m_sandbox, arguments);
}

QStringList TstTeamDesktops::account(const QString &profile, const QString &url) const
{
    return DeskCli::account(m_sandbox, profile, url);
}

QVariant TstTeamDesktops::read(int desk, const QString &sql, const QVariantList &values)
{
    return DeskCli::read(profile(desk), sql, values);
}

QString TstTeamDesktops::threadColumn(int desk, const QString &column)
{
    return read(desk,
                u"SELECT t."_s + column +
                    u" FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
                    u"WHERE t.customer_number = ? AND s.number = ?"_s,
                {Customer, Support})
        .toString();
}

void TstTeamDesktops::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sandbox.start());
    // A customer writes in: every desktop syncs the thread.
    const int injected =
        m_sandbox.client->inject(Customer, Support, u"Is my order ready?"_s).status;
    QVERIFY2(injected >= 200 && injected < 300, qPrintable(QString::number(injected)));
    const QStringList names = {u"Ana"_s, u"Sam"_s, u"Lee"_s};
    for (int desk = 0; desk < 3; ++desk) {
        const CliRun synced = cli(QStringList{u"sync"_s} + account(profile(desk)));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        const CliRun joined = cli(QStringList{u"team"_s, u"join"_s, u"--agent"_s, names.at(desk),
                                              u"--role"_s, desk == 0 ? u"admin"_s : u"agent"_s} +
                                  account(profile(desk)));
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        QVERIFY2(joined.out.contains(u"joined as "_s + names.at(desk)), qPrintable(joined.out));
        QCOMPARE(threadColumn(desk, u"status"_s), u"open"_s);
    }
}

void TstTeamDesktops::anInvitationMakesTheAdminsChoice()
{
    // Only an admin invites.
    const CliRun refused =
        cli(QStringList{u"team"_s, u"invite"_s, u"--agent"_s, u"Eve"_s, u"--role"_s, u"admin"_s} +
            account(profile(1)));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"only an admin"_s), qPrintable(refused.err));

    const CliRun invited = cli(
        QStringList{u"team"_s, u"invite"_s, u"--agent"_s, u"Bea"_s, u"--role"_s, u"marketer"_s} +
        account(profile(0)));
    QVERIFY2(invited.exitCode == 0, qPrintable(invited.err));
    const QString invitation = invited.out.section(u'\n', 0, 0).trimmed();
    QVERIFY2(invitation.startsWith(u"smsdesk-invite:"_s), qPrintable(invited.out));

    // A fourth desktop joins with it: the name and role are the admin's.
    QCOMPARE(cli(QStringList{u"sync"_s} + account(profile(3))).exitCode, 0);
    const CliRun joined =
        cli(QStringList{u"team"_s, u"join"_s, u"--invite"_s, invitation} + account(profile(3)));
    QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
    QVERIFY2(joined.out.contains(u"joined as Bea (marketer)"_s), qPrintable(joined.out));
    for (const int desk : {0, 1, 3}) {
        QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk))).exitCode, 0);
        QCOMPARE(read(desk, u"SELECT role || ',' || active || ',' || (invite_code IS NULL) FROM "
                            u"team_agents WHERE name = 'Bea'"_s)
                     .toString(),
                 u"marketer,1,1"_s);
    }
}

void TstTeamDesktops::cleanupTestCase()
{
    m_sandbox.stop();
}

void TstTeamDesktops::everyDesktopJoinsTheRoster()
{
    for (int desk = 0; desk < 3; ++desk) {
        const CliRun synced = cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk)));
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    }
    for (int desk = 0; desk < 3; ++desk) {
        QCOMPARE(read(desk, u"SELECT group_concat(name, ',') FROM (SELECT name FROM team_agents "
                            u"ORDER BY name)"_s)
                     .toString(),
                 u"Ana,Lee,Sam"_s);
        QCOMPARE(read(desk, u"SELECT role FROM team_agents WHERE name = 'Ana'"_s).toString(),
                 u"admin"_s);
    }
}

void TstTeamDesktops::resolveOnOneReachesTheOthers()
{
    const CliRun resolved =
        cli(QStringList{u"thread"_s, u"resolve"_s, u"--customer"_s, Customer, u"--our"_s, Support} +
            account(profile(0)));
    QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));
    QCOMPARE(threadColumn(0, u"status"_s), u"resolved"_s);
    QCOMPARE(threadColumn(1, u"status"_s), u"open"_s); // not yet pulled
    for (int desk : {1, 2}) {
        QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk))).exitCode, 0);
        QCOMPARE(threadColumn(desk, u"status"_s), u"resolved"_s);
        // The audit says who did it.
        QCOMPARE(read(desk, u"SELECT actor FROM audit_log WHERE action = 'thread.resolve' "
                            u"ORDER BY id DESC LIMIT 1"_s)
                     .toString(),
                 u"Ana"_s);
    }
}

void TstTeamDesktops::conflictingAssignmentsConverge()
{
    // Sam and Lee assign at nearly the same time; whichever the log holds last wins on all.
    const CliRun sam = cli(QStringList{u"thread"_s, u"assign"_s, u"--customer"_s, Customer,
                                       u"--our"_s, Support, u"--to"_s, u"Sam"_s} +
                           account(profile(1)));
    const CliRun lee = cli(QStringList{u"thread"_s, u"assign"_s, u"--customer"_s, Customer,
                                       u"--our"_s, Support, u"--to"_s, u"Lee"_s} +
                           account(profile(2)));
    QCOMPARE(sam.exitCode, 0);
    QCOMPARE(lee.exitCode, 0);
    for (int desk = 0; desk < 3; ++desk)
        QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk))).exitCode, 0);
    const QString winner = threadColumn(0, u"assignee"_s);
    QCOMPARE(winner, u"Lee"_s); // appended last
    for (int desk = 1; desk < 3; ++desk)
        QCOMPARE(threadColumn(desk, u"assignee"_s), winner);
}

void TstTeamDesktops::noteReachesEveryDesktopOnce()
{
    const CliRun noted =
        cli(QStringList{u"thread"_s, u"note"_s, u"--customer"_s, Customer, u"--our"_s, Support,
                        u"--text"_s, u"@Sam she called, wants Friday"_s} +
            account(profile(0)));
    QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
    for (int round = 0; round < 2; ++round) {
        for (int desk = 0; desk < 3; ++desk)
            QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(desk))).exitCode, 0);
    }
    for (int desk = 0; desk < 3; ++desk) {
        QCOMPARE(read(desk, u"SELECT count(*) FROM thread_notes"_s).toInt(), 1);
        QCOMPARE(read(desk, u"SELECT author FROM thread_notes"_s).toString(), u"Ana"_s);
    }
}

void TstTeamDesktops::offlineChangeIsSharedLater()
{
    // Desktop 2 flags with the provider out of reach: applied there, queued, exit 75.
    const QString closed = u"http://127.0.0.1:%1"_s.arg(1); // nothing listens on port 1
    const CliRun offline =
        cli(QStringList{u"thread"_s, u"flag"_s, u"--customer"_s, Customer, u"--our"_s, Support} +
            account(profile(2), closed));
    QCOMPARE(offline.exitCode, 75);
    QCOMPARE(threadColumn(2, u"flagged"_s), u"1"_s);
    QCOMPARE(read(2, u"SELECT count(*) FROM team_outbox"_s).toInt(), 1);
    QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(0))).exitCode, 0);
    QCOMPARE(threadColumn(0, u"flagged"_s), u"0"_s);
    // Back online: the queued change lands, once.
    QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(2))).exitCode, 0);
    QCOMPARE(read(2, u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);
    QCOMPARE(cli(QStringList{u"team"_s, u"sync"_s} + account(profile(0))).exitCode, 0);
    QCOMPARE(threadColumn(0, u"flagged"_s), u"1"_s);
    QCOMPARE(read(0, u"SELECT count(*) FROM audit_log WHERE action = 'thread.flag'"_s).toInt(), 1);
}

void TstTeamDesktops::unsubscribedOnOneIsNotTextedFromAnother()
{
    const QString other = u"+14155552672"_s;
    // Desktop 1 can text the customer before (the control: the send path works).
    const CliRun before = cli(QStringList{u"send"_s, u"--from"_s, Support, u"--to"_s, other,
                                          u"--body"_s, u"Your order is ready"_s} +
                              account(profile(1)));
    QVERIFY2(before.exitCode == 0, qPrintable(before.err));
    const qsizetype sent = m_sandbox.messagesTo(other).size();
    QCOMPARE(sent, 1);

    // Ana unsubscribes the customer on desktop 0 ...
    const CliRun unsubscribed = cli(QStringList{u"consent"_s, u"unsubscribe"_s, u"--customer"_s,
                                                other, u"--reason"_s, u"asked on the phone"_s} +
                                    account(profile(0)));
    QVERIFY2(unsubscribed.exitCode == 0, qPrintable(unsubscribed.err));
    QVERIFY2(unsubscribed.out.contains(u"shared with the team"_s), qPrintable(unsubscribed.out));
    // ... and desktop 1, which never synced since, refuses to text her, naming the event.
    const CliRun refused = cli(QStringList{u"send"_s, u"--from"_s, Support, u"--to"_s, other,
                                           u"--body"_s, u"One more thing"_s} +
                               account(profile(1)));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(u"opted out"_s), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"asked on the phone"_s), qPrintable(refused.err));
    QCOMPARE(m_sandbox.messagesTo(other).size(), sent);
    // The event carries the op that shared it, on both desktops, once.
    for (int desk : {0, 1})
        QCOMPARE(read(desk,
                      u"SELECT count(*) FROM consent_events WHERE contact_number = ? AND "
                      u"kind = 'opt_out' AND team_op_id IS NOT NULL"_s,
                      {other})
                     .toInt(),
                 1);
}

QTEST_GUILESS_MAIN(TstTeamDesktops)
#include "tst_teamdesktops.moc"
