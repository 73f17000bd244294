// The Reports figures: per sender number and per local day, counted from a generated
// history and checked against a plain count of the same history.
#include "ReportQuery.h"
#include "ThreadFixture.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TstReportQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void figuresPerNumberMatchTheHistory();
    void daysCoverThePeriodWithQuietDaysAsZero();
    void optOutsCountPerNumberAndAccountWideOnlyInTheTotal();
    void otherAccountsAndOtherPeriodsAreLeftOut();
    void deliveryRateIsOfAnsweredMessagesOnly();
    void unroutedRepliesCountInTheTotalOnly();
    void emptyPeriodIsRefused();

private:
    struct Sent
    {
        qint64 account;
        QString customer;
        QString ours;
        bool inbound;
        QString status;
        int daysAgo;
        int segments;
        QString price;
    };
    QDateTime at(int daysAgo) const { return m_today.addDays(-daysAgo).addSecs(12 * 3600); }
    bool counts(const Sent &m) const { return m.daysAgo >= 0 && m.daysAgo < 7; }
    static bool handedOver(const Sent &m) { return !m.inbound && m.status != u"blocked"_s; }

    ThreadFixture m_fx;
    QDateTime m_today; // local midnight
    QDateTime m_from;
    QDateTime m_to;
    QList<Sent> m_history;
};

void TstReportQuery::init()
{
    QVERIFY(m_fx.open());
    m_today = QDate::currentDate().startOfDay();
    m_from = m_today.addDays(-6);
    m_to = m_today.addDays(1);
    const QString a = u"+14155550123"_s;
    const QString b = u"+14155550124"_s;
    m_history = {
        {1, a, ThreadFixture::Support, false, u"delivered"_s, 0, 2, u"-0.0158"_s},
        {1, a, ThreadFixture::Support, true, u"received"_s, 0, 1, u"-0.0079"_s},
        {1, a, ThreadFixture::Support, false, u"undelivered"_s, 1, 1, u"-0.0079"_s},
        {1, b, ThreadFixture::Support, false, u"delivered"_s, 3, 1, u"-0.0079"_s},
        {1, b, ThreadFixture::Sales, false, u"failed"_s, 3, 3, QString()},
        {1, b, ThreadFixture::Sales, false, u"blocked"_s, 5, 1, QString()},
        {1, b, ThreadFixture::Sales, true, u"received"_s, 6, 1, u"-0.0079"_s},
        {1, b, ThreadFixture::Sales, false, u"sent"_s, 2, 1, QString()},
        // Before the period: never counted.
        {1, a, ThreadFixture::Support, false, u"delivered"_s, 9, 1, u"-0.0079"_s},
        {1, b, ThreadFixture::Sales, true, u"received"_s, 30, 1, QString()},
        // The other account, inside the period.
        {2, a, ThreadFixture::Bakery, false, u"delivered"_s, 0, 4, u"-0.0316"_s},
        {2, a, ThreadFixture::Bakery, true, u"received"_s, 2, 1, QString()},
    };
    for (const Sent &m : m_history) {
        MessageRecord record = ThreadFixture::message(m.customer, m.ours, u"hello"_s,
                                                      at(m.daysAgo).toUTC(), m.inbound);
        record.status = m.status;
        record.numSegments = m.segments;
        record.price = m.price;
        record.priceUnit = m.price.isEmpty() ? QString() : u"USD"_s;
        QVERIFY(m_fx.upsert(m.account, {record}));
    }
}

void TstReportQuery::figuresPerNumberMatchTheHistory()
{
    ReportQuery query(m_fx.db());
    const auto report = query.run(1, m_from, m_to);
    QVERIFY2(report, qPrintable(query.errorString()));
    QCOMPARE(report->numbers.size(), 2);
    qint64 totalSent = 0;
    for (const ReportQuery::NumberFigures &figures : report->numbers) {
        ReportQuery::NumberFigures expected;
        for (const Sent &m : std::as_const(m_history)) {
            if (m.account != 1 || m.ours != figures.number || !counts(m))
                continue;
            expected.sent += handedOver(m) ? 1 : 0;
            expected.segments += handedOver(m) ? m.segments : 0;
            expected.delivered += !m.inbound && m.status == u"delivered"_s ? 1 : 0;
            expected.failed +=
                !m.inbound && (m.status == u"failed"_s || m.status == u"undelivered"_s) ? 1 : 0;
            expected.blocked += m.status == u"blocked"_s ? 1 : 0;
            expected.received += m.inbound ? 1 : 0;
            expected.cost += m.price.isEmpty() ? 0.0 : -m.price.toDouble();
        }
        QCOMPARE(figures.sent, expected.sent);
        QCOMPARE(figures.segments, expected.segments);
        QCOMPARE(figures.delivered, expected.delivered);
        QCOMPARE(figures.failed, expected.failed);
        QCOMPARE(figures.blocked, expected.blocked);
        QCOMPARE(figures.received, expected.received);
        QVERIFY(qAbs(figures.cost - expected.cost) < 1e-9);
        totalSent += figures.sent;
    }
    QCOMPARE(report->total.sent, totalSent);
    // Ordered by number: +14155550100 (Support) before +14155550199 (Sales).
    QCOMPARE(report->numbers.first().number, ThreadFixture::Support);
}

void TstReportQuery::daysCoverThePeriodWithQuietDaysAsZero()
{
    ReportQuery query(m_fx.db());
    const auto report = query.run(1, m_from, m_to);
    QVERIFY(report);
    QCOMPARE(report->days.size(), 7);
    for (const ReportQuery::DayFigures &day : report->days) {
        const int daysAgo = int(day.day.daysTo(m_today.date()));
        qint64 sent = 0;
        qint64 received = 0;
        for (const Sent &m : std::as_const(m_history)) {
            if (m.account == 1 && m.daysAgo == daysAgo) {
                sent += handedOver(m) ? 1 : 0;
                received += m.inbound ? 1 : 0;
            }
        }
        QCOMPARE(day.sent, sent);
        QCOMPARE(day.received, received);
    }
    QCOMPARE(report->days.first().day, m_from.date());
    QCOMPARE(report->days.last().day, m_today.date());
}

void TstReportQuery::optOutsCountPerNumberAndAccountWideOnlyInTheTotal()
{
    const auto optOut = [this](qint64 account, const QString &sender, int daysAgo) {
        return m_fx
            .exec(u"INSERT INTO consent_events (account_id, contact_number, sender_number, kind, "
                  u"source, actor, occurred_at) VALUES (?, '+14155550123', ?, 'opt_out', "
                  u"'keyword', 'system', ?)"_s,
                  {account, sender, at(daysAgo).toMSecsSinceEpoch()})
            .isActive();
    };
    QVERIFY(optOut(1, ThreadFixture::Support, 1));
    QVERIFY(optOut(1, ThreadFixture::Support, 2));
    QVERIFY(optOut(1, QString(u""_s), 3)); // every number of the account
    QVERIFY(optOut(1, ThreadFixture::Sales, 20));
    QVERIFY(optOut(2, ThreadFixture::Bakery, 1));
    ReportQuery query(m_fx.db());
    const auto report = query.run(1, m_from, m_to);
    QVERIFY(report);
    for (const ReportQuery::NumberFigures &figures : report->numbers)
        QCOMPARE(figures.optOuts, figures.number == ThreadFixture::Support ? 2 : 0);
    QCOMPARE(report->total.optOuts, 3);
}

void TstReportQuery::otherAccountsAndOtherPeriodsAreLeftOut()
{
    ReportQuery query(m_fx.db());
    const auto theirs = query.run(2, m_from, m_to);
    QVERIFY(theirs);
    QCOMPARE(theirs->numbers.size(), 1);
    QCOMPARE(theirs->numbers.first().number, ThreadFixture::Bakery);
    QCOMPARE(theirs->total.sent, 1);
    QCOMPARE(theirs->total.segments, 4);
    QCOMPARE(theirs->total.received, 1);

    const auto older = query.run(1, m_today.addDays(-40), m_today.addDays(-7));
    QVERIFY(older);
    QCOMPARE(older->total.sent, 1);
    QCOMPARE(older->total.received, 1);
    QCOMPARE(older->days.size(), 33);
}

void TstReportQuery::deliveryRateIsOfAnsweredMessagesOnly()
{
    ReportQuery::NumberFigures figures;
    QVERIFY(!figures.deliveryRate());
    figures.sent = 10; // 'sent' without an answer yet does not lower the rate
    figures.delivered = 3;
    figures.failed = 1;
    QCOMPARE(*figures.deliveryRate(), 0.75);
}

void TstReportQuery::unroutedRepliesCountInTheTotalOnly()
{
    ReportQuery query(m_fx.db());
    const auto before = query.run(1, m_from, m_to);
    QVERIFY(before);
    // A reply to a number that is no two-way number of the account is stored unrouted.
    QVERIFY(m_fx.upsert(1, {ThreadFixture::message(u"+14155550123"_s, u"+14155550777"_s,
                                                   u"who is this"_s, at(0).toUTC(), true)}));
    QCOMPARE(
        StoreTestUtil::scalar(m_fx.db(), u"SELECT COUNT(*) FROM messages WHERE thread_id IS NULL"_s)
            .toInt(),
        1);
    const auto after = query.run(1, m_from, m_to);
    QVERIFY(after);
    QCOMPARE(after->total.received, before->total.received + 1);
    QCOMPARE(after->days.last().received, before->days.last().received + 1);
    qint64 perNumber = 0;
    for (const ReportQuery::NumberFigures &figures : after->numbers)
        perNumber += figures.received;
    QCOMPARE(perNumber, after->total.received - 1);
}

void TstReportQuery::emptyPeriodIsRefused()
{
    ReportQuery query(m_fx.db());
    QVERIFY(!query.run(1, m_to, m_from));
    QVERIFY(query.errorString().contains(u"before its end"_s));
    QVERIFY(!query.run(1, QDateTime(), m_to));
    QVERIFY(!query.run(0, m_from, m_to)); // never every account at once
}

QTEST_GUILESS_MAIN(TstReportQuery)
#include "tst_reportquery.moc"
