// What a desktop made before joining is shared when it joins: templates with every version,
// keyword processes with their status, canned replies, confirmation rules and contacts reach a
// teammate; a version its author approved alone arrives as a draft everywhere, this desktop
// included; an agent's own templates and processes stay on its desktop.
#include "CannedReplyRows.h"
#include "ConfirmationRuleRows.h"
#include "KeywordProcessRows.h"
#include "TeamBacklog.h"
#include "TeamDesks.h"
#include "TemplateRows.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;
} // namespace

class TstTeamBacklog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void madeBeforeJoiningReachesTheTeam();
    void anAgentSharesOnlyWhatItsRoleMay();

private:
    // Desk A works alone: a template approved by its author, a started process, a canned reply,
    // a rule and two contacts.
    void workAlone();
    void join(const QString &role);

    TeamDesk m_a;
    TeamDesk m_b;
    TeamLogInMemory m_log;
};

void TstTeamBacklog::init()
{
    m_log.items.clear();
    QVERIFY(m_a.open(u"Ana"_s, false));
    QVERIFY(m_b.open(u"Sam"_s));
}

void TstTeamBacklog::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

void TstTeamBacklog::workAlone()
{
    TemplateRows templates(m_a.db());
    const qint64 id = templates.create(Account, u"Ready"_s, TemplateType::Transactional,
                                       u"Your order is ready."_s, u"Ana"_s);
    QVERIFY(id);
    QVERIFY(templates.approve(Account, templates.summary(Account, id)->latest.id, u"Ana"_s,
                              QDateTime::currentDateTimeUtc()));
    KeywordProcessRows::Row row;
    row.senderNumberId = 1;
    row.process = KeywordProcess::create(KeywordProcess::Type::AutoReply, ThreadFixture::Support);
    row.process.keywords = {u"HOURS"_s};
    row.reply = u"Open 9 to 5."_s;
    KeywordProcessRows processes(m_a.db());
    const qint64 process = processes.create(Account, row, u"Ana"_s);
    QVERIFY(process);
    QVERIFY(processes.apply(Account, process, KeywordProcessLifecycle::Action::Start, u"Ana"_s));
    QVERIFY(CannedReplyRows(m_a.db()).add(Account, u"Thanks"_s, u"Thanks!"_s));
    QVERIFY(ConfirmationRuleRows(m_a.db()).set(Account, u"GB"_s, ConfirmationRule::Rule::Prohibited,
                                               u"Ana"_s));
    QVERIFY(StoreTestUtil::exec(m_a.db(),
                                u"INSERT INTO contacts (account_id, number, name, tags) VALUES "
                                u"(1, '+14155550901', 'Kim', '[\"walk-in\"]'), "
                                u"(1, '+14155550902', 'Raj', '[]')"_s)
                .isActive());
    QCOMPARE(TeamOutboxRows(m_a.db()).count(Account), 0);
}

void TstTeamBacklog::join(const QString &role)
{
    QVERIFY(TeamStateRows(m_a.db()).join(Account, u"ag-Ana"_s, u"desk-Ana"_s));
    QVERIFY(m_a.seedRoster());
    QVERIFY(StoreTestUtil::exec(m_a.db(),
                                u"UPDATE team_agents SET role = ? WHERE agent_id = "
                                u"'ag-Ana'"_s,
                                {role})
                .isActive());
    QVERIFY(StoreTestUtil::exec(m_b.db(),
                                u"UPDATE team_agents SET role = ? WHERE agent_id = "
                                u"'ag-Ana'"_s,
                                {role})
                .isActive());
}

void TstTeamBacklog::madeBeforeJoiningReachesTheTeam()
{
    workAlone();
    join(u"admin"_s);
    TeamBacklog::Counts counts;
    const auto shared = TeamBacklog(m_a.db()).share(Account, u"Ana"_s, u"admin"_s);
    QVERIFY(shared);
    counts = *shared;
    QCOMPARE(counts.templates, 1);
    QCOMPARE(counts.keywordProcesses, 1);
    QCOMPARE(counts.cannedReplies, 1);
    QCOMPARE(counts.rules, 1);
    QCOMPARE(counts.contacts, 2);
    QCOMPARE(TeamBacklog::summary(counts),
             u"Shared with the team: 1 template, 1 keyword process, 1 canned reply, 1 "
             u"confirmation rule, 2 contacts made before joining."_s);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT status || '|' || reply FROM keyword_processes"_s).toString(),
             u"started|Open 9 to 5."_s);
    QCOMPARE(m_b.scalar(u"SELECT body FROM canned_replies WHERE name = 'Thanks'"_s).toString(),
             u"Thanks!"_s);
    QCOMPARE(
        m_b.scalar(u"SELECT rule FROM confirmation_rules WHERE country_code = 'GB'"_s).toString(),
        u"prohibited"_s);
    QCOMPARE(m_b.scalar(u"SELECT group_concat(name || tags, ';') FROM contacts"_s).toString(),
             u"Kim[\"walk-in\"];Raj[]"_s);
    // Approved by its author alone: a draft for the team to approve, on both desktops.
    QCOMPARE(m_b.scalar(u"SELECT body || '|' || state FROM template_versions"_s).toString(),
             u"Your order is ready.|draft"_s);
    m_log.pull(m_a);
    QCOMPARE(m_a.scalar(u"SELECT state FROM template_versions"_s).toString(), u"draft"_s);
    QCOMPARE(TeamOutboxRows(m_a.db()).count(Account), 0);
}

void TstTeamBacklog::anAgentSharesOnlyWhatItsRoleMay()
{
    workAlone();
    join(u"agent"_s);
    const auto shared = TeamBacklog(m_a.db()).share(Account, u"Ana"_s, u"agent"_s);
    QVERIFY(shared);
    QCOMPARE(shared->templates + shared->keywordProcesses + shared->rules + shared->contacts, 0);
    QCOMPARE(shared->cannedReplies, 1);
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM canned_replies"_s).toInt(), 1);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TstTeamBacklog)
#include "tst_teambacklog.moc"
