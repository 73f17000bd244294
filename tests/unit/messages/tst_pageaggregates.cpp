// MessageStore::upsertPage's set-based thread aggregates and its thread cache kept across pages,
// checked against what the stored messages say on a generated history: last message, preview,
// unread counts, reopening, the full-text index, and a cache that never outlives a rollback
// or a write it did not make.
#include "Database.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

namespace {

const QString OurA = u"+15550100001"_s;
const QString OurB = u"+15550100002"_s;
const QString Notify = u"+15550100003"_s; // send-only: its messages stay unrouted
constexpr qint64 Account = 1;
constexpr int Customers = 30;
constexpr int Pages = 24;
constexpr int PageSize = 40;

QString customer(int i)
{
    return u"+1555777%1"_s.arg(i, 4, 10, QLatin1Char('0'));
}

QDateTime base()
{
    return QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
}

} // namespace

class TstPageAggregates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void generatedHistory();
    void rollbackForgetsCreatedThreads();
    void threadDeletedBetweenPages();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    bool upsert(const QList<MessageRecord> &page, UpsertStats *stats = nullptr)
    {
        UpsertStats local;
        const bool ok = m_store->upsertPage(Account, page, stats ? stats : &local);
        if (!ok)
            qWarning("upsertPage: %s", qPrintable(m_store->errorString()));
        return ok;
    }
    MessageRecord inbound(const QString &sid, const QString &from, const QString &body,
                          qint64 minute) const
    {
        MessageRecord r;
        r.sid = sid;
        r.direction = MessageRecord::Direction::Inbound;
        r.from = from;
        r.to = OurA;
        r.body = body;
        r.status = u"received"_s;
        r.dateCreated = base().addSecs(minute * 60);
        r.dateUpdated = r.dateCreated;
        return r;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_store;
};

void TstPageAggregates::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(u"profile.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    QVERIFY(exec(db(), u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom')"_s).isActive());
    QVERIFY(exec(db(),
                 u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps, "
                 u"send_only_notifications) VALUES (1, ?, 'long_code', 1, 0), "
                 u"(1, ?, 'toll_free', 3, 0), (1, ?, 'long_code', 1, 1)"_s,
                 {OurA, OurB, Notify})
                .isActive());
    m_store = std::make_unique<MessageStore>(db());
}

void TstPageAggregates::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void TstPageAggregates::generatedHistory()
{
    QRandomGenerator random(18);
    QList<MessageRecord> sent;            // every message stored so far, as last sent
    std::map<qint64, int> expectedUnread; // thread -> unread count
    std::map<qint64, QString> expectedStatus;
    int serial = 0;
    for (int p = 0; p < Pages; ++p) {
        QList<MessageRecord> page;
        QSet<QString> inPage;
        for (int k = 0; k < PageSize; ++k) {
            if (!sent.isEmpty() && random.bounded(6) == 0) {
                // A message seen before: a status change, sometimes an edited body.
                MessageRecord again = sent.at(random.bounded(sent.size()));
                if (inPage.contains(again.sid))
                    continue;
                again.status = again.direction == MessageRecord::Direction::Inbound
                                   ? u"received"_s
                                   : u"delivered"_s;
                if (random.bounded(3) == 0)
                    again.body = u"edited w%1x body"_s.arg(serial++);
                again.dateUpdated = again.dateUpdated.addSecs(30);
                page.append(again);
                inPage.insert(again.sid);
                continue;
            }
            MessageRecord r;
            r.sid = u"SM%1"_s.arg(serial, 32, 10, QLatin1Char('0'));
            r.direction = random.bounded(3) == 0 ? MessageRecord::Direction::Outbound
                                                 : MessageRecord::Direction::Inbound;
            const QString ours = random.bounded(8) == 0   ? Notify
                                 : random.bounded(2) == 0 ? OurA
                                                          : OurB;
            const QString theirs = customer(random.bounded(Customers));
            const bool in = r.direction == MessageRecord::Direction::Inbound;
            r.from = in ? theirs : ours;
            r.to = in ? ours : theirs;
            r.body = u"message w%1x from the generated history, page %2"_s.arg(serial).arg(p);
            r.status = in ? u"received"_s : u"sent"_s;
            // Out of order within and across pages, with ties on created_at.
            r.dateCreated = base().addSecs(60 * qint64(random.bounded(2000)));
            r.dateUpdated = r.dateCreated;
            ++serial;
            page.append(r);
            inPage.insert(r.sid);
        }
        UpsertStats stats;
        QVERIFY(upsert(page, &stats));
        for (const qint64 id : std::as_const(stats.newInbound)) {
            const QVariant thread =
                scalar(db(), u"SELECT thread_id FROM messages WHERE id = ?"_s, {id});
            if (thread.isNull())
                continue;
            ++expectedUnread[thread.toLongLong()];
            expectedStatus[thread.toLongLong()] = u"open"_s;
            QVERIFY2(stats.changedThreads.contains(thread.toLongLong()),
                     "a thread with new inbound is reported changed");
        }
        QSqlQuery threads = exec(db(), u"SELECT id FROM threads"_s);
        while (threads.next())
            expectedStatus.try_emplace(threads.value(0).toLongLong(), u"open"_s); // new thread
        for (const MessageRecord &r : std::as_const(page)) {
            const auto known = std::find_if(sent.begin(), sent.end(),
                                            [&](const MessageRecord &m) { return m.sid == r.sid; });
            if (known == sent.end())
                sent.append(r);
            else
                *known = r;
        }
        if (p == Pages / 2) {
            // Someone read and resolved everything between two pages (another statement on
            // the same connection: the thread cache must not trust itself after it).
            QVERIFY(exec(db(), u"UPDATE threads SET unread_count = 0, status = 'resolved'"_s)
                        .isActive());
            for (auto &[thread, unread] : expectedUnread)
                unread = 0;
            for (auto &[thread, status] : expectedStatus)
                status = u"resolved"_s;
        }
    }

    // The aggregates say what the messages say.
    QSqlQuery threads = exec(db(), u"SELECT id, last_message_id, last_message_at, "
                                   u"last_message_preview, unread_count, status FROM threads"_s);
    int threadCount = 0;
    while (threads.next()) {
        ++threadCount;
        const qint64 id = threads.value(0).toLongLong();
        QSqlQuery last = exec(db(),
                              u"SELECT id, created_at, body FROM messages WHERE thread_id = ? "
                              u"ORDER BY created_at DESC, id DESC LIMIT 1"_s,
                              {id});
        QVERIFY(last.next());
        QCOMPARE(threads.value(1).toLongLong(), last.value(0).toLongLong());
        QCOMPARE(threads.value(2).toLongLong(), last.value(1).toLongLong());
        QCOMPARE(threads.value(3).toString(), ThreadWriter::preview(last.value(2).toString()));
        QCOMPARE(threads.value(4).toInt(), expectedUnread[id]);
        QCOMPARE(threads.value(5).toString(), expectedStatus[id]);
    }
    QVERIFY(threadCount > Customers); // both of our numbers talked to most customers

    // Every message stored once, as last sent, and the full-text index in step with it.
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages"_s).toInt(), int(sent.size()));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages_fts"_s).toInt(), int(sent.size()));
    QVERIFY(scalar(db(), u"SELECT count(*) FROM messages WHERE thread_id IS NULL"_s).toInt() > 0);
    for (const MessageRecord &r : std::as_const(sent)) {
        QCOMPARE(scalar(db(),
                        u"SELECT body || '|' || status FROM messages WHERE provider_sid = ?"_s,
                        {r.sid})
                     .toString(),
                 r.body + u'|' + r.status);
        const QString token = r.body.section(u' ', 1, 1); // wNx, unique to the message
        QCOMPARE(scalar(db(),
                        u"SELECT m.provider_sid FROM messages_fts f JOIN messages m ON m.id = "
                        u"f.rowid WHERE messages_fts MATCH ?"_s,
                        {token})
                     .toString(),
                 r.sid);
    }
    // An edited body's old words are gone from the index.
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'edited'"_s)
                 .toInt(),
             scalar(db(), u"SELECT count(*) FROM messages WHERE body LIKE 'edited%'"_s).toInt());

    // The same history again changes nothing.
    const QVariant before =
        scalar(db(), u"SELECT group_concat(id || last_message_id || unread_count || status) "
                     u"FROM threads"_s);
    UpsertStats again;
    QVERIFY(upsert(sent.mid(0, 200), &again));
    QCOMPARE(again.inserted, 0);
    QCOMPARE(again.updated, 0);
    QVERIFY(again.changedThreads.isEmpty());
    QCOMPARE(scalar(db(), u"SELECT group_concat(id || last_message_id || unread_count || status) "
                          u"FROM threads"_s),
             before);
}

void TstPageAggregates::rollbackForgetsCreatedThreads()
{
    QVERIFY(upsert({inbound(u"SM1"_s, customer(1), u"hello"_s, 1)}));
    // A page that fails after it created threads for two new customers.
    QVERIFY(exec(db(), u"CREATE TEMP TRIGGER boom BEFORE INSERT ON messages "
                       u"WHEN new.body = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END"_s)
                .isActive());
    QVERIFY(!m_store->upsertPage(Account,
                                 {inbound(u"SM2"_s, customer(2), u"first"_s, 2),
                                  inbound(u"SM3"_s, customer(3), u"boom"_s, 3)},
                                 nullptr));
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM threads"_s).toInt(), 1);
    QVERIFY(exec(db(), u"DROP TRIGGER temp.boom"_s).isActive());

    // The threads the rollback removed are created again, not taken from the cache.
    UpsertStats stats;
    QVERIFY(upsert({inbound(u"SM2"_s, customer(2), u"first"_s, 2),
                    inbound(u"SM4"_s, customer(1), u"again"_s, 4)},
                   &stats));
    QCOMPARE(stats.inserted, 2);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM threads"_s).toInt(), 2);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM messages m JOIN threads t ON t.id = m.thread_id"_s)
                 .toInt(),
             3);
    QCOMPARE(
        scalar(db(), u"SELECT unread_count FROM threads WHERE customer_number = ?"_s, {customer(1)})
            .toInt(),
        2);
}

void TstPageAggregates::threadDeletedBetweenPages()
{
    QVERIFY(upsert({inbound(u"SM1"_s, customer(1), u"hello"_s, 1)}));
    QVERIFY(exec(db(), u"DELETE FROM messages"_s).isActive());
    QVERIFY(exec(db(), u"DELETE FROM threads"_s).isActive());
    QVERIFY(upsert({inbound(u"SM2"_s, customer(1), u"back again"_s, 2)}));
    const qint64 second = scalar(db(), u"SELECT thread_id FROM messages"_s).toLongLong();
    QVERIFY(second != 0);
    QCOMPARE(scalar(db(), u"SELECT last_message_preview FROM threads WHERE id = ?"_s, {second})
                 .toString(),
             u"back again"_s);
    QCOMPARE(scalar(db(), u"SELECT count(*) FROM threads"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TstPageAggregates)
#include "tst_pageaggregates.moc"
