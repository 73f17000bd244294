// smsdesk-cli campaign list|show|pause|resume on a profile with a planned campaign.
#include "AccountRows.h"
#include "CampaignRows.h"
#include "StoreWriter.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TstCampaignCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listAndShow();
    void pauseAndResume();
    void usageErrors_data();
    void usageErrors();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList &args);
    QString state();

    QTemporaryDir m_dir;
    QString m_profile;
    qint64 m_campaign = 0;
};

TstCampaignCli::Run TstCampaignCli::cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SMSDESK_CLI_PATH), QStringList{u"campaign"_s} + args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TstCampaignCli::initTestCase()
{
    m_profile = m_dir.filePath(u"profile.db"_s);
    StoreWriter writer(m_profile);
    QVERIFY(writer.open());
    QString error;
    m_campaign = writer.call([&](WriterContext &context) -> qint64 {
        AccountRows accounts(context.db());
        const qint64 account = accounts.createOrFind(u"Shop"_s, u"AC1"_s);
        const qint64 sender = accounts.createOrFindSenderNumber(account, u"+14155550100"_s, 1.0);
        QSqlQuery q(context.db());
        q.exec(u"INSERT INTO templates (account_id, name) VALUES (1, 'Promo')"_s);
        q.exec(u"INSERT INTO template_versions (template_id, version, body, state, author, "
               "approver, approved_at) VALUES (1, 1, 'Hi. Reply STOP to opt out', 'approved', "
               "'mia', 'lee', 1)"_s);
        CampaignDraft d;
        d.accountId = account;
        d.name = u"Spring sale"_s;
        d.variants = {{u"A"_s, 1, 90}};
        d.holdOutPercent = 10;
        d.senderIds = {sender};
        d.createdBy = u"mia"_s;
        CampaignRows rows(context.db());
        const qint64 id = rows.createDraft(d);
        QStringList numbers;
        for (int i = 0; i < 10; ++i)
            numbers.append(u"+1415555%1"_s.arg(4000 + i));
        if (!id || !rows.plan(id, numbers, 1'795'000'000'000, u"mia"_s))
            error = rows.errorString();
        return id;
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QString TstCampaignCli::state()
{
    const Run run = cli({u"list"_s, u"--profile"_s, m_profile});
    return run.out.section(u'\t', 1, 1);
}

void TstCampaignCli::listAndShow()
{
    const Run list = cli({u"list"_s, u"--profile"_s, m_profile});
    QCOMPARE(list.code, 0);
    const QStringList fields = list.out.trimmed().split(u'\t');
    QCOMPARE(fields.mid(0, 4), (QStringList{QString::number(m_campaign), u"scheduled"_s,
                                            u"Spring sale"_s, u"0/9"_s}));
    const Run show = cli({u"show"_s, QString::number(m_campaign), u"--profile"_s, m_profile});
    QCOMPARE(show.code, 0);
    QVERIFY2(show.out.contains(u"held out\t1\n"_s), qPrintable(show.out));
    QVERIFY(show.out.contains(u"\nA\t9\t9\t0\t0\t0\t0\t0\n"_s));
    QVERIFY(show.out.contains(u"\nholdout\t1\t0\t0"_s));
    QVERIFY(show.out.contains(u"\ntotal\t10\t9\t"_s));
}

void TstCampaignCli::pauseAndResume()
{
    const Run pause = cli({u"pause"_s, QString::number(m_campaign), u"--profile"_s, m_profile});
    QCOMPARE(pause.code, 0);
    QCOMPARE(state(), u"paused"_s);
    const Run again = cli({u"pause"_s, QString::number(m_campaign), u"--profile"_s, m_profile});
    QCOMPARE(again.code, 2);
    QVERIFY2(again.err.contains(u"cannot go from paused to paused"_s), qPrintable(again.err));
    const Run resume = cli({u"resume"_s, QString::number(m_campaign), u"--profile"_s, m_profile});
    QCOMPARE(resume.code, 0);
    QCOMPARE(state(), u"running"_s);
}

void TstCampaignCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no action") << QStringList{} << u"say what to do"_s;
    QTest::newRow("unknown action") << QStringList{u"start"_s, u"1"_s} << u"unknown action"_s;
    QTest::newRow("show without id") << QStringList{u"show"_s} << u"exactly one campaign id"_s;
    QTest::newRow("bad id") << QStringList{u"pause"_s, u"x"_s} << u"not a campaign id"_s;
    QTest::newRow("no profile") << QStringList{u"list"_s} << u"--profile is required"_s;
}

void TstCampaignCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run run = cli(args);
    QCOMPARE(run.code, 64);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TstCampaignCli)
#include "tst_campaigncli.moc"
