// Reports read from the rollups (0019) give the figures the messages themselves give: a
// generated history (two accounts, three of our numbers and an unrouted one, both directions,
// statuses that change over later pages, prices that arrive late, local sends, deletes) is
// reported for 7/30/90/365 days in zones whose offset is not whole hours, and every figure
// is compared with one computed here from the messages table, message by message.
#include "ReportQuery.h"
#include "ThreadFixture.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {

// The local time zone of the process (ReportQuery maps to local days with toLocalTime()).
void useZone(const QByteArray &zone)
{
    qputenv("TZ", zone);
    tzset();
}

struct Figures
{
    qint64 sent = 0, delivered = 0, failed = 0, blocked = 0, received = 0, segments = 0;
    double cost = 0;
    QString unit;
};

struct Expected
{
    QHash<qint64, Figures> numbers; // by sender number id
    Figures total;
    QHash<QDate, QPair<qint64, qint64>> days; // sent, received
};

// The old way: every message of the period, its local day by QDateTime, its number by its
// thread.
Expected fromMessages(QSqlDatabase db, qint64 account, const QDateTime &from, const QDateTime &to)
{
    Expected e;
    QSqlQuery q(db);
    q.prepare(u"SELECT t.sender_number_id, m.created_at, m.direction, m.status, m.segments, "
              u"m.price, m.price_unit FROM messages m LEFT JOIN threads t ON t.id = m.thread_id "
              u"WHERE m.account_id = ? AND m.created_at >= ? AND m.created_at < ?"_s);
    q.addBindValue(account);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    while (q.next()) {
        const QString status = q.value(3).toString();
        const bool out = q.value(2).toString() == u"out"_s;
        Figures f;
        f.sent =
            out &&
            !QStringList{u"blocked"_s, u"queued"_s, u"scheduled"_s, u"canceled"_s}.contains(status);
        f.delivered = out && (status == u"delivered"_s || status == u"read"_s);
        f.failed = out && (status == u"failed"_s || status == u"undelivered"_s);
        f.blocked = out && status == u"blocked"_s;
        f.received = !out;
        f.segments = f.sent ? q.value(4).toLongLong() : 0;
        f.cost = q.value(5).isNull() ? 0 : std::abs(q.value(5).toString().toDouble());
        f.unit = q.value(6).toString();
        const auto add = [](Figures &into, const Figures &part) {
            into.sent += part.sent;
            into.delivered += part.delivered;
            into.failed += part.failed;
            into.blocked += part.blocked;
            into.received += part.received;
            into.segments += part.segments;
            into.cost += part.cost;
            if (into.unit.isEmpty())
                into.unit = part.unit;
        };
        add(e.total, f);
        if (!q.value(0).isNull())
            add(e.numbers[q.value(0).toLongLong()], f);
        auto &day =
            e.days[QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong()).toLocalTime().date()];
        day.first += f.sent;
        day.second += f.received;
    }
    return e;
}

bool same(const ReportQuery::NumberFigures &got, const Figures &want, const QString &what)
{
    const bool ok = got.sent == want.sent && got.delivered == want.delivered &&
                    got.failed == want.failed && got.blocked == want.blocked &&
                    got.received == want.received && got.segments == want.segments &&
                    std::abs(got.cost - want.cost) < 1e-9 && got.priceUnit == want.unit;
    if (!ok)
        qWarning("%s: got %lld/%lld/%lld/%lld/%lld seg %lld cost %.6f %s, want "
                 "%lld/%lld/%lld/%lld/%lld seg %lld cost %.6f %s",
                 qPrintable(what), got.sent, got.delivered, got.failed, got.blocked, got.received,
                 got.segments, got.cost, qPrintable(got.priceUnit), want.sent, want.delivered,
                 want.failed, want.blocked, want.received, want.segments, want.cost,
                 qPrintable(want.unit));
    return ok;
}

} // namespace

class TstReportRollups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rollupsEqualTheMessagesGrouped();
    void reportsEqualTheMessagesInEveryZoneAndPeriod_data();
    void reportsEqualTheMessagesInEveryZoneAndPeriod();
    void aPeriodInsideQuarterHoursReadsTheMessages();
    void deletingAThreadTakesItsMessagesOut();
    void theMigrationBuildsRollupsForAnExistingProfile();

private:
    bool generateHistory();
    bool compareRollups();

    ThreadFixture m_fx;
    QDateTime m_now;
    QByteArray m_zone;
};

void TstReportRollups::initTestCase()
{
    m_zone = qgetenv("TZ");
    QVERIFY(m_fx.open());
    m_now = QDateTime(QDate(2026, 12, 1), QTime(10, 7), Qt::UTC);
    QVERIFY(generateHistory());
}

void TstReportRollups::cleanupTestCase()
{
    if (m_zone.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", m_zone);
    tzset();
}

bool TstReportRollups::generateHistory()
{
    QRandomGenerator random(18); // seeded: the same history every run
    const QStringList customers = {u"+14155550001"_s, u"+14155550002"_s, u"+14155550003"_s,
                                   u"+14155550004"_s, u"+14155550005"_s, u"+14155550006"_s};
    const QString notOurs = u"+14155559999"_s; // replies to it are stored unrouted
    struct Pending
    {
        qint64 account;
        MessageRecord record;
    };
    QList<Pending> all;
    // 400 days of history at any minute of the day, newest first as a sync pages it.
    for (int i = 0; i < 3000; ++i) {
        const qint64 account =
            random.bounded(4) == 0 ? ThreadFixture::AccountB : ThreadFixture::AccountA;
        const QString ours =
            account == ThreadFixture::AccountB
                ? ThreadFixture::Bakery
                : (random.bounded(10) == 0
                       ? notOurs
                       : (random.bounded(2) ? ThreadFixture::Support : ThreadFixture::Sales));
        const bool inbound = ours == notOurs || random.bounded(2) == 0;
        const QDateTime at =
            m_now.addSecs(-qint64(random.bounded(400 * 24 * 60)) * 60 - random.bounded(60));
        MessageRecord r = ThreadFixture::message(customers.at(random.bounded(customers.size())),
                                                 ours, u"message %1"_s.arg(i), at, inbound);
        r.numSegments = 1 + random.bounded(3);
        r.status = inbound ? u"received"_s
                           : QStringList{u"queued"_s, u"sent"_s, u"accepted"_s, u"delivered"_s}.at(
                                 random.bounded(4));
        if (random.bounded(3) == 0) { // priced at once; the others later or never
            r.price = u"-0.00%1"_s.arg(700 + random.bounded(300));
            r.priceUnit = u"USD"_s;
        }
        all.append({account, r});
    }
    const auto store = [this](const QList<Pending> &pending) {
        for (const qint64 account : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
            QList<MessageRecord> page;
            for (const Pending &p : pending) {
                if (p.account == account)
                    page.append(p.record);
                if (page.size() == 200 || (&p == &pending.constLast() && !page.isEmpty())) {
                    if (!m_fx.upsert(account, page))
                        return false;
                    page.clear();
                }
            }
        }
        return true;
    };
    if (!store(all))
        return false;
    // Later syncs: statuses move on, prices arrive, some segments are corrected.
    for (int round = 0; round < 3; ++round) {
        QList<Pending> changed;
        for (Pending &p : all) {
            MessageRecord &r = p.record;
            bool touched = false;
            if (r.direction == MessageRecord::Direction::Outbound && random.bounded(2)) {
                r.status = QStringList{u"sent"_s,   u"delivered"_s, u"undelivered"_s,
                                       u"failed"_s, u"read"_s,      u"canceled"_s}
                               .at(random.bounded(6));
                touched = true;
            }
            if (r.price.isEmpty() && random.bounded(3) == 0) {
                r.price = u"-0.00%1"_s.arg(700 + random.bounded(300));
                r.priceUnit = u"USD"_s;
                touched = true;
            }
            if (random.bounded(20) == 0) {
                r.numSegments = 1 + random.bounded(4);
                touched = true;
            }
            if (touched)
                changed.append(p);
        }
        if (!store(changed))
            return false;
    }
    // Messages composed here: queued, then accepted by the provider, some blocked locally.
    const qint64 thread =
        m_fx.threadId(ThreadFixture::AccountA, customers.at(0), ThreadFixture::Support);
    for (int i = 0; i < 20; ++i) {
        OutgoingMessage out;
        out.threadId = thread;
        out.body = u"local %1"_s.arg(i);
        out.clientRef = u"ref-%1"_s.arg(i);
        out.segments = 2;
        if (!m_fx.store().insertOutgoing(out))
            return false;
        if (i % 3 == 0 && !m_fx.store().attachSid(out.clientRef, u"SMlocal%1"_s.arg(i), u"sent"_s))
            return false;
        if (i % 3 == 1 &&
            !m_fx.exec(u"UPDATE messages SET status = 'blocked' WHERE client_ref = ?"_s,
                       {out.clientRef})
                 .isActive())
            return false;
    }
    // A few messages removed (nothing in the app deletes one today but attachSid's merge).
    return m_fx.exec(u"DELETE FROM messages WHERE id % 97 = 0"_s).isActive();
}

bool TstReportRollups::compareRollups()
{
    // The rollups hold exactly what grouping the messages now gives, with no empty rows.
    const QString grouped =
        u"SELECT m.account_id, coalesce(t.sender_number_id, 0) AS s, m.created_at / 900000 AS q, "
        u"m.direction, m.status, m.price_unit, COUNT(*) AS n, SUM(m.segments) AS g, "
        u"coalesce(SUM(abs(CAST(m.price AS REAL))), 0) AS c "
        u"FROM messages m LEFT JOIN threads t ON t.id = m.thread_id GROUP BY 1, 2, 3, 4, 5, 6"_s;
    const qint64 mismatches =
        StoreTestUtil::scalar(
            m_fx.db(),
            u"SELECT COUNT(*) FROM (SELECT * FROM (%1) m FULL JOIN message_rollups r "
            u"ON r.account_id = m.account_id AND r.sender_number_id = m.s AND r.quarter = m.q "
            u"AND r.direction = m.direction AND r.status = m.status "
            u"AND r.price_unit = m.price_unit "
            u"WHERE r.messages IS NOT m.n OR r.segments IS NOT m.g OR m.c IS NULL "
            u"OR r.cost IS NULL OR abs(r.cost - m.c) > 1e-9)"_s.arg(grouped))
            .toLongLong();
    if (mismatches != 0)
        qWarning("%lld rollup rows differ from the messages grouped", mismatches);
    return mismatches == 0;
}

void TstReportRollups::rollupsEqualTheMessagesGrouped()
{
    QVERIFY(
        StoreTestUtil::scalar(m_fx.db(), u"SELECT COUNT(*) FROM message_rollups"_s).toLongLong() >
        100);
    QVERIFY(compareRollups());
}

void TstReportRollups::reportsEqualTheMessagesInEveryZoneAndPeriod_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("days");
    // Offsets of a half and three quarters of an hour, with and without DST.
    for (const char *zone : {"UTC", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
                             "Australia/Adelaide", "America/St_Johns", "Australia/Eucla"}) {
        for (const int days : {7, 30, 90, 365})
            QTest::addRow("%s %d days", zone, days) << QByteArray(zone) << days;
    }
}

void TstReportRollups::reportsEqualTheMessagesInEveryZoneAndPeriod()
{
    QFETCH(QByteArray, zone);
    QFETCH(int, days);
    useZone(zone);
    // The process's local time really is that zone (else every row below would be UTC).
    QCOMPARE(m_now.toLocalTime().offsetFromUtc(), QTimeZone(zone).offsetFromUtc(m_now));
    // As the Reports page asks: whole local days ending with today.
    const QDate today = m_now.toLocalTime().date();
    const QDateTime to = today.addDays(1).startOfDay();
    const QDateTime from = today.addDays(1 - days).startOfDay();
    QCOMPARE(to.toMSecsSinceEpoch() % (15 * 60 * 1000), 0); // the rollups are read
    for (const qint64 account : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
        ReportQuery query(m_fx.db());
        const auto report = query.run(account, from, to);
        QVERIFY2(report, qPrintable(query.errorString()));
        const Expected expected = fromMessages(m_fx.db(), account, from, to);
        QVERIFY(same(report->total, expected.total, u"total"_s));
        QCOMPARE(report->numbers.size(), expected.numbers.size());
        for (const ReportQuery::NumberFigures &n : report->numbers)
            QVERIFY(same(n, expected.numbers.value(n.senderNumberId), n.number));
        QCOMPARE(report->days.size(), from.date().daysTo(to.date()));
        qint64 sentInDays = 0;
        for (const ReportQuery::DayFigures &day : report->days) {
            const auto want = expected.days.value(day.day);
            QCOMPARE(day.sent, want.first);
            QCOMPARE(day.received, want.second);
            sentInDays += day.sent;
        }
        QCOMPARE(sentInDays, expected.total.sent);
        if (days == 365)
            QVERIFY(expected.total.sent > 100 && expected.total.received > 100);
    }
}

void TstReportRollups::aPeriodInsideQuarterHoursReadsTheMessages()
{
    useZone("Asia/Kathmandu");
    const QDateTime to = m_now.addSecs(-7 * 60 - 13);
    const QDateTime from = to.addDays(-45).addSecs(-301);
    ReportQuery query(m_fx.db());
    const auto report = query.run(ThreadFixture::AccountA, from, to);
    QVERIFY2(report, qPrintable(query.errorString()));
    QVERIFY(same(report->total, fromMessages(m_fx.db(), ThreadFixture::AccountA, from, to).total,
                 u"total"_s));
}

void TstReportRollups::deletingAThreadTakesItsMessagesOut()
{
    const qint64 thread =
        m_fx.threadId(ThreadFixture::AccountA, u"+14155550002"_s, ThreadFixture::Sales);
    QVERIFY(thread > 0);
    QVERIFY(m_fx.exec(u"DELETE FROM threads WHERE id = ?"_s, {thread}).isActive());
    QVERIFY(compareRollups());
    QVERIFY(
        m_fx.exec(u"DELETE FROM accounts WHERE id = ?"_s, {ThreadFixture::AccountB}).isActive());
    QVERIFY(compareRollups());
    QCOMPARE(StoreTestUtil::scalar(m_fx.db(),
                                   u"SELECT COUNT(*) FROM message_rollups WHERE account_id = 2"_s)
                 .toLongLong(),
             0);
}

void TstReportRollups::theMigrationBuildsRollupsForAnExistingProfile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.sqlite"_s);
    {
        Database old(path);
        QVERIFY(old.open(18));
        QSqlQuery q(old.connection());
        QVERIFY(q.exec(u"INSERT INTO accounts (id, name) VALUES (1, 'A')"_s));
        QVERIFY(q.exec(u"INSERT INTO sender_numbers (id, account_id, number, kind, "
                       u"throughput_mps) VALUES (1, 1, '+15550100001', 'long_code', 1)"_s));
        QVERIFY(q.exec(u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
                       u"VALUES (1, 1, '+15550100002', 1)"_s));
        QVERIFY(q.exec(
            u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, "
            u"body, status, provider_sid, segments, price, price_unit, created_at, updated_at) "
            u"VALUES (1, 1, 'out', '+15550100001', '+15550100002', 'a', 'delivered', 'SM1', 2, "
            u"'-0.0079', 'USD', 1000, 1000), (1, 1, 'out', '+15550100001', '+15550100002', 'b', "
            u"'delivered', 'SM2', 1, '-0.0079', 'USD', 2000, 2000), (1, NULL, 'in', "
            u"'+15550100003', '+15550100009', 'c', 'received', 'SM3', 1, NULL, '', 900000, "
            u"900000)"_s));
    }
    Database current(path);
    QVERIFY(current.open());
    QSqlQuery q(current.connection());
    QVERIFY(q.exec(u"SELECT sender_number_id, quarter, direction, status, messages, segments, "
                   u"round(cost, 6) FROM message_rollups ORDER BY quarter"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toLongLong(), 0);
    QCOMPARE(q.value(4).toLongLong(), 2);
    QCOMPARE(q.value(5).toLongLong(), 3);
    QCOMPARE(q.value(6).toDouble(), 0.0158);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 0); // unrouted
    QCOMPARE(q.value(1).toLongLong(), 1);
    QCOMPARE(q.value(2).toString(), u"in"_s);
    QCOMPARE(q.value(4).toLongLong(), 1);
    QVERIFY(!q.next());
}

QTEST_GUILESS_MAIN(TstReportRollups)
#include "tst_reportrollups.moc"
