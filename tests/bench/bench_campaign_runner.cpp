// The campaign runner holding one sender at its allowed rate against a sandbox process:
// achieved segments per second over the allowed rate, and how many creates were retried
// (a 429 or any other transient error shows up as a second attempt). The sandbox answers 429
// to more than 4 concurrent requests, so a runner that bursts would be caught.
//   bench_campaign_runner [recipients=400] [rate=20]
#include "CampaignFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int recipients = args.size() > 1 ? args.at(1).toInt() : 400;
    const double rate = args.size() > 2 ? args.at(2).toDouble() : 20.0;
    QTextStream out(stdout);

    SandboxProcess sandbox;
    if (!sandbox.start() || !sandbox.setFaults({{u"MaxConcurrent"_s, u"4"_s}})) {
        out << "cannot start the sandbox\n";
        return 1;
    }
    CampaignFixture desk;
    if (!desk.startDesk(sandbox, rate)) {
        out << "cannot open the profile\n";
        return 1;
    }
    QStringList numbers;
    for (int i = 0; i < recipients; ++i)
        numbers.append(u"+1415556%1"_s.arg((i / 80) * 100 + i % 80, 4, 10, QChar(u'0'))); // mobiles
    // One sender: the pool is only the support line.
    QString error;
    const qint64 id = desk.writer->call([&](WriterContext &context) -> qint64 {
        CampaignDraft d;
        d.accountId = desk.accountId;
        d.name = u"bench"_s;
        d.variants = {{u"A"_s, 1, 100}};
        d.senderIds = {desk.supportId};
        d.windowStartMinute = 0;
        d.windowEndMinute = 1440;
        d.createdBy = u"bench"_s;
        CampaignRows rows(context.db());
        const qint64 c = rows.createDraft(d);
        if (!c || !rows.plan(c, numbers, QDateTime::currentMSecsSinceEpoch(), u"bench"_s))
            error = rows.errorString();
        return c;
    });
    if (!error.isEmpty()) {
        out << error << '\n';
        return 1;
    }
    desk.startRunner();
    QEventLoop loop;
    QObject::connect(desk.runner.get(), &CampaignRunner::campaignCompleted, &loop,
                     [&](qint64 done) {
                         if (done == id)
                             loop.quit();
                     });
    QElapsedTimer wall;
    wall.start();
    desk.runner->start();
    loop.exec();
    const qint64 elapsed = wall.elapsed();

    const QStringList stats = desk.column(
        u"SELECT count(*) || ' ' || sum(segments) || ' ' || min(last_attempt_at) || ' ' || "
        "max(last_attempt_at) || ' ' || sum(send_attempts > 1) || ' ' || max(send_attempts) FROM "
        "messages WHERE campaign_id IS NOT NULL"_s);
    const QStringList f = stats.value(0).split(u' ');
    const qint64 messages = f.value(0).toLongLong();
    const qint64 segments = f.value(1).toLongLong();
    const qint64 first = f.value(2).toLongLong();
    const qint64 last = f.value(3).toLongLong();
    // The first message opens the window: n - 1 segments were paced over it.
    const double achieved = last > first ? (segments - 1) * 1000.0 / double(last - first) : 0.0;
    const QStringList provider = CampaignFixture::providerRecipients(sandbox);
    out << "recipients " << recipients << ", allowed " << rate << " seg/s\n"
        << "messages " << messages << ", at the provider " << provider.size() << '\n'
        << "achieved " << QString::number(achieved, 'f', 2)
        << " seg/s = " << QString::number(100.0 * achieved / rate, 'f', 1) << " % of allowed\n"
        << "retried creates (429 or other) " << f.value(4) << ", max attempts " << f.value(5)
        << '\n'
        << "wall " << elapsed << " ms\n";
    return 0;
}
