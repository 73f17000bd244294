// Account isolation of smsdesk-cli's reads (issue 6 item 5), run as a process on a profile
// with two look-alike accounts: threads, campaign list/show and consent export answer for
// the account --account names (by id, Account SID or name) and nothing of the other; with
// several accounts and no --account, or an unknown one, they refuse with a clear error.
#include "CampaignRows.h"
#include "ConsentCsv.h"
#include "IsolationFixture.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

class TstAccountIsolationCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threads_data() { accounts(); }
    void threads();
    void campaignList_data() { accounts(); }
    void campaignList();
    void campaignShowOnlyOwn_data() { accounts(); }
    void campaignShowOnlyOwn();
    void campaignRunOnlyThroughItsProviderAccount();
    void consentExport_data() { accounts(); }
    void consentExport();
    void accountRequiredOrKnown_data();
    void accountRequiredOrKnown();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList &args, const QProcessEnvironment &env = {});
    void accounts();
    // The --account value a case uses: "id", "sid" or "name" of account `index`.
    QString accountValue(int index, const QString &how) const;

    IsolationFixture m_fx;
};

TstAccountIsolationCli::Run TstAccountIsolationCli::cli(const QStringList &args,
                                                        const QProcessEnvironment &env)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(QStringLiteral(SMSDESK_CLI_PATH), args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TstAccountIsolationCli::initTestCase()
{
    QVERIFY2(m_fx.build(), qPrintable(m_fx.error));
}

void TstAccountIsolationCli::accounts()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("how");
    for (int i = 0; i < 2; ++i) {
        for (const char *how : {"id", "sid", "name"})
            QTest::addRow("%s by %s", qPrintable(m_fx.accounts[size_t(i)].name), how)
                << i << QString::fromLatin1(how);
    }
}

QString TstAccountIsolationCli::accountValue(int index, const QString &how) const
{
    const auto &a = m_fx.accounts[size_t(index)];
    if (how == u"id"_s)
        return QString::number(a.id);
    return how == u"sid"_s ? a.sid : a.name;
}

void TstAccountIsolationCli::threads()
{
    QFETCH(int, index);
    QFETCH(QString, how);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    const Run run =
        cli({u"threads"_s, u"--profile"_s, m_fx.path(), u"--account"_s, accountValue(index, how)});
    QCOMPARE(run.code, 0);
    QStringList listed;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
        listed.append(line.section(u'\t', 0, 1));
    QStringList expected = StoreTestUtil::rows(
        m_fx.db(),
        u"SELECT t.customer_number || char(9) || s.number FROM threads t JOIN sender_numbers s "
        u"ON s.id = t.sender_number_id WHERE t.account_id = ?"_s,
        {account});
    QVERIFY(!expected.isEmpty());
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
}

void TstAccountIsolationCli::campaignList()
{
    QFETCH(int, index);
    QFETCH(QString, how);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    const Run run = cli({u"campaign"_s, u"list"_s, u"--profile"_s, m_fx.path(), u"--account"_s,
                         accountValue(index, how)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QList<qint64> ids;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
        ids.append(line.section(u'\t', 0, 0).toLongLong());
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, m_fx.idsOf(u"campaigns"_s, account));
}

void TstAccountIsolationCli::campaignShowOnlyOwn()
{
    QFETCH(int, index);
    QFETCH(QString, how);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    const QString value = accountValue(index, how);
    for (const qint64 own : m_fx.idsOf(u"campaigns"_s, account)) {
        const Run run = cli({u"campaign"_s, u"show"_s, QString::number(own), u"--profile"_s,
                             m_fx.path(), u"--account"_s, value});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(u"id\t%1\n"_s.arg(own)));
    }
    for (const qint64 theirs : m_fx.idsOf(u"campaigns"_s, m_fx.other(account))) {
        for (const QString &action : {u"show"_s, u"pause"_s, u"resume"_s}) {
            const Run run = cli({u"campaign"_s, action, QString::number(theirs), u"--profile"_s,
                                 m_fx.path(), u"--account"_s, value});
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(u"not a campaign of the account"_s), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        // Nothing moved: the other account's campaign is still where it was.
        QCOMPARE(CampaignRows(m_fx.db()).state(theirs), CampaignState::State::Draft);
    }
}

void TstAccountIsolationCli::campaignRunOnlyThroughItsProviderAccount()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SMSDESK_AUTH_TOKEN"_s, u"not-used"_s);
    // Nothing listens there: both runs must stop before any request.
    const QStringList provider = {u"--account-url"_s, u"http://127.0.0.1:9"_s};
    const auto &a = m_fx.accounts[0];
    const auto &b = m_fx.accounts[1];
    const QString aCampaign = QString::number(m_fx.idsOf(u"campaigns"_s, a.id).first());
    const QString bCampaign = QString::number(m_fx.idsOf(u"campaigns"_s, b.id).first());
    // The first account's campaign through the second account's SID.
    Run run = cli(QStringList{u"campaign"_s, u"run"_s, aCampaign, u"--profile"_s, m_fx.path(),
                              u"--account"_s, a.name, u"--account-sid"_s, b.sid} +
                      provider,
                  env);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"sends through %1, not %2"_s.arg(a.sid, b.sid)),
             qPrintable(run.err));
    // No --account: the SID names the account, and the other's campaign is not its own.
    run = cli(QStringList{u"campaign"_s, u"run"_s, bCampaign, u"--profile"_s, m_fx.path(),
                          u"--account-sid"_s, a.sid} +
                  provider,
              env);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(u"not a campaign of the account %1"_s.arg(a.name)),
             qPrintable(run.err));
    QCOMPARE(CampaignRows(m_fx.db()).state(bCampaign.toLongLong()), CampaignState::State::Draft);
}

void TstAccountIsolationCli::consentExport()
{
    QFETCH(int, index);
    QFETCH(QString, how);
    const qint64 account = m_fx.accounts[size_t(index)].id;
    const Run run = cli({u"consent"_s, u"export"_s, u"--profile"_s, m_fx.path(), u"--account"_s,
                         accountValue(index, how)});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto events = ConsentRows(m_fx.db()).eventsOf(account);
    QVERIFY(events && !events->isEmpty());
    QCOMPARE(run.out, ConsentCsv::toCsv(*events));
}

void TstAccountIsolationCli::accountRequiredOrKnown_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("account"); // empty: no --account
    QTest::addColumn<QString>("message");
    const QList<QStringList> reads = {{u"threads"_s},
                                      {u"campaign"_s, u"list"_s},
                                      {u"campaign"_s, u"show"_s, u"1"_s},
                                      {u"consent"_s, u"export"_s}};
    for (const QStringList &command : reads) {
        const QByteArray name = command.join(u' ').toUtf8();
        QTest::addRow("%s without --account", name.constData())
            << command << QString() << u"--account is required"_s;
        QTest::addRow("%s unknown account", name.constData())
            << command << u"Nobody Inc"_s << u"no account 'Nobody Inc'"_s;
        QTest::addRow("%s unknown id", name.constData())
            << command << u"999"_s << u"no account '999'"_s;
    }
}

void TstAccountIsolationCli::accountRequiredOrKnown()
{
    QFETCH(QStringList, command);
    QFETCH(QString, account);
    QFETCH(QString, message);
    QStringList args = command + QStringList{u"--profile"_s, m_fx.path()};
    if (!account.isEmpty())
        args += {u"--account"_s, account};
    const Run run = cli(args);
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    // The error lists the accounts there are, so the user can pick one.
    for (const auto &a : m_fx.accounts)
        QVERIFY2(run.err.contains(a.name), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TstAccountIsolationCli)
#include "tst_accountisolation_cli.moc"
