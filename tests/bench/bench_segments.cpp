// bench_segments: SegmentCounter::count() throughput on GSM-7, extension-heavy and UCS-2
// bodies. Prints texts per second per kind; not a ctest test (timing is no assertion).
#include "SegmentCounter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

struct Workload
{
    QString name;
    QList<QString> texts;
};

QList<QString> variants(const QString &base, int count)
{
    // 7 lengths (up to 18 characters shorter) so the counter cannot lean on one size.
    QList<QString> texts;
    for (int i = 0; i < count; ++i) {
        texts.append(base.left(base.size() - (i % 7) * 3));
    }
    return texts;
}

// Counts the workload's texts round-robin for about minMs milliseconds.
double textsPerSecond(const Workload &workload, qint64 minMs, qint64 &checksum)
{
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    do {
        for (int round = 0; round < 1000; ++round) {
            const QString &text = workload.texts[done % workload.texts.size()];
            checksum += SegmentCounter::count(text).segments;
            ++done;
        }
    } while (timer.elapsed() < minMs);
    return double(done) * 1000.0 / double(timer.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 minMs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 2000;

    const QString gsmShort = u"Hi Anna, your appointment at Dr. Smith's is confirmed for "
                             "Tue 24 Nov at 10:30. Reply C to cancel or call 020 7946 0000."_s;
    const QString gsmLong = gsmShort.repeated(4);
    const QString extensionHeavy =
        u"{Promo} [50% off] ~ ends Friday | code: SAVE^50 | "
        "\u20AC5 {min} \\ [T&C] ~ {apply} | \u20AC\u20AC\u20AC "_s.repeated(3);
    const QString ucs2Accents =
        u"Bonjour Fran\u00E7ois, votre rendez-vous est confirm\u00E9 "
        "pour mardi \u00E0 10h30. R\u00E9pondez ANNULER pour annuler."_s.repeated(2);
    const QString ucs2Emoji =
        u"Thanks for your order \U0001F389\U0001F44D\U0001F3FD! Track it "
        "here \U0001F69A and reply STOP to opt out \U0001F1FA\U0001F1F8"_s.repeated(3);

    QList<Workload> workloads = {
        {u"GSM-7, 1 segment, 101-119 chars"_s, variants(gsmShort, 16)},
        {u"GSM-7, 3-4 segments, 458-476 chars"_s, variants(gsmLong, 16)},
        {u"GSM-7 extension-heavy, 231-249 chars"_s, variants(extensionHeavy, 16)},
        {u"UCS-2 accents, 180-198 chars"_s, variants(ucs2Accents, 16)},
        {u"UCS-2 emoji/flags, 213-231 units"_s, variants(ucs2Emoji, 16)},
    };
    Workload mix{u"mix of all of the above"_s, {}};
    for (const Workload &w : std::as_const(workloads)) {
        mix.texts.append(w.texts);
    }
    workloads.append(mix);

    QTextStream out(stdout);
    qint64 checksum = 0;
    out << "bench_segments: SegmentCounter::count(), at least " << minMs << " ms per row\n";
    for (const Workload &w : std::as_const(workloads)) {
        const double rate = textsPerSecond(w, minMs, checksum);
        out << QString::asprintf("%-40s %12.0f texts/s", qPrintable(w.name), rate) << '\n';
        out.flush();
    }
    out << "(checksum " << checksum << ")\n";
    return 0;
}
