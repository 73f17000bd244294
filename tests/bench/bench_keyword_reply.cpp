// Keyword reply latency with only `smsdesk-cli serve` running (a team of one: its replies are
// claimed on Sync like a whole team's): from the inbound message created at the provider to
// the reply created there, measured on the wall clock by polling the provider's Messages list;
// plus the Sync requests per keyword handled (counted in the service's request log).
//   bench_keyword_reply [keywords=10]
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
    const QString log = dir.filePath(u"serve.log"_s);
    QProcess serve;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, sandbox.token);
    serve.setProcessEnvironment(env);
    serve.setStandardErrorFile(log);
    serve.start(QStringLiteral(SMSDESK_CLI_PATH),
                QStringList{u"serve"_s, u"--verbose"_s} + account);
    const auto logText = [&log] {
        QFile file(log);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    if (!QTest::qWaitFor([&] { return logText().contains(u"claimed on Sync"_s); }, 60000)) {
        out << "serve did not start\n";
        return 1;
    }
    QTest::qWait(2000); // its first sync and the claims' map opened
    const qsizetype before = logText().count(u"Maps/keyword-claims"_s);

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
    const qsizetype syncRequests = logText().count(u"Maps/keyword-claims"_s) - before;
    ::kill(pid_t(serve.processId()), SIGTERM);
    serve.waitForFinished(30000);

    std::sort(latencies.begin(), latencies.end());
    qint64 sum = 0;
    for (qint64 l : latencies)
        sum += l;
    out << "keyword reply latency, serve only (sync every 15 s), " << keywords
        << " keywords: median " << latencies.at(latencies.size() / 2) << " ms, mean "
        << sum / latencies.size() << " ms, min " << latencies.first() << " ms, max "
        << latencies.last() << " ms\n"
        << "Sync requests on the claims map per keyword: "
        << double(syncRequests) / double(keywords) << '\n';
    return 0;
}
