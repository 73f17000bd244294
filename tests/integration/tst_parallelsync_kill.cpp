// A parallel first sync killed mid-range (SIGKILL of `smsdesk-cli sync`, the sandbox a
// process of its own with page latency) resumes and ends with exactly the data of a sync
// that was never interrupted.
#include "DeskCli.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

constexpr int kHistory = 5000;

// Every row of `sql`, as text, sorted (local ids left out by the queries).
QStringList dump(const QString &profile, const QString &sql)
{
    const QString name = u"kill-test-dump"_s;
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(profile);
        if (db.open()) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                rows.append(u"error: "_s + sql);
            while (query.next()) {
                QStringList fields;
                for (int i = 0; i < query.record().count(); ++i)
                    fields.append(query.value(i).toString());
                rows.append(fields.join(u'|'));
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    rows.sort();
    return rows;
}

const QString MessagesSql =
    u"SELECT m.provider_sid, m.status, m.body, m.sent_at, m.updated_at, t.customer_number, "
    u"t.unread_count FROM messages m LEFT JOIN threads t ON t.id = m.thread_id"_s;
const QString ThreadsSql =
    u"SELECT t.customer_number, s.number, t.status, t.unread_count, t.last_message_at, "
    u"t.last_message_preview FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id"_s;
const QString SearchSql = u"SELECT m.provider_sid FROM messages_fts f JOIN messages m ON "
                          u"m.id = f.rowid WHERE messages_fts MATCH 'order'"_s;

} // namespace

class TestParallelSyncKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedMidRangeResumesExactly();
};

void TestParallelSyncKill::killedMidRangeResumesExactly()
{
    SandboxProcess sandbox;
    QVERIFY(sandbox.start(0, {u"--seed-history"_s, QString::number(kHistory)}));
    // Pages take a while, as Twilio's do: the kill lands while ranges are half listed.
    QVERIFY(sandbox.setFaults({{u"LatencyMs"_s, u"150"_s}}));
    QTemporaryDir dir;
    const QString killed = dir.filePath(u"killed.sqlite"_s);
    const QString whole = dir.filePath(u"whole.sqlite"_s);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, sandbox.token);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH),
                  QStringList{u"sync"_s} + DeskCli::account(sandbox, killed));
    QVERIFY(process.waitForStarted(10000));
    QString err;
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += QString::fromUtf8(process.readAllStandardError());
            return err.contains(u"\npage 3:"_s) || process.state() == QProcess::NotRunning;
        },
        120000));
    QVERIFY2(process.state() == QProcess::Running, qPrintable(err.right(1500)));
    DeskCli::signalProcess(process, SIGKILL);

    const QString cursor =
        DeskCli::read(killed, u"SELECT cursor FROM sync_cursors WHERE stream = 'messages'"_s)
            .toString();
    QVERIFY2(cursor.contains(u"\"parallel\":true"_s), qPrintable(cursor));
    const qint64 before = DeskCli::read(killed, u"SELECT count(*) FROM messages"_s).toLongLong();
    QVERIFY2(before > 0 && before < kHistory, qPrintable(QString::number(before)));

    const CliRun resumed =
        DeskCli::run(sandbox, QStringList{u"sync"_s} + DeskCli::account(sandbox, killed));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    const CliRun uninterrupted =
        DeskCli::run(sandbox, QStringList{u"sync"_s} + DeskCli::account(sandbox, whole));
    QVERIFY2(uninterrupted.exitCode == 0, qPrintable(uninterrupted.err));

    QCOMPARE(DeskCli::read(killed, u"SELECT count(*) FROM messages"_s).toLongLong(),
             qint64(kHistory));
    QCOMPARE(dump(killed, MessagesSql), dump(whole, MessagesSql));
    QCOMPARE(dump(killed, ThreadsSql), dump(whole, ThreadsSql));
    QCOMPARE(dump(killed, SearchSql), dump(whole, SearchSql));
    QCOMPARE(dump(killed, u"SELECT cursor FROM sync_cursors WHERE stream = 'messages'"_s),
             dump(whole, u"SELECT cursor FROM sync_cursors WHERE stream = 'messages'"_s));
}

QTEST_GUILESS_MAIN(TestParallelSyncKill)
#include "tst_parallelsync_kill.moc"
