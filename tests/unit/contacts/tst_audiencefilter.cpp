#include "AudienceFilter.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Candidate = AudienceFilter::Candidate;
using Consent = Candidate::Consent;
using TextEnabled = Candidate::TextEnabled;

Q_DECLARE_METATYPE(AudienceFilter::Candidate)

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Now = 1'780'000'000'000;

Candidate make(const QString &number, qint64 id = 1)
{
    Candidate c;
    c.contactId = id;
    c.number = number;
    c.consent = Consent::OptedIn;
    c.textEnabled = TextEnabled::Yes;
    return c;
}

Candidate optedOut(const QString &number)
{
    Candidate c = make(number);
    c.consent = Consent::OptedOut;
    return c;
}

Candidate withText(const QString &number, TextEnabled state)
{
    Candidate c = make(number);
    c.textEnabled = state;
    return c;
}

Candidate openThread(Candidate c)
{
    c.hasOpenThread = true;
    return c;
}

Candidate sentHoursAgo(Candidate c, QList<qint64> hours)
{
    for (const qint64 h : hours)
        c.recentPromotionalMSecs.append(Now - h * Hour);
    return c;
}

const QString A = u"+14155550101"_s;
const QString B = u"+14155550102"_s;
const QString C = u"+442079460958"_s;

} // namespace

class TestAudienceFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasons_data()
    {
        QTest::addColumn<QList<Candidate>>("candidates");
        QTest::addColumn<QStringList>("expected"); // per candidate: a reason, or "" if texted

        QTest::newRow("all fine") << QList<Candidate>{make(A), make(B), make(C)}
                                  << QStringList{u""_s, u""_s, u""_s};
        QTest::newRow("unknown consent and text state are texted")
            << QList<Candidate>{withText(A, TextEnabled::Unknown),
                                withText(B, TextEnabled::Checking)}
            << QStringList{u""_s, u""_s};
        QTest::newRow("invalid numbers")
            << QList<Candidate>{make(u"4155550101"_s), make(u"+0123456789"_s),
                                make(u"+1415"_s),      make(u"+1415555010x"_s),
                                make(u""_s),           make(u"+1234567890123456"_s)}
            << QStringList(6, u"invalid_number"_s);
        QTest::newRow("flagged invalid by the caller") << QList<Candidate>{[] {
            Candidate c = make(A);
            c.numberValid = false;
            return c;
        }()} << QStringList{u"invalid_number"_s};
        QTest::newRow("unsubscribed and not text-enabled")
            << QList<Candidate>{optedOut(A), withText(B, TextEnabled::No), make(C)}
            << QStringList{u"unsubscribed"_s, u"not_text_enabled"_s, u""_s};
        QTest::newRow("duplicate keeps the first")
            << QList<Candidate>{make(A, 1), make(B, 2), make(A, 3)}
            << QStringList{u""_s, u""_s, u"duplicate"_s};
        QTest::newRow("consent belongs to the number")
            << QList<Candidate>{make(A, 1), optedOut(A)}
            << QStringList{u"unsubscribed"_s, u"unsubscribed"_s};
        QTest::newRow("a not-text-enabled copy does not take the number")
            << QList<Candidate>{withText(A, TextEnabled::No), make(A, 2)}
            << QStringList{u"not_text_enabled"_s, u""_s};
        QTest::newRow("duplicate of an open-thread contact is still a duplicate")
            << QList<Candidate>{openThread(make(A)), make(A, 2)}
            << QStringList{u"open_support_thread"_s, u"duplicate"_s};
        QTest::newRow("frequency cap")
            << QList<Candidate>{sentHoursAgo(make(A), {2}), sentHoursAgo(make(B), {30}),
                                sentHoursAgo(make(C), {30, 60, 90})}
            << QStringList{u"frequency_cap"_s, u""_s, u"frequency_cap"_s};
        // Precedence: each row gives one candidate with every later reason too.
        QTest::newRow("invalid beats unsubscribed")
            << QList<Candidate>{openThread(sentHoursAgo(optedOut(u"12"_s), {1}))}
            << QStringList{u"invalid_number"_s};
        QTest::newRow("unsubscribed beats not text-enabled") << QList<Candidate>{[] {
            Candidate c = openThread(sentHoursAgo(optedOut(A), {1}));
            c.textEnabled = TextEnabled::No;
            return c;
        }()} << QStringList{u"unsubscribed"_s};
        QTest::newRow("not text-enabled beats duplicate")
            << QList<Candidate>{make(A), withText(A, TextEnabled::No)}
            << QStringList{u""_s, u"not_text_enabled"_s};
        QTest::newRow("duplicate beats open thread and cap")
            << QList<Candidate>{make(A), openThread(sentHoursAgo(make(A, 2), {1}))}
            << QStringList{u""_s, u"duplicate"_s};
        QTest::newRow("open thread beats frequency cap")
            << QList<Candidate>{openThread(sentHoursAgo(make(A), {1}))}
            << QStringList{u"open_support_thread"_s};
    }

    void reasons()
    {
        QFETCH(QList<Candidate>, candidates);
        QFETCH(QStringList, expected);
        QCOMPARE(expected.size(), candidates.size());

        const AudienceFilter filter(AudienceFilter::Settings{});
        const auto result = filter.filter(candidates, Now);

        QStringList actual(candidates.size());
        for (const auto &[index, reason] : result.excluded)
            actual[index] = SuppressionReasons::toString(reason);
        QCOMPARE(actual, expected);

        QList<qsizetype> included;
        std::array<int, SuppressionReasonCount> counts{};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            if (expected.at(i).isEmpty())
                included.append(i);
            else
                ++counts[size_t(*SuppressionReasons::fromString(expected.at(i)))];
        }
        QCOMPARE(result.included, included);
        for (int r = 0; r < SuppressionReasonCount; ++r)
            QCOMPARE(result.count(SuppressionReason(r)), counts[size_t(r)]);
        QCOMPARE(result.excludedCount() + result.included.size(), candidates.size());
    }

    void settingsChangeTheRules_data()
    {
        QTest::addColumn<bool>("suppressOpenThreads");
        QTest::addColumn<bool>("requireConfirmed");
        QTest::addColumn<int>("perDay");
        QTest::addColumn<QStringList>("expected");

        // Candidates: open thread; unknown text state; sent 2 h ago.
        QTest::newRow("defaults") << true << false << 1
                                  << QStringList{u"open_support_thread"_s, u""_s,
                                                 u"frequency_cap"_s};
        QTest::newRow("open threads allowed")
            << false << false << 1 << QStringList{u""_s, u""_s, u"frequency_cap"_s};
        QTest::newRow("confirmed text-enabled only")
            << true << true << 1
            << QStringList{u"open_support_thread"_s, u"not_text_enabled"_s, u"frequency_cap"_s};
        QTest::newRow("no daily cap")
            << true << false << 0 << QStringList{u"open_support_thread"_s, u""_s, u""_s};
    }

    void settingsChangeTheRules()
    {
        QFETCH(bool, suppressOpenThreads);
        QFETCH(bool, requireConfirmed);
        QFETCH(int, perDay);
        QFETCH(QStringList, expected);

        AudienceFilter::Settings settings;
        settings.suppressOpenThreads = suppressOpenThreads;
        settings.requireConfirmedTextEnabled = requireConfirmed;
        settings.frequencyCap = FrequencyCap(perDay, 3);
        const QList<Candidate> candidates{openThread(make(A)), withText(B, TextEnabled::Unknown),
                                          sentHoursAgo(make(C), {2})};
        const auto result = AudienceFilter(settings).filter(candidates, Now);
        QStringList actual(candidates.size());
        for (const auto &[index, reason] : result.excluded)
            actual[index] = SuppressionReasons::toString(reason);
        QCOMPARE(actual, expected);
    }

    void reasonNamesRoundTrip()
    {
        for (int r = 0; r < SuppressionReasonCount; ++r) {
            const auto reason = SuppressionReason(r);
            QCOMPARE(SuppressionReasons::fromString(SuppressionReasons::toString(reason)), reason);
        }
        QVERIFY(!SuppressionReasons::fromString(u"opted_out"_s));
    }
};

QTEST_GUILESS_MAIN(TestAudienceFilter)
#include "tst_audiencefilter.moc"
