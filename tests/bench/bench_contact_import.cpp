// CSV import of generated contacts (default 100,000): parse, check and write, as rows/s.
// Build Release to measure (see docs/PERFORMANCE.md).
#include "AccountRows.h"
#include "ContactImport.h"
#include "CsvTable.h"
#include "StoreWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {

QByteArray generate(int rows)
{
    static const char *const Zones[] = {"America/New_York", "America/Chicago", "America/Denver",
                                        "America/Los_Angeles", ""};
    static const char *const Areas[] = {"415", "650", "510", "408", "707", "212", "312"};
    QByteArray csv = "Phone,Name,Plan,City,Tags,Time zone,Consent source,Consent at\r\n";
    csv.reserve(rows * 120);
    for (int i = 0; i < rows; ++i) {
        // NANP exchange 2xx-9xx and a distinct line number per row.
        csv += "\"(";
        csv += Areas[i % 7];
        csv += ") ";
        csv += QByteArray::number(200 + (i / 10000) % 800);
        csv += '-';
        csv += QByteArray::number(i % 10000).rightJustified(4, '0');
        csv += "\",\"Customer ";
        csv += QByteArray::number(i);
        csv += ", Jr\",";
        csv += (i % 3 == 0 ? "gold" : "silver");
        csv += ",Springfield,\"vip; newsletter\",";
        csv += Zones[i % 5];
        csv += ',';
        if (i % 2 == 0)
            csv += "spring form,2026-03-01T09:30:00Z";
        else
            csv += ',';
        csv += "\r\n";
    }
    return csv;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTextStream out(stdout);
    QTemporaryDir dir;
    StoreWriter writer(dir.filePath(u"bench.sqlite"_s));
    if (!writer.open()) {
        out << "cannot open profile: " << writer.errorString() << '\n';
        return 1;
    }
    const qint64 account = writer.call(
        [](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Bench"_s, u"AC"_s); });

    const QByteArray csv = generate(rows);
    // Wall time and process CPU time: on a shared machine the CPU time is the steadier figure.
    QElapsedTimer timer;
    const auto cpuMs = [] { return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC; };
    qint64 cpu0 = cpuMs();
    timer.start();
    QString error;
    const CsvTable table = CsvTable::parse(csv, &error);
    const qint64 parseMs = timer.elapsed();
    const qint64 parseCpu = cpuMs() - cpu0;
    if (!error.isEmpty()) {
        out << error << '\n';
        return 1;
    }
    ContactImport::Options options;
    options.actor = u"bench"_s;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    options.progressEvery = 10000;
    qint64 checkedAt = 0;
    qint64 checkedCpu = 0;
    cpu0 = cpuMs();
    timer.restart();
    const ContactImport::Result result = writer.call([&](WriterContext &c) {
        return ContactImport::run(c.db(), account, table, ContactImport::guessMapping(table.header),
                                  options, [&](ContactImport::Stage stage, int done, int total) {
                                      if (stage == ContactImport::Stage::Checking &&
                                          done == total) {
                                          checkedAt = timer.elapsed();
                                          checkedCpu = cpuMs() - cpu0;
                                      }
                                  });
    });
    const qint64 runMs = timer.elapsed();
    const qint64 runCpu = cpuMs() - cpu0;
    if (!result.written || !result.errors.isEmpty()) {
        out << "import failed: " << result.error << " ("
            << (result.errors.isEmpty() ? QString() : result.errors.first().reason) << ")\n";
        return 1;
    }
    const auto rate = [rows](qint64 ms) { return ms > 0 ? qint64(rows) * 1000 / ms : 0; };
    const auto line = [&](const char *what, qint64 wall, qint64 cpu) {
        out << what << "  wall " << wall << " ms, " << rate(wall) << " rows/s;  cpu " << cpu
            << " ms, " << rate(cpu) << " rows/s\n";
    };
    out << "rows " << rows << ", file " << csv.size() / 1024 << " KiB, " << result.consentEvents
        << " consent events\n";
    line("parse", parseMs, parseCpu);
    line("check", checkedAt, checkedCpu);
    line("write", runMs - checkedAt, runCpu - checkedCpu);
    line("total", parseMs + runMs, parseCpu + runCpu);
    return 0;
}
