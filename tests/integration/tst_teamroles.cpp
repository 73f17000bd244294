// Roles inside the command services, over a real profile in a team: what a role may not change
// is refused with the role needed and nothing is written (the CLI calls the same services, so
// it is gated too); in a team the author of a template version cannot approve it, a teammate
// can; a desktop not in a team may do everything and approve its own versions, as before.
#include "CommandFixture.h"
#include "ContactCommands.h"
#include "KeywordCommands.h"
#include "NumberCommands.h"
#include "TeamPermissions.h"
#include "TeamStateRows.h"
#include "TemplateCommands.h"
#include "TemplateRows.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TstTeamRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void agentIsRefusedAdminAndMarketingChanges();
    void marketerMakesTemplatesNotKeywords();
    void authorCannotApproveOwnVersionInATeam();
    void aloneEverythingIsAllowed();

private:
    // This desktop joins the account's team as `name` with `role`.
    void join(const QString &name, const QString &role);
    void setRole(const QString &name, const QString &role);
    qint64 draftTemplate(const QString &author);

    std::unique_ptr<CommandFixture> m_fx;
};

void TstTeamRoles::init()
{
    m_fx = std::make_unique<CommandFixture>();
    QVERIFY(m_fx->open());
}

void TstTeamRoles::cleanup()
{
    m_fx.reset();
}

void TstTeamRoles::join(const QString &name, const QString &role)
{
    const qint64 account = m_fx->acme;
    QVERIFY(m_fx->writer->call([&](WriterContext &context) {
        return context.repo<TeamStateRows>().join(account, u"ag-"_s + name, u"desk-1"_s);
    }));
    setRole(name, role);
}

void TstTeamRoles::setRole(const QString &name, const QString &role)
{
    const qint64 account = m_fx->acme;
    // As the applied agent.join / agent.role ops leave the roster.
    QVERIFY(m_fx->writer->call([&](WriterContext &context) {
        return StoreTestUtil::exec(context.db(),
                                   u"INSERT INTO team_agents (account_id, agent_id, name, role, "
                                   u"active, joined_at) VALUES (?, ?, ?, ?, 1, 0) ON CONFLICT "
                                   u"(account_id, agent_id) DO UPDATE SET role = excluded.role"_s,
                                   QVariantList{account, QString(u"ag-"_s + name), name, role})
            .isActive();
    }));
}

qint64 TstTeamRoles::draftTemplate(const QString &author)
{
    TemplateCommands templates(m_fx->writer.get(), m_fx->acme, author);
    const auto made = CommandFixture::answer([&](auto done) {
        templates.save(0, u"Ready "_s + author, TemplateType::Transactional,
                       u"Your order is ready."_s, done);
    });
    if (!made || !made->ok)
        return 0;
    const qint64 account = m_fx->acme;
    return m_fx->writer->call([&](WriterContext &context) {
        return context.repo<TemplateRows>().summary(account, made->id)->latest.id;
    });
}

void TstTeamRoles::agentIsRefusedAdminAndMarketingChanges()
{
    join(u"Sam"_s, u"agent"_s);
    KeywordCommands keywords(m_fx->writer.get(), m_fx->acme, u"Sam"_s);
    const auto rule = CommandFixture::answer([&](auto done) {
        keywords.setConfirmationRule(u"GB"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY(rule && !rule->ok);
    QCOMPARE(rule->error,
             u"Only an admin can change confirmation rules (you are an agent in this team)."_s);
    NumberCommands numbers(m_fx->writer.get(), m_fx->acme, u"Sam"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_fx->longCode;
    settings.label = u"Front"_s;
    settings.throughputMps = 1;
    const auto number = CommandFixture::answer([&](auto done) { numbers.save(settings, done); });
    QVERIFY(number && !number->ok);
    QVERIFY2(number->error.startsWith(u"Only an admin can change number settings"_s),
             qPrintable(number->error));
    TemplateCommands templates(m_fx->writer.get(), m_fx->acme, u"Sam"_s);
    const auto made = CommandFixture::answer([&](auto done) {
        templates.save(0, u"Hi"_s, TemplateType::Transactional, u"Hello."_s, done);
    });
    QVERIFY(made && !made->ok);
    QVERIFY2(made->error.startsWith(u"Only a marketer or an admin can change templates"_s),
             qPrintable(made->error));
    ContactCommands contacts(m_fx->writer.get(), m_fx->acme, u"Sam"_s);
    std::optional<ConsentCsv::ImportResult> imported;
    contacts.importOptIns(
        u"number,occurred_at\n+14155550101,2026-01-05T10:00:00Z\n"_s, u"US"_s,
        [&](const CommandResult &, const ConsentCsv::ImportResult &r) { imported = r; });
    QTRY_VERIFY(imported.has_value());
    QVERIFY(imported->storeError.startsWith(u"Only a marketer or an admin can import"_s));
    // Nothing was written, nothing queued for the team.
    QCOMPARE(m_fx->count(u"confirmation_rules"_s), 0);
    QCOMPARE(m_fx->count(u"templates"_s), 0);
    QCOMPARE(m_fx->count(u"consent_events"_s), 0);
    QCOMPARE(m_fx->count(u"team_outbox"_s), 0);
}

void TstTeamRoles::marketerMakesTemplatesNotKeywords()
{
    join(u"Mia"_s, u"marketer"_s);
    QVERIFY(draftTemplate(u"Mia"_s) > 0);
    KeywordCommands keywords(m_fx->writer.get(), m_fx->acme, u"Mia"_s);
    const auto rule = CommandFixture::answer([&](auto done) {
        keywords.setConfirmationRule(u"GB"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY(rule && !rule->ok);
    QVERIFY(rule->error.contains(u"you are a marketer"_s));
    // Promoted to admin: allowed from then on.
    setRole(u"Mia"_s, u"admin"_s);
    const auto again = CommandFixture::answer([&](auto done) {
        keywords.setConfirmationRule(u"GB"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY2(again && again->ok, again ? qPrintable(again->error) : "no answer");
}

void TstTeamRoles::authorCannotApproveOwnVersionInATeam()
{
    join(u"Ana"_s, u"marketer"_s);
    const qint64 version = draftTemplate(u"Ana"_s);
    QVERIFY(version > 0);
    TemplateCommands asAna(m_fx->writer.get(), m_fx->acme, u"Ana"_s);
    const auto own = CommandFixture::answer([&](auto done) { asAna.approve(version, done); });
    QVERIFY(own && !own->ok);
    QCOMPARE(own->error, u"You wrote this version: another member of the team must approve it."_s);
    QCOMPARE(m_fx->count(u"template_versions WHERE state = 'approved'"_s), 0);
    // The same desktop, now Sam's (another member): approved, and shared.
    join(u"Sam"_s, u"marketer"_s);
    TemplateCommands asSam(m_fx->writer.get(), m_fx->acme, u"Sam"_s);
    const qint64 queued = m_fx->count(u"team_outbox"_s);
    const auto other = CommandFixture::answer([&](auto done) { asSam.approve(version, done); });
    QVERIFY2(other && other->ok, other ? qPrintable(other->error) : "no answer");
    QCOMPARE(m_fx->count(u"template_versions WHERE state = 'approved' AND approver = 'Sam'"_s), 1);
    QCOMPARE(m_fx->count(u"team_outbox"_s), queued + 1);
}

void TstTeamRoles::aloneEverythingIsAllowed()
{
    const qint64 version = draftTemplate(u"Ana"_s);
    QVERIFY(version > 0);
    TemplateCommands asAna(m_fx->writer.get(), m_fx->acme, u"Ana"_s);
    const auto own = CommandFixture::answer([&](auto done) { asAna.approve(version, done); });
    QVERIFY2(own && own->ok, own ? qPrintable(own->error) : "no answer");
    KeywordCommands keywords(m_fx->writer.get(), m_fx->acme, u"Ana"_s);
    const auto rule = CommandFixture::answer([&](auto done) {
        keywords.setConfirmationRule(u"GB"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY(rule && rule->ok);
    QCOMPARE(m_fx->count(u"team_outbox"_s), 0);
}

QTEST_MAIN(TstTeamRoles)
#include "tst_teamroles.moc"
