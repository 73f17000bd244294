// The marketing command services against a real profile: templates (create, approve, retire),
// campaigns (schedule, pause, resume, cancel; one account never moves another's) and contacts
// (CSV import, opt-ins, audience settings). Bad input is refused with a message naming the
// problem and writes nothing.
#include "AudienceQuery.h"
#include "CampaignCommands.h"
#include "CampaignRows.h"
#include "CommandFixture.h"
#include "ContactCommands.h"
#include "TemplateCommands.h"
#include "TemplateRows.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TstMarketingCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void templateIsCreatedApprovedRetired();
    void templateWithoutNameIsRefused();
    void campaignIsScheduledPausedResumedCanceled();
    void anotherAccountsCampaignIsRefused();
    void emptyAudienceIsRefused();
    void contactsAreImported();
    void badMappingIsRefused();
    void optInsAreImported();
    void audienceSettingsAreSaved();

private:
    // An approved promotional template version of Bloom Florists; 0 on failure.
    qint64 approvedVersion();

    std::unique_ptr<CommandFixture> m_fx;
};

void TstMarketingCommands::init()
{
    m_fx = std::make_unique<CommandFixture>();
    QVERIFY(m_fx->open());
}

void TstMarketingCommands::cleanup()
{
    m_fx.reset();
}

void TstMarketingCommands::templateIsCreatedApprovedRetired()
{
    TemplateCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto created = CommandFixture::answer([&](auto done) {
        commands.save(0, u"Order ready"_s, TemplateType::Transactional,
                      u"Your order is ready for pickup."_s, done);
    });
    QVERIFY2(created->ok, qPrintable(created->error));
    auto rows = m_fx->reader->make<TemplateRows>();
    auto summary = rows.summary(m_fx->acme, created->id);
    QVERIFY(summary);
    QCOMPARE(summary->name, u"Order ready"_s);
    const qint64 version = summary->latest.id;

    const auto approved =
        CommandFixture::answer([&](auto done) { commands.approve(version, done); });
    QVERIFY2(approved->ok, qPrintable(approved->error));
    QCOMPARE(approved->id, version);
    QCOMPARE(rows.summary(m_fx->acme, created->id)->approvedVersionId, version);
    QVERIFY(CommandFixture::answer([&](auto done) { commands.retire(version, done); })->ok);
    QCOMPARE(rows.summary(m_fx->acme, created->id)->approvedVersionId, 0);

    // Another account cannot approve it.
    TemplateCommands theirs(m_fx->writer.get(), m_fx->other, u"olu"_s);
    QVERIFY(!CommandFixture::answer([&](auto done) { theirs.approve(version, done); })->ok);
}

void TstMarketingCommands::templateWithoutNameIsRefused()
{
    TemplateCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto refused = CommandFixture::answer([&](auto done) {
        commands.save(0, u"  "_s, TemplateType::Transactional, u"Hello."_s, done);
    });
    QVERIFY(!refused->ok);
    QVERIFY(!refused->error.isEmpty());
    QCOMPARE(m_fx->count(u"templates"_s), 0);
    QCOMPARE(m_fx->count(u"template_versions"_s), 0);
}

qint64 TstMarketingCommands::approvedVersion()
{
    TemplateCommands templates(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto created = CommandFixture::answer([&](auto done) {
        templates.save(0, u"Spring"_s, TemplateType::Promotional,
                       u"Spring sale: 20% off. Reply STOP to opt out"_s, done);
    });
    if (!created || !created->ok)
        return 0;
    const qint64 version =
        m_fx->reader->make<TemplateRows>().summary(m_fx->acme, created->id)->latest.id;
    const auto approved =
        CommandFixture::answer([&](auto done) { templates.approve(version, done); });
    return approved && approved->ok ? version : 0;
}

static CampaignDraft spring(qint64 version, qint64 sender)
{
    CampaignDraft draft;
    draft.name = u"Spring sale"_s;
    draft.variants = {{u"A"_s, version, 100}};
    draft.senderIds = {sender};
    draft.windowStartMinute = 0;
    draft.windowEndMinute = 1440;
    return draft;
}

void TstMarketingCommands::campaignIsScheduledPausedResumedCanceled()
{
    const qint64 version = approvedVersion();
    QVERIFY(version > 0);
    CampaignCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto scheduled = CommandFixture::answer([&](auto done) {
        commands.schedule(spring(version, m_fx->longCode), {u"+14155550101"_s, u"+14155550102"_s},
                          done);
    });
    QVERIFY2(scheduled->ok, qPrintable(scheduled->error));
    auto rows = m_fx->reader->make<CampaignRows>();
    const auto summary = rows.summary(scheduled->id);
    QCOMPARE(summary->accountId, m_fx->acme);
    QCOMPARE(summary->state, CampaignState::State::Scheduled);
    QCOMPARE(summary->total, qint64(2));

    QVERIFY(CommandFixture::answer([&](auto done) { commands.pause(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Paused);
    const auto paused =
        CommandFixture::answer([&](auto done) { commands.pause(scheduled->id, done); });
    QVERIFY(!paused->ok);
    QVERIFY2(paused->error.contains(u"cannot go from"_s), qPrintable(paused->error));
    QVERIFY(CommandFixture::answer([&](auto done) { commands.resume(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Running);
    QVERIFY(CommandFixture::answer([&](auto done) { commands.cancel(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Canceled);
}

void TstMarketingCommands::anotherAccountsCampaignIsRefused()
{
    const qint64 version = approvedVersion();
    CampaignCommands ours(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto scheduled = CommandFixture::answer([&](auto done) {
        ours.schedule(spring(version, m_fx->longCode), {u"+14155550101"_s}, done);
    });
    QVERIFY2(scheduled->ok, qPrintable(scheduled->error));
    const qint64 audits = m_fx->count(u"audit_log"_s);
    CampaignCommands theirs(m_fx->writer.get(), m_fx->other, u"olu"_s);
    for (const auto &move :
         {&CampaignCommands::pause, &CampaignCommands::resume, &CampaignCommands::cancel}) {
        const auto refused =
            CommandFixture::answer([&](auto done) { (theirs.*move)(scheduled->id, done); });
        QVERIFY(!refused->ok);
        QVERIFY2(refused->error.contains(u"not a campaign of the account"_s),
                 qPrintable(refused->error));
    }
    QCOMPARE(m_fx->reader->make<CampaignRows>().state(scheduled->id),
             CampaignState::State::Scheduled);
    QCOMPARE(m_fx->count(u"audit_log"_s), audits);
}

void TstMarketingCommands::emptyAudienceIsRefused()
{
    const qint64 version = approvedVersion();
    CampaignCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    const auto refused = CommandFixture::answer(
        [&](auto done) { commands.schedule(spring(version, m_fx->longCode), {}, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(u"no recipients"_s), qPrintable(refused->error));
    CampaignDraft nameless = spring(version, m_fx->longCode);
    nameless.name.clear();
    QVERIFY(!CommandFixture::answer([&](auto done) {
                 commands.schedule(nameless, {u"+14155550101"_s}, done);
             })->ok);
    QCOMPARE(m_fx->count(u"campaigns"_s), 0);
}

void TstMarketingCommands::contactsAreImported()
{
    QString error;
    const CsvTable table = CsvTable::parse(
        "phone,name,tags\n+14155550101,Maria Gonzalez,vip\n(415) 555-0102,Tom Becker,\n", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ContactCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    ContactImport::Options options;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    std::optional<ContactImport::Result> detail;
    bool ok = false;
    int progressCalls = 0;
    commands.importContacts(
        table, ContactImport::guessMapping(table.header), options,
        [&](const ContactImport::Progressed &) { ++progressCalls; },
        [&](const CommandResult &result, const ContactImport::Result &d) {
            ok = result.ok;
            detail = d;
        });
    QTRY_VERIFY(detail.has_value());
    QVERIFY2(ok, qPrintable(detail->error));
    QCOMPARE(detail->inserted, 2);
    QVERIFY(progressCalls > 0);
    QCOMPARE(m_fx->count(u"contacts"_s), 2);
}

void TstMarketingCommands::badMappingIsRefused()
{
    QString error;
    const CsvTable table = CsvTable::parse("phone,name\n+14155550101,Maria\n", &error);
    ContactCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    QList<ContactImport::Column> mapping = ContactImport::guessMapping(table.header);
    mapping.removeLast(); // one column short
    std::optional<CommandResult> got;
    commands.importContacts(table, mapping, {}, {},
                            [&](const CommandResult &result, const ContactImport::Result &d) {
                                got = result;
                                QVERIFY(!d.written);
                            });
    QTRY_VERIFY(got.has_value());
    QVERIFY(!got->ok);
    QVERIFY2(got->error.contains(u"mapping"_s), qPrintable(got->error));
    QCOMPARE(m_fx->count(u"contacts"_s), 0);
}

void TstMarketingCommands::optInsAreImported()
{
    ContactCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    std::optional<CommandResult> got;
    ConsentCsv::ImportResult detail;
    commands.importOptIns(u"number,occurred_at\n+14155550101,2026-01-05T10:00:00Z\n"_s, u"US"_s,
                          [&](const CommandResult &result, const ConsentCsv::ImportResult &d) {
                              got = result;
                              detail = d;
                          });
    QTRY_VERIFY(got.has_value());
    QVERIFY2(got->ok, qPrintable(got->error));
    QCOMPARE(detail.imported, 1);

    // One bad row: nothing is imported, and the row is named.
    got.reset();
    commands.importOptIns(u"number,occurred_at\n+14155550102,2026-01-05T10:00:00Z\nnope,x\n"_s,
                          u"US"_s,
                          [&](const CommandResult &result, const ConsentCsv::ImportResult &d) {
                              got = result;
                              detail = d;
                          });
    QTRY_VERIFY(got.has_value());
    QVERIFY(!got->ok);
    QVERIFY(!detail.errors.isEmpty());
    for (const ConsentCsv::RowError &e : std::as_const(detail.errors))
        QCOMPARE(e.line, 3);
    QCOMPARE(m_fx->count(u"consent_events"_s), 1);
}

void TstMarketingCommands::audienceSettingsAreSaved()
{
    ContactCommands commands(m_fx->writer.get(), m_fx->acme, u"mia"_s);
    AudienceFilter::Settings settings;
    settings.frequencyCap = FrequencyCap(2, 5); // not the defaults
    settings.suppressOpenThreads = false;
    QVERIFY(CommandFixture::answer([&](auto done) {
                commands.saveAudienceSettings(settings, done);
            })->ok);
    auto stored = m_fx->reader->make<AudienceQuery>().settings(m_fx->acme);
    QCOMPARE(stored->frequencyCap.maxPerWeek(), 5);
    QVERIFY(!stored->suppressOpenThreads);

    settings.frequencyCap = FrequencyCap(-1, 3);
    const auto refused =
        CommandFixture::answer([&](auto done) { commands.saveAudienceSettings(settings, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(u"negative"_s), qPrintable(refused->error));
    QCOMPARE(m_fx->reader->make<AudienceQuery>().settings(m_fx->acme)->frequencyCap.maxPerDay(), 2);
}

QTEST_GUILESS_MAIN(TstMarketingCommands)
#include "tst_marketingcommands.moc"
