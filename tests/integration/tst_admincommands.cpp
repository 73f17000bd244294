// The admin and marketing command services against a real profile: each command writes what it
// should; bad input is refused with a message naming the problem and writes nothing; every
// answer is asynchronous and comes after the change feed delivered the change.
#include "AccountRows.h"
#include "AudienceQuery.h"
#include "CampaignCommands.h"
#include "CampaignRows.h"
#include "ConfirmationRuleRows.h"
#include "ContactCommands.h"
#include "KeywordCommands.h"
#include "NumberCommands.h"
#include "SenderNumberRows.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"
#include "TemplateCommands.h"
#include "TemplateRows.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using Type = KeywordProcess::Type;

class TstAdminCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keywordProcessLifecycle();
    void badKeywordIsRefusedBeforeWriting_data();
    void badKeywordIsRefusedBeforeWriting();
    void secondUnsubscribeIsRefused();
    void anotherAccountsProcessIsRefused();
    void confirmationRuleIsSaved();
    void numberSettingsAreSaved();
    void badNumberSettingsAreRefused_data();
    void badNumberSettingsAreRefused();
    void lendingNeedsTheOwner();
    void templateIsCreatedApprovedRetired();
    void templateWithoutNameIsRefused();
    void campaignIsScheduledPausedResumedCanceled();
    void anotherAccountsCampaignIsRefused();
    void emptyAudienceIsRefused();
    void contactsAreImported();
    void badMappingIsRefused();
    void optInsAreImported();
    void audienceSettingsAreSaved();
    void answerComesAfterTheFeed();
    void refusalIsAsynchronous();

private:
    // Starts a command and waits for its answer (the test thread may wait).
    template<typename Start>
    static std::optional<CommandResult> answer(Start start)
    {
        std::optional<CommandResult> got;
        start([&got](const CommandResult &result) { got = result; });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 10000))
            return std::nullopt;
        return got;
    }
    qint64 count(const QString &table) const
    {
        return StoreTestUtil::scalar(m_reader->connection(), u"SELECT count(*) FROM "_s + table)
            .toLongLong();
    }
    KeywordProcessRows::Row process(Type type, const QStringList &keywords, const QString &reply,
                                    qint64 numberId = 0) const;
    qint64 approvedVersion();

    QTemporaryDir m_dir;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    qint64 m_acme = 0;
    qint64 m_other = 0;
    qint64 m_long = 0;      // Acme's long code
    qint64 m_short = 0;     // Acme's short code
    qint64 m_otherLong = 0; // the other account's
};

void TstAdminCommands::init()
{
    static int n = 0;
    const QString path = m_dir.filePath(u"p%1.sqlite"_s.arg(++n));
    m_writer = std::make_unique<StoreWriter>(path);
    QVERIFY(m_writer->open());
    m_writer->call([this](WriterContext &context) {
        auto accounts = context.repo<AccountRows>();
        m_acme = accounts.createOrFind(u"Bloom Florists"_s, u"AC1"_s);
        m_other = accounts.createOrFind(u"Oak St Dental"_s, u"AC2"_s);
        m_long = accounts.createOrFindSenderNumber(m_acme, u"+14155550100"_s, 1.0);
        m_short = accounts.createOrFindSenderNumber(m_acme, u"+12345"_s, 30.0, u"short_code"_s);
        m_otherLong = accounts.createOrFindSenderNumber(m_other, u"+14155550200"_s, 1.0);
    });
    QVERIFY(m_acme > 0 && m_other > 0 && m_long > 0 && m_short > 0 && m_otherLong > 0);
    m_reader = std::make_unique<StoreReader>(path);
    QVERIFY(m_reader->open());
}

void TstAdminCommands::cleanup()
{
    m_reader.reset();
    m_writer.reset();
}

KeywordProcessRows::Row TstAdminCommands::process(Type type, const QStringList &keywords,
                                                  const QString &reply, qint64 numberId) const
{
    KeywordProcessRows::Row row;
    row.senderNumberId = numberId > 0 ? numberId : m_long;
    row.process.type = type;
    row.process.keywords = keywords;
    row.reply = reply;
    return row;
}

void TstAdminCommands::keywordProcessLifecycle()
{
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    const auto created = answer([&](auto done) {
        commands.save(process(Type::Help, KeywordProcess::defaultKeywords(Type::Help),
                              u"Bloom Florists: call 415 555 0100."_s),
                      done);
    });
    QVERIFY(created);
    QVERIFY2(created->ok, qPrintable(created->error));
    QVERIFY(created->id > 0);
    auto rows = m_reader->make<KeywordProcessRows>();
    auto stored = rows.find(m_acme, created->id);
    QVERIFY(stored);
    QCOMPARE(stored->process.status, KeywordProcess::Status::New);

    QVERIFY(answer([&](auto done) { commands.start(created->id, done); })->ok);
    QCOMPARE(rows.find(m_acme, created->id)->process.status, KeywordProcess::Status::Started);
    QVERIFY(answer([&](auto done) { commands.pause(created->id, done); })->ok);
    QCOMPARE(rows.find(m_acme, created->id)->process.status, KeywordProcess::Status::Paused);

    auto edit = *stored;
    edit.reply = u"Bloom Florists: text us, or call 415 555 0100."_s;
    const auto edited = answer([&](auto done) { commands.save(edit, done); });
    QVERIFY2(edited->ok, qPrintable(edited->error));
    QCOMPARE(edited->id, created->id);
    QCOMPARE(rows.find(m_acme, created->id)->reply, edit.reply);

    QVERIFY(answer([&](auto done) { commands.remove(created->id, done); })->ok);
    QVERIFY(!rows.find(m_acme, created->id));
    // Each change left its audit entry.
    QVERIFY(count(u"audit_log WHERE subject_type = 'keyword_process'"_s) >= 4);
}

void TstAdminCommands::badKeywordIsRefusedBeforeWriting_data()
{
    QTest::addColumn<QStringList>("keywords");
    QTest::addColumn<QString>("message");
    QTest::newRow("space") << QStringList{u"SPRING SALE"_s} << u"contains a space"_s;
    QTest::newRow("digit") << QStringList{u"SALE2"_s} << u"SALE2"_s;
    QTest::newRow("emoji") << QStringList{u"HI🌷"_s} << u"HI🌷"_s;
}

void TstAdminCommands::badKeywordIsRefusedBeforeWriting()
{
    QFETCH(QStringList, keywords);
    QFETCH(QString, message);
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    QSignalSpy feed(m_writer->changes(), &ChangeFeed::changed);
    const auto refused = answer([&](auto done) {
        commands.save(process(Type::AutoReply, keywords, u"Our spring sale is on."_s), done);
    });
    QVERIFY(refused);
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(message), qPrintable(refused->error));
    QCOMPARE(count(u"keyword_processes"_s), 0);
    QCOMPARE(count(u"audit_log"_s), 0);
    QCOMPARE(feed.count(), 0);
}

void TstAdminCommands::secondUnsubscribeIsRefused()
{
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    const QStringList stop = KeywordProcess::defaultKeywords(Type::Unsubscribe);
    const auto first = answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop, u"You are unsubscribed."_s), done);
    });
    QVERIFY2(first->ok, qPrintable(first->error));
    const qint64 audits = count(u"audit_log"_s);
    const auto second = answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop + QStringList{u"QUIT"_s}, u"Bye."_s), done);
    });
    QVERIFY(!second->ok);
    QVERIFY2(second->error.contains(u"Unsubscribe"_s), qPrintable(second->error));
    QCOMPARE(count(u"keyword_processes"_s), 1);
    QCOMPARE(count(u"audit_log"_s), audits);
    // Another number may have its own.
    const auto onShortCode = answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop, u"You are unsubscribed."_s, m_short), done);
    });
    QVERIFY2(onShortCode->ok, qPrintable(onShortCode->error));
}

void TstAdminCommands::anotherAccountsProcessIsRefused()
{
    KeywordCommands theirs(m_writer.get(), m_other, u"olu"_s);
    const auto created = answer([&](auto done) {
        theirs.save(process(Type::AutoReply, {u"HOURS"_s}, u"9 to 5."_s, m_otherLong), done);
    });
    QVERIFY2(created->ok, qPrintable(created->error));
    KeywordCommands ours(m_writer.get(), m_acme, u"ana"_s);
    QVERIFY(!answer([&](auto done) { ours.start(created->id, done); })->ok);
    QVERIFY(!answer([&](auto done) { ours.remove(created->id, done); })->ok);
    // Nor may one account put a process on another's number.
    const auto onTheirNumber = answer([&](auto done) {
        ours.save(process(Type::AutoReply, {u"OPEN"_s}, u"Open today."_s, m_otherLong), done);
    });
    QVERIFY(!onTheirNumber->ok);
    QCOMPARE(count(u"keyword_processes"_s), 1);
    QCOMPARE(m_reader->make<KeywordProcessRows>().find(m_other, created->id)->process.status,
             KeywordProcess::Status::New);
}

void TstAdminCommands::confirmationRuleIsSaved()
{
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    const auto saved = answer([&](auto done) {
        commands.setConfirmationRule(u"gb"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY2(saved->ok, qPrintable(saved->error));
    const auto rules = m_reader->make<ConfirmationRuleRows>().load(m_acme);
    QVERIFY(rules);
    QCOMPARE(rules->ruleFor(u"GB"_s), ConfirmationRule::Rule::Prohibited);
    const auto refused = answer([&](auto done) {
        commands.setConfirmationRule(u"Britain"_s, ConfirmationRule::Rule::Required, done);
    });
    QVERIFY(!refused->ok);
    QVERIFY(!refused->error.isEmpty());
    QCOMPARE(m_reader->make<ConfirmationRuleRows>().load(m_acme)->ruleFor(u"GB"_s),
             ConfirmationRule::Rule::Prohibited);
}

void TstAdminCommands::numberSettingsAreSaved()
{
    NumberCommands commands(m_writer.get(), m_acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_short;
    settings.label = u"Promotions"_s;
    settings.throughputMps = 25;
    settings.dailyCap = 5000;
    settings.providerKeyword = u"bloom"_s;
    const auto saved = answer([&](auto done) { commands.save(settings, done); });
    QVERIFY2(saved->ok, qPrintable(saved->error));
    auto rows = m_reader->make<SenderNumberRows>();
    auto number = rows.find(m_acme, m_short);
    QCOMPARE(number->label, u"Promotions"_s);
    QCOMPARE(number->throughputMps, 25.0);
    QCOMPARE(number->dailyCap, std::optional<int>(5000));
    QCOMPARE(number->kind, u"shared_short_code"_s);
    QCOMPARE(number->providerKeyword, u"BLOOM"_s);

    QVERIFY(
        answer([&](auto done) { commands.setProviderAnswersKeywords(m_long, false, done); })->ok);
    QCOMPARE(rows.find(m_acme, m_long)->providerAnswersSetting, std::optional<bool>(false));
}

void TstAdminCommands::badNumberSettingsAreRefused_data()
{
    QTest::addColumn<double>("mps");
    QTest::addColumn<int>("cap");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("message");
    QTest::newRow("no throughput") << 0.0 << -1 << QString() << u"throughput"_s;
    QTest::newRow("zero cap") << 1.0 << 0 << QString() << u"daily cap"_s;
    QTest::newRow("keyword with a space") << 1.0 << -1 << u"BLOOM NOW"_s << u"Provider keyword"_s;
}

void TstAdminCommands::badNumberSettingsAreRefused()
{
    QFETCH(double, mps);
    QFETCH(int, cap);
    QFETCH(QString, keyword);
    QFETCH(QString, message);
    NumberCommands commands(m_writer.get(), m_acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_short;
    settings.label = u"Changed"_s;
    settings.throughputMps = mps;
    settings.dailyCap = cap >= 0 ? std::optional<int>(cap) : std::nullopt;
    settings.providerKeyword = keyword;
    const auto refused = answer([&](auto done) { commands.save(settings, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(message), qPrintable(refused->error));
    QCOMPARE(m_reader->make<SenderNumberRows>().find(m_acme, m_short)->label, QString());
    QCOMPARE(count(u"audit_log"_s), 0);
}

void TstAdminCommands::lendingNeedsTheOwner()
{
    NumberCommands ours(m_writer.get(), m_acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_long;
    settings.sendOnly = true;
    const auto sendOnly = answer([&](auto done) { ours.save(settings, done); });
    QVERIFY2(sendOnly->ok, qPrintable(sendOnly->error));
    const auto lent = answer([&](auto done) { ours.lend(m_long, m_other, done); });
    QVERIFY2(lent->ok, qPrintable(lent->error));
    auto numbers = m_reader->make<SenderNumberRows>();
    QVERIFY(numbers.find(m_other, m_long));
    QVERIFY(numbers.find(m_other, m_long)->sharedIn);

    // The borrower can neither lend it on nor change it.
    NumberCommands theirs(m_writer.get(), m_other, u"olu"_s);
    const auto lentOn = answer([&](auto done) { theirs.lend(m_long, m_acme, done); });
    QVERIFY(!lentOn->ok);
    QVERIFY2(lentOn->error.contains(u"Bloom Florists"_s), qPrintable(lentOn->error));
    settings.label = u"Mine now"_s;
    QVERIFY(!answer([&](auto done) { theirs.save(settings, done); })->ok);
    QCOMPARE(numbers.find(m_acme, m_long)->label, QString());

    QVERIFY(answer([&](auto done) { ours.takeBack(m_long, m_other, done); })->ok);
    QVERIFY(!numbers.find(m_other, m_long));
}

void TstAdminCommands::templateIsCreatedApprovedRetired()
{
    TemplateCommands commands(m_writer.get(), m_acme, u"mia"_s);
    const auto created = answer([&](auto done) {
        commands.save(0, u"Order ready"_s, TemplateType::Transactional,
                      u"Your order is ready for pickup."_s, done);
    });
    QVERIFY2(created->ok, qPrintable(created->error));
    auto rows = m_reader->make<TemplateRows>();
    auto summary = rows.summary(m_acme, created->id);
    QVERIFY(summary);
    QCOMPARE(summary->name, u"Order ready"_s);
    const qint64 version = summary->latest.id;

    const auto approved = answer([&](auto done) { commands.approve(version, done); });
    QVERIFY2(approved->ok, qPrintable(approved->error));
    QCOMPARE(approved->id, version);
    QCOMPARE(rows.summary(m_acme, created->id)->approvedVersionId, version);
    QVERIFY(answer([&](auto done) { commands.retire(version, done); })->ok);
    QCOMPARE(rows.summary(m_acme, created->id)->approvedVersionId, 0);

    // Another account cannot approve it.
    TemplateCommands theirs(m_writer.get(), m_other, u"olu"_s);
    QVERIFY(!answer([&](auto done) { theirs.approve(version, done); })->ok);
}

void TstAdminCommands::templateWithoutNameIsRefused()
{
    TemplateCommands commands(m_writer.get(), m_acme, u"mia"_s);
    const auto refused = answer([&](auto done) {
        commands.save(0, u"  "_s, TemplateType::Transactional, u"Hello."_s, done);
    });
    QVERIFY(!refused->ok);
    QVERIFY(!refused->error.isEmpty());
    QCOMPARE(count(u"templates"_s), 0);
    QCOMPARE(count(u"template_versions"_s), 0);
}

qint64 TstAdminCommands::approvedVersion()
{
    TemplateCommands templates(m_writer.get(), m_acme, u"mia"_s);
    const auto created = answer([&](auto done) {
        templates.save(0, u"Spring"_s, TemplateType::Promotional,
                       u"Spring sale: 20% off. Reply STOP to opt out"_s, done);
    });
    if (!created || !created->ok)
        return 0;
    const qint64 version = m_reader->make<TemplateRows>().summary(m_acme, created->id)->latest.id;
    const auto approved = answer([&](auto done) { templates.approve(version, done); });
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

void TstAdminCommands::campaignIsScheduledPausedResumedCanceled()
{
    const qint64 version = approvedVersion();
    QVERIFY(version > 0);
    CampaignCommands commands(m_writer.get(), m_acme, u"mia"_s);
    const auto scheduled = answer([&](auto done) {
        commands.schedule(spring(version, m_long), {u"+14155550101"_s, u"+14155550102"_s}, done);
    });
    QVERIFY2(scheduled->ok, qPrintable(scheduled->error));
    auto rows = m_reader->make<CampaignRows>();
    const auto summary = rows.summary(scheduled->id);
    QCOMPARE(summary->accountId, m_acme);
    QCOMPARE(summary->state, CampaignState::State::Scheduled);
    QCOMPARE(summary->total, qint64(2));

    QVERIFY(answer([&](auto done) { commands.pause(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Paused);
    const auto paused = answer([&](auto done) { commands.pause(scheduled->id, done); });
    QVERIFY(!paused->ok);
    QVERIFY2(paused->error.contains(u"cannot go from"_s), qPrintable(paused->error));
    QVERIFY(answer([&](auto done) { commands.resume(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Running);
    QVERIFY(answer([&](auto done) { commands.cancel(scheduled->id, done); })->ok);
    QCOMPARE(rows.state(scheduled->id), CampaignState::State::Canceled);
}

void TstAdminCommands::anotherAccountsCampaignIsRefused()
{
    const qint64 version = approvedVersion();
    CampaignCommands ours(m_writer.get(), m_acme, u"mia"_s);
    const auto scheduled = answer(
        [&](auto done) { ours.schedule(spring(version, m_long), {u"+14155550101"_s}, done); });
    QVERIFY2(scheduled->ok, qPrintable(scheduled->error));
    const qint64 audits = count(u"audit_log"_s);
    CampaignCommands theirs(m_writer.get(), m_other, u"olu"_s);
    for (const auto &move :
         {&CampaignCommands::pause, &CampaignCommands::resume, &CampaignCommands::cancel}) {
        const auto refused = answer([&](auto done) { (theirs.*move)(scheduled->id, done); });
        QVERIFY(!refused->ok);
        QVERIFY2(refused->error.contains(u"not a campaign of the account"_s),
                 qPrintable(refused->error));
    }
    QCOMPARE(m_reader->make<CampaignRows>().state(scheduled->id), CampaignState::State::Scheduled);
    QCOMPARE(count(u"audit_log"_s), audits);
}

void TstAdminCommands::emptyAudienceIsRefused()
{
    const qint64 version = approvedVersion();
    CampaignCommands commands(m_writer.get(), m_acme, u"mia"_s);
    const auto refused =
        answer([&](auto done) { commands.schedule(spring(version, m_long), {}, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(u"no recipients"_s), qPrintable(refused->error));
    CampaignDraft nameless = spring(version, m_long);
    nameless.name.clear();
    QVERIFY(
        !answer([&](auto done) { commands.schedule(nameless, {u"+14155550101"_s}, done); })->ok);
    QCOMPARE(count(u"campaigns"_s), 0);
}

void TstAdminCommands::contactsAreImported()
{
    QString error;
    const CsvTable table = CsvTable::parse(
        "phone,name,tags\n+14155550101,Maria Gonzalez,vip\n(415) 555-0102,Tom Becker,\n", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ContactCommands commands(m_writer.get(), m_acme, u"mia"_s);
    ContactImport::Options options;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    std::optional<ContactImport::Result> detail;
    bool ok = false;
    int progressCalls = 0;
    commands.importContacts(
        table, ContactImport::guessMapping(table.header), options,
        [&](ContactImport::Stage, int, int) { ++progressCalls; },
        [&](const CommandResult &result, const ContactImport::Result &d) {
            ok = result.ok;
            detail = d;
        });
    QTRY_VERIFY(detail.has_value());
    QVERIFY2(ok, qPrintable(detail->error));
    QCOMPARE(detail->inserted, 2);
    QVERIFY(progressCalls > 0);
    QCOMPARE(count(u"contacts"_s), 2);
}

void TstAdminCommands::badMappingIsRefused()
{
    QString error;
    const CsvTable table = CsvTable::parse("phone,name\n+14155550101,Maria\n", &error);
    ContactCommands commands(m_writer.get(), m_acme, u"mia"_s);
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
    QCOMPARE(count(u"contacts"_s), 0);
}

void TstAdminCommands::optInsAreImported()
{
    ContactCommands commands(m_writer.get(), m_acme, u"mia"_s);
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
    QCOMPARE(count(u"consent_events"_s), 1);
}

void TstAdminCommands::audienceSettingsAreSaved()
{
    ContactCommands commands(m_writer.get(), m_acme, u"mia"_s);
    AudienceFilter::Settings settings;
    settings.frequencyCap = FrequencyCap(2, 5); // not the defaults
    settings.suppressOpenThreads = false;
    QVERIFY(answer([&](auto done) { commands.saveAudienceSettings(settings, done); })->ok);
    auto stored = m_reader->make<AudienceQuery>().settings(m_acme);
    QCOMPARE(stored->frequencyCap.maxPerWeek(), 5);
    QVERIFY(!stored->suppressOpenThreads);

    settings.frequencyCap = FrequencyCap(-1, 3);
    const auto refused = answer([&](auto done) { commands.saveAudienceSettings(settings, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(u"negative"_s), qPrintable(refused->error));
    QCOMPARE(m_reader->make<AudienceQuery>().settings(m_acme)->frequencyCap.maxPerDay(), 2);
}

void TstAdminCommands::answerComesAfterTheFeed()
{
    // A view that follows the feed shows the change by the time the command answers.
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    QList<qint64> seenByView;
    connect(m_writer->changes(), &ChangeFeed::changed, this, [&](const ChangeSet &changes) {
        for (qint64 id : changes.rows(ChangeSet::Table::KeywordProcesses))
            seenByView.append(id);
    });
    QList<qint64> seenAtAnswer;
    const auto created = answer([&](auto done) {
        commands.save(process(Type::AutoReply, {u"HOURS"_s}, u"Open 9 to 5."_s),
                      [&, done](const CommandResult &result) {
                          seenAtAnswer = seenByView;
                          done(result);
                      });
    });
    QVERIFY2(created->ok, qPrintable(created->error));
    QCOMPARE(seenAtAnswer, QList<qint64>{created->id});
}

void TstAdminCommands::refusalIsAsynchronous()
{
    KeywordCommands commands(m_writer.get(), m_acme, u"ana"_s);
    bool answered = false;
    commands.save(process(Type::AutoReply, {u"TWO WORDS"_s}, u"x"_s),
                  [&](const CommandResult &) { answered = true; });
    QVERIFY(!answered); // never from inside the call
    QTRY_VERIFY(answered);
    // Nor after the service is gone.
    bool late = false;
    {
        KeywordCommands gone(m_writer.get(), m_acme, u"ana"_s);
        gone.start(0, [&](const CommandResult &) { late = true; });
    }
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(!late);
}

QTEST_GUILESS_MAIN(TstAdminCommands)
#include "tst_admincommands.moc"
