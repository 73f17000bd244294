// Keyword reply latency in a team whose replies are claimed on Sync: from the inbound message
// created at the provider to the reply created there, measured on the wall clock by polling the
// provider's Messages list; plus the Sync requests on the claims map per keyword handled
// (counted in the service's request log and by the desktop's KeywordClaims).
//   bench_keyword_reply [keywords=10] [serve|desktop|both]
// serve: only `smsdesk-cli serve` runs; desktop: only a desktop (a DeskSession in this process,
// as the app runs it); both: the service and a desktop of the same team, racing for each claim.
#include "DeskSession.h"
#include "KeywordClaims.h"
#include "KeywordProcessRows.h"
#include "SandboxProcess.h"
#include "StoreWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Reply = u"Open 9-5, Monday to Friday."_s;

int run(const QStringList &arguments, const QString &token)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, token);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    process.waitForFinished(120000);
    return process.exitCode();
}

bool addProcess(const QString &profile)
{
    StoreWriter writer(profile);
    if (!writer.open())
        return false;
    return writer.call([](WriterContext &context) {
        // The bench's own profile: one account; an auto-reply on the support line.
        QSqlQuery q(context.db());
        if (!q.exec(u"SELECT a.id, s.id FROM accounts a JOIN sender_numbers s ON "
                    u"s.account_id = a.id WHERE s.number = '%1'"_s.arg(Support)) ||
            !q.next())
            return false;
        KeywordProcessRows::Row row;
        row.senderNumberId = q.value(1).toLongLong();
        row.process = KeywordProcess::create(KeywordProcess::Type::AutoReply, Support);
        row.process.keywords = {u"HOURS"_s};
        row.process.status = KeywordProcess::Status::Started;
        row.reply = Reply;
        return KeywordProcessRows(context.db()).create(q.value(0).toLongLong(), row, u"bench"_s) >
               0;
    });
}

// The account of `profile`, pointed at the sandbox for Sync and Lookups too (the CLI was
// given the API's URL only).
qint64 accountOf(const QString &profile, const QUrl &url)
{
    StoreWriter writer(profile);
    if (!writer.open())
        return 0;
    return writer.call([&url](WriterContext &context) -> qint64 {
        QSqlQuery q(context.db());
        q.prepare(
            u"UPDATE accounts SET api_base_url = ?, lookup_base_url = ?, sync_base_url = ?"_s);
        for (int i = 0; i < 3; ++i)
            q.addBindValue(url.toString());
        if (!q.exec() || !q.exec(u"SELECT id FROM accounts ORDER BY id LIMIT 1"_s) || !q.next())
            return 0;
        return q.value(0).toLongLong();
    });
}

int repliesTo(SandboxProcess &sandbox, const QString &customer)
{
    int count = 0;
    for (const QJsonValue &m : sandbox.messagesTo(customer))
        count += m[u"body"_s].toString() == Reply ? 1 : 0;
    return count;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int keywords = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10;
    const QString mode = argc > 2 ? QString::fromLocal8Bit(argv[2]) : u"serve"_s;
    const bool withServe = mode != u"desktop"_s;
    const bool withDesk = mode != u"serve"_s;
    QTextStream out(stdout);
    QTemporaryDir dir;
    SandboxProcess sandbox;
    if (!dir.isValid() || !sandbox.start()) {
        out << "cannot start the sandbox\n";
        return 1;
    }
    const QString profile = dir.filePath(u"serve.sqlite"_s);
    const QStringList account = {u"--profile"_s,     profile,
                                 u"--account-url"_s, sandbox.url.toString(),
                                 u"--account-sid"_s, sandbox.sid};
    if (run(QStringList{u"sync"_s} + account, sandbox.token) != 0 ||
        run(QStringList{u"team"_s, u"join"_s, u"--agent"_s, u"Server"_s} + account,
            sandbox.token) != 0 ||
        !addProcess(profile)) {
        out << "cannot set up the profile\n";
        return 1;
    }
    // The desktop's own profile, in the same team.
    const QString deskProfile = dir.filePath(u"desk.sqlite"_s);
    const QStringList deskAccount = {u"--profile"_s,         deskProfile,        u"--account-url"_s,
                                     sandbox.url.toString(), u"--account-sid"_s, sandbox.sid};
    std::unique_ptr<DeskSession> desk;
    if (withDesk) {
        if (run(QStringList{u"sync"_s} + deskAccount, sandbox.token) != 0 ||
            run(QStringList{u"team"_s, u"join"_s, u"--agent"_s, u"Ana"_s} + deskAccount,
                sandbox.token) != 0 ||
            !addProcess(deskProfile)) {
            out << "cannot set up the desktop's profile\n";
            return 1;
        }
        const qint64 accountId = accountOf(deskProfile, sandbox.url);
        desk = std::make_unique<DeskSession>();
        if (accountId == 0 || !desk->openProfile(deskProfile)) {
            out << "cannot open the desktop's profile\n";
            return 1;
        }
        QSignalSpy started(desk.get(), &DeskSession::teamLogStarted);
        desk->openAccount(accountId, sandbox.token);
        if (!started.wait(60000) || !desk->keywordClaims()) {
            out << "the desktop's team log did not start\n";
            return 1;
        }
    }
    const QString log = dir.filePath(u"serve.log"_s);
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, sandbox.token);
    serve.setProcessEnvironment(env);
    serve.setStandardErrorFile(log);
    const auto logText = [&log] {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    if (withServe) {
        serve.start(QStringLiteral(SMSDESK_CLI_PATH),
                    QStringList{u"serve"_s, u"--verbose"_s} + account);
        if (!QTest::qWaitFor([&] { return logText().contains(u"claimed on Sync"_s); }, 60000)) {
            out << "serve did not start\n";
            return 1;
        }
    }
    QTest::qWait(2000); // the first syncs and the claims' map opened
    const auto claimRequests = [&] {
        return logText().count(u"Maps/keyword-claims"_s) +
               (desk ? desk->keywordClaims()->syncRequests() : 0);
    };
    const qsizetype before = claimRequests();

    QList<qint64> latencies;
    QRandomGenerator random(7);
    for (int i = 0; i < keywords; ++i) {
        const QString customer = u"+1415555%1"_s.arg(4000 + i, 4, 10, QChar(u'0'));
        QElapsedTimer timer;
        timer.start();
        if (sandbox.client->inject(customer, Support, u"HOURS"_s).status >= 300) {
            out << "inject failed\n";
            return 1;
        }
        if (!QTest::qWaitFor([&] { return repliesTo(sandbox, customer) > 0; }, 60000)) {
            out << "no reply within 60 s\n";
            return 1;
        }
        latencies.append(timer.elapsed());
        QTest::qWait(random.bounded(15000)); // the next one at any point of the sync cycle
    }
    // The loser of a race settles after the winner's update: let both finish before counting.
    QTest::qWait(5000);
    const qsizetype syncRequests = claimRequests() - before;
    int replies = 0;
    for (int i = 0; i < keywords; ++i)
        replies += repliesTo(sandbox, u"+1415555%1"_s.arg(4000 + i, 4, 10, QChar(u'0')));
    if (withServe) {
        ::kill(pid_t(serve.processId()), SIGTERM);
        serve.waitForFinished(30000);
    }
    desk.reset();

    std::sort(latencies.begin(), latencies.end());
    qint64 sum = 0;
    for (qint64 l : latencies)
        sum += l;
    const QString who = mode == u"desktop"_s ? u"desktop only"_s
                        : mode == u"both"_s  ? u"serve and a desktop"_s
                                             : u"serve only"_s;
    out << "keyword reply latency, " << who << " (sync every 15 s), " << keywords
        << " keywords: median " << latencies.at(latencies.size() / 2) << " ms, mean "
        << sum / latencies.size() << " ms, min " << latencies.first() << " ms, max "
        << latencies.last() << " ms\n"
        << "Sync requests on the claims map per keyword: "
        << double(syncRequests) / double(keywords) << '\n'
        << "replies at the provider: " << replies << " for " << keywords << " keywords\n";
    return 0;
}
