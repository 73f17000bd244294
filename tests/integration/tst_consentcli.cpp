// smsdesk-cli consent export|import on a real profile: bad rows reported with their lines and
// nothing imported, then a good file imported and exported back, per account.
#include "AccountRows.h"
#include "Database.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TstConsentCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importThenExport();
};

void TstConsentCli::importThenExport()
{
    QTemporaryDir dir;
    const QString profile = dir.filePath(u"profile.sqlite"_s);
    {
        Database db(profile);
        QVERIFY(db.open());
        AccountRows accounts(db.connection());
        QVERIFY(accounts.createOrFind(u"Acme"_s, u"AC1"_s) > 0);
        QVERIFY(accounts.createOrFind(u"Other"_s, u"AC2"_s) > 0);
    }
    const QStringList acme = {u"--profile"_s, profile, u"--account"_s, u"Acme"_s};
    const QByteArray bad = "number,occurred_at\n+14155550142,2026-11-20T09:00:00Z\n"
                           "12,2026-11-20T09:00:00Z\n+14155550143,\n";
    const Run refused = cli(QStringList{u"consent"_s, u"import"_s} + acme, bad);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"line 3: number:"_s), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(u"line 4: occurred_at is missing"_s), qPrintable(refused.err));
    QVERIFY(refused.err.contains(u"nothing imported"_s));

    const Run empty = cli(QStringList{u"consent"_s, u"export"_s} + acme);
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out.count(u'\n'), 1); // the header only

    const QByteArray good = "number,occurred_at,opt_in_copy\n"
                            "+14155550142,2026-11-20T09:00:00Z,\"Deals, weekly\"\n";
    const Run imported = cli(QStringList{u"consent"_s, u"import"_s} + acme, good);
    QCOMPARE(imported.exitCode, 0);
    QCOMPARE(imported.out, u"imported 1 opt-in(s)\n"_s);
    const Run exported = cli(QStringList{u"consent"_s, u"export"_s} + acme);
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(exported.out.contains(u"'+14155550142,,opt_in,import,,\"Deals, weekly\",,cli"_s));
    const Run other =
        cli({u"consent"_s, u"export"_s, u"--profile"_s, profile, u"--account"_s, u"Other"_s});
    QCOMPARE(other.exitCode, 0);
    QVERIFY(!other.out.contains(u"+14155550142"_s));
    QCOMPARE(cli({u"consent"_s, u"delete"_s}).exitCode, 64);
}

QTEST_GUILESS_MAIN(TstConsentCli)
#include "tst_consentcli.moc"
