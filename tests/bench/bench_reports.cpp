// The Reports screen's read (ReportQuery::read: figures per number, per day, campaigns) over an
// existing profile, for periods ending at its newest message. Median of 5 runs per period.
// Usage: bench_reports PROFILE ACCOUNT_ID   (e.g. the profile bench_search leaves behind)
#include "Database.h"
#include "ReportQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: bench_reports PROFILE ACCOUNT_ID\n");
        return 2;
    }
    const QString path = args.at(1);
    const qint64 account = args.at(2).toLongLong();
    Database database(path);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    QSqlQuery newest(database.connection());
    if (!newest.exec(u"SELECT MAX(created_at), COUNT(*) FROM messages"_s) || !newest.next())
        return 1;
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(newest.value(0).toLongLong() + 1);
    std::printf("profile: %lld messages\n", newest.value(1).toLongLong());
    newest.finish();
    for (const int days : {7, 30, 90}) {
        std::vector<double> runs;
        qint64 sent = 0;
        qint64 received = 0;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            const ReportQuery::Outcome outcome =
                ReportQuery::read(path, account, end.addDays(-days), end);
            runs.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!outcome.report) {
                std::fprintf(stderr, "%s\n", qPrintable(outcome.error));
                return 1;
            }
            sent = outcome.report->total.sent;
            received = outcome.report->total.received;
        }
        std::sort(runs.begin(), runs.end());
        std::printf("last %2d days: %lld sent + %lld received in the period, median %.0f ms, "
                    "max %.0f ms\n",
                    days, sent, received, runs[runs.size() / 2], runs.back());
    }
    return 0;
}
