// CSV import of generated contacts (default 100,000): the file streamed, checked and written
// in one transaction, as rows/s, and the process's peak resident memory (VmHWM) before and
// after the import. `bench_contact_import 1000000` is the million-row case of
// docs/PERFORMANCE.md. `bench_contact_import 1000000 team [batch]` imports into an account in
// a team, its ops queued batch by batch as ContactCommands does (batch 0: every number kept to
// the end, as before the import shared as it went). Build Release to measure speed; memory is
// the same in Debug.
#include "AccountRows.h"
#include "ContactImport.h"
#include "ContactImportShare.h"
#include "CsvReader.h"
#include "StoreWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Peak resident memory of this process so far, in KiB (Linux), or -1.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Writes the rows to `path` a block at a time, so the file never sits in this process.
qint64 generate(const QString &path, int rows)
{
    static const char *const Zones[] = {"America/New_York", "America/Chicago", "America/Denver",
                                        "America/Los_Angeles", ""};
    static const char *const Areas[] = {"415", "650", "510", "408", "707", "212", "312"};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    QByteArray csv = "Phone,Name,Plan,City,Tags,Time zone,Consent source,Consent at\r\n";
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
        if (csv.size() > 1 << 20) {
            file.write(csv);
            csv.clear();
        }
    }
    file.write(csv);
    return file.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const bool team = argc > 2 && QByteArray(argv[2]) == "team";
    const int batch =
        argc > 3 ? QByteArray(argv[3]).toInt() : ContactImport::Options().writtenBatch;
    QTextStream out(stdout);
    QTemporaryDir dir;
    StoreWriter writer(dir.filePath(u"bench.sqlite"_s));
    if (!writer.open()) {
        out << "cannot open profile: " << writer.errorString() << '\n';
        return 1;
    }
    const qint64 account = writer.call([team](WriterContext &c) {
        const qint64 id = AccountRows(c.db()).createOrFind(u"Bench"_s, u"AC"_s);
        if (team && !TeamStateRows(c.db()).join(id, u"ag-bench"_s, u"desk-bench"_s))
            return qint64(-1);
        return id;
    });
    if (account <= 0) {
        out << "cannot create the account\n";
        return 1;
    }

    const QString path = dir.filePath(u"contacts.csv"_s);
    const qint64 bytes = generate(path, rows);
    const qint64 rssBefore = peakRssKiB();
    // Wall time and process CPU time: on a shared machine the CPU time is the steadier figure.
    QElapsedTimer timer;
    const auto cpuMs = [] { return qint64(std::clock()) * 1000 / CLOCKS_PER_SEC; };
    const qint64 cpu0 = cpuMs();
    timer.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out << "cannot read " << path << '\n';
        return 1;
    }
    CsvReader reader(&file);
    if (!reader.readHeader()) {
        out << reader.error() << '\n';
        return 1;
    }
    ContactImport::Options options;
    options.actor = u"bench"_s;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    options.progressEvery = 100000;
    options.writtenBatch = batch > 0 ? batch : std::numeric_limits<int>::max();
    int queued = 0;
    const ContactImport::Result result = writer.call([&](WriterContext &c) {
        ContactImport::Result r;
        const QList<ContactImport::Column> mapping = ContactImport::guessMapping(reader.header());
        TeamShare(c.db()).runStreamed(account, options.actor, [&](const TeamShare::Queue &queue) {
            if (queue)
                options.written = ContactImportShare(c.db()).sink(
                    account, ContactImportShare::fieldsOf(mapping), queue);
            r = ContactImport::run(
                c.db(), account, reader, mapping, options, [&](const ContactImport::Progressed &p) {
                    out << "  read " << p.rows << " rows, peak " << peakRssKiB() / 1024 << " MiB\n";
                    out.flush();
                });
            return r.written ? QString() : r.error;
        });
        if (team) {
            queued = int(TeamOutboxRows(c.db()).count(account));
        }
        return r;
    });
    const qint64 runMs = timer.elapsed();
    const qint64 runCpu = cpuMs() - cpu0;
    if (!result.written || !result.errors.isEmpty()) {
        out << "import failed: " << result.error << " ("
            << (result.errors.isEmpty() ? QString() : result.errors.first().reason) << ")\n";
        return 1;
    }
    const qint64 rssAfter = peakRssKiB();
    const auto rate = [rows](qint64 ms) { return ms > 0 ? qint64(rows) * 1000 / ms : 0; };
    out << "rows " << rows << ", file " << bytes / 1024 << " KiB, " << result.inserted << " new, "
        << result.consentEvents << " consent events\n";
    out << "import  wall " << runMs << " ms, " << rate(runMs) << " rows/s;  cpu " << runCpu
        << " ms, " << rate(runCpu) << " rows/s\n";
    if (team)
        out << "team: " << queued << " ops queued (batches of " << batch << ")\n";
    out << "peak RSS before the import " << rssBefore / 1024 << " MiB, after " << rssAfter / 1024
        << " MiB (+" << (rssAfter - rssBefore) / 1024 << " MiB)\n";
    return 0;
}
