// The admin command services against a real profile: keyword processes, confirmation rules and
// sender numbers. Each command writes what it should; bad input is refused with a message
// naming the problem and writes nothing; every answer is asynchronous and comes after the
// change feed delivered the change.
#include "CommandFixture.h"
#include "ConfirmationRuleRows.h"
#include "KeywordCommands.h"
#include "NumberCommands.h"
#include "SenderNumberRows.h"

#include <QSignalSpy>
#include <QtTest>

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
    void answerComesAfterTheFeed();
    void refusalIsAsynchronous();

private:
    KeywordProcessRows::Row process(Type type, const QStringList &keywords, const QString &reply,
                                    qint64 numberId = 0) const;

    std::unique_ptr<CommandFixture> m_fx;
};

void TstAdminCommands::init()
{
    m_fx = std::make_unique<CommandFixture>();
    QVERIFY(m_fx->open());
}

void TstAdminCommands::cleanup()
{
    m_fx.reset();
}

KeywordProcessRows::Row TstAdminCommands::process(Type type, const QStringList &keywords,
                                                  const QString &reply, qint64 numberId) const
{
    KeywordProcessRows::Row row;
    row.senderNumberId = numberId > 0 ? numberId : m_fx->longCode;
    row.process.type = type;
    row.process.keywords = keywords;
    row.reply = reply;
    return row;
}

void TstAdminCommands::keywordProcessLifecycle()
{
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    const auto created = CommandFixture::answer([&](auto done) {
        commands.save(process(Type::Help, KeywordProcess::defaultKeywords(Type::Help),
                              u"Bloom Florists: call 415 555 0100."_s),
                      done);
    });
    QVERIFY(created);
    QVERIFY2(created->ok, qPrintable(created->error));
    QVERIFY(created->id > 0);
    auto rows = m_fx->reader->make<KeywordProcessRows>();
    auto stored = rows.find(m_fx->acme, created->id);
    QVERIFY(stored);
    QCOMPARE(stored->process.status, KeywordProcess::Status::New);

    QVERIFY(CommandFixture::answer([&](auto done) { commands.start(created->id, done); })->ok);
    QCOMPARE(rows.find(m_fx->acme, created->id)->process.status, KeywordProcess::Status::Started);
    QVERIFY(CommandFixture::answer([&](auto done) { commands.pause(created->id, done); })->ok);
    QCOMPARE(rows.find(m_fx->acme, created->id)->process.status, KeywordProcess::Status::Paused);

    auto edit = *stored;
    edit.reply = u"Bloom Florists: text us, or call 415 555 0100."_s;
    const auto edited = CommandFixture::answer([&](auto done) { commands.save(edit, done); });
    QVERIFY2(edited->ok, qPrintable(edited->error));
    QCOMPARE(edited->id, created->id);
    QCOMPARE(rows.find(m_fx->acme, created->id)->reply, edit.reply);

    QVERIFY(CommandFixture::answer([&](auto done) { commands.remove(created->id, done); })->ok);
    QVERIFY(!rows.find(m_fx->acme, created->id));
    // Each change left its audit entry.
    QVERIFY(m_fx->count(u"audit_log WHERE subject_type = 'keyword_process'"_s) >= 4);
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
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    QSignalSpy feed(m_fx->writer->changes(), &ChangeFeed::changed);
    const auto refused = CommandFixture::answer([&](auto done) {
        commands.save(process(Type::AutoReply, keywords, u"Our spring sale is on."_s), done);
    });
    QVERIFY(refused);
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(message), qPrintable(refused->error));
    QCOMPARE(m_fx->count(u"keyword_processes"_s), 0);
    QCOMPARE(m_fx->count(u"audit_log"_s), 0);
    QCOMPARE(feed.count(), 0);
}

void TstAdminCommands::secondUnsubscribeIsRefused()
{
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    const QStringList stop = KeywordProcess::defaultKeywords(Type::Unsubscribe);
    const auto first = CommandFixture::answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop, u"You are unsubscribed."_s), done);
    });
    QVERIFY2(first->ok, qPrintable(first->error));
    const qint64 audits = m_fx->count(u"audit_log"_s);
    const auto second = CommandFixture::answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop + QStringList{u"QUIT"_s}, u"Bye."_s), done);
    });
    QVERIFY(!second->ok);
    QVERIFY2(second->error.contains(u"Unsubscribe"_s), qPrintable(second->error));
    QCOMPARE(m_fx->count(u"keyword_processes"_s), 1);
    QCOMPARE(m_fx->count(u"audit_log"_s), audits);
    // Another number may have its own.
    const auto onShortCode = CommandFixture::answer([&](auto done) {
        commands.save(process(Type::Unsubscribe, stop, u"You are unsubscribed."_s, m_fx->shortCode),
                      done);
    });
    QVERIFY2(onShortCode->ok, qPrintable(onShortCode->error));
}

void TstAdminCommands::anotherAccountsProcessIsRefused()
{
    KeywordCommands theirs(m_fx->writer.get(), m_fx->other, u"olu"_s);
    const auto created = CommandFixture::answer([&](auto done) {
        theirs.save(process(Type::AutoReply, {u"HOURS"_s}, u"9 to 5."_s, m_fx->otherLong), done);
    });
    QVERIFY2(created->ok, qPrintable(created->error));
    KeywordCommands ours(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    QVERIFY(!CommandFixture::answer([&](auto done) { ours.start(created->id, done); })->ok);
    QVERIFY(!CommandFixture::answer([&](auto done) { ours.remove(created->id, done); })->ok);
    // Nor may one account put a process on another's number.
    const auto onTheirNumber = CommandFixture::answer([&](auto done) {
        ours.save(process(Type::AutoReply, {u"OPEN"_s}, u"Open today."_s, m_fx->otherLong), done);
    });
    QVERIFY(!onTheirNumber->ok);
    QCOMPARE(m_fx->count(u"keyword_processes"_s), 1);
    QCOMPARE(
        m_fx->reader->make<KeywordProcessRows>().find(m_fx->other, created->id)->process.status,
        KeywordProcess::Status::New);
}

void TstAdminCommands::confirmationRuleIsSaved()
{
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    const auto saved = CommandFixture::answer([&](auto done) {
        commands.setConfirmationRule(u"gb"_s, ConfirmationRule::Rule::Prohibited, done);
    });
    QVERIFY2(saved->ok, qPrintable(saved->error));
    const auto rules = m_fx->reader->make<ConfirmationRuleRows>().load(m_fx->acme);
    QVERIFY(rules);
    QCOMPARE(rules->ruleFor(u"GB"_s), ConfirmationRule::Rule::Prohibited);
    const auto refused = CommandFixture::answer([&](auto done) {
        commands.setConfirmationRule(u"Britain"_s, ConfirmationRule::Rule::Required, done);
    });
    QVERIFY(!refused->ok);
    QVERIFY(!refused->error.isEmpty());
    QCOMPARE(m_fx->reader->make<ConfirmationRuleRows>().load(m_fx->acme)->ruleFor(u"GB"_s),
             ConfirmationRule::Rule::Prohibited);
}

void TstAdminCommands::numberSettingsAreSaved()
{
    NumberCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_fx->shortCode;
    settings.label = u"Promotions"_s;
    settings.throughputMps = 25;
    settings.dailyCap = 5000;
    settings.providerKeyword = u"bloom"_s;
    const auto saved = CommandFixture::answer([&](auto done) { commands.save(settings, done); });
    QVERIFY2(saved->ok, qPrintable(saved->error));
    auto rows = m_fx->reader->make<SenderNumberRows>();
    auto number = rows.find(m_fx->acme, m_fx->shortCode);
    QCOMPARE(number->label, u"Promotions"_s);
    QCOMPARE(number->throughputMps, 25.0);
    QCOMPARE(number->dailyCap, std::optional<int>(5000));
    QCOMPARE(number->kind, u"shared_short_code"_s);
    QCOMPARE(number->providerKeyword, u"BLOOM"_s);

    QVERIFY(CommandFixture::answer([&](auto done) {
                commands.setProviderAnswersKeywords(m_fx->longCode, false, done);
            })->ok);
    QCOMPARE(rows.find(m_fx->acme, m_fx->longCode)->providerAnswersSetting,
             std::optional<bool>(false));
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
    NumberCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_fx->shortCode;
    settings.label = u"Changed"_s;
    settings.throughputMps = mps;
    settings.dailyCap = cap >= 0 ? std::optional<int>(cap) : std::nullopt;
    settings.providerKeyword = keyword;
    const auto refused = CommandFixture::answer([&](auto done) { commands.save(settings, done); });
    QVERIFY(!refused->ok);
    QVERIFY2(refused->error.contains(message), qPrintable(refused->error));
    QCOMPARE(m_fx->reader->make<SenderNumberRows>().find(m_fx->acme, m_fx->shortCode)->label,
             QString());
    QCOMPARE(m_fx->count(u"audit_log"_s), 0);
}

void TstAdminCommands::lendingNeedsTheOwner()
{
    NumberCommands ours(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    NumberCommands::Settings settings;
    settings.numberId = m_fx->longCode;
    settings.sendOnly = true;
    const auto sendOnly = CommandFixture::answer([&](auto done) { ours.save(settings, done); });
    QVERIFY2(sendOnly->ok, qPrintable(sendOnly->error));
    const auto lent =
        CommandFixture::answer([&](auto done) { ours.lend(m_fx->longCode, m_fx->other, done); });
    QVERIFY2(lent->ok, qPrintable(lent->error));
    auto numbers = m_fx->reader->make<SenderNumberRows>();
    QVERIFY(numbers.find(m_fx->other, m_fx->longCode));
    QVERIFY(numbers.find(m_fx->other, m_fx->longCode)->sharedIn);

    // The borrower can neither lend it on nor change it.
    NumberCommands theirs(m_fx->writer.get(), m_fx->other, u"olu"_s);
    const auto lentOn =
        CommandFixture::answer([&](auto done) { theirs.lend(m_fx->longCode, m_fx->acme, done); });
    QVERIFY(!lentOn->ok);
    QVERIFY2(lentOn->error.contains(u"Bloom Florists"_s), qPrintable(lentOn->error));
    settings.label = u"Mine now"_s;
    QVERIFY(!CommandFixture::answer([&](auto done) { theirs.save(settings, done); })->ok);
    QCOMPARE(numbers.find(m_fx->acme, m_fx->longCode)->label, QString());

    QVERIFY(CommandFixture::answer([&](auto done) {
                ours.takeBack(m_fx->longCode, m_fx->other, done);
            })->ok);
    QVERIFY(!numbers.find(m_fx->other, m_fx->longCode));
}

void TstAdminCommands::answerComesAfterTheFeed()
{
    // A view that follows the feed shows the change by the time the command answers.
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    QList<qint64> seenByView;
    connect(m_fx->writer->changes(), &ChangeFeed::changed, this, [&](const ChangeSet &changes) {
        for (qint64 id : changes.rows(ChangeSet::Table::KeywordProcesses))
            seenByView.append(id);
    });
    QList<qint64> seenAtAnswer;
    const auto created = CommandFixture::answer([&](auto done) {
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
    KeywordCommands commands(m_fx->writer.get(), m_fx->acme, u"ana"_s);
    bool answered = false;
    commands.save(process(Type::AutoReply, {u"TWO WORDS"_s}, u"x"_s),
                  [&](const CommandResult &) { answered = true; });
    QVERIFY(!answered); // never from inside the call
    QTRY_VERIFY(answered);
    // Nor after the service is gone.
    bool late = false;
    {
        KeywordCommands gone(m_fx->writer.get(), m_fx->acme, u"ana"_s);
        gone.start(0, [&](const CommandResult &) { late = true; });
    }
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(!late);
}

QTEST_GUILESS_MAIN(TstAdminCommands)
#include "tst_admincommands.moc"
