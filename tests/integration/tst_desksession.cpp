#include "Database.h"
#include "DeskSession.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncSummary.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
qint64 scalar(QSqlDatabase db, const QString &sql, qint64 accountId)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.addBindValue(accountId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

class TestDeskSession : public QObject
{
    Q_OBJECT

private slots:
    // What `smsdesk --demo` does before it shows a window: a live sandbox, a profile, an
    // account, sender numbers and a first sync that files every message in a thread.
    void demoSyncsALiveInbox()
    {
        QTemporaryDir dir;
        DeskSession session;
        QVERIFY2(session.startDemo(dir.path()), qPrintable(session.errorString()));
        QVERIFY(session.accountId() > 0);
        QVERIFY(session.syncEngine());

        QSignalSpy finished(session.syncEngine(), &SyncEngine::finished);
        QVERIFY(finished.wait(60000));
        const auto summary = finished.first().first().value<SyncSummary>();
        QVERIFY(summary.inserted > 0);

        Database reader(session.profilePath());
        QVERIFY(reader.open());
        const qint64 account = session.accountId();
        QCOMPARE(scalar(reader.connection(),
                        u"SELECT count(*) FROM messages WHERE account_id = ?"_s, account),
                 summary.inserted);
        QVERIFY(scalar(reader.connection(), u"SELECT count(*) FROM threads WHERE account_id = ?"_s,
                       account) > 1);
        QCOMPARE(
            scalar(reader.connection(),
                   u"SELECT count(*) FROM messages WHERE account_id = ? AND thread_id IS NULL"_s,
                   account),
            0);
    }

    void aSecondStartReusesTheDemoProfileAndAccount()
    {
        QTemporaryDir dir;
        qint64 firstAccount = 0;
        {
            DeskSession first;
            QVERIFY(first.startDemo(dir.path()));
            firstAccount = first.accountId();
        }
        DeskSession second;
        QVERIFY2(second.startDemo(dir.path()), qPrintable(second.errorString()));
        QCOMPARE(second.accountId(), firstAccount);
    }

    void anUnopenableProfileIsAClearError()
    {
        QTemporaryDir dir;
        QFile notSqlite(dir.filePath(u"profile.sqlite"_s));
        QVERIFY(notSqlite.open(QIODevice::WriteOnly));
        notSqlite.write(QByteArray(4096, 'x'));
        notSqlite.close();
        DeskSession session;
        QVERIFY(!session.openProfile(notSqlite.fileName()));
        QVERIFY(session.errorString().contains(notSqlite.fileName()));
    }
};

QTEST_GUILESS_MAIN(TestDeskSession)
#include "tst_desksession.moc"
