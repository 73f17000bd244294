// smsdesk-cli run as a process: JSON output, stdin handling and exit codes.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    if (!process.waitForStarted()) {
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The single JSON line the command printed; fails the test otherwise.
QJsonObject singleJsonLine(const QByteArray &out)
{
    if (!out.endsWith('\n') || out.count('\n') != 1) {
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void segments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("characters");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("segments");
        QTest::addColumn<QStringList>("nonGsm");

        QTest::newRow("text") << QStringList{u"segments"_s, u"--text"_s, u"hello"_s} << QByteArray()
                              << u"GSM-7"_s << 5 << 5 << 1 << QStringList();
        QTest::newRow("text keeps its newline")
            << QStringList{u"segments"_s, u"--text"_s, u"hello\n"_s} << QByteArray() << u"GSM-7"_s
            << 6 << 6 << 1 << QStringList();
        QTest::newRow("short option") << QStringList{u"segments"_s, u"-t"_s, u"{x}"_s}
                                      << QByteArray() << u"GSM-7"_s << 3 << 5 << 1 << QStringList();
        QTest::newRow("empty text")
            << QStringList{u"segments"_s, u"--text"_s, QString()} << QByteArray("ignored")
            << u"GSM-7"_s << 0 << 0 << 0 << QStringList();
        QTest::newRow("stdin strips one newline")
            << QStringList{u"segments"_s} << QByteArray("hello\n") << u"GSM-7"_s << 5 << 5 << 1
            << QStringList();
        QTest::newRow("stdin strips only one")
            << QStringList{u"segments"_s} << QByteArray("hello\n\n") << u"GSM-7"_s << 6 << 6 << 1
            << QStringList();
        QTest::newRow("stdin CRLF") << QStringList{u"segments"_s} << QByteArray("hi\r\n")
                                    << u"GSM-7"_s << 2 << 2 << 1 << QStringList();
        QTest::newRow("stdin empty") << QStringList{u"segments"_s} << QByteArray() << u"GSM-7"_s
                                     << 0 << 0 << 0 << QStringList();
        QTest::newRow("stdin long") << QStringList{u"segments"_s} << QByteArray(161, 'a')
                                    << u"GSM-7"_s << 161 << 161 << 2 << QStringList();
        QTest::newRow("ucs2 utf-8 stdin")
            << QStringList{u"segments"_s} << u"\u00E7\U0001F600\u00E7"_s.toUtf8() << u"UCS-2"_s << 3
            << 4 << 1 << QStringList{u"\u00E7"_s, u"\U0001F600"_s};
        QTest::newRow("curly quotes")
            << QStringList{u"segments"_s, u"--text"_s, u"Hello \u201Cworld\u201D"_s} << QByteArray()
            << u"UCS-2"_s << 13 << 13 << 1 << QStringList{u"\u201C"_s, u"\u201D"_s};
        QTest::newRow("smart") << QStringList{u"segments"_s, u"--smart"_s, u"--text"_s,
                                              u"Hello \u201Cworld\u201D"_s}
                               << QByteArray() << u"GSM-7"_s << 13 << 13 << 1 << QStringList();
    }

    void segments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QString, encoding);
        QFETCH(int, characters);
        QFETCH(int, units);
        QFETCH(int, segments);
        QFETCH(QStringList, nonGsm);

        const CliRun run = runCli(arguments, input);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QJsonObject json = singleJsonLine(run.out);
        QVERIFY2(!json.isEmpty(), run.out.constData());
        QCOMPARE(json.keys(), (QStringList{u"characters"_s, u"encoding"_s, u"non_gsm"_s,
                                           u"segments"_s, u"units"_s}));
        QCOMPARE(json.value(u"encoding"_s).toString(), encoding);
        QCOMPARE(json.value(u"characters"_s).toInt(-1), characters);
        QCOMPARE(json.value(u"units"_s).toInt(-1), units);
        QCOMPARE(json.value(u"segments"_s).toInt(-1), segments);
        QStringList printedNonGsm;
        for (const QJsonValue &v : json.value(u"non_gsm"_s).toArray()) {
            printedNonGsm.append(v.toString());
        }
        QCOMPARE(printedNonGsm, nonGsm);
    }

    void segmentsRejectsInvalidUtf8()
    {
        const CliRun run = runCli({u"segments"_s}, QByteArray("ab\xff\xfe"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("UTF-8"));
    }

    // The same bytes as an argument are refused too, not counted as U+FFFD (UCS-2).
    void argumentsRejectInvalidUtf8()
    {
        QProcess shell;
        // QProcess encodes its arguments as UTF-8, so the shell makes the raw bytes.
        shell.start(u"/bin/sh"_s,
                    {u"-c"_s, u"exec \"$0\" segments --text \"$(printf 'ab\\377')\""_s,
                     QStringLiteral(SMSDESK_CLI_PATH)});
        QVERIFY(shell.waitForFinished(30000));
        QCOMPARE(shell.exitCode(), 2);
        QVERIFY(shell.readAllStandardOutput().isEmpty());
        const QByteArray err = shell.readAllStandardError();
        QVERIFY2(err.contains("argument 3 is not valid UTF-8"), err.constData());
        // Valid UTF-8 beyond GSM-7 is still counted.
        const CliRun fine = runCli({u"segments"_s, u"--text"_s, u"caf\u00e9 \u263a"_s});
        QCOMPARE(fine.exitCode, 0);
    }

    void normalize()
    {
        const CliRun run = runCli({u"normalize"_s, u"--region"_s, u"US"_s, u"4155550134"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = singleJsonLine(run.out);
        QVERIFY2(!json.isEmpty(), run.out.constData());
        QCOMPARE(json.value(u"e164"_s).toString(), u"+14155550134"_s);
        QCOMPARE(json.value(u"canonical"_s).toString(), u"+14155550134"_s);
        QCOMPARE(json.value(u"kind"_s).toString(), u"number"_s);
        QCOMPARE(json.value(u"type"_s).toString(), u"fixed_line_or_mobile"_s);
        QCOMPARE(json.value(u"national"_s).toString(), u"(415) 555-0134"_s);
        QCOMPARE(json.value(u"international"_s).toString(), u"+1 415-555-0134"_s);
        QCOMPARE(json.value(u"region"_s).toString(), u"US"_s);
        QCOMPARE(json.value(u"country_code"_s).toInt(), 1);
        QCOMPARE(json.value(u"time_zone"_s).toString(), u"America/New_York"_s);
    }

    void normalizeMobileWithoutRegion()
    {
        const CliRun run = runCli({u"normalize"_s, u"+44 7400 123456"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = singleJsonLine(run.out);
        QCOMPARE(json.value(u"e164"_s).toString(), u"+447400123456"_s);
        QCOMPARE(json.value(u"type"_s).toString(), u"mobile"_s);
        QCOMPARE(json.value(u"region"_s).toString(), u"GB"_s);
    }

    void normalizeShortCode()
    {
        const CliRun run = runCli({u"normalize"_s, u"-r"_s, u"US"_s, u"11221"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = singleJsonLine(run.out);
        QCOMPARE(json.value(u"kind"_s).toString(), u"short_code"_s);
        QVERIFY(json.value(u"e164"_s).isNull());
        QCOMPARE(json.value(u"canonical"_s).toString(), u"11221"_s);
        QCOMPARE(json.value(u"type"_s).toString(), u"short_code"_s);
    }

    void normalizeErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("kind");

        QTest::newRow("too short")
            << QStringList{u"--region"_s, u"US"_s, u"1234"_s} << QByteArray("too_short");
        QTest::newRow("too long") << QStringList{u"--region"_s, u"US"_s, u"415555013456"_s}
                                  << QByteArray("too_long");
        QTest::newRow("letters") << QStringList{u"--region"_s, u"US"_s, u"call me"_s}
                                 << QByteArray("not_a_number");
        QTest::newRow("country code")
            << QStringList{u"+999123456"_s} << QByteArray("invalid_country_code");
        QTest::newRow("no region")
            << QStringList{u"4155550134"_s} << QByteArray("invalid_country_code");
        QTest::newRow("region") << QStringList{u"--region"_s, u"ZZ"_s, u"4155550134"_s}
                                << QByteArray("unknown_region");
        QTest::newRow("invalid") << QStringList{u"--region"_s, u"US"_s, u"5555550134"_s}
                                 << QByteArray("invalid_for_region");
    }

    void normalizeErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, kind);
        const CliRun run = runCli(QStringList{u"normalize"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QByteArray expected = QByteArray("error ") + kind + QByteArray(": ");
        QVERIFY2(run.err.contains(expected), run.err.constData());
    }

    void syncDemoThenThreads()
    {
        QTemporaryDir dir;
        const QString profile = dir.filePath(u"p.sqlite"_s);
        const CliRun sync = runCli({u"sync"_s, u"--profile"_s, profile, u"--demo"_s});
        QCOMPARE(sync.exitCode, 0);
        const QRegularExpression summary(
            uR"(^synced (\d+) messages \((\d+) new, (\d+) updated\) in (\d+) pages, (\d+) threads\n$)"_s);
        const auto match = summary.match(QString::fromUtf8(sync.out));
        QVERIFY2(match.hasMatch(), sync.out.constData());
        QCOMPARE(match.captured(1), match.captured(2)); // a first sync: everything is new
        QVERIFY(sync.err.contains("page 1"));

        const CliRun threads =
            runCli({u"threads"_s, u"--profile"_s, profile, u"--account"_s, u"Demo"_s});
        QCOMPARE(threads.exitCode, 0);
        const QList<QByteArray> lines = threads.out.trimmed().split('\n');
        QCOMPARE(QString::number(lines.size()), match.captured(5));
        QCOMPARE(lines.first().split('\t').size(), 5);
    }

    void importContacts()
    {
        QTemporaryDir dir;
        const QString profile = dir.filePath(u"p.sqlite"_s);
        const QString csv = dir.filePath(u"c.csv"_s);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Phone,Name,Plan\r\n+14155550101,\"Rossi, Sofia\",gold\r\n415555013,Bob,\r\n");
        file.close();
        const QStringList base{u"import"_s, u"contacts"_s,  csv,      u"--profile"_s,
                               profile,     u"--account"_s, u"Acme"_s};
        // No such account: refused unless asked to create it.
        const CliRun missing = runCli(base);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("no account named \"Acme\""), missing.err.constData());

        const CliRun refused = runCli(base + QStringList{u"--create-account"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains("row 3, column Phone: '415555013' is too short"),
                 refused.err.constData());
        QVERIFY(refused.err.contains("nothing was imported"));
        QVERIFY2(refused.err.contains("read 2 rows (100%)"), refused.err.constData());

        const CliRun valid = runCli(base + QStringList{u"--import-valid-rows"_s});
        QCOMPARE(valid.exitCode, 1); // still says some rows were wrong
        QCOMPARE(valid.out, QByteArray("imported 1 contacts (1 new, 0 updated), 0 consent events; "
                                       "skipped 1 rows with errors\n"));

        const CliRun mapped = runCli(base + QStringList{u"--map"_s, u"Plan=ignore,Nope=name"_s});
        QCOMPARE(mapped.exitCode, 64);
        QVERIFY(mapped.err.contains("no column named \"Nope\""));

        // Hostile files: a duplicate header, a NUL in a name.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("number,Number,name\n+14155550111,+14155550112,Kate\n");
        file.close();
        const CliRun twice = runCli(base);
        QCOMPARE(twice.exitCode, 2);
        QVERIFY2(twice.err.contains("the column \"Number\" appears twice (columns 1 and 2)"),
                 twice.err.constData());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray("number,name\n+14155550111,Ka\0te\n", 31));
        file.close();
        const CliRun nul = runCli(base);
        QCOMPARE(nul.exitCode, 1);
        QVERIFY2(nul.err.contains("row 2, column name: the name holds a control character "
                                  "(U+0000) at character 3"),
                 nul.err.constData());
    }

    void syncTokenComesFromEnvironmentOnly()
    {
        QTemporaryDir dir;
        const QStringList arguments = {u"sync"_s,
                                       u"--profile"_s,
                                       dir.filePath(u"p.sqlite"_s),
                                       u"--account-url"_s,
                                       u"http://127.0.0.1:1"_s,
                                       u"--account-sid"_s,
                                       u"AC00000000000000000000000000000001"_s,
                                       u"--auth-token-env"_s,
                                       u"SMSDESK_TEST_TOKEN"_s};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"SMSDESK_TEST_TOKEN"_s);
        const CliRun missing = runCli(arguments, {}, environment);
        QCOMPARE(missing.exitCode, 64);
        QVERIFY(missing.err.contains("SMSDESK_TEST_TOKEN"));

        environment.insert(u"SMSDESK_TEST_TOKEN"_s, u"very-secret-token-value"_s);
        const CliRun refused = runCli(arguments, {}, environment);
        QCOMPARE(refused.exitCode, 75); // nothing listens on port 1: retried, then "later"
        QVERIFY(!refused.err.contains("very-secret-token-value"));
        QVERIFY(!refused.out.contains("very-secret-token-value"));
    }

    // A small run of the sync benchmark: it prints what it measured, on the messages it seeded.
    void benchSync()
    {
        const CliRun run =
            runCli({u"bench"_s, u"sync"_s, u"--messages"_s, u"2500"_s, u"--threads"_s, u"50"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("full sync: 2500 messages in "), run.out.constData());
        QVERIFY(run.out.contains("incremental, nothing new: "));
        QVERIFY(run.out.contains("VmHWM: "));
        QVERIFY2(run.err.contains("synced 2500 / 2500"), run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");

        QTest::newRow("no command") << QStringList() << QByteArray("segments");
        QTest::newRow("unknown command")
            << QStringList{u"frobnicate"_s} << QByteArray("unknown command 'frobnicate'");
        QTest::newRow("help for unknown")
            << QStringList{u"help"_s, u"frobnicate"_s} << QByteArray("normalize");
        QTest::newRow("unknown option")
            << QStringList{u"segments"_s, u"--bogus"_s} << QByteArray("bogus");
        QTest::newRow("missing value")
            << QStringList{u"segments"_s, u"--text"_s} << QByteArray("text");
        QTest::newRow("segments positional")
            << QStringList{u"segments"_s, u"hello"_s} << QByteArray("hello");
        QTest::newRow("normalize without number")
            << QStringList{u"normalize"_s} << QByteArray("missing");
        QTest::newRow("normalize two numbers")
            << QStringList{u"normalize"_s, u"415"_s, u"5550134"_s} << QByteArray("one phone");
        QTest::newRow("bench without what") << QStringList{u"bench"_s} << QByteArray("sync");
        QTest::newRow("bench bad count")
            << QStringList{u"bench"_s, u"sync"_s, u"--messages"_s, u"lots"_s}
            << QByteArray("--messages");
        QTest::newRow("bench more threads than messages")
            << QStringList{u"bench"_s, u"sync"_s, u"--messages"_s, u"10"_s, u"--threads"_s, u"20"_s}
            << QByteArray("--threads");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(mentions), run.err.constData());
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");

        QTest::newRow("--help") << QStringList{u"--help"_s} << QByteArray("normalize");
        QTest::newRow("help") << QStringList{u"help"_s} << QByteArray("segments");
        QTest::newRow("segments --help")
            << QStringList{u"segments"_s, u"--help"_s} << QByteArray("Usage: smsdesk-cli segments");
        QTest::newRow("help normalize")
            << QStringList{u"help"_s, u"normalize"_s} << QByteArray("Usage: smsdesk-cli normalize");
        QTest::newRow("normalize -h")
            << QStringList{u"normalize"_s, u"-h"_s} << QByteArray("--region");
    }

    void help()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(mentions), run.out.constData());
        QVERIFY(run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
