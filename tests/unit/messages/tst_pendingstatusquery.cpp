// PendingStatusQuery: the account's outbound messages with a provider sid whose status may
// still change, least recently updated first; final ones, inbound ones, unsent local ones and
// other accounts' are left out.
#include "AccountRows.h"
#include "Database.h"
#include "PendingStatusQuery.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

class TstPendingStatusQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsNonFinalOutboundBySid();
    void errorIsReported();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    void message(qint64 account, const QString &direction, const QString &status,
                 const QVariant &sid, qint64 updatedAt);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_other = 0;
    int m_refs = 0;
};

void TstPendingStatusQuery::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"ps.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(m_acme && m_other);
}

void TstPendingStatusQuery::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"ps.sqlite"_s));
}

void TstPendingStatusQuery::message(qint64 account, const QString &direction, const QString &status,
                                    const QVariant &sid, qint64 updatedAt)
{
    QVERIFY(exec(db(),
                 u"INSERT INTO messages (account_id, direction, from_number, to_number, body, "
                 u"status, provider_sid, client_ref, created_at, updated_at) VALUES (?, ?, "
                 u"'+15550100001', '+15557770001', 'hi', ?, ?, ?, ?, ?)"_s,
                 {account, direction, status, sid, u"ref%1"_s.arg(++m_refs), updatedAt, updatedAt})
                .isActive());
}

void TstPendingStatusQuery::listsNonFinalOutboundBySid()
{
    message(m_acme, u"out"_s, u"sent"_s, u"SM3"_s, 300);
    message(m_acme, u"out"_s, u"queued"_s, u"SM1"_s, 100);
    message(m_acme, u"out"_s, u"accepted"_s, u"SM2"_s, 200);
    message(m_acme, u"out"_s, u"sending"_s, u"SM4"_s, 400);
    message(m_acme, u"out"_s, u"scheduled"_s, u"SM5"_s, 500);
    message(m_acme, u"out"_s, u"delivered"_s, u"SMd"_s, 50);   // final
    message(m_acme, u"out"_s, u"failed"_s, u"SMf"_s, 50);      // final
    message(m_acme, u"out"_s, u"undelivered"_s, u"SMu"_s, 50); // final
    message(m_acme, u"in"_s, u"received"_s, u"SMi"_s, 50);     // inbound
    message(m_acme, u"out"_s, u"queued"_s, QVariant(), 50);    // not accepted yet
    message(m_other, u"out"_s, u"sent"_s, u"SMo"_s, 50);       // another account
    PendingStatusQuery query(db());
    QCOMPARE(query.sids(m_acme),
             std::optional(QStringList{u"SM1"_s, u"SM2"_s, u"SM3"_s, u"SM4"_s, u"SM5"_s}));
    QVERIFY(query.errorString().isEmpty());
    QCOMPARE(query.sids(m_other), std::optional(QStringList{u"SMo"_s}));
}

void TstPendingStatusQuery::errorIsReported()
{
    // A connection that was never opened: every statement fails.
    PendingStatusQuery query{QSqlDatabase()};
    QCOMPARE(query.sids(m_acme), std::nullopt);
    QVERIFY(query.errorString().startsWith(u"cannot list pending messages: "_s));
}

QTEST_GUILESS_MAIN(TstPendingStatusQuery)
#include "tst_pendingstatusquery.moc"
