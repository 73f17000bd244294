// InboundKeywordProcessor's rules on a real profile, one inbound text per row: matching
// (case, punctuation, non-Latin, shared short codes), consent, the reply decision (provider
// defaults, per-number setting, country rule, paused processes, send-only numbers).
#include "AccountRows.h"
#include "ConfirmationRuleRows.h"
#include "ConsentRows.h"
#include "Database.h"
#include "InboundKeywordProcessor.h"
#include "KeywordNoteRows.h"
#include "KeywordProcessRows.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"
#include "UnansweredKeywords.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;

namespace {

const QString LC = u"+15550100001"_s;     // long code, the provider answers its defaults
const QString LC2 = u"+15550100002"_s;    // long code, the admin turned that off
const QString SC = u"74621"_s;            // exclusive short code
const QString SSC = u"33733"_s;           // shared short code, provider keyword BABY
const QString NOTIFY = u"+15550100009"_s; // send-only notifications: replies are unrouted
const QString OTHER = u"+15550100003"_s;  // another account's long code

} // namespace

class TstInboundKeywordProcessor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rules_data();
    void rules();
    void oldMessagesGetNoReply();
    void oldKeywordsAnsweredBackThenAreNotNoted();
    void otherAccountsAreUntouched();
    void secondRunDoesNothing();

private:
    qint64 addNumber(qint64 account, const QString &number, const QString &kind,
                     const QString &providerKeyword = {});
    void addProcess(qint64 account, const QString &number, KeywordProcess::Type type,
                    const QString &reply, const QStringList &extra = {},
                    KeywordProcess::Status status = KeywordProcess::Status::Started);
    QString inbound(qint64 account, const QString &from, const QString &to, const QString &body,
                    const QDateTime &at = QDateTime::currentDateTimeUtc());

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_store;
    qint64 m_account = 0;
    qint64 m_other = 0;
    int m_sid = 0;
};

qint64 TstInboundKeywordProcessor::addNumber(qint64 account, const QString &number,
                                             const QString &kind, const QString &providerKeyword)
{
    QSqlQuery query =
        exec(m_db->connection(),
             u"INSERT INTO sender_numbers (account_id, number, kind, provider_keyword, "
             u"throughput_mps) VALUES (?, ?, ?, ?, 1) RETURNING id"_s,
             {account, number, kind, providerKeyword.isNull() ? u""_s : providerKeyword});
    return query.next() ? query.value(0).toLongLong() : 0;
}

void TstInboundKeywordProcessor::addProcess(qint64 account, const QString &number,
                                            KeywordProcess::Type type, const QString &reply,
                                            const QStringList &extra, KeywordProcess::Status status)
{
    KeywordProcessRows::Row row;
    row.senderNumberId =
        scalar(m_db->connection(), u"SELECT id FROM sender_numbers WHERE number = ?"_s, {number})
            .toLongLong();
    row.process = KeywordProcess::create(type, number);
    row.process.keywords += extra;
    row.process.status = status;
    row.reply = reply;
    KeywordProcessRows processes(m_db->connection());
    QVERIFY2(processes.create(account, row, u"admin"_s) > 0, qPrintable(processes.errorString()));
}

QString TstInboundKeywordProcessor::inbound(qint64 account, const QString &from, const QString &to,
                                            const QString &body, const QDateTime &at)
{
    MessageRecord record;
    record.sid = u"SM%1"_s.arg(++m_sid, 32, 10, QLatin1Char('0'));
    record.direction = MessageRecord::Direction::Inbound;
    record.from = from;
    record.to = to;
    record.body = body;
    record.status = u"received"_s;
    record.dateCreated = at;
    record.dateUpdated = at;
    if (!m_store->upsertPage(account, {record}, nullptr))
        qWarning("upsert failed: %s", qPrintable(m_store->errorString()));
    return record.sid;
}

void TstInboundKeywordProcessor::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"kw.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_store = std::make_unique<MessageStore>(m_db->connection());
    AccountRows accounts(m_db->connection());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(addNumber(m_account, LC, u"long_code"_s));
    QVERIFY(addNumber(m_account, LC2, u"long_code"_s));
    QVERIFY(addNumber(m_account, SC, u"short_code"_s));
    QVERIFY(addNumber(m_account, SSC, u"shared_short_code"_s, u"BABY"_s));
    QVERIFY(addNumber(m_account, NOTIFY, u"long_code"_s));
    QVERIFY(addNumber(m_other, OTHER, u"long_code"_s));
    exec(m_db->connection(),
         u"UPDATE sender_numbers SET provider_answers_keywords = 0 WHERE number = ?"_s, {LC2});
    exec(m_db->connection(),
         u"UPDATE sender_numbers SET send_only_notifications = 1 WHERE number = ?"_s, {NOTIFY});
    using T = KeywordProcess::Type;
    addProcess(m_account, LC, T::Unsubscribe, u"Bye"_s);
    addProcess(m_account, LC, T::Help, u"Help"_s);
    addProcess(m_account, LC, T::AutoReply, u"Promo"_s, {u"PROMO"_s, u"ΠΡΟΣΦΟΡΑ"_s});
    addProcess(m_account, LC2, T::Unsubscribe, u"Bye2"_s);
    addProcess(m_account, LC2, T::Help, u"Help2"_s);
    addProcess(m_account, SC, T::Unsubscribe, u"Bye SC"_s);
    addProcess(m_account, SC, T::Subscribe, u"Welcome"_s, {u"JOIN"_s});
    addProcess(m_account, SC, T::Help, u"Paused help"_s, {}, KeywordProcess::Status::Paused);
    addProcess(m_account, SSC, T::Unsubscribe, u"Baby bye"_s);
    addProcess(m_other, OTHER, T::Unsubscribe, u"Other bye"_s);
    ConfirmationRuleRows rules(m_db->connection());
    QVERIFY(rules.set(m_account, u"gb"_s, ConfirmationRule::Rule::Prohibited, u"admin"_s));
}

void TstInboundKeywordProcessor::cleanup()
{
    m_store.reset();
    m_db.reset();
    QFile::remove(m_dir.filePath(u"kw.sqlite"_s));
}

void TstInboundKeywordProcessor::rules_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("outcome"); // keyword_runs.outcome
    QTest::addColumn<QString>("consent"); // opt_in, opt_out or ''
    QTest::addColumn<QString>("reply");   // the queued body, '' for none
    const QString us = u"+15557770001"_s;
    const QString gb = u"+442071838750"_s;
    QTest::newRow("STOP, provider answered")
        << LC << us << u"STOP"_s << u"matched"_s << u"opt_out"_s << QString();
    QTest::newRow("spaces around")
        << LC << us << u"  STOP \n"_s << u"matched"_s << u"opt_out"_s << QString();
    QTest::newRow("stop, setting off")
        << LC2 << us << u"stop"_s << u"matched"_s << u"opt_out"_s << u"Bye2"_s;
    QTest::newRow("HeLp, setting off")
        << LC2 << us << u"HeLp"_s << u"matched"_s << QString() << u"Help2"_s;
    QTest::newRow("HELP, provider answered")
        << LC << us << u"HELP"_s << u"matched"_s << QString() << QString();
    QTest::newRow("word inside a sentence") << LC << us << u"We have got to STOP this bill"_s
                                            << u"no_match"_s << QString() << QString();
    QTest::newRow("punctuation") << LC2 << us << u"STOP."_s << u"near_miss"_s << QString()
                                 << QString();
    QTest::newRow("custom keyword")
        << LC << us << u"promo"_s << u"matched"_s << QString() << u"Promo"_s;
    QTest::newRow("non-Latin custom keyword")
        << LC << us << u"προσφορα"_s << u"matched"_s << QString() << u"Promo"_s;
    QTest::newRow("JOIN on short code")
        << SC << us << u"Join"_s << u"matched"_s << u"opt_in"_s << u"Welcome"_s;
    QTest::newRow("STOP on short code")
        << SC << us << u"STOP"_s << u"matched"_s << u"opt_out"_s << u"Bye SC"_s;
    QTest::newRow("paused help") << SC << us << u"help"_s << u"no_match"_s << QString()
                                 << QString();
    QTest::newRow("shared: keyword first")
        << SSC << us << u"baby STOP"_s << u"matched"_s << u"opt_out"_s << u"Baby bye"_s;
    QTest::newRow("shared: bare stop")
        << SSC << us << u"stop"_s << u"no_match"_s << QString() << QString();
    QTest::newRow("shared: other client's keyword")
        << SSC << us << u"kids stop"_s << u"no_match"_s << QString() << QString();
    QTest::newRow("country prohibits confirmation")
        << LC2 << gb << u"STOP"_s << u"matched"_s << u"opt_out"_s << QString();
    QTest::newRow("send-only number: provider's STOP")
        << NOTIFY << us << u"STOP"_s << u"provider_default"_s << u"opt_out"_s << QString();
    QTest::newRow("ordinary text")
        << LC << us << u"Thanks!"_s << u"no_match"_s << QString() << QString();
}

void TstInboundKeywordProcessor::rules()
{
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(QString, body);
    QFETCH(QString, outcome);
    QFETCH(QString, consent);
    QFETCH(QString, reply);
    const QString sid = inbound(m_account, from, to, body);

    InboundKeywordProcessor processor(m_db->connection(), m_store.get());
    const auto result = processor.run(m_account);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
    QCOMPARE(result.processed, 1);
    const QSqlDatabase db = m_db->connection();
    QCOMPARE(scalar(db,
                    u"SELECT k.outcome FROM keyword_runs k JOIN messages m ON m.id = k.message_id "
                    u"WHERE m.provider_sid = ?"_s,
                    {sid})
                 .toString(),
             outcome);
    QCOMPARE(rows(db, u"SELECT kind FROM consent_events WHERE message_sid = ?"_s, {sid}),
             consent.isEmpty() ? QStringList() : QStringList{consent});
    const QStringList replies = rows(db, u"SELECT body FROM messages WHERE client_ref = ?"_s,
                                     {InboundKeywordProcessor::replyClientRef(sid, 0)});
    QCOMPARE(replies, reply.isEmpty() ? QStringList() : QStringList{reply});
    QCOMPARE(result.queuedReplyIds.size(), replies.size());
    // Whatever happened, the note says so when a keyword was involved.
    const QString note = scalar(db,
                                u"SELECT k.note FROM keyword_runs k JOIN messages m ON "
                                u"m.id = k.message_id WHERE m.provider_sid = ?"_s,
                                {sid})
                             .toString();
    QCOMPARE(note.isEmpty(), outcome == u"no_match"_s);
}

void TstInboundKeywordProcessor::oldMessagesGetNoReply()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString sid = inbound(m_account, u"+15557770002"_s, LC2, u"STOP"_s, now.addDays(-3));
    InboundKeywordProcessor processor(m_db->connection(), m_store.get());
    const auto result = processor.run(m_account);
    QCOMPARE(result.optOuts, 1);
    QVERIFY(result.queuedReplyIds.isEmpty());
    QVERIFY(scalar(m_db->connection(), u"SELECT note FROM keyword_runs"_s)
                .toString()
                .contains(u"not answered automatically (older than 24 h)"_s));
    // Agents see it in the thread, among its notes (never sent to the customer).
    QCOMPARE(
        scalar(m_db->connection(), u"SELECT author || ': ' || body FROM thread_notes"_s).toString(),
        u"SMS Desk: STOP received 72 h ago was not answered automatically (older than 24 h)"_s);
    QCOMPARE(UnansweredKeywords(m_db->connection()).count(m_account), 1);
    Q_UNUSED(sid)
}

void TstInboundKeywordProcessor::oldKeywordsAnsweredBackThenAreNotNoted()
{
    // A teammate's desktop answered it two days ago (the answer is in the synced thread), or
    // it is from last month (a long history's first sync): no "not answered" note.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    inbound(m_account, u"+15557770012"_s, LC2, u"STOP"_s, now.addDays(-2));
    MessageRecord answer;
    answer.sid = u"SManswer0000000000000000000000001"_s;
    answer.direction = MessageRecord::Direction::Outbound;
    answer.from = LC2;
    answer.to = u"+15557770012"_s;
    answer.body = u"You are unsubscribed."_s;
    answer.status = u"delivered"_s;
    answer.dateCreated = answer.dateUpdated = now.addDays(-2).addSecs(5);
    QVERIFY(m_store->upsertPage(m_account, {answer}, nullptr));
    inbound(m_account, u"+15557770013"_s, LC2, u"STOP"_s, now.addDays(-30));
    InboundKeywordProcessor processor(m_db->connection(), m_store.get());
    QCOMPARE(processor.run(m_account).optOuts, 2);
    QCOMPARE(scalar(m_db->connection(), u"SELECT count(*) FROM thread_notes"_s).toInt(), 0);
}

void TstInboundKeywordProcessor::otherAccountsAreUntouched()
{
    // The other account's STOP is not this account's business, and its process never
    // answers this account's customers.
    inbound(m_other, u"+15557770003"_s, OTHER, u"STOP"_s);
    InboundKeywordProcessor processor(m_db->connection(), m_store.get());
    QCOMPARE(processor.run(m_account).processed, 0);
    QCOMPARE(scalar(m_db->connection(), u"SELECT count(*) FROM keyword_runs"_s).toInt(), 0);
    const auto theirs = processor.run(m_other);
    QCOMPARE(theirs.processed, 1);
    QCOMPARE(theirs.optOuts, 1);
    // The thread's note is read in its own account only.
    const qint64 thread =
        scalar(m_db->connection(), u"SELECT thread_id FROM keyword_runs WHERE account_id = ?"_s,
               {m_other})
            .toLongLong();
    QVERIFY(thread > 0);
    KeywordNoteRows notes(m_db->connection());
    QCOMPARE(notes.forThread(m_other, thread)->size(), 1);
    QVERIFY(
        notes.forThread(m_other, thread)->first().text.startsWith(u"Opted out by keyword STOP."_s));
    QVERIFY(notes.forThread(m_account, thread)->isEmpty());
    QCOMPARE(rows(m_db->connection(), u"SELECT DISTINCT account_id FROM consent_events"_s),
             QStringList{QString::number(m_other)});
}

void TstInboundKeywordProcessor::secondRunDoesNothing()
{
    inbound(m_account, u"+15557770004"_s, SC, u"STOP"_s);
    InboundKeywordProcessor processor(m_db->connection(), m_store.get());
    QCOMPARE(processor.run(m_account).queuedReplyIds.size(), 1);
    const auto again = InboundKeywordProcessor(m_db->connection(), m_store.get()).run(m_account);
    QCOMPARE(again.processed, 0);
    QCOMPARE(scalar(m_db->connection(), u"SELECT count(*) FROM consent_events"_s).toInt(), 1);
    QCOMPARE(scalar(m_db->connection(),
                    u"SELECT count(*) FROM messages WHERE client_ref LIKE 'keyword:%'"_s)
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TstInboundKeywordProcessor)
#include "tst_inboundkeywordprocessor.moc"
