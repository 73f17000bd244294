#include "RetryPolicy.h"

#include <QtTest>

using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delaysGrowWithinTheirJitterBand_data()
    {
        QTest::addColumn<int>("attempt");
        for (int attempt = 1; attempt <= 12; ++attempt)
            QTest::addRow("attempt %d", attempt) << attempt;
    }

    void delaysGrowWithinTheirJitterBand()
    {
        QFETCH(int, attempt);
        const RetryPolicy::Settings settings{500ms, 60s, 10};
        const qint64 step = std::min<qint64>(settings.base.count() * (qint64(1) << (attempt - 1)),
                                             settings.cap.count());
        for (quint32 seed = 1; seed <= 50; ++seed) {
            RetryPolicy policy(settings, seed);
            const auto delay = policy.delay(attempt).count();
            QVERIFY2(delay >= step / 2 && delay <= step,
                     qPrintable(QStringLiteral("delay %1 outside [%2, %3]")
                                    .arg(delay)
                                    .arg(step / 2)
                                    .arg(step)));
        }
    }

    void jitterSpreadsDesktopsThatFailedTogether()
    {
        QSet<qint64> seen;
        for (quint32 seed = 1; seed <= 20; ++seed)
            seen.insert(RetryPolicy({1s, 60s, 5}, seed).delay(4).count());
        QVERIFY(seen.size() > 10);
    }

    void retryAfterIsHonouredExactly()
    {
        RetryPolicy policy({1s, 10s, 5}, 7);
        QCOMPARE(policy.delay(1, 3s), 3000ms);
        QCOMPARE(policy.delay(5, 120s), 120000ms);
    }

    void givesUpAfterTheLastAttempt()
    {
        const RetryPolicy policy({1s, 10s, 3}, 1);
        QVERIFY(policy.shouldRetry(3));
        QVERIFY(!policy.shouldRetry(4));
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
