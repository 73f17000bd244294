// SenderNumberRows for shared short codes and lent numbers: an admin marks a short code as
// shared with its provider keyword (letters only, audited, processes follow), and an account
// may send from its own numbers and the send-only numbers lent to it, from no other.
#include "AccountRows.h"
#include "AuditRows.h"
#include "Database.h"
#include "KeywordProcessRows.h"
#include "SenderNumberRows.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

class TstSharedShortCodeRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void marksAShortCodeShared();
    void providerKeywordIsLettersOnly_data();
    void providerKeywordIsLettersOnly();
    void onlyShortCodesOfTheOwner_data();
    void onlyShortCodesOfTheOwner();
    void unmarkingReturnsToAnExclusiveShortCode();
    void sendingNumber_data();
    void sendingNumber();

private:
    qint64 number(qint64 account, const QString &number, const QString &kind);
    QString kindOf(qint64 id);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_other = 0;
    qint64 m_long = 0;
    qint64 m_short = 0;
    qint64 m_notify = 0; // Acme's send-only number, lent to Other
    qint64 m_notifyUnlent = 0;
};

qint64 TstSharedShortCodeRows::number(qint64 account, const QString &number, const QString &kind)
{
    QSqlQuery query = exec(m_db->connection(),
                           u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
                           u"VALUES (?, ?, ?, 1) RETURNING id"_s,
                           {account, number, kind});
    return query.next() ? query.value(0).toLongLong() : 0;
}

QString TstSharedShortCodeRows::kindOf(qint64 id)
{
    return StoreTestUtil::rows(m_db->connection(),
                               u"SELECT kind, provider_keyword FROM sender_numbers WHERE id = ?"_s,
                               {id})
        .value(0);
}

void TstSharedShortCodeRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"ssc.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(m_db->connection());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    m_long = number(m_acme, u"+15550100001"_s, u"long_code"_s);
    m_short = number(m_acme, u"33733"_s, u"short_code"_s);
    m_notify = number(m_acme, u"+15550100009"_s, u"long_code"_s);
    m_notifyUnlent = number(m_acme, u"+15550100008"_s, u"long_code"_s);
    QVERIFY(m_long && m_short && m_notify && m_notifyUnlent);
    SenderNumberRows rows(m_db->connection());
    QVERIFY(rows.setSendOnly(m_acme, m_notify, true, u"admin"_s));
    QVERIFY(rows.setSendOnly(m_acme, m_notifyUnlent, true, u"admin"_s));
    QVERIFY2(rows.assign(m_notify, m_other, u"admin"_s), qPrintable(rows.errorString()));
}

void TstSharedShortCodeRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"ssc.sqlite"_s));
}

void TstSharedShortCodeRows::marksAShortCodeShared()
{
    // A process made before the code was marked shared moves to the provider keyword with it.
    KeywordProcessRows processes(m_db->connection());
    KeywordProcessRows::Row process;
    process.senderNumberId = m_short;
    process.process = KeywordProcess::create(KeywordProcess::Type::Unsubscribe, u"33733"_s);
    process.reply = u"You are unsubscribed."_s;
    QVERIFY2(processes.create(m_acme, process, u"admin"_s) > 0,
             qPrintable(processes.errorString()));

    SenderNumberRows rows(m_db->connection());
    QVERIFY2(rows.setSharedShortCode(m_acme, m_short, u" desk "_s, u"ana"_s),
             qPrintable(rows.errorString()));
    const auto row = rows.find(m_acme, m_short);
    QVERIFY(row);
    QCOMPARE(row->kind, u"shared_short_code"_s);
    QCOMPARE(row->providerKeyword, u"DESK"_s); // trimmed, upper-case as the provider keeps it
    const auto stored = processes.listFor(m_acme, m_short);
    QVERIFY(stored && stored->size() == 1);
    QCOMPARE(stored->first().process.providerKeyword, row->providerKeyword);

    const auto audit = AuditRows(m_db->connection()).recent(m_acme, 1);
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().actor, u"ana"_s);
    QCOMPARE(audit.first().action, u"sender_number.shared_short_code"_s);
    QCOMPARE(audit.first().subjectId, m_short);
    QVERIFY(audit.first().occurredAtMs > 0);
    QCOMPARE(audit.first().details.value(u"provider_keyword"_s).toString(), row->providerKeyword);
    QCOMPARE(audit.first().details.value(u"previous_kind"_s).toString(), u"short_code"_s);
}

void TstSharedShortCodeRows::providerKeywordIsLettersOnly_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("named"); // what the message must name
    QTest::newRow("digit") << u"DE5K"_s << u"‘5’"_s;
    QTest::newRow("space") << u"MY DESK"_s << u"space"_s;
    QTest::newRow("punctuation") << u"DESK!"_s << u"‘!’"_s;
    QTest::newRow("hyphen") << u"SMS-DESK"_s << u"‘-’"_s;
}

void TstSharedShortCodeRows::providerKeywordIsLettersOnly()
{
    QFETCH(QString, keyword);
    QFETCH(QString, named);
    const QString before = kindOf(m_short);
    const auto auditBefore = AuditRows(m_db->connection()).recent(m_acme).size();
    SenderNumberRows rows(m_db->connection());
    QVERIFY(!rows.setSharedShortCode(m_acme, m_short, keyword, u"ana"_s));
    QVERIFY2(rows.errorString().contains(named), qPrintable(rows.errorString()));
    QVERIFY2(rows.errorString().contains(u"Provider keyword"_s), qPrintable(rows.errorString()));
    QCOMPARE(kindOf(m_short), before);
    QCOMPARE(AuditRows(m_db->connection()).recent(m_acme).size(), auditBefore);
}

void TstSharedShortCodeRows::onlyShortCodesOfTheOwner_data()
{
    QTest::addColumn<bool>("fromOther"); // Other asks, for Acme's number
    QTest::addColumn<bool>("longCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a long code") << false << true << u"not a short code"_s;
    QTest::newRow("another account's short code") << true << false << u"not a number"_s;
}

void TstSharedShortCodeRows::onlyShortCodesOfTheOwner()
{
    QFETCH(bool, fromOther);
    QFETCH(bool, longCode);
    QFETCH(QString, expected);
    const qint64 id = longCode ? m_long : m_short;
    const QString before = kindOf(id);
    SenderNumberRows rows(m_db->connection());
    QVERIFY(!rows.setSharedShortCode(fromOther ? m_other : m_acme, id, u"DESK"_s, u"ana"_s));
    QVERIFY2(rows.errorString().contains(expected), qPrintable(rows.errorString()));
    QCOMPARE(kindOf(id), before);
}

void TstSharedShortCodeRows::unmarkingReturnsToAnExclusiveShortCode()
{
    SenderNumberRows rows(m_db->connection());
    QVERIFY(rows.setSharedShortCode(m_acme, m_short, u"DESK"_s, u"ana"_s));
    QVERIFY2(rows.setSharedShortCode(m_acme, m_short, QString(), u"ana"_s),
             qPrintable(rows.errorString()));
    QCOMPARE(kindOf(m_short), u"short_code|"_s);
    QCOMPARE(AuditRows(m_db->connection())
                 .recent(m_acme, 1)
                 .first()
                 .details.value(u"previous_provider_keyword"_s)
                 .toString(),
             u"DESK"_s);
}

void TstSharedShortCodeRows::sendingNumber_data()
{
    QTest::addColumn<bool>("asOther");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("own number") << false << u"+15550100001"_s << true;
    QTest::newRow("own send-only number") << false << u"+15550100009"_s << true;
    QTest::newRow("lent send-only number") << true << u"+15550100009"_s << true;
    QTest::newRow("send-only, not lent") << true << u"+15550100008"_s << false;
    QTest::newRow("another account's two-way number") << true << u"+15550100001"_s << false;
    QTest::newRow("no such number") << false << u"+15550109999"_s << false;
}

void TstSharedShortCodeRows::sendingNumber()
{
    QFETCH(bool, asOther);
    QFETCH(QString, number);
    QFETCH(bool, allowed);
    SenderNumberRows rows(m_db->connection());
    const auto id = rows.sendingNumberId(asOther ? m_other : m_acme, number);
    QCOMPARE(id.has_value(), allowed);
    if (allowed) {
        QCOMPARE(*id, scalar(m_db->connection(),
                             u"SELECT id FROM sender_numbers WHERE number = ?"_s, {number})
                          .toLongLong());
    } else {
        QVERIFY2(rows.errorString().contains(number), qPrintable(rows.errorString()));
    }
}

QTEST_GUILESS_MAIN(TstSharedShortCodeRows)
#include "tst_sharedshortcoderows.moc"
