// Every desktop enforces roles and the second-person approval on what the team log brings: an
// op whose maker does not hold the role at that point of the log is skipped (a later promotion
// does not make it count), one of a member with the role applies; an approval of a template
// version by its author arrives as a draft. And the role table itself.
#include "TeamDesks.h"
#include "TeamPermissions.h"
#include "TemplateApprovalRule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;
using Origin = TeamOpApplier::Origin;
using Area = TeamPermissions::Area;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;
} // namespace

class TstTeamRoleOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roleTable();
    void opsOfAMemberWithoutTheRoleAreSkipped();
    void theRoleCountsAtItsPointOfTheLog();
    void approvalByTheAuthorArrivesAsADraft();

private:
    TeamOp op(const QString &agent, const QString &kind, const QString &target,
              const QJsonObject &fields);
    std::optional<Outcome> apply(const TeamOp &o)
    {
        return TeamOpApplier(m_b.db()).apply(Account, o, Origin::Log);
    }

    TeamDesk m_b;
    int m_seq = 0;
};

void TstTeamRoleOps::init()
{
    QVERIFY(m_b.open(u"Bo"_s));
    // Ana is an agent, Mia a marketer, Bo an admin.
    QVERIFY(StoreTestUtil::exec(m_b.db(),
                                u"UPDATE team_agents SET role = CASE agent_id WHEN 'ag-Ana' THEN "
                                u"'agent' WHEN 'ag-Sam' THEN 'marketer' ELSE 'admin' END"_s)
                .isActive());
}

void TstTeamRoleOps::cleanup()
{
    m_b.fx.reset();
}

TeamOp TstTeamRoleOps::op(const QString &agent, const QString &kind, const QString &target,
                          const QJsonObject &fields)
{
    TeamOp o;
    o.id = u"op-%1"_s.arg(++m_seq);
    o.agent = agent;
    o.desk = u"desk-x"_s;
    o.at = 1000 + m_seq;
    o.kind = kind;
    o.target = target;
    o.fields = fields;
    return o;
}

void TstTeamRoleOps::roleTable()
{
    for (const Area area : {Area::Numbers, Area::Keywords, Area::ConfirmationRules, Area::Roster}) {
        QVERIFY(TeamPermissions::allows(u"admin"_s, area));
        QVERIFY(!TeamPermissions::allows(u"marketer"_s, area));
        QVERIFY(!TeamPermissions::allows(u"agent"_s, area));
        QVERIFY(TeamPermissions::allows(QString(), area)); // not in a team
        QCOMPARE(TeamPermissions::tooltip(area), u"Needs the admin role."_s);
    }
    for (const Area area : {Area::Templates, Area::Campaigns, Area::Contacts}) {
        QVERIFY(TeamPermissions::allows(u"admin"_s, area));
        QVERIFY(TeamPermissions::allows(u"marketer"_s, area));
        QVERIFY(!TeamPermissions::allows(u"agent"_s, area));
        QCOMPARE(TeamPermissions::tooltip(area), u"Needs the marketer or admin role."_s);
    }
    QCOMPARE(TeamPermissions::areaOfCommand(u"keyword.confirmation_rule"_s),
             std::optional(Area::ConfirmationRules));
    QCOMPARE(TeamPermissions::areaOfCommand(u"keyword.start"_s), std::optional(Area::Keywords));
    QCOMPARE(TeamPermissions::areaOfCommand(u"campaign.pause"_s), std::optional(Area::Campaigns));
    QCOMPARE(TeamPermissions::areaOfCommand(u"consent.import"_s), std::optional(Area::Contacts));
    QVERIFY(!TeamPermissions::areaOfCommand(u"thread.resolve"_s));
    QCOMPARE(TeamPermissions::areaOfKind(u"rule.put"_s), std::optional(Area::ConfirmationRules));
    QCOMPARE(TeamPermissions::areaOfKind(u"contact.put"_s), std::optional(Area::Contacts));
    QVERIFY(!TeamPermissions::areaOfKind(u"canned.put"_s));
    QVERIFY(!TeamPermissions::areaOfKind(u"thread.assign"_s));
    QCOMPARE(TeamPermissions::refusal(Area::Keywords, u"marketer"_s),
             u"Only an admin can change keyword processes (you are a marketer in this team)."_s);
    QVERIFY(!TemplateApprovalRule::mayApprove(u"Ana Lee"_s, u" ana lee "_s));
    QVERIFY(TemplateApprovalRule::mayApprove(u"Ana Lee"_s, u"Sam"_s));
}

void TstTeamRoleOps::opsOfAMemberWithoutTheRoleAreSkipped()
{
    const QJsonObject rule{{u"rule"_s, u"prohibited"_s}};
    // An agent's and a marketer's rule change: skipped. An unknown maker's too.
    QCOMPARE(apply(op(u"ag-Ana"_s, u"rule.put"_s, u"GB"_s, rule)),
             std::optional(Outcome::NotApplicable));
    QCOMPARE(apply(op(u"ag-Sam"_s, u"rule.put"_s, u"GB"_s, rule)),
             std::optional(Outcome::NotApplicable));
    QCOMPARE(apply(op(u"ag-nobody"_s, u"rule.put"_s, u"GB"_s, rule)),
             std::optional(Outcome::NotApplicable));
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM confirmation_rules"_s).toInt(), 0);
    // An agent's contacts: skipped; a marketer's: applied.
    const QJsonObject contacts{
        {u"contacts"_s, QJsonObject{{u"+14155550123"_s, QJsonObject{{u"name"_s, u"Zoe"_s}}}}}};
    QCOMPARE(apply(op(u"ag-Ana"_s, u"contact.put"_s, u"+14155550123"_s, contacts)),
             std::optional(Outcome::NotApplicable));
    QCOMPARE(apply(op(u"ag-Sam"_s, u"contact.put"_s, u"+14155550123"_s, contacts)),
             std::optional(Outcome::Applied));
    // A marketer's template: applied. The admin's rule: applied.
    QCOMPARE(apply(op(u"ag-Sam"_s, u"template.put"_s, u"t-1"_s,
                      {{u"name"_s, u"Hi"_s}, {u"type"_s, u"transactional"_s}})),
             std::optional(Outcome::Applied));
    QCOMPARE(apply(op(u"ag-Bo"_s, u"rule.put"_s, u"GB"_s, rule)), std::optional(Outcome::Applied));
    // Canned replies are every member's (agents use them in the inbox).
    QCOMPARE(apply(op(u"ag-Ana"_s, u"canned.put"_s, u"c-1"_s,
                      {{u"name"_s, u"Thanks"_s}, {u"body"_s, u"Thanks!"_s}})),
             std::optional(Outcome::Applied));
}

void TstTeamRoleOps::theRoleCountsAtItsPointOfTheLog()
{
    const QJsonObject rule{{u"rule"_s, u"prohibited"_s}};
    const QList<TeamOp> ops{op(u"ag-Sam"_s, u"rule.put"_s, u"GB"_s, rule),
                            op(u"ag-Bo"_s, u"agent.role"_s, u"ag-Sam"_s, {{u"role"_s, u"admin"_s}}),
                            op(u"ag-Sam"_s, u"rule.put"_s, u"CA"_s, rule),
                            op(u"ag-Bo"_s, u"agent.remove"_s, u"ag-Sam"_s, {}),
                            op(u"ag-Sam"_s, u"rule.put"_s, u"FR"_s, rule)};
    QList<TeamLogWriter::LogItem> items;
    for (const TeamOp &o : ops)
        items.append({items.size(), o.toJson()});
    const auto applied = TeamLogWriter(m_b.db()).applyItems(Account, items);
    QVERIFY(applied);
    // Only the rule Sam set while an admin counts, on every desktop applying this log.
    QCOMPARE(m_b.scalar(u"SELECT group_concat(country_code) FROM confirmation_rules"_s).toString(),
             u"CA"_s);
}

void TstTeamRoleOps::approvalByTheAuthorArrivesAsADraft()
{
    QCOMPARE(apply(op(u"ag-Sam"_s, u"template.put"_s, u"t-1"_s,
                      {{u"name"_s, u"Ready"_s}, {u"type"_s, u"transactional"_s}})),
             std::optional(Outcome::Applied));
    const auto version = [&](const QString &approver) {
        return op(u"ag-Sam"_s, u"template.version"_s, u"t-1"_s,
                  {{u"number"_s, 1},
                   {u"body"_s, u"Ready."_s},
                   {u"state"_s, u"approved"_s},
                   {u"author"_s, u"Sam"_s},
                   {u"approver"_s, approver},
                   {u"approved_at"_s, 1.7e12}});
    };
    QCOMPARE(apply(version(u"sam"_s)), std::optional(Outcome::Applied));
    QCOMPARE(m_b.scalar(u"SELECT state || '|' || approver FROM template_versions"_s).toString(),
             u"draft|"_s);
    // A teammate's approval of it counts.
    QCOMPARE(apply(version(u"Bo"_s)), std::optional(Outcome::Applied));
    QCOMPARE(m_b.scalar(u"SELECT state || '|' || approver FROM template_versions"_s).toString(),
             u"approved|Bo"_s);
}

QTEST_GUILESS_MAIN(TstTeamRoleOps)
#include "tst_teamroleops.moc"
