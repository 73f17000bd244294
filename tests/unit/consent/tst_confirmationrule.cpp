#include "ConfirmationRule.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Rule = ConfirmationRule::Rule;
using Reason = ConfirmationRule::Reason;
using Type = KeywordProcess::Type;
using Kind = KeywordMatcher::NumberKind;

class TestConfirmationRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<Rule>("rule");

        QTest::newRow("United States") << u"US"_s << Rule::Required;
        QTest::newRow("lower case code") << u"us"_s << Rule::Required;
        QTest::newRow("Puerto Rico") << u"PR"_s << Rule::Required;
        QTest::newRow("Canada") << u"CA"_s << Rule::Required;
        QTest::newRow("United Kingdom") << u"GB"_s << Rule::Optional;
        QTest::newRow("Germany") << u"DE"_s << Rule::Optional;
        QTest::newRow("unknown region (libphonenumber ZZ)") << u"ZZ"_s << Rule::Optional;
        QTest::newRow("no country") << QString() << Rule::Optional;
    }

    void defaults()
    {
        QFETCH(QString, country);
        QFETCH(Rule, rule);
        QCOMPARE(ConfirmationRule::defaultRuleFor(country), rule);
        QCOMPARE(ConfirmationRule().ruleFor(country), rule);
    }

    void theTableListsOnlyWhatDiffersFromOptional()
    {
        const auto &table = ConfirmationRule::defaultTable();
        QVERIFY(!table.isEmpty());
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            QVERIFY2(it.value() != Rule::Optional, qPrintable(it.key()));
            QCOMPARE(it.key(), it.key().toUpper());
            QCOMPARE(it.key().size(), 2);
        }
    }

    void accountOverridesWinPerCountry()
    {
        const ConfirmationRule rules(
            {{u"DE"_s, Rule::Prohibited}, {u"us"_s, Rule::Optional}, {u"GB"_s, Rule::Required}});
        QCOMPARE(rules.ruleFor(u"DE"_s), Rule::Prohibited);
        QCOMPARE(rules.ruleFor(u"de"_s), Rule::Prohibited);
        QCOMPARE(rules.ruleFor(u"US"_s), Rule::Optional);
        QCOMPARE(rules.ruleFor(u"GB"_s), Rule::Required);
        // Countries without an override keep their default.
        QCOMPARE(rules.ruleFor(u"CA"_s), ConfirmationRule::defaultRuleFor(u"CA"_s));
        QCOMPARE(rules.ruleFor(u"FR"_s), ConfirmationRule::defaultRuleFor(u"FR"_s));
    }

    void rulesRoundTripTheirSettingsValues()
    {
        for (const Rule rule : {Rule::Required, Rule::Optional, Rule::Prohibited})
            QCOMPARE(ConfirmationRule::ruleFromString(ConfirmationRule::ruleToString(rule)), rule);
        QVERIFY(!ConfirmationRule::ruleFromString(u"Required"_s));
        QVERIFY(!ConfirmationRule::ruleFromString(u"mandatory"_s));
    }

    void decision_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<bool>("hasReply");
        QTest::addColumn<Rule>("rule");
        QTest::addColumn<bool>("providerHandles");
        QTest::addColumn<bool>("providerDefault");
        QTest::addColumn<bool>("send");
        QTest::addColumn<Reason>("reason");

        const auto U = Type::Unsubscribe;
        QTest::newRow("US STOP, provider answered") << U << true << Rule::Required << true << true
                                                    << false << Reason::ProviderAlreadyReplied;
        QTest::newRow("provider handles, but a custom keyword")
            << U << true << Rule::Required << true << false << true << Reason::Send;
        QTest::newRow("default keyword, provider does not handle")
            << U << true << Rule::Optional << false << true << true << Reason::Send;
        QTest::newRow("prohibited country")
            << U << true << Rule::Prohibited << false << false << false << Reason::CountryProhibits;
        QTest::newRow("prohibited and provider answered")
            << U << true << Rule::Prohibited << true << true << false
            << Reason::ProviderAlreadyReplied;
        QTest::newRow("optional, no reply")
            << U << false << Rule::Optional << false << false << false << Reason::NoReplyMessage;
        QTest::newRow("required, no reply: a gap") << U << false << Rule::Required << false << false
                                                   << false << Reason::NoReplyButCountryRequires;
        QTest::newRow("required, with reply")
            << U << true << Rule::Required << false << false << true << Reason::Send;

        // The country rule is about opt-out confirmations only.
        QTest::newRow("help where confirmations are prohibited")
            << Type::Help << true << Rule::Prohibited << false << false << true << Reason::Send;
        QTest::newRow("HELP answered by the provider")
            << Type::Help << true << Rule::Optional << true << true << false
            << Reason::ProviderAlreadyReplied;
        QTest::newRow("START answered by the provider")
            << Type::Subscribe << true << Rule::Optional << true << true << false
            << Reason::ProviderAlreadyReplied;
        QTest::newRow("subscribe without reply")
            << Type::Subscribe << false << Rule::Required << false << false << false
            << Reason::NoReplyMessage;
        QTest::newRow("auto-reply")
            << Type::AutoReply << true << Rule::Prohibited << true << false << true << Reason::Send;
    }

    void decision()
    {
        QFETCH(Type, type);
        QFETCH(bool, hasReply);
        QFETCH(Rule, rule);
        QFETCH(bool, providerHandles);
        QFETCH(bool, providerDefault);
        QFETCH(bool, send);
        QFETCH(Reason, reason);

        const auto decision = ConfirmationRule::shouldSendReply(
            type, hasReply, rule, providerHandles, providerDefault, u"KEY"_s);
        QCOMPARE(decision.send, send);
        QCOMPARE(decision.reason, reason);
        QVERIFY(!decision.explanation.isEmpty());
        if (type == Type::Unsubscribe) {
            const auto confirmation = ConfirmationRule::shouldSendConfirmation(
                hasReply, rule, providerHandles, providerDefault, u"KEY"_s);
            QCOMPARE(confirmation.send, decision.send);
            QCOMPARE(confirmation.reason, decision.reason);
        }
    }

    void explanationNamesTheKeyword()
    {
        const auto decision =
            ConfirmationRule::shouldSendConfirmation(true, Rule::Required, true, true, u"STOP"_s);
        QVERIFY2(decision.explanation.contains(u"provider already answered “STOP”"_s),
                 qPrintable(decision.explanation));
    }

    void providerHandling_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("setting");
        QTest::addColumn<bool>("handles");

        QTest::newRow("long code on") << Kind::LongCode << true << true;
        QTest::newRow("long code turned off") << Kind::LongCode << false << false;
        QTest::newRow("short code with Advanced Opt-Out") << Kind::ShortCode << true << true;
        QTest::newRow("short code without") << Kind::ShortCode << false << false;
        QTest::newRow("toll-free: the carrier, always") << Kind::TollFree << false << true;
        QTest::newRow("shared short code never") << Kind::SharedShortCode << true << false;
    }

    void providerHandling()
    {
        QFETCH(Kind, kind);
        QFETCH(bool, setting);
        QFETCH(bool, handles);
        QCOMPARE(ConfirmationRule::providerHandlesDefaultKeywords(kind, setting), handles);
    }

    void matcherAndRuleTogether_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("send");

        QTest::newRow("STOP on a Twilio long code") << u"stop"_s << Kind::LongCode << false;
        QTest::newRow("custom opt-out word") << u"abmelden"_s << Kind::LongCode << true;
        QTest::newRow("baby stop on a shared code")
            << u"baby stop"_s << Kind::SharedShortCode << true;
    }

    void matcherAndRuleTogether()
    {
        QFETCH(QString, body);
        QFETCH(Kind, kind);
        QFETCH(bool, send);

        const QString number = kind == Kind::SharedShortCode ? u"11221"_s : u"+15551230000"_s;
        const QString providerKeyword = kind == Kind::SharedShortCode ? u"baby"_s : QString();
        KeywordProcess unsubscribe =
            KeywordProcess::create(Type::Unsubscribe, number, providerKeyword);
        unsubscribe.keywords.append(u"ABMELDEN"_s);
        unsubscribe.status = KeywordProcess::Status::Started;
        unsubscribe.replyTemplateId = 7;

        const auto match = KeywordMatcher::match(body, kind, {u"baby"_s}, {unsubscribe});
        QVERIFY(match.matched());
        const auto decision = ConfirmationRule::shouldSendConfirmation(
            match.process->hasReply(), ConfirmationRule().ruleFor(u"US"_s),
            ConfirmationRule::providerHandlesDefaultKeywords(kind, true), match.isProviderDefault,
            match.keyword);
        QCOMPARE(decision.send, send);
    }
};

QTEST_APPLESS_MAIN(TestConfirmationRule)
#include "tst_confirmationrule.moc"
