#include "TokenBucket.h"

#include <QtTest>

using namespace std::chrono_literals;
using Clock = TokenBucket::Clock;

class TestTokenBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstMessageGoesAtOnce()
    {
        const auto t0 = Clock::time_point{};
        TokenBucket bucket(1.0, 1.0, t0);
        QCOMPARE(bucket.delayFor(1, t0), 0ms);
    }

    void multiSegmentMessagesCostTheirSegments_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("messages");

        QTest::newRow("long code, 1-segment texts") << 1.0 << 1 << 10;
        QTest::newRow("long code, 3-segment texts") << 1.0 << 3 << 10;
        QTest::newRow("toll-free, 2-segment texts") << 3.0 << 2 << 30;
        QTest::newRow("short code, 1-segment texts") << 100.0 << 1 << 500;
    }

    // Sending back to back, as fast as the bucket allows, the last message must start exactly
    // when the segments before it have drained at the carrier's rate (after the initial burst).
    void multiSegmentMessagesCostTheirSegments()
    {
        QFETCH(double, rate);
        QFETCH(int, segments);
        QFETCH(int, messages);

        auto now = Clock::time_point{};
        TokenBucket bucket(rate, rate, now);
        for (int i = 0; i < messages; ++i) {
            now += bucket.delayFor(segments, now);
            bucket.consume(segments, now);
        }
        const double elapsed = std::chrono::duration<double>(now - Clock::time_point{}).count();
        const double burst = rate;
        const double expected =
            ((messages - 1) * double(segments) + std::min(double(segments), burst) - burst) / rate;
        QVERIFY2(
            std::abs(elapsed - expected) <= 0.002 * messages,
            qPrintable(QStringLiteral("elapsed %1 s, expected %2 s").arg(elapsed).arg(expected)));
    }

    void pacedStartHasNoBurst_data() { multiSegmentMessagesCostTheirSegments_data(); }

    // A paced bucket sends its first message at once and every later one after the segments
    // before it drained: n back-to-back messages span (n - 1) * segments / rate, never less.
    void pacedStartHasNoBurst()
    {
        QFETCH(double, rate);
        QFETCH(int, segments);
        QFETCH(int, messages);

        const auto t0 = Clock::time_point{} + 1h;
        // Created long before its first send: the idle hour earns no burst.
        TokenBucket bucket(rate, rate, t0 - 1h, TokenBucket::Start::Paced);
        auto now = t0;
        QCOMPARE(bucket.delayFor(segments, now), 0ms);
        for (int i = 0; i < messages; ++i) {
            now += bucket.delayFor(segments, now);
            bucket.consume(segments, now);
        }
        const double elapsed = std::chrono::duration<double>(now - t0).count();
        const double expected = (messages - 1) * double(segments) / rate;
        QVERIFY2(
            std::abs(elapsed - expected) <= 0.002 * messages,
            qPrintable(QStringLiteral("elapsed %1 s, expected %2 s").arg(elapsed).arg(expected)));
    }

    // A timer that fires late does not lose throughput: the burst lets the sender catch up,
    // but never beyond the rate counted from the first send.
    void pacedStartCatchesUpAfterALateTimer()
    {
        const double rate = 20.0;
        auto now = Clock::time_point{};
        TokenBucket bucket(rate, rate, now, TokenBucket::Start::Paced);
        bucket.consume(1, now);
        now += 500ms; // due after 50 ms, woken 450 ms late
        int sent = 0;
        while (bucket.delayFor(1, now) == 0ms) {
            bucket.consume(1, now);
            ++sent;
        }
        QCOMPARE(sent, int(0.5 * rate));
    }

    // After an idle spell a paced bucket starts paced again: no burst of a second's worth.
    void pacedBucketHasNoBurstAfterIdle()
    {
        const double rate = 20.0;
        auto now = Clock::time_point{};
        TokenBucket bucket(rate, rate, now, TokenBucket::Start::Paced);
        bucket.consume(1, now);
        now += 1h;
        const auto resumed = now;
        const int messages = 40;
        for (int i = 0; i < messages; ++i) {
            now += bucket.delayFor(1, now);
            bucket.consume(1, now);
        }
        const double elapsed = std::chrono::duration<double>(now - resumed).count();
        QVERIFY2(std::abs(elapsed - (messages - 1) / rate) <= 0.002 * messages,
                 qPrintable(QStringLiteral("elapsed %1 s").arg(elapsed)));
    }

    void aMessageLargerThanTheBurstLeavesDebt()
    {
        auto now = Clock::time_point{};
        TokenBucket bucket(1.0, 1.0, now);
        QCOMPARE(bucket.delayFor(3, now), 0ms);
        bucket.consume(3, now);
        QCOMPARE(bucket.available(now), -2.0);
        // The next one-segment text waits for the debt plus its own segment.
        QCOMPARE(bucket.delayFor(1, now), 3000ms);
    }

    void refillsOnlyUpToTheBurst()
    {
        auto now = Clock::time_point{};
        TokenBucket bucket(2.0, 4.0, now);
        bucket.consume(4, now);
        now += 1h;
        QCOMPARE(bucket.available(now), 4.0);
    }

    void timeGoingBackwardsIsIgnored()
    {
        auto now = Clock::time_point{} + 10s;
        TokenBucket bucket(1.0, 1.0, now);
        bucket.consume(1, now);
        QCOMPARE(bucket.available(now - 5s), 0.0);
        QCOMPARE(bucket.delayFor(1, now), 1000ms);
    }
};

QTEST_APPLESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
