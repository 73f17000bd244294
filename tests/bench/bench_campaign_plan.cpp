// Times campaign planning for 500,000 recipients: audience, variants, send times, throughput.
#include "AudienceFilter.h"
#include "SendTimePlanner.h"
#include "ThroughputPlanner.h"
#include "VariantSplitter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 500'000;
    QTextStream out(stdout);
    QRandomGenerator rng(2026);

    const QDateTime start(QDate(2026, 6, 10), QTime(12, 0), Qt::UTC);
    const qint64 now = start.toMSecsSinceEpoch();
    const QStringList zones{u"America/New_York"_s, u"Europe/Berlin"_s, u"Asia/Kolkata"_s};

    // Candidates as the store would give them: 1% duplicates, 2% opted out, 1% not text-
    // enabled, 0.5% open threads, 10% with a recent promotional text.
    QList<AudienceFilter::Candidate> candidates;
    QList<SendTimePlanner::Recipient> zoneOf;
    candidates.reserve(count);
    for (int i = 0; i < count; ++i) {
        AudienceFilter::Candidate c;
        c.contactId = i + 1;
        const int numberIndex = rng.bounded(100) == 0 ? int(rng.bounded(i + 1)) : i;
        c.number = u"+1415"_s + QString::number(2'000'000 + numberIndex);
        c.consent = rng.bounded(50) == 0 ? AudienceFilter::Candidate::Consent::OptedOut
                                         : AudienceFilter::Candidate::Consent::OptedIn;
        c.textEnabled = rng.bounded(100) == 0 ? AudienceFilter::Candidate::TextEnabled::No
                                              : AudienceFilter::Candidate::TextEnabled::Yes;
        c.hasOpenThread = rng.bounded(200) == 0;
        if (rng.bounded(10) == 0)
            c.recentPromotionalMSecs = {now - qint64(rng.bounded(7 * 24)) * 3'600'000};
        candidates.append(c);
        const QString zone = zones.at(i % 3);
        zoneOf.append(i % 10 < 7 ? SendTimePlanner::Recipient{zone, {}}
                                 : SendTimePlanner::Recipient{{}, zone});
    }

    QElapsedTimer timer;
    timer.start();
    const AudienceFilter filter(AudienceFilter::Settings{});
    const auto audience = filter.filter(candidates, now);
    const qint64 filterMs = timer.restart();

    QList<qint64> ids;
    ids.reserve(audience.included.size());
    for (const qsizetype index : audience.included)
        ids.append(candidates.at(index).contactId);
    const VariantSplitter splitter({{u"A"_s, 45}, {u"B"_s, 45}}, 10);
    const auto variants = splitter.assign(42, ids);
    const qint64 splitMs = timer.restart();

    QList<SendTimePlanner::Recipient> toPlan;
    QList<qsizetype> planned; // candidate index of each recipient that gets a text
    for (qsizetype k = 0; k < ids.size(); ++k) {
        if (variants.at(k) == VariantSplitter::HoldOut)
            continue;
        planned.append(audience.included.at(k));
        toPlan.append(zoneOf.at(audience.included.at(k)));
    }
    timer.restart();
    const QuietHours quiet;
    const SendTimePlanner timePlanner(QTimeZone("America/New_York"), quiet);
    const auto times = timePlanner.planMany(
        {SendTimePlanner::Mode::RecipientLocalTime, QDate(2026, 6, 11), QTime(10, 0)}, now, toPlan);
    const qint64 timesMs = timer.restart();

    QList<ThroughputPlanner::Sender> senders;
    const auto rate = &ThroughputPlanner::defaultSegmentsPerSecond;
    senders.append({1, rate(ThroughputPlanner::SenderKind::LongCode), 2000, false, 0, 0});
    senders.append({2, rate(ThroughputPlanner::SenderKind::LongCode), 2000, false, 0, 0});
    senders.append({3, rate(ThroughputPlanner::SenderKind::TollFree), 0, false, 0, 0});
    senders.append({4, rate(ThroughputPlanner::SenderKind::ShortCode), 0, false, 0, 0});
    QList<ThroughputPlanner::Recipient> load;
    load.reserve(planned.size());
    for (qsizetype k = 0; k < planned.size(); ++k) {
        const qint64 sticky = k % 20 == 0 ? 1 + qint64(k % 3) : 0; // 5% have a thread
        load.append({1 + int(k % 3), times.utcMSecs.at(k), times.zoneIndex.at(k), sticky});
    }
    timer.restart();
    ThroughputPlanner throughput(senders, QTimeZone("America/New_York"));
    throughput.setSendWindows(times.zones, quiet);
    const auto plan = throughput.plan(load, now);
    const qint64 throughputMs = timer.elapsed();

    out << "candidates:            " << count << "\n"
        << "texted / held out:     " << planned.size() << " / " << ids.size() - planned.size()
        << "\n"
        << "suppressed:            " << audience.excludedCount() << "\n"
        << "audience filtering:    " << filterMs << " ms\n"
        << "variant split:         " << splitMs << " ms\n"
        << "send-time planning:    " << timesMs << " ms\n"
        << "throughput planning:   " << throughputMs << " ms"
        << (plan.ok() ? QString() : u" (error: "_s + plan.error + u')') << "\n"
        << "total:                 " << filterMs + splitMs + timesMs + throughputMs << " ms\n"
        << "expected finish (UTC): "
        << QDateTime::fromMSecsSinceEpoch(plan.finishMSecs, Qt::UTC).toString(Qt::ISODate) << "\n";
    for (qsizetype s = 0; s < plan.senders.size(); ++s)
        out << "  sender " << senders.at(s).id << ": " << plan.senders.at(s).messages
            << " messages, cap rollovers " << plan.senders.at(s).capRollovers << "\n";
    return plan.ok() ? 0 : 1;
}
