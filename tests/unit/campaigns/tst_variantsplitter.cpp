#include "VariantSplitter.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;
using Variant = VariantSplitter::Variant;

Q_DECLARE_METATYPE(VariantSplitter::Variant)

namespace {

QList<Variant> variants(const QList<int> &percents)
{
    QList<Variant> list;
    for (qsizetype i = 0; i < percents.size(); ++i)
        list.append({QString(QChar(char16_t(u'A' + i))), percents.at(i)});
    return list;
}

QList<qint64> contactIds(int n, qint64 first = 1)
{
    QList<qint64> ids;
    for (int i = 0; i < n; ++i)
        ids.append(first + i);
    return ids;
}

} // namespace

class TestVariantSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void largestRemainder_data()
    {
        QTest::addColumn<QList<int>>("percents");
        QTest::addColumn<int>("holdOut");
        QTest::addColumn<qsizetype>("recipients");
        QTest::addColumn<QList<qsizetype>>("expected"); // variants, then hold-out

        QTest::newRow("even") << QList<int>{50, 50} << 0 << qsizetype(10)
                              << QList<qsizetype>{5, 5, 0};
        QTest::newRow("odd count, tie to the first")
            << QList<int>{50, 50} << 0 << qsizetype(7) << QList<qsizetype>{4, 3, 0};
        QTest::newRow("hold-out 10")
            << QList<int>{45, 45} << 10 << qsizetype(10) << QList<qsizetype>{5, 4, 1};
        QTest::newRow("thirds") << QList<int>{34, 33, 33} << 0 << qsizetype(3)
                                << QList<qsizetype>{1, 1, 1, 0};
        QTest::newRow("largest remainder wins")
            << QList<int>{60, 40} << 0 << qsizetype(1) << QList<qsizetype>{1, 0, 0};
        // 7 * 0.15 = 1.05, 7 * 0.75 = 5.25, hold-out 7 * 0.10 = 0.70: the hold-out has the
        // largest remainder and takes the one left over.
        QTest::newRow("hold-out takes a remainder")
            << QList<int>{15, 75} << 10 << qsizetype(7) << QList<qsizetype>{1, 5, 1};
        QTest::newRow("exact") << QList<int>{33, 33, 24} << 10 << qsizetype(1000)
                               << QList<qsizetype>{330, 330, 240, 100};
        QTest::newRow("nobody") << QList<int>{50, 50} << 0 << qsizetype(0)
                                << QList<qsizetype>{0, 0, 0};
        QTest::newRow("one variant and a hold-out")
            << QList<int>{80} << 20 << qsizetype(11) << QList<qsizetype>{9, 2};
    }

    void largestRemainder()
    {
        QFETCH(QList<int>, percents);
        QFETCH(int, holdOut);
        QFETCH(qsizetype, recipients);
        QFETCH(QList<qsizetype>, expected);

        const VariantSplitter splitter(variants(percents), holdOut);
        QVERIFY2(splitter.isValid(), qPrintable(splitter.validationError()));
        const auto counts = splitter.targetCounts(recipients);
        QCOMPARE(counts, expected);
    }

    // Whatever the size: the counts add up and each is within one of the exact share.
    void countsAreAsCloseAsPossible()
    {
        const VariantSplitter splitter(variants({17, 29, 41}), 13);
        QList<int> percents{17, 29, 41, 13};
        for (qsizetype n = 0; n < 2000; n += 37) {
            const auto counts = splitter.targetCounts(n);
            QCOMPARE(std::accumulate(counts.begin(), counts.end(), qsizetype(0)), n);
            for (qsizetype i = 0; i < counts.size(); ++i)
                QVERIFY(std::abs(double(counts.at(i)) - n * percents.at(i) / 100.0) < 1.0);
        }
    }

    void assignmentHasTheTargetCounts()
    {
        const VariantSplitter splitter(variants({45, 45}), 10);
        const auto ids = contactIds(10'007);
        const auto assigned = splitter.assign(99, ids);
        QCOMPARE(assigned.size(), ids.size());
        const auto counts = splitter.targetCounts(ids.size());
        QCOMPARE(assigned.count(0), counts.at(0));
        QCOMPARE(assigned.count(1), counts.at(1));
        QCOMPARE(assigned.count(VariantSplitter::HoldOut), counts.at(2)); // recorded, not sent
    }

    // A restart (a new splitter, the list in another order) gives every contact the same group.
    void deterministic()
    {
        const auto ids = contactIds(5000, 1000);
        const auto first = VariantSplitter(variants({50, 50}), 0).assign(7, ids);

        QList<qint64> shuffled = ids;
        std::mt19937 rng(3);
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const auto again = VariantSplitter(variants({50, 50}), 0).assign(7, shuffled);
        for (qsizetype i = 0; i < shuffled.size(); ++i)
            QCOMPARE(again.at(i), first.at(ids.indexOf(shuffled.at(i))));

        // Another campaign mixes differently.
        const auto other = VariantSplitter(variants({50, 50}), 0).assign(8, ids);
        QVERIFY(other != first);
    }

    // Consecutive contact ids (people imported together) are spread, not cut in blocks.
    void wellMixed()
    {
        const auto ids = contactIds(10'000);
        const auto assigned = VariantSplitter(variants({50, 50}), 0).assign(1, ids);
        const auto firstHalfA = std::count(assigned.begin(), assigned.begin() + 5000, 0);
        QVERIFY2(firstHalfA > 2300 && firstHalfA < 2700, qPrintable(QString::number(firstHalfA)));
    }

    void validation_data()
    {
        QTest::addColumn<QList<Variant>>("list");
        QTest::addColumn<int>("holdOut");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("ok") << variants({50, 50}) << 0 << QString();
        QTest::newRow("ok with hold-out") << variants({40, 40}) << 20 << QString();
        QTest::newRow("none") << QList<Variant>{} << 0 << u"at least one"_s;
        QTest::newRow("sum too low") << variants({40, 40}) << 0 << u"add up to 80"_s;
        QTest::newRow("sum ignores hold-out") << variants({50, 50}) << 10 << u"must add up to 90"_s;
        QTest::newRow("zero variant") << variants({100, 0}) << 0 << u"1 to 100"_s;
        QTest::newRow("hold-out 100") << variants({50, 50}) << 100 << u"hold-out"_s;
        QTest::newRow("negative hold-out") << variants({50, 50}) << -5 << u"hold-out"_s;
        QTest::newRow("same name twice")
            << QList<Variant>{{u"A"_s, 50}, {u"A"_s, 50}} << 0 << u"twice"_s;
        QTest::newRow("no name") << QList<Variant>{{u" "_s, 100}} << 0 << u"name"_s;
    }

    void validation()
    {
        QFETCH(QList<Variant>, list);
        QFETCH(int, holdOut);
        QFETCH(QString, errorPart);
        const QString error = VariantSplitter(list, holdOut).validationError();
        QCOMPARE(error.isEmpty(), errorPart.isEmpty());
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestVariantSplitter)
#include "tst_variantsplitter.moc"
