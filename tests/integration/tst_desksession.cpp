#include "Database.h"
#include "DeskSession.h"
#include "LookupQueue.h"
#include "SandboxDemoProvider.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "SyncSummary.h"

#include <QFileInfo>
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

private Q_SLOTS:
    // What `smsdesk --demo` does before it shows a window: a live sandbox, a profile, an
    // account, sender numbers and a first sync that files every message in a thread.
    void demoSyncsALiveInbox()
    {
        QTemporaryDir dir;
        DeskSession session;
        session.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
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
        // The demo's provider told which of its short codes is shared, and it was marked so
        // before its messages were filed.
        QCOMPARE(scalar(reader.connection(),
                        u"SELECT count(*) FROM sender_numbers WHERE account_id = ? AND "
                        u"kind = 'shared_short_code'"_s,
                        account),
                 1);
    }

    // The product libraries have no demo provider of their own: the executable hands one in.
    void withoutADemoProviderTheDemoIsAClearError()
    {
        QTemporaryDir dir;
        DeskSession session;
        QVERIFY(!session.startDemo(dir.path()));
        QVERIFY(!session.errorString().isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(u"profile.sqlite"_s)));
    }

    // After the first sync every customer gets a text-enabled verdict from Lookup, a second
    // scan within the time-to-live asks nothing, and a 30006 delivery error overrides Lookup.
    void lookupsGiveEveryCustomerAVerdict()
    {
        QTemporaryDir dir;
        DeskSession session;
        session.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
        QVERIFY(session.startDemo(dir.path()));
        LookupQueue *lookups = session.lookupQueue();
        lookups->setRate(500);
        QSignalSpy idle(lookups, &LookupQueue::idle);
        QSignalSpy checked(lookups, &LookupQueue::checked);
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty() && lookups->pendingCount() == 0, 60000);

        Database reader(session.profilePath());
        QVERIFY(reader.open());
        const qint64 account = session.accountId();
        const qint64 customers = scalar(
            reader.connection(),
            u"SELECT count(DISTINCT customer_number) FROM threads WHERE account_id = ?"_s, account);
        QVERIFY(customers > 0);
        QCOMPARE(checked.size(), customers);
        // Twilio's line type is no "SMS capable" flag: mobile yes, landline no, others unknown.
        QCOMPARE(scalar(reader.connection(),
                        u"SELECT count(*) FROM contacts WHERE account_id = ? "
                        "AND text_enabled_source = 'lookup' AND line_type <> '' "
                        "AND text_enabled = CASE line_type WHEN 'mobile' THEN 'yes' "
                        "WHEN 'landline' THEN 'no' ELSE 'unknown' END"_s,
                        account),
                 customers);

        checked.clear();
        idle.clear();
        lookups->scan();
        QTRY_VERIFY(!idle.isEmpty());
        QCOMPARE(checked.size(), 0);

        const QString number = session.writer()->call([account](WriterContext &context) {
            QSqlQuery q(context.db());
            q.prepare(u"SELECT number FROM contacts WHERE account_id = ? AND text_enabled = 'yes' "
                      "LIMIT 1"_s);
            q.addBindValue(account);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        });
        QVERIFY(!number.isEmpty());

        // A verdict past its time-to-live is looked up again, and the thread rows showing it
        // are told (the thread list repaints its badge).
        const QList<qint64> threadsOfNumber =
            session.writer()->call([account, number](WriterContext &context) {
                QSqlQuery q(context.db());
                q.prepare(u"UPDATE contacts SET text_enabled_checked_at = 0 "
                          "WHERE account_id = ? AND number = ?"_s);
                q.addBindValue(account);
                q.addBindValue(number);
                q.exec();
                QSqlQuery t(context.db());
                t.prepare(u"SELECT id FROM threads WHERE account_id = ? AND customer_number = ?"_s);
                t.addBindValue(account);
                t.addBindValue(number);
                QList<qint64> ids;
                if (t.exec())
                    while (t.next())
                        ids << t.value(0).toLongLong();
                return ids;
            });
        QVERIFY(!threadsOfNumber.isEmpty());
        QSignalSpy fed(session.writer()->changes(), &ChangeFeed::changed);
        idle.clear();
        lookups->scan();
        QTRY_VERIFY(!idle.isEmpty());
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.first().first().toString(), number);
        // The verdict reached the views through the change feed: the number's contact row
        // (the thread list reads its threads from it), with no announce call.
        const qint64 contact = session.writer()->call([account, number](WriterContext &context) {
            QSqlQuery c(context.db());
            c.prepare(u"SELECT id FROM contacts WHERE account_id = ? AND number = ?"_s);
            c.addBindValue(account);
            c.addBindValue(number);
            return c.exec() && c.next() ? c.value(0).toLongLong() : qint64(0);
        });
        QVERIFY(contact > 0);
        QTRY_VERIFY(std::any_of(fed.cbegin(), fed.cend(), [contact](const QList<QVariant> &s) {
            return s.first().value<ChangeSet>().rows(ChangeSet::Table::Contacts).contains(contact);
        }));

        const bool inserted = session.writer()->call([account, number](WriterContext &context) {
            QSqlQuery q(context.db());
            q.prepare(u"INSERT INTO messages (account_id, direction, from_number, to_number, body, "
                      "status, provider_sid, error_code, created_at, updated_at) "
                      "VALUES (?, 'out', '+14155550100', ?, 'Hi', 'undelivered', "
                      "'SM30006000000000000000000000000000', 30006, 1, 1)"_s);
            q.addBindValue(account);
            q.addBindValue(number);
            return q.exec();
        });
        QVERIFY(inserted);
        idle.clear();
        lookups->scan();
        QTRY_VERIFY(!idle.isEmpty());
        QSqlQuery verdict(reader.connection());
        verdict.prepare(u"SELECT text_enabled, text_enabled_source FROM contacts "
                        "WHERE account_id = ? AND number = ?"_s);
        verdict.addBindValue(account);
        verdict.addBindValue(number);
        QVERIFY(verdict.exec() && verdict.next());
        QCOMPARE(verdict.value(0).toString(), u"no"_s);
        QCOMPARE(verdict.value(1).toString(), u"delivery_error"_s);
    }

    void aSecondStartReusesTheDemoProfileAndAccount()
    {
        QTemporaryDir dir;
        qint64 firstAccount = 0;
        {
            DeskSession first;
            first.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
            QVERIFY(first.startDemo(dir.path()));
            firstAccount = first.accountId();
        }
        DeskSession second;
        second.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
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
