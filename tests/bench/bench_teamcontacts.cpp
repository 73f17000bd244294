// A contacts import shared with the team: what 10,000 contacts (name, tags, an attribute, a
// time zone, an opt-in each) cost on the desktop that imports them alone and in a team (the
// import, and its packed contact.put / consent.import ops queued in the same transaction),
// how many log items that is, and how fast a teammate's desktop applies them (pages of 100,
// as TeamLog reads). Build Release to measure:
// cmake --build build/release --target bench_teamcontacts &&
// build/release/tests/bench/bench_teamcontacts
#include "ContactImport.h"
#include "ContactImportShare.h"
#include "ContactOpApplier.h"
#include "ImportRows.h"
#include "StoreTestUtil.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Contacts = 10000;
constexpr qint64 Account = ThreadFixture::AccountA;

CsvTable table()
{
    CsvTable t;
    t.header = {u"phone"_s,     u"name"_s,       u"tags"_s,          u"city"_s,
                u"time zone"_s, u"consent at"_s, u"consent source"_s};
    for (int i = 0; i < Contacts; ++i) {
        t.rows.append({u"+1415%1"_s.arg(5600000 + i, 7, 10, QLatin1Char('0')),
                       u"Customer %1"_s.arg(i), u"vip;east"_s, u"Springfield"_s,
                       u"America/Chicago"_s, u"2026-01-05T10:00:00Z"_s, u"store form"_s});
        t.rowNumbers.append(i + 2);
    }
    return t;
}

// The import as ContactCommands runs it; ms, or -1 when it failed.
double import(QSqlDatabase db, const CsvTable &csv)
{
    const QList<ContactImport::Column> mapping = ContactImport::guessMapping(csv.header);
    ContactImport::Options options;
    options.actor = u"Ana"_s;
    ContactImport::Result result;
    QElapsedTimer timer;
    timer.start();
    const bool ok =
        TeamShare(db).runStreamed(Account, u"Ana"_s, [&](const TeamShare::Queue &queue) {
            if (queue)
                options.written = ContactImportShare(db).sink(
                    Account, ContactOpApplier::Fields{true, true, true, true}, queue);
            result = ImportRows(db).contacts(Account, csv, mapping, options);
            return result.written ? QString() : result.error;
        });
    return ok ? timer.nsecsElapsed() / 1e6 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const CsvTable csv = table();
    ThreadFixture alone;
    ThreadFixture a;
    ThreadFixture b;
    if (!alone.open() || !a.open() || !b.open() ||
        !TeamStateRows(a.db()).join(Account, u"ag-ana"_s, u"desk-a"_s) ||
        !TeamStateRows(b.db()).join(Account, u"ag-sam"_s, u"desk-b"_s) ||
        !StoreTestUtil::exec(b.db(),
                             u"INSERT INTO team_agents (account_id, agent_id, name, role, active, "
                             u"joined_at) VALUES (?, 'ag-ana', 'Ana', 'admin', 1, 0)"_s,
                             {Account})
             .isActive())
        return 1;

    const double aloneMs = import(alone.db(), csv);
    const double teamMs = import(a.db(), csv);
    if (aloneMs < 0 || teamMs < 0)
        return 2;
    const auto pending = TeamOutboxRows(a.db()).pending(Account, 100000);
    QList<TeamLogWriter::LogItem> log;
    qsizetype bytes = 0;
    qsizetype largest = 0;
    int contactItems = 0;
    for (const TeamOutboxRows::Pending &p : *pending) {
        log.append({log.size(), p.op.toJson()});
        bytes += p.op.encodedSize();
        largest = std::max(largest, p.op.encodedSize());
        contactItems += p.op.kind == u"contact.put"_s;
    }

    QElapsedTimer timer;
    timer.start();
    TeamLogWriter writer(b.db());
    for (qsizetype from = 0; from < log.size(); from += 100) {
        if (!writer.applyItems(Account, log.mid(from, 100)))
            return 3;
    }
    const double applyMs = timer.nsecsElapsed() / 1e6;
    const qint64 onB =
        StoreTestUtil::scalar(b.db(), u"SELECT count(*) FROM contacts"_s).toLongLong();
    const qint64 optInsOnB =
        StoreTestUtil::scalar(b.db(), u"SELECT count(*) FROM consent_events"_s).toLongLong();

    std::printf("import of %d contacts with an opt-in each: %.0f ms alone, %.0f ms in a team "
                "(with its ops queued)\n",
                Contacts, aloneMs, teamMs);
    std::printf("log items: %lld (%d contact.put, %lld consent.import), %.0f bytes on average, "
                "%lld at most (Sync item limit %lld)\n",
                qlonglong(log.size()), contactItems, qlonglong(log.size() - contactItems),
                double(bytes) / std::max<qsizetype>(1, log.size()), qlonglong(largest),
                qlonglong(TeamOp::MaxItemBytes));
    std::printf("applied on B from the log: %lld contacts, %lld opt-ins in %.0f ms\n",
                qlonglong(onB), qlonglong(optInsOnB), applyMs);
    return onB == Contacts && optInsOnB == Contacts ? 0 : 4;
}
