// ProviderNumberRows: the provider's numbers filed into sender_numbers in one transaction:
// new ones added, known ones refreshed only when they changed, the admin's settings kept, a
// number of another account left there, and nothing written when one number fails.
#include "AccountRows.h"
#include "Database.h"
#include "ProviderNumberRows.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;

namespace {

ProviderNumberRows::Listed listed(const QString &number, const QString &kind, const QString &sid,
                                  double mps = 1.0)
{
    ProviderNumberRows::Listed row;
    row.number = number;
    row.kind = kind;
    row.providerSid = sid;
    row.label = u"Front desk"_s;
    row.throughputMps = mps;
    row.sms = true;
    return row;
}

} // namespace

class TstProviderNumberRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addsNewNumbers();
    void refreshesOnlyWhatChanged();
    void keepsTheAdminsSettings();
    void leavesAnotherAccountsNumber();
    void failureWritesNothing();
    void capabilitiesJson();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QStringList numbers() const
    {
        return rows(db(), u"SELECT account_id, number, kind, provider_sid, label, throughput_mps, "
                          u"capabilities FROM sender_numbers ORDER BY number"_s);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_other = 0;
};

void TstProviderNumberRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"pn.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(m_acme && m_other);
}

void TstProviderNumberRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"pn.sqlite"_s));
}

void TstProviderNumberRows::addsNewNumbers()
{
    ProviderNumberRows store(db());
    const auto outcome = store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN1"_s),
                                              listed(u"74621"_s, u"short_code"_s, u"SC1"_s, 100)});
    QVERIFY2(outcome, qPrintable(store.errorString()));
    QCOMPARE(outcome->added, 2);
    QCOMPARE(outcome->updated, 0);
    QVERIFY(outcome->inOtherAccount.isEmpty());
    const QString acme = QString::number(m_acme);
    QCOMPARE(numbers(), (QStringList{acme + u"|+15550100001|long_code|PN1|Front desk|1|"
                                            u"{\"mms\":false,\"sms\":true,\"voice\":false}"_s,
                                     acme + u"|74621|short_code|SC1|Front desk|100|"
                                            u"{\"mms\":false,\"sms\":true,\"voice\":false}"_s}));
}

void TstProviderNumberRows::refreshesOnlyWhatChanged()
{
    ProviderNumberRows store(db());
    QVERIFY(store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN1"_s),
                                 listed(u"+15550100002"_s, u"long_code"_s, u"PN2"_s)}));
    // The same list again: nothing to write.
    auto again = store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN1"_s),
                                      listed(u"+15550100002"_s, u"long_code"_s, u"PN2"_s)});
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->updated, 0);
    // A new sid for one, new capabilities for the other.
    ProviderNumberRows::Listed mms = listed(u"+15550100002"_s, u"long_code"_s, u"PN2"_s);
    mms.mms = true;
    again = store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN9"_s), mms});
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->updated, 2);
    QCOMPARE(scalar(db(), u"SELECT provider_sid FROM sender_numbers WHERE number = ?"_s,
                    {u"+15550100001"_s})
                 .toString(),
             u"PN9"_s);
    QCOMPARE(scalar(db(),
                    u"SELECT json_extract(capabilities, '$.mms') FROM sender_numbers "
                    u"WHERE number = ?"_s,
                    {u"+15550100002"_s})
                 .toInt(),
             1);
}

void TstProviderNumberRows::keepsTheAdminsSettings()
{
    ProviderNumberRows store(db());
    QVERIFY(store.store(m_acme, {listed(u"33733"_s, u"short_code"_s, u"SC1"_s, 100)}));
    // What the admin decided: a label, a slower rate, a shared short code keyword.
    QVERIFY(exec(db(),
                 u"UPDATE sender_numbers SET label = 'Promos', throughput_mps = 30, "
                 u"kind = 'shared_short_code', provider_keyword = 'BABY' WHERE number = ?"_s,
                 {u"33733"_s})
                .isActive());
    const auto outcome = store.store(m_acme, {listed(u"33733"_s, u"short_code"_s, u"SC2"_s, 100)});
    QVERIFY(outcome);
    QCOMPARE(outcome->updated, 1);
    QCOMPARE(rows(db(), u"SELECT kind, provider_keyword, provider_sid, label, throughput_mps "
                        u"FROM sender_numbers"_s),
             QStringList{u"shared_short_code|BABY|SC2|Promos|30"_s});
}

void TstProviderNumberRows::leavesAnotherAccountsNumber()
{
    ProviderNumberRows store(db());
    QVERIFY(store.store(m_other, {listed(u"+15550100003"_s, u"long_code"_s, u"PN3"_s)}));
    const auto outcome = store.store(m_acme, {listed(u"+15550100003"_s, u"long_code"_s, u"PNX"_s),
                                              listed(u"+15550100004"_s, u"long_code"_s, u"PN4"_s)});
    QVERIFY(outcome);
    QCOMPARE(outcome->added, 1);
    QCOMPARE(outcome->updated, 0);
    QCOMPARE(outcome->inOtherAccount, QStringList{u"+15550100003"_s});
    QCOMPARE(rows(db(), u"SELECT account_id, provider_sid FROM sender_numbers WHERE number = ?"_s,
                  {u"+15550100003"_s}),
             QStringList{QString::number(m_other) + u"|PN3"_s});
}

void TstProviderNumberRows::failureWritesNothing()
{
    ProviderNumberRows store(db());
    // The second number's kind breaks the table's CHECK: the first is not kept either.
    const auto outcome = store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN1"_s),
                                              listed(u"+15550100002"_s, u"fax"_s, u"PN2"_s)});
    QVERIFY(!outcome);
    QVERIFY(store.errorString().startsWith(u"cannot store sender numbers: "_s));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM sender_numbers"_s).toInt(), 0);
    // The connection is usable again (no transaction left open).
    QVERIFY(store.store(m_acme, {listed(u"+15550100001"_s, u"long_code"_s, u"PN1"_s)}));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM sender_numbers"_s).toInt(), 1);
}

void TstProviderNumberRows::capabilitiesJson()
{
    ProviderNumberRows::Listed number;
    number.sms = true;
    number.voice = true;
    QCOMPARE(ProviderNumberRows::capabilitiesJson(number),
             u"{\"mms\":false,\"sms\":true,\"voice\":true}"_s);
}

QTEST_GUILESS_MAIN(TstProviderNumberRows)
#include "tst_providernumberrows.moc"
