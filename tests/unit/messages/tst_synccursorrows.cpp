// SyncCursorRows: a cursor per (account, stream), replaced in place, absent until saved, and
// a read error told apart from "none stored".
#include "AccountRows.h"
#include "Database.h"
#include "StoreTestUtil.h"
#include "SyncCursorRows.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

class TstSyncCursorRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noneUntilSaved();
    void saveReplacesInPlace();
    void accountsAndStreamsAreSeparate();
    void readErrorIsNotNone();

private:
    QSqlDatabase db() const { return m_db->connection(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_other = 0;
};

void TstSyncCursorRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"sc.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(m_acme && m_other);
}

void TstSyncCursorRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"sc.sqlite"_s));
}

void TstSyncCursorRows::noneUntilSaved()
{
    SyncCursorRows rows(db());
    QCOMPARE(rows.load(m_acme, u"messages"_s), std::nullopt);
    QVERIFY(rows.errorString().isEmpty());
    QVERIFY(rows.save(m_acme, u"messages"_s, u"{\"phase\":\"full\"}"_s, 1000));
    QCOMPARE(rows.load(m_acme, u"messages"_s), std::optional(u"{\"phase\":\"full\"}"_s));
    QVERIFY(rows.errorString().isEmpty());
}

void TstSyncCursorRows::saveReplacesInPlace()
{
    SyncCursorRows rows(db());
    QVERIFY(rows.save(m_acme, u"messages"_s, u"one"_s, 1000));
    QVERIFY(rows.save(m_acme, u"messages"_s, u"two"_s, 2000));
    QCOMPARE(rows.load(m_acme, u"messages"_s), std::optional(u"two"_s));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM sync_cursors"_s).toInt(), 1);
    QCOMPARE(scalar(db(), u"SELECT updated_at FROM sync_cursors"_s).toLongLong(), 2000);
}

void TstSyncCursorRows::accountsAndStreamsAreSeparate()
{
    SyncCursorRows rows(db());
    QVERIFY(rows.save(m_acme, u"messages"_s, u"acme"_s, 1000));
    QVERIFY(rows.save(m_other, u"messages"_s, u"other"_s, 1000));
    QVERIFY(rows.save(m_acme, u"team_log"_s, u"log"_s, 1000));
    QCOMPARE(rows.load(m_acme, u"messages"_s), std::optional(u"acme"_s));
    QCOMPARE(rows.load(m_other, u"messages"_s), std::optional(u"other"_s));
    QCOMPARE(rows.load(m_acme, u"team_log"_s), std::optional(u"log"_s));
    QCOMPARE(rows.load(m_other, u"team_log"_s), std::nullopt);
}

void TstSyncCursorRows::readErrorIsNotNone()
{
    QVERIFY(exec(db(), u"DROP TABLE sync_cursors"_s).isActive());
    SyncCursorRows rows(db());
    QCOMPARE(rows.load(m_acme, u"messages"_s), std::nullopt);
    QVERIFY(rows.errorString().startsWith(u"cannot read sync cursor: "_s));
    QVERIFY(!rows.save(m_acme, u"messages"_s, u"x"_s, 1000));
    QVERIFY(rows.errorString().startsWith(u"cannot save sync cursor: "_s));
}

QTEST_GUILESS_MAIN(TstSyncCursorRows)
#include "tst_synccursorrows.moc"
