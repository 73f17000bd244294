// The inbox's command services over a real profile and its StoreWriter: each command writes
// what it should, refuses bad input with a message naming the problem and writes nothing then,
// and its change reaches a view only through the change feed.
#include "AccountConfig.h"
#include "ConsentCommands.h"
#include "InboxCommands.h"
#include "Outbox.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "ThreadFixture.h"
#include "ThreadListModel.h"
#include "TwilioClient.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using F = ThreadFixture;
using Filter = ThreadListModel::Filter;

namespace {

const QString Me = u"alice"_s;
const QString Ana = u"+14155550123"_s;  // A's customer, on Support
const QString Bert = u"+14155550456"_s; // B's customer, on the Front desk number
const QDateTime Start(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

// What a command answered, waiting for it on this thread.
template<typename Command>
std::optional<CommandResult> answerOf(Command command)
{
    std::optional<CommandResult> answer;
    command([&answer](CommandResult result) { answer = result; });
    // No answer leaves it empty: the caller's QVERIFY reports it.
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000);
    return answer;
}

} // namespace

class TstInboxCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void resolveReachesTheListThroughTheFeed();
    void threadCommandsWrite();
    void threadCommandsRefuseBadInput_data();
    void threadCommandsRefuseBadInput();
    void anAgentIsRequired();
    void draftsAndCannedReplies();
    void replyGoesThroughTheAccountsOutbox();
    void consentNeedsReasonAndEvidence();
    void startConversationFindsOrCreates();

private:
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        return StoreTestUtil::scalar(m_fx->db(), sql, values);
    }
    int count(const QString &table) const
    {
        // The table name comes from the test, never from data.
        return scalar(u"SELECT count(*) FROM "_s + table).toInt();
    }
    QVariant threadColumn(qint64 thread, const QString &column) const
    {
        return scalar(u"SELECT "_s + column + u" FROM threads WHERE id = ?"_s, {thread});
    }
    // Everything the views could see change: rows of the followed tables, and feed deliveries.
    QString footprint() const
    {
        QStringList parts;
        for (const QString &table : {u"audit_log"_s, u"drafts"_s, u"canned_replies"_s,
                                     u"consent_events"_s, u"messages"_s, u"threads"_s})
            parts << table + u'=' + QString::number(count(table));
        parts << StoreTestUtil::rows(m_fx->db(), u"SELECT id, status, flagged, assignee, "
                                                 u"snoozed_until, unread_count FROM threads"_s);
        return parts.join(u' ');
    }
    std::unique_ptr<Outbox> outboxFor(qint64 account);

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<InboxCommands> m_inbox;
    std::unique_ptr<ConsentCommands> m_consent;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_client;
    qint64 m_threadA = 0;
    qint64 m_threadB = 0;
};

void TstInboxCommands::init()
{
    qRegisterMetaType<InboxChange>();
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    QVERIFY(m_fx->upsert(F::AccountA, {F::message(Ana, F::Support, u"Peonies?"_s, Start)}));
    QVERIFY(m_fx->upsert(F::AccountB, {F::message(Bert, F::Bakery, u"Rye?"_s, Start)}));
    m_threadA = m_fx->threadId(F::AccountA, Ana, F::Support);
    m_threadB = m_fx->threadId(F::AccountB, Bert, F::Bakery);
    QVERIFY(m_threadA > 0 && m_threadB > 0);
    const QString path = m_fx->dir() + u"/profile.sqlite"_s;
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY2(m_writer->open(), qPrintable(m_writer->errorString()));
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY2(m_reader->open(), qPrintable(m_reader->errorString()));
    m_inbox = std::make_unique<InboxCommands>(m_writer.get(), Me);
    m_consent = std::make_unique<ConsentCommands>(m_writer.get(), Me);
}

void TstInboxCommands::cleanup()
{
    m_consent.reset();
    m_inbox.reset();
    m_client.reset();
    m_network.reset();
    m_reader.reset();
    m_writer.reset();
    m_fx.reset();
}

std::unique_ptr<Outbox> TstInboxCommands::outboxFor(qint64 account)
{
    // Nothing listens there: a queued message stays queued, and nothing leaves the machine.
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<TwilioClient>(
        m_network.get(),
        AccountConfig::forSingleBaseUrl(u"Test"_s, u"AC%1"_s.arg(account, 32, 10, QChar(u'0')),
                                        QUrl(u"http://127.0.0.1:9"_s)),
        u"token"_s);
    return std::make_unique<Outbox>(m_writer.get(), m_client.get(), account);
}

void TstInboxCommands::resolveReachesTheListThroughTheFeed()
{
    const std::unique_ptr<ThreadListModel> list = m_reader->create<ThreadListModel>(Me);
    QAbstractItemModelTester tester(list.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_writer->changes(), &ChangeFeed::changed, list.get(), &ThreadListModel::applyChanges);
    list->setAccount(F::AccountA);
    QVERIFY(list->rowOf(m_threadA) >= 0);
    QCOMPARE(list->count(Filter::Resolved), 0);
    QSignalSpy committed(m_inbox.get(), &InboxCommands::committed);
    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);

    const auto answer = answerOf(
        [&](InboxCommands::Done done) { m_inbox->resolve(F::AccountA, m_threadA, this, done); });
    QVERIFY(answer);
    QVERIFY2(answer->ok, qPrintable(answer->error));
    QCOMPARE(answer->id, m_threadA);
    // The list heard of it from the feed alone: nobody told it.
    QTRY_COMPARE(list->rowOf(m_threadA), -1);
    QCOMPARE(list->count(Filter::Resolved), 1);
    QVERIFY(fed.size() >= 1);
    QCOMPARE(threadColumn(m_threadA, u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT actor, action, subject_id FROM audit_log"_s),
             QStringList{u"alice|thread.resolve|"_s + QString::number(m_threadA)});
    // The team log's seam: one described change per committed command.
    QCOMPARE(committed.size(), 1);
    const auto change = committed.first().first().value<InboxChange>();
    QCOMPARE(change.kind, u"thread.resolve"_s);
    QCOMPARE(change.accountId, F::AccountA);
    QCOMPARE(change.subjectType, u"thread"_s);
    QCOMPARE(change.subject, QString::number(m_threadA));

    // Resolving it again changes nothing: answered, but nothing to record.
    const auto again = answerOf(
        [&](InboxCommands::Done done) { m_inbox->resolve(F::AccountA, m_threadA, this, done); });
    QVERIFY(again && again->ok);
    QCOMPARE(committed.size(), 1);
    QCOMPARE(count(u"audit_log"_s), 1);
}

void TstInboxCommands::threadCommandsWrite()
{
    const qint64 a = F::AccountA;
    const qint64 t = m_threadA;
    const auto ok = [](const std::optional<CommandResult> &r) { return r && r->ok; };
    using Done = InboxCommands::Done;

    QVERIFY(ok(answerOf([&](Done d) { m_inbox->setFlagged(a, t, true, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"flagged"_s).toInt(), 1);
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->setFlagged(a, t, false, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"flagged"_s).toInt(), 0);

    QVERIFY(ok(answerOf([&](Done d) { m_inbox->assign(a, t, u"  bob "_s, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"assignee"_s).toString(), u"bob"_s);
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->assign(a, t, QString(), nullptr, d); })));
    QCOMPARE(threadColumn(t, u"assignee"_s).toString(), QString());

    const qint64 until = Start.addDays(1).toMSecsSinceEpoch();
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->snooze(a, t, until, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"snoozed_until"_s).toLongLong(), until);
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->unsnooze(a, t, nullptr, d); })));
    QVERIFY(threadColumn(t, u"snoozed_until"_s).isNull());

    QVERIFY(ok(answerOf([&](Done d) { m_inbox->resolve(a, t, nullptr, d); })));
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->reopen(a, t, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"status"_s).toString(), u"open"_s);

    QVERIFY(threadColumn(t, u"unread_count"_s).toInt() > 0);
    QVERIFY(ok(answerOf([&](Done d) { m_inbox->markRead(a, t, nullptr, d); })));
    QCOMPARE(threadColumn(t, u"unread_count"_s).toInt(), 0);

    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT action FROM audit_log ORDER BY id"_s),
             (QStringList{u"thread.flag"_s, u"thread.unflag"_s, u"thread.assign"_s,
                          u"thread.assign"_s, u"thread.snooze"_s, u"thread.unsnooze"_s,
                          u"thread.resolve"_s, u"thread.reopen"_s}));
}

void TstInboxCommands::threadCommandsRefuseBadInput_data()
{
    QTest::addColumn<qint64>("account");
    QTest::addColumn<int>("thread"); // 0: none, -1: B's thread, -2: one that does not exist
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown thread")
        << F::AccountA << -2 << u"resolve"_s << u"is not one of account 1's conversations"_s;
    QTest::newRow("another account's thread")
        << F::AccountA << -1 << u"resolve"_s << u"is not one of account 1's conversations"_s;
    QTest::newRow("another account's thread, flag")
        << F::AccountA << -1 << u"flag"_s << u"is not one of account 1's conversations"_s;
    QTest::newRow("another account's thread, read")
        << F::AccountA << -1 << u"read"_s << u"is not one of account 1's conversations"_s;
    QTest::newRow("another account's draft")
        << F::AccountA << -1 << u"draft"_s << u"is not one of account 1's conversations"_s;
    QTest::newRow("no thread") << F::AccountA << 0 << u"assign"_s << u"No conversation is chosen"_s;
    QTest::newRow("no account") << qint64(0) << 1 << u"resolve"_s << u"No account is chosen"_s;
    QTest::newRow("snooze without a time")
        << F::AccountA << 1 << u"snooze"_s << u"A snooze needs a time to wake up at"_s;
}

void TstInboxCommands::threadCommandsRefuseBadInput()
{
    QFETCH(qint64, account);
    QFETCH(int, thread);
    QFETCH(QString, command);
    QFETCH(QString, message);
    const qint64 id = thread == -1 ? m_threadB : thread == -2 ? 9999 : thread == 1 ? m_threadA : 0;
    const QString before = footprint();
    const qint64 deliveries = m_writer->changes()->deliveries();
    QSignalSpy committed(m_inbox.get(), &InboxCommands::committed);

    const auto answer = answerOf([&](InboxCommands::Done done) {
        if (command == u"resolve")
            m_inbox->resolve(account, id, this, done);
        else if (command == u"flag")
            m_inbox->setFlagged(account, id, true, this, done);
        else if (command == u"read")
            m_inbox->markRead(account, id, this, done);
        else if (command == u"draft")
            m_inbox->saveDraft(account, id, u"not theirs"_s, this, done);
        else if (command == u"assign")
            m_inbox->assign(account, id, Me, this, done);
        else if (command == u"snooze")
            m_inbox->snooze(account, id, 0, this, done);
    });
    QVERIFY(answer);
    QVERIFY(!answer->ok);
    QVERIFY2(answer->error.contains(message), qPrintable(answer->error));
    QCoreApplication::processEvents();
    QCOMPARE(footprint(), before);
    QCOMPARE(m_writer->changes()->deliveries(), deliveries);
    QCOMPARE(committed.size(), 0);
}

void TstInboxCommands::anAgentIsRequired()
{
    InboxCommands nobody(m_writer.get(), u"  "_s);
    const QString before = footprint();
    const auto answer = answerOf(
        [&](InboxCommands::Done done) { nobody.resolve(F::AccountA, m_threadA, nullptr, done); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"agent"_s), qPrintable(answer->error));
    QCOMPARE(footprint(), before);
}

void TstInboxCommands::draftsAndCannedReplies()
{
    using Done = InboxCommands::Done;
    auto saved =
        answerOf([&](Done d) { m_inbox->saveDraft(F::AccountA, m_threadA, u"Hi Ana"_s, this, d); });
    QVERIFY(saved && saved->ok);
    QCOMPARE(scalar(u"SELECT body FROM drafts WHERE thread_id = ?"_s, {m_threadA}).toString(),
             u"Hi Ana"_s);
    saved = answerOf([&](Done d) { m_inbox->clearDraft(F::AccountA, m_threadA, this, d); });
    QVERIFY(saved && saved->ok);
    QCOMPARE(count(u"drafts"_s), 0);

    const auto reply = answerOf([&](Done d) {
        m_inbox->saveCannedReply(F::AccountA, u"Hours"_s, u"We open at 9, {{first_name}}."_s, this,
                                 d);
    });
    QVERIFY2(reply && reply->ok, reply ? qPrintable(reply->error) : "no answer");
    QVERIFY(reply->id > 0);
    QCOMPARE(scalar(u"SELECT name FROM canned_replies WHERE id = ? AND account_id = ?"_s,
                    {reply->id, F::AccountA})
                 .toString(),
             u"Hours"_s);

    const QString before = footprint();
    const auto noName = answerOf(
        [&](Done d) { m_inbox->saveCannedReply(F::AccountA, u" "_s, u"Body"_s, this, d); });
    QVERIFY(noName && !noName->ok);
    QVERIFY2(noName->error.contains(u"name"_s), qPrintable(noName->error));
    const auto noBody = answerOf(
        [&](Done d) { m_inbox->saveCannedReply(F::AccountA, u"Empty"_s, u"  "_s, this, d); });
    QVERIFY(noBody && !noBody->ok);
    QVERIFY2(noBody->error.contains(u"text"_s), qPrintable(noBody->error));
    // The store's own rule: one reply of a name per account.
    const auto twice = answerOf(
        [&](Done d) { m_inbox->saveCannedReply(F::AccountA, u"Hours"_s, u"Again"_s, this, d); });
    QVERIFY(twice && !twice->ok);
    QVERIFY(!twice->error.isEmpty());
    QCOMPARE(footprint(), before);
}

void TstInboxCommands::replyGoesThroughTheAccountsOutbox()
{
    using Done = InboxCommands::Done;
    const QString before = footprint();
    // Not connected: refused.
    auto answer = answerOf(
        [&](Done d) { m_inbox->sendReply(F::AccountA, m_threadA, u"Yes, 12 stems"_s, this, d); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"Not connected"_s), qPrintable(answer->error));

    // Connected to B: A's thread is not sent through B's outbox.
    std::unique_ptr<Outbox> outbox = outboxFor(F::AccountB);
    m_inbox->setOutboxSource([&outbox] { return outbox.get(); });
    answer = answerOf(
        [&](Done d) { m_inbox->sendReply(F::AccountA, m_threadA, u"Yes, 12 stems"_s, this, d); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"account 1's provider"_s), qPrintable(answer->error));

    outbox = outboxFor(F::AccountA);
    answer = answerOf([&](Done d) { m_inbox->sendReply(F::AccountA, m_threadA, u" "_s, this, d); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"needs some text"_s), qPrintable(answer->error));
    // B's thread through A's outbox: the thread's account is checked before anything is queued.
    answer = answerOf(
        [&](Done d) { m_inbox->sendReply(F::AccountA, m_threadB, u"Not yours"_s, this, d); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"is not one of account 1's conversations"_s),
             qPrintable(answer->error));
    QCOMPARE(footprint(), before);

    QSignalSpy committed(m_inbox.get(), &InboxCommands::committed);
    answer = answerOf(
        [&](Done d) { m_inbox->sendReply(F::AccountA, m_threadA, u"Yes, 12 stems"_s, this, d); });
    QVERIFY2(answer && answer->ok, answer ? qPrintable(answer->error) : "no answer");
    QVERIFY(answer->id > 0);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(),
                                 u"SELECT thread_id, direction, author, body FROM messages "
                                 u"WHERE id = ?"_s,
                                 {answer->id}),
             QStringList{QString::number(m_threadA) + u"|out|alice|Yes, 12 stems"_s});
    QCOMPARE(committed.size(), 1);
    QCOMPARE(committed.first().first().value<InboxChange>().kind, u"message.queue"_s);
    outbox.reset();
}

void TstInboxCommands::consentNeedsReasonAndEvidence()
{
    using Done = ConsentCommands::Done;
    const QString before = footprint();
    auto answer = answerOf(
        [&](Done d) { m_consent->unsubscribe(F::AccountA, Ana, QString(), u"  "_s, this, d); });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"reason"_s), qPrintable(answer->error));
    answer = answerOf([&](Done d) {
        m_consent->resubscribe(F::AccountA, Ana, F::Support, ConsentEvent::Source::Form, QString(),
                               this, d);
    });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"evidence"_s), qPrintable(answer->error));
    answer = answerOf([&](Done d) {
        m_consent->unsubscribe(0, Ana, QString(), u"Asked on the phone"_s, this, d);
    });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"account"_s), qPrintable(answer->error));
    ConsentCommands nobody(m_writer.get(), QString());
    answer = answerOf([&](Done d) {
        nobody.unsubscribe(F::AccountA, Ana, QString(), u"Asked on the phone"_s, this, d);
    });
    QVERIFY(answer && !answer->ok);
    QVERIFY2(answer->error.contains(u"agent"_s), qPrintable(answer->error));
    QCoreApplication::processEvents();
    QCOMPARE(footprint(), before);

    QSignalSpy fed(m_writer->changes(), &ChangeFeed::changed);
    QSignalSpy committed(m_consent.get(), &ConsentCommands::committed);
    answer = answerOf([&](Done d) {
        m_consent->unsubscribe(F::AccountA, Ana, QString(), u"Asked on the phone"_s, this, d);
    });
    QVERIFY2(answer && answer->ok, answer ? qPrintable(answer->error) : "no answer");
    answer = answerOf([&](Done d) {
        m_consent->resubscribe(F::AccountA, Ana, F::Support, ConsentEvent::Source::Form,
                               u"Signed the in-store form"_s, this, d);
    });
    QVERIFY2(answer && answer->ok, answer ? qPrintable(answer->error) : "no answer");
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT kind, source, sender_number, detail, actor "
                                             u"FROM consent_events ORDER BY id"_s),
             (QStringList{u"opt_out|agent||Asked on the phone|alice"_s,
                          u"opt_in|form|"_s + F::Support + u"|Signed the in-store form|alice"_s}));
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT action FROM audit_log ORDER BY id"_s),
             (QStringList{u"consent.opt_out"_s, u"consent.opt_in"_s}));
    // Views hear of it from the feed.
    QTRY_VERIFY(!fed.isEmpty());
    bool consentFed = false;
    for (const QList<QVariant> &args : std::as_const(fed))
        consentFed |= args.first().value<ChangeSet>().touches(ChangeSet::Table::ConsentEvents);
    QVERIFY(consentFed);
    QCOMPARE(committed.size(), 2);
    const auto change = committed.first().first().value<InboxChange>();
    QCOMPARE(change.kind, u"consent.opt_out"_s);
    QCOMPARE(change.subjectType, u"contact"_s);
    QCOMPARE(change.subject, Ana);
    QCOMPARE(change.fields.value(u"detail"_s).toString(), u"Asked on the phone"_s);
}

void TstInboxCommands::startConversationFindsOrCreates()
{
    const qint64 support =
        scalar(u"SELECT id FROM sender_numbers WHERE number = ?"_s, {F::Support}).toLongLong();
    const qint64 bakery =
        scalar(u"SELECT id FROM sender_numbers WHERE number = ?"_s, {F::Bakery}).toLongLong();
    const QString customer = u"+14155550177"_s;
    struct Answer
    {
        CommandResult result;
        InboxCommands::Started started;
    };
    const auto start = [&](qint64 account, const QString &number, qint64 sender) {
        std::optional<Answer> answer;
        m_inbox->startConversation(account, number, sender, this,
                                   [&answer](CommandResult r, InboxCommands::Started s) {
                                       answer = Answer{r, s};
                                   });
        (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000);
        return answer;
    };

    const QString before = footprint();
    auto answer = start(F::AccountA, u"1-800-FLOWERS"_s, support);
    QVERIFY(answer && !answer->result.ok);
    QVERIFY(!answer->result.error.isEmpty());
    answer = start(F::AccountA, u"4155550177"_s, support); // not in international form
    QVERIFY(answer && !answer->result.ok);
    QVERIFY2(answer->result.error.contains(u"'4155550177'"_s), qPrintable(answer->result.error));
    answer = start(F::AccountA, customer, bakery); // B's number
    QVERIFY(answer && !answer->result.ok);
    QVERIFY2(answer->result.error.contains(u"not one of this account's"_s),
             qPrintable(answer->result.error));
    QCOMPARE(footprint(), before);

    answer = start(F::AccountA, customer, support);
    QVERIFY2(answer && answer->result.ok, answer ? qPrintable(answer->result.error) : "none");
    QVERIFY(answer->started.created);
    QCOMPARE(answer->started.senderNumber, F::Support);
    const qint64 thread = answer->result.id;
    QCOMPARE(answer->started.threadId, thread);
    QCOMPARE(m_fx->threadId(F::AccountA, customer, F::Support), thread);
    answer = start(F::AccountA, customer, support);
    QVERIFY(answer && answer->result.ok);
    QVERIFY(!answer->started.created);
    QCOMPARE(answer->result.id, thread);
}

QTEST_GUILESS_MAIN(TstInboxCommands)
#include "tst_inboxcommands.moc"
