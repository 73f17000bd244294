// Keyword processes and templates through the team log: what one change costs on the desktop
// that makes it (the repository's write and its queued op in one transaction), how large the
// ops are against Sync's 16 KiB per item, and how fast a teammate's desktop applies them from
// the log (pages of 100, as TeamLog reads). Build Release to measure:
// cmake --build build/release --target bench_sharedkinds &&
// build/release/tests/bench/bench_sharedkinds
#include "KeywordOpApplier.h"
#include "KeywordProcessRows.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"
#include "TemplateOpApplier.h"
#include "TemplateRows.h"
#include "ThreadFixture.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int Processes = 1000;
constexpr qint64 Account = ThreadFixture::AccountA;

// Letters only, as keywords must be: 0 -> "KWA", 27 -> "KWBB"...
QString keyword(int n)
{
    QString word = u"KW"_s;
    do {
        word.append(QChar(u'A' + n % 26));
        n /= 26;
    } while (n > 0);
    return word;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ThreadFixture a;
    ThreadFixture b;
    if (!a.open() || !b.open() || !TeamStateRows(a.db()).join(Account, u"ag-ana"_s, u"desk-a"_s) ||
        !TeamStateRows(b.db()).join(Account, u"ag-sam"_s, u"desk-b"_s))
        return 1;
    // B's roster, as the log's joins leave it: Ana is an admin (every applier checks the maker's
    // role at its point of the log).
    if (!StoreTestUtil::exec(b.db(),
                             u"INSERT INTO team_agents (account_id, agent_id, name, role, active, "
                             u"joined_at) VALUES (?, 'ag-ana', 'Ana', 'admin', 1, 0)"_s,
                             {Account})
             .isActive())
        return 1;

    // 1. Changes made on A: write + queued op per change.
    KeywordProcessRows rows(a.db());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Processes; ++i) {
        KeywordProcessRows::Row row;
        row.senderNumberId = 1;
        row.process =
            KeywordProcess::create(KeywordProcess::Type::AutoReply, ThreadFixture::Support);
        row.process.keywords = {keyword(i)};
        row.reply = u"Thanks for texting %1: we answer within the hour."_s.arg(keyword(i));
        qint64 id = 0;
        const bool ok = TeamShare(a.db()).run(
            Account, u"Ana"_s,
            [&] {
                id = rows.create(Account, row, u"Ana"_s);
                return id ? QString() : rows.errorString();
            },
            [&](QString *) -> std::optional<QList<TeamOp>> {
                return QList<TeamOp>{*KeywordOpApplier(a.db()).putOp(Account, id)};
            });
        if (!ok)
            return 2;
    }
    const double createMs = timer.nsecsElapsed() / 1e6;
    const auto pending = TeamOutboxRows(a.db()).pending(Account, Processes);
    QList<TeamLogWriter::LogItem> log;
    qsizetype bytes = 0;
    qsizetype largest = 0;
    for (const TeamOutboxRows::Pending &p : *pending) {
        log.append({log.size(), p.op.toJson()});
        bytes += p.op.encodedSize();
        largest = std::max(largest, p.op.encodedSize());
    }

    // 2. The largest template body one version op carries.
    TemplateRows templates(a.db());
    const qint64 templateId =
        templates.create(Account, u"Probe"_s, TemplateType::Transactional, u"x"_s, u"Ana"_s);
    auto versionOp = TemplateOpApplier(a.db()).versionOp(
        Account, templates.summary(Account, templateId)->latest.id);
    // As TeamShare completes it: a UUID, a roster id, a desktop UUID, the time, who.
    versionOp->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    versionOp->agent = QUuid::createUuid().toString(QUuid::WithoutBraces);
    versionOp->desk = QUuid::createUuid().toString(QUuid::WithoutBraces);
    versionOp->at = QDateTime::currentMSecsSinceEpoch();
    versionOp->fields.insert(u"by"_s, u"Ana Maria Lopez"_s);
    const qsizetype overhead = versionOp->encodedSize() - 1; // the body was "x"

    // 3. B applies A's ops from the log, 100 a page.
    timer.restart();
    TeamLogWriter writer(b.db());
    for (qsizetype from = 0; from < log.size(); from += 100) {
        if (!writer.applyItems(Account, log.mid(from, 100)))
            return 3;
    }
    const double applyMs = timer.nsecsElapsed() / 1e6;
    const qint64 onB =
        StoreTestUtil::scalar(b.db(), u"SELECT count(*) FROM keyword_processes"_s).toLongLong();

    std::printf("keyword processes made on A (write + queued op): %d in %.1f ms, %.3f ms each\n",
                Processes, createMs, createMs / Processes);
    std::printf("keyword.put op: %.0f bytes on average, %lld at most (Sync item limit %lld)\n",
                double(bytes) / pending->size(), qlonglong(largest),
                qlonglong(TeamOp::MaxItemBytes));
    std::printf("template.version: %lld bytes besides the body, so bodies up to "
                "%lld bytes (UTF-8, JSON-escaped) fit one item\n",
                qlonglong(overhead), qlonglong(TeamOp::MaxItemBytes - overhead));
    std::printf("applied on B from the log: %lld processes in %.1f ms (%.0f ops/s)\n",
                qlonglong(onB), applyMs, log.size() / (applyMs / 1000));
    return onB == Processes ? 0 : 4;
}
