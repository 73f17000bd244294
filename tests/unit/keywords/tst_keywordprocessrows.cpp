// KeywordProcessRows and ConfirmationRuleRows: validation on save (one Unsubscribe and one
// Help per number / provider keyword, letters-only keywords, country rule), the lifecycle,
// audit entries, and that no read or write crosses accounts.
#include "AccountRows.h"
#include "AuditRows.h"
#include "ConfirmationRuleRows.h"
#include "Database.h"
#include "KeywordProcessRows.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;
using Type = KeywordProcess::Type;
using Action = KeywordProcessLifecycle::Action;

class TstKeywordProcessRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void onePerType_data();
    void onePerType();
    void customKeywordNamesTheBadCharacter_data();
    void customKeywordNamesTheBadCharacter();
    void lifecycleIsAudited();
    void countryRuleRequiresAReply();
    void otherAccountCannotReadOrChange();

private:
    qint64 number(qint64 account, const QString &number, const QString &kind,
                  const QString &providerKeyword = {});
    KeywordProcessRows::Row row(qint64 numberId, Type type, const QString &reply = u"Reply"_s);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
    qint64 m_long = 0;
    qint64 m_shared = 0;
    qint64 m_shared2 = 0;
};

qint64 TstKeywordProcessRows::number(qint64 account, const QString &number, const QString &kind,
                                     const QString &providerKeyword)
{
    QSqlQuery query =
        exec(m_db->connection(),
             u"INSERT INTO sender_numbers (account_id, number, kind, "
             u"provider_keyword, throughput_mps) VALUES (?, ?, ?, ?, 1) RETURNING id"_s,
             {account, number, kind, providerKeyword.isNull() ? u""_s : providerKeyword});
    return query.next() ? query.value(0).toLongLong() : 0;
}

KeywordProcessRows::Row TstKeywordProcessRows::row(qint64 numberId, Type type, const QString &reply)
{
    KeywordProcessRows::Row r;
    r.senderNumberId = numberId;
    r.process = KeywordProcess::create(type, {});
    r.reply = reply;
    return r;
}

void TstKeywordProcessRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"kp.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(m_db->connection());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    m_long = number(m_account, u"+15550100001"_s, u"long_code"_s);
    m_shared = number(m_account, u"33733"_s, u"shared_short_code"_s, u"BABY"_s);
    // The same shared short code under another provider keyword is another client's.
    m_shared2 = number(m_other, u"33734"_s, u"shared_short_code"_s, u"KIDS"_s);
    QVERIFY(m_long && m_shared && m_shared2);
}

void TstKeywordProcessRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"kp.sqlite"_s));
}

void TstKeywordProcessRows::onePerType_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("secondAllowed");
    QTest::newRow("unsubscribe") << int(Type::Unsubscribe) << false;
    QTest::newRow("help") << int(Type::Help) << false;
}

void TstKeywordProcessRows::onePerType()
{
    QFETCH(int, type);
    QFETCH(bool, secondAllowed);
    KeywordProcessRows rows(m_db->connection());
    QVERIFY2(rows.create(m_account, row(m_long, Type(type)), u"ana"_s) > 0,
             qPrintable(rows.errorString()));
    // Another number (the shared short code) may have its own.
    QVERIFY2(rows.create(m_account, row(m_shared, Type(type)), u"ana"_s) > 0,
             qPrintable(rows.errorString()));
    const qint64 second = rows.create(m_account, row(m_long, Type(type)), u"ana"_s);
    QCOMPARE(second > 0, secondAllowed);
    const auto errors = rows.problems();
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(), [](const auto &p) {
        return p.error == KeywordValidator::Error::SecondUnsubscribeProcess ||
               p.error == KeywordValidator::Error::SecondHelpProcess;
    }));
    QCOMPARE(rows.list(m_account)->size(), 2);
}

void TstKeywordProcessRows::customKeywordNamesTheBadCharacter_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("named");
    QTest::newRow("digit") << u"PROMO1"_s << u"‘1’"_s;
    QTest::newRow("punctuation") << u"SALE!"_s << u"‘!’"_s;
    QTest::newRow("space") << u"BIG SALE"_s << u"space"_s;
}

void TstKeywordProcessRows::customKeywordNamesTheBadCharacter()
{
    QFETCH(QString, keyword);
    QFETCH(QString, named);
    KeywordProcessRows rows(m_db->connection());
    auto r = row(m_long, Type::AutoReply);
    r.process.keywords = {keyword};
    QCOMPARE(rows.create(m_account, r, u"ana"_s), 0);
    QVERIFY2(rows.errorString().contains(named), qPrintable(rows.errorString()));
    QVERIFY(rows.list(m_account)->isEmpty());
}

void TstKeywordProcessRows::lifecycleIsAudited()
{
    KeywordProcessRows rows(m_db->connection());
    auto r = row(m_long, Type::AutoReply, u"Code 42"_s);
    r.process.keywords = {u"PROMO"_s};
    const qint64 id = rows.create(m_account, r, u"ana"_s);
    QVERIFY2(id > 0, qPrintable(rows.errorString()));
    QCOMPARE(rows.find(m_account, id)->process.status, KeywordProcess::Status::New);
    QVERIFY(!rows.apply(m_account, id, Action::Pause, u"ana"_s)); // never started
    QVERIFY(rows.apply(m_account, id, Action::Start, u"ana"_s));
    QCOMPARE(rows.find(m_account, id)->process.status, KeywordProcess::Status::Started);
    auto edited = *rows.find(m_account, id);
    edited.process.keywords.append(u"DEAL"_s);
    QVERIFY2(rows.update(m_account, edited, u"bo"_s), qPrintable(rows.errorString()));
    QCOMPARE(rows.find(m_account, id)->process.keywords, (QStringList{u"PROMO"_s, u"DEAL"_s}));
    QCOMPARE(rows.find(m_account, id)->process.status, KeywordProcess::Status::Started);
    QVERIFY(rows.apply(m_account, id, Action::Pause, u"bo"_s));
    QVERIFY(rows.apply(m_account, id, Action::Delete, u"bo"_s));
    QVERIFY(!rows.find(m_account, id));

    QStringList actions;
    for (const auto &entry : AuditRows(m_db->connection()).recent(m_account))
        actions.prepend(entry.actor + u':' + entry.action);
    QCOMPARE(actions, (QStringList{u"ana:keyword_process.create"_s, u"ana:keyword_process.start"_s,
                                   u"bo:keyword_process.edit"_s, u"bo:keyword_process.pause"_s,
                                   u"bo:keyword_process.delete"_s}));
}

void TstKeywordProcessRows::countryRuleRequiresAReply()
{
    // A US number: a confirmation is Required by default, so an Unsubscribe needs a reply;
    // once the account makes it Optional, it does not.
    KeywordProcessRows rows(m_db->connection());
    QCOMPARE(rows.create(m_account, row(m_long, Type::Unsubscribe, {}), u"ana"_s), 0);
    QVERIFY(std::any_of(rows.problems().cbegin(), rows.problems().cend(), [](const auto &p) {
        return p.error == KeywordValidator::Error::ReplyRequiredByCountry;
    }));
    ConfirmationRuleRows rules(m_db->connection());
    QVERIFY(!rules.set(m_account, u"U1"_s, ConfirmationRule::Rule::Optional, u"ana"_s));
    QVERIFY(rules.errorString().contains(u"U1"_s));
    QVERIFY(rules.set(m_account, u"us"_s, ConfirmationRule::Rule::Optional, u"ana"_s));
    QCOMPARE(rules.load(m_account)->ruleFor(u"US"), ConfirmationRule::Rule::Optional);
    QCOMPARE(rules.load(m_other)->ruleFor(u"US"), ConfirmationRule::Rule::Required);
    QVERIFY2(rows.create(m_account, row(m_long, Type::Unsubscribe, {}), u"ana"_s) > 0,
             qPrintable(rows.errorString()));
}

void TstKeywordProcessRows::otherAccountCannotReadOrChange()
{
    KeywordProcessRows rows(m_db->connection());
    const qint64 id = rows.create(m_account, row(m_long, Type::Help), u"ana"_s);
    QVERIFY(id > 0);
    // Not on another account's number, not readable nor changeable from another account.
    QCOMPARE(rows.create(m_other, row(m_long, Type::Help), u"eve"_s), 0);
    QCOMPARE(rows.create(m_account, row(m_shared2, Type::Help), u"eve"_s), 0);
    QVERIFY(rows.list(m_other)->isEmpty());
    QVERIFY(rows.listFor(m_other, m_long)->isEmpty());
    QVERIFY(!rows.find(m_other, id));
    QVERIFY(!rows.apply(m_other, id, Action::Delete, u"eve"_s));
    auto edit = *rows.find(m_account, id);
    QVERIFY(!rows.update(m_other, edit, u"eve"_s));
    QCOMPARE(rows.list(m_account)->size(), 1);
    QVERIFY(AuditRows(m_db->connection()).recent(m_other).isEmpty());
}

QTEST_GUILESS_MAIN(TstKeywordProcessRows)
#include "tst_keywordprocessrows.moc"
