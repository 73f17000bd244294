// SenderNumberRows: details and settings with audit entries, one account per number unless
// send-only (then shared), the unrouted replies list, and no read crossing accounts.
#include "AccountRows.h"
#include "AuditRows.h"
#include "Database.h"
#include "MessageStore.h"
#include "SenderNumberRows.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

class TstSenderNumberRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsTheAccountsNumbers();
    void detailsAreValidatedAndAudited_data();
    void detailsAreValidatedAndAudited();
    void providerAnswersSetting_data();
    void providerAnswersSetting();
    void assignRefusedUnlessSendOnly();
    void unroutedRepliesStayInTheirAccount();
    void otherAccountCannotChange();

private:
    qint64 number(qint64 account, const QString &number, const QString &kind,
                  const QString &keyword = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_acme = 0;
    qint64 m_other = 0;
    qint64 m_long = 0;
    qint64 m_toll = 0;
    qint64 m_short = 0;
    qint64 m_shared = 0;
    qint64 m_theirs = 0;
};

qint64 TstSenderNumberRows::number(qint64 account, const QString &number, const QString &kind,
                                   const QString &keyword)
{
    QSqlQuery query =
        exec(m_db->connection(),
             u"INSERT INTO sender_numbers (account_id, number, kind, "
             u"provider_keyword, throughput_mps) VALUES (?, ?, ?, ?, 1) RETURNING id"_s,
             {account, number, kind, keyword.isNull() ? u""_s : keyword});
    return query.next() ? query.value(0).toLongLong() : 0;
}

void TstSenderNumberRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"sn.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(m_db->connection());
    m_acme = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    m_long = number(m_acme, u"+15550100001"_s, u"long_code"_s);
    m_toll = number(m_acme, u"+18445550100"_s, u"toll_free"_s);
    m_short = number(m_acme, u"74621"_s, u"short_code"_s);
    m_shared = number(m_acme, u"33733"_s, u"shared_short_code"_s, u"BABY"_s);
    m_theirs = number(m_other, u"+15550100003"_s, u"long_code"_s);
    QVERIFY(m_long && m_toll && m_short && m_shared && m_theirs);
}

void TstSenderNumberRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"sn.sqlite"_s));
}

void TstSenderNumberRows::listsTheAccountsNumbers()
{
    SenderNumberRows rows(m_db->connection());
    const auto mine = rows.list(m_acme);
    QVERIFY2(mine, qPrintable(rows.errorString()));
    QStringList numbers;
    for (const auto &row : *mine) {
        numbers.append(row.number + u'/' + row.kind + u'/' + row.providerKeyword);
        QCOMPARE(row.accountName, u"Acme"_s);
    }
    QCOMPARE(numbers, (QStringList{u"+15550100001/long_code/"_s, u"+18445550100/toll_free/"_s,
                                   u"33733/shared_short_code/BABY"_s, u"74621/short_code/"_s}));
    QCOMPARE(rows.list(m_other)->size(), 1);
    QVERIFY(!rows.find(m_other, m_long));
}

void TstSenderNumberRows::detailsAreValidatedAndAudited_data()
{
    QTest::addColumn<double>("mps");
    QTest::addColumn<int>("cap"); // 0: none
    QTest::addColumn<QString>("error");
    QTest::newRow("ok") << 3.0 << 5000 << QString();
    QTest::newRow("no cap") << 1.0 << 0 << QString();
    QTest::newRow("zero throughput") << 0.0 << 0 << u"throughput"_s;
    QTest::newRow("negative cap") << 1.0 << -5 << u"daily cap"_s;
}

void TstSenderNumberRows::detailsAreValidatedAndAudited()
{
    QFETCH(double, mps);
    QFETCH(int, cap);
    QFETCH(QString, error);
    SenderNumberRows rows(m_db->connection());
    const std::optional<int> dailyCap = cap == 0 ? std::nullopt : std::optional<int>(cap);
    const bool ok = rows.setDetails(m_acme, m_long, u" Support "_s, mps, dailyCap, u"ana"_s);
    QCOMPARE(ok, error.isEmpty());
    const QString message = rows.errorString();
    const auto row = rows.find(m_acme, m_long);
    if (ok) {
        QCOMPARE(row->label, u"Support"_s);
        QCOMPARE(row->throughputMps, mps);
        QCOMPARE(row->dailyCap, dailyCap);
        QCOMPARE(AuditRows(m_db->connection()).recent(m_acme).first().action,
                 u"sender_number.edit"_s);
    } else {
        QVERIFY2(message.contains(error), qPrintable(message));
        QCOMPARE(row->label, QString());
        QVERIFY(AuditRows(m_db->connection()).recent(m_acme).isEmpty());
    }
}

void TstSenderNumberRows::providerAnswersSetting_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<int>("setting"); // -1 unset, 0, 1
    QTest::addColumn<bool>("applies");
    QTest::newRow("long code default") << u"long"_s << -1 << true;
    QTest::newRow("long code off") << u"long"_s << 0 << false;
    QTest::newRow("toll-free always") << u"toll"_s << 0 << true;
    QTest::newRow("short code default") << u"short"_s << -1 << false;
    QTest::newRow("short code advanced opt-out") << u"short"_s << 1 << true;
    QTest::newRow("shared short code never") << u"shared"_s << 1 << false;
}

void TstSenderNumberRows::providerAnswersSetting()
{
    QFETCH(QString, which);
    QFETCH(int, setting);
    QFETCH(bool, applies);
    const qint64 id = which == u"long"_s    ? m_long
                      : which == u"toll"_s  ? m_toll
                      : which == u"short"_s ? m_short
                                            : m_shared;
    SenderNumberRows rows(m_db->connection());
    const std::optional<bool> value =
        setting < 0 ? std::nullopt : std::optional<bool>(setting == 1);
    QVERIFY2(rows.setProviderAnswersKeywords(m_acme, id, value, u"ana"_s),
             qPrintable(rows.errorString()));
    QCOMPARE(rows.find(m_acme, id)->providerAnswersSetting, value);
    QCOMPARE(rows.find(m_acme, id)->providerAnswersKeywords, applies);
}

void TstSenderNumberRows::assignRefusedUnlessSendOnly()
{
    SenderNumberRows rows(m_db->connection());
    QVERIFY(!rows.assign(m_long, m_other, u"ana"_s));
    QVERIFY2(rows.errorString().contains(u"already belongs to the account “Acme”"_s),
             qPrintable(rows.errorString()));
    QVERIFY(rows.list(m_other)->size() == 1);

    QVERIFY(rows.setSendOnly(m_acme, m_long, true, u"ana"_s));
    QVERIFY2(rows.assign(m_long, m_other, u"ana"_s), qPrintable(rows.errorString()));
    const auto theirs = rows.list(m_other);
    QCOMPARE(theirs->size(), 2);
    const auto borrowed = std::find_if(theirs->cbegin(), theirs->cend(),
                                       [&](const auto &r) { return r.id == m_long; });
    QVERIFY(borrowed != theirs->cend());
    QVERIFY(borrowed->sharedIn);
    QVERIFY(borrowed->sendOnly);
    QCOMPARE(rows.find(m_acme, m_long)->sharedWithAccountIds, QList<qint64>{m_other});
    // The borrower cannot change the owner's number.
    QVERIFY(!rows.setDetails(m_other, m_long, u"Mine"_s, 1, std::nullopt, u"eve"_s));
    // Two-way again only once nobody else uses it.
    QVERIFY(!rows.setSendOnly(m_acme, m_long, false, u"ana"_s));
    QVERIFY(rows.errorString().contains(u"stop sharing"_s));
    QVERIFY(rows.unshare(m_long, m_other, u"ana"_s));
    QVERIFY(rows.setSendOnly(m_acme, m_long, false, u"ana"_s));
    QCOMPARE(rows.list(m_other)->size(), 1);
}

void TstSenderNumberRows::unroutedRepliesStayInTheirAccount()
{
    SenderNumberRows rows(m_db->connection());
    QVERIFY(rows.setSendOnly(m_acme, m_toll, true, u"ana"_s));
    MessageStore store(m_db->connection());
    const auto record = [](int n, const QString &from, const QString &to) {
        MessageRecord r;
        r.sid = u"SM%1"_s.arg(n, 32, 10, QLatin1Char('0'));
        r.from = from;
        r.to = to;
        r.body = u"reply %1"_s.arg(n);
        r.status = u"received"_s;
        r.dateCreated = r.dateUpdated = QDateTime::currentDateTimeUtc().addSecs(n);
        return r;
    };
    QVERIFY(store.upsertPage(m_acme,
                             {record(1, u"+15557770001"_s, u"+18445550100"_s),
                              record(2, u"+15557770002"_s, u"+15550100001"_s)},
                             nullptr));
    QVERIFY(store.upsertPage(m_other, {record(3, u"+15557770003"_s, u"+15550100999"_s)}, nullptr));
    const auto mine = rows.unroutedReplies(m_acme);
    QCOMPARE(mine->size(), 1);
    QCOMPARE(mine->first().from, u"+15557770001"_s);
    QCOMPARE(mine->first().to, u"+18445550100"_s);
    const auto theirs = rows.unroutedReplies(m_other);
    QCOMPARE(theirs->size(), 1);
    QCOMPARE(theirs->first().from, u"+15557770003"_s);
}

void TstSenderNumberRows::otherAccountCannotChange()
{
    SenderNumberRows rows(m_db->connection());
    QVERIFY(!rows.setDetails(m_other, m_long, u"x"_s, 1, std::nullopt, u"eve"_s));
    QVERIFY(!rows.setProviderAnswersKeywords(m_other, m_long, false, u"eve"_s));
    QVERIFY(!rows.setSendOnly(m_other, m_long, true, u"eve"_s));
    QCOMPARE(rows.find(m_acme, m_long)->label, QString());
    QVERIFY(!rows.find(m_acme, m_long)->sendOnly);
}

QTEST_GUILESS_MAIN(TstSenderNumberRows)
#include "tst_sendernumberrows.moc"
