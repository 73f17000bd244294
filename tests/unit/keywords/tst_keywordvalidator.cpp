#include "KeywordValidator.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Type = KeywordProcess::Type;
using Error = KeywordValidator::Error;
using Rule = ConfirmationRule::Rule;
using Errors = QList<KeywordValidator::Error>;
using Processes = QList<KeywordProcess>;

namespace {

const QString Number = u"+15551230000"_s;
const QString OtherNumber = u"+15551239999"_s;
const QString SharedCode = u"11221"_s;

// A complete process: defaults, plus `extra`, with a reply, stored under `id`.
KeywordProcess makeProcess(Type type, qint64 id, const QStringList &extra = {},
                           const QString &number = Number, const QString &providerKeyword = {})
{
    KeywordProcess p = KeywordProcess::create(type, number, providerKeyword);
    p.id = id;
    p.keywords += extra;
    p.replyTemplateId = 100 + id;
    return p;
}

KeywordProcess withoutReply(KeywordProcess p)
{
    p.replyTemplateId.reset();
    return p;
}

KeywordProcess withKeywords(KeywordProcess p, const QStringList &keywords)
{
    p.keywords = keywords;
    return p;
}

Errors errorsOf(const QList<KeywordValidator::Problem> &problems)
{
    Errors errors;
    for (const auto &problem : problems)
        errors.append(problem.error);
    return errors;
}

} // namespace

class TestKeywordValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleKeyword_data()
    {
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<int>("error");     // -1: accepted
        QTest::addColumn<QString>("named"); // how the message names the culprit

        const auto ok = [](const char *name, const QString &keyword) {
            QTest::newRow(name) << keyword << -1 << QString();
        };
        const auto bad = [](const char *name, const QString &keyword, Error error,
                            const QString &named) {
            QTest::newRow(name) << keyword << int(error) << named;
        };
        ok("Latin", u"JOIN"_s);
        ok("mixed case", u"Abmelden"_s);
        ok("sharp s", u"STRAẞE"_s);
        ok("accented", u"DÉSABONNER"_s);
        ok("decomposed accent", u"DE\u0301SABONNER"_s);
        ok("Greek", u"ΣΤΑΜΑΤΑ"_s);
        ok("Cyrillic", u"СТОП"_s);
        ok("Devanagari with vowel signs", u"रोको"_s);
        ok("Han", u"退订"_s);
        ok("Arabic", u"إلغاء"_s);

        bad("empty", QString(), Error::EmptyKeyword, {});
        bad("exclamation mark", u"STOP!"_s, Error::NotALetter, u"‘!’"_s);
        bad("digit", u"STOP2"_s, Error::NotALetter, u"‘2’"_s);
        bad("Arabic-Indic digit", u"STOP٣"_s, Error::NotALetter, u"‘٣’"_s);
        bad("Roman numeral", u"ⅫSTOP"_s, Error::NotALetter, u"‘Ⅻ’"_s);
        bad("hyphen", u"OPT-OUT"_s, Error::NotALetter, u"‘-’"_s);
        bad("apostrophe", u"DON'T"_s, Error::NotALetter, u"‘'’"_s);
        bad("emoji", u"JOIN😀"_s, Error::NotALetter, u"‘😀’"_s);
        bad("zero-width space", u"JO\u200bIN"_s, Error::NotALetter, u"U+200B"_s);
        bad("leading combining mark", u"\u0301JOIN"_s, Error::NotALetter, u"U+0301"_s);
        bad("inner space", u"JOIN NOW"_s, Error::ContainsSpace, u"a space"_s);
        bad("leading space", u" JOIN"_s, Error::ContainsSpace, u"a space"_s);
        bad("tab", u"JOIN\t"_s, Error::ContainsSpace, u"a space"_s);
        bad("no-break space", u"JOIN\u00a0NOW"_s, Error::ContainsSpace, u"a space"_s);
    }

    void singleKeyword()
    {
        QFETCH(QString, keyword);
        QFETCH(int, error);
        QFETCH(QString, named);

        const auto problem = KeywordValidator::checkKeyword(keyword);
        QCOMPARE(problem ? int(problem->error) : -1, error);
        if (problem) {
            QVERIFY2(problem->message.contains(named), qPrintable(problem->message));
            if (!keyword.isEmpty()) {
                QVERIFY2(problem->message.contains(u"“"_s % keyword % u"”"_s),
                         qPrintable(problem->message));
                QCOMPARE(problem->keyword, keyword);
            }
        }
    }

    void theIssueExampleReadsAsWritten()
    {
        const auto problem = KeywordValidator::checkKeyword(u"STOP!"_s);
        QVERIFY(problem);
        QCOMPARE(problem->message, u"“STOP!” contains ‘!’: keywords are letters only."_s);
    }

    void process_data()
    {
        QTest::addColumn<KeywordProcess>("candidate");
        QTest::addColumn<Processes>("others");
        QTest::addColumn<Rule>("rule");
        QTest::addColumn<Errors>("expected");

        const auto unsubscribe = makeProcess(Type::Unsubscribe, 1);
        const auto help = makeProcess(Type::Help, 2);
        const auto subscribe = makeProcess(Type::Subscribe, 3, {u"JOIN"_s});
        const auto hours = makeProcess(Type::AutoReply, 4, {u"HOURS"_s});
        const Processes all{unsubscribe, help, subscribe, hours};

        QTest::newRow("complete unsubscribe")
            << unsubscribe << Processes{} << Rule::Optional << Errors{};
        QTest::newRow("editing itself is no clash")
            << unsubscribe << all << Rule::Optional << Errors{};
        QTest::newRow("unsaved: no id, no self-match")
            << makeProcess(Type::AutoReply, 0, {u"MENU"_s}) << all << Rule::Optional << Errors{};

        // Replies.
        QTest::newRow("help needs a reply")
            << withoutReply(help) << Processes{} << Rule::Optional << Errors{Error::ReplyRequired};
        QTest::newRow("auto-reply needs a reply")
            << withoutReply(hours) << Processes{} << Rule::Optional << Errors{Error::ReplyRequired};
        QTest::newRow("subscribe reply optional")
            << withoutReply(subscribe) << Processes{} << Rule::Required << Errors{};
        QTest::newRow("unsubscribe reply optional")
            << withoutReply(unsubscribe) << Processes{} << Rule::Optional << Errors{};
        QTest::newRow("unsubscribe reply where prohibited")
            << withoutReply(unsubscribe) << Processes{} << Rule::Prohibited << Errors{};
        QTest::newRow("unsubscribe reply where required")
            << withoutReply(unsubscribe) << Processes{} << Rule::Required
            << Errors{Error::ReplyRequiredByCountry};

        // One Unsubscribe and one Help per number / provider keyword.
        const int unsubscribeDefaults = KeywordProcess::defaultKeywords(Type::Unsubscribe).size();
        QTest::newRow("second unsubscribe")
            << makeProcess(Type::Unsubscribe, 9) << all << Rule::Optional
            << Errors{Error::SecondUnsubscribeProcess} +
                   Errors(unsubscribeDefaults, Error::KeywordTakenByOtherProcess);
        QTest::newRow("second help")
            << makeProcess(Type::Help, 9) << all << Rule::Optional
            << Errors{Error::SecondHelpProcess} + Errors(2, Error::KeywordTakenByOtherProcess);
        QTest::newRow("unsubscribe on another number")
            << makeProcess(Type::Unsubscribe, 9, {}, OtherNumber) << all << Rule::Optional
            << Errors{};
        QTest::newRow("other provider keyword on the shared code")
            << makeProcess(Type::Unsubscribe, 9, {}, SharedCode, u"kids"_s)
            << Processes{makeProcess(Type::Unsubscribe, 1, {}, SharedCode, u"baby"_s)}
            << Rule::Optional << Errors{};
        QTest::newRow("same provider keyword in another case")
            << makeProcess(Type::Help, 9, {}, SharedCode, u"BABY"_s)
            << Processes{makeProcess(Type::Help, 1, {}, SharedCode, u"baby"_s)} << Rule::Optional
            << Errors{Error::SecondHelpProcess} + Errors(2, Error::KeywordTakenByOtherProcess);
        QTest::newRow("shared code vs its own long-code form")
            << makeProcess(Type::Help, 9, {}, SharedCode)
            << Processes{makeProcess(Type::Help, 1, {}, SharedCode, u"baby"_s)} << Rule::Optional
            << Errors{};

        // One keyword, one process per number; any case.
        QTest::newRow("JOIN taken by subscribe")
            << makeProcess(Type::AutoReply, 9, {u"join"_s}) << all << Rule::Optional
            << Errors{Error::KeywordTakenByOtherProcess};
        QTest::newRow("second subscribe collides on its defaults")
            << makeProcess(Type::Subscribe, 9) << all << Rule::Optional
            << Errors(3, Error::KeywordTakenByOtherProcess);
        QTest::newRow("twice in one process")
            << withKeywords(hours, {u"HOURS"_s, u"Hours"_s}) << Processes{} << Rule::Optional
            << Errors{Error::DuplicateInProcess};

        // Defaults.
        QTest::newRow("opt-out word in an auto-reply")
            << makeProcess(Type::AutoReply, 9, {u"Stop"_s}) << Processes{} << Rule::Optional
            << Errors{Error::OptOutKeywordOutsideUnsubscribe};
        QTest::newRow("YES may move to an auto-reply")
            << makeProcess(Type::AutoReply, 9, {u"YES"_s})
            << Processes{withKeywords(subscribe, {u"START"_s, u"UNSTOP"_s})} << Rule::Optional
            << Errors{};
        QTest::newRow("unsubscribe drops QUIT")
            << withKeywords(unsubscribe, KeywordProcess::defaultKeywords(Type::Unsubscribe)
                                             .filter(QRegularExpression(u"^(?!QUIT$)"_s)))
            << Processes{} << Rule::Optional << Errors{Error::MissingDefaultKeyword};
        QTest::newRow("help drops INFO") << withKeywords(help, {u"help"_s}) << Processes{}
                                         << Rule::Optional << Errors{Error::MissingDefaultKeyword};

        // Completeness.
        QTest::newRow("no keywords") << withKeywords(hours, {}) << Processes{} << Rule::Optional
                                     << Errors{Error::NoKeywords};
        QTest::newRow("no inbound number")
            << makeProcess(Type::AutoReply, 9, {u"MENU"_s}, QString()) << Processes{}
            << Rule::Optional << Errors{Error::NoInboundNumber};
        QTest::newRow("bad custom keyword")
            << makeProcess(Type::AutoReply, 9, {u"MENU2"_s}) << Processes{} << Rule::Optional
            << Errors{Error::NotALetter};
    }

    void process()
    {
        QFETCH(KeywordProcess, candidate);
        QFETCH(Processes, others);
        QFETCH(Rule, rule);
        QFETCH(Errors, expected);

        const auto problems = KeywordValidator::validate(candidate, others, rule);
        QCOMPARE(errorsOf(problems), expected);
        for (const auto &problem : problems)
            QVERIFY(!problem.message.isEmpty());
    }

    void messagesSayWhichProcessAndKeyword()
    {
        const auto subscribe = makeProcess(Type::Subscribe, 3, {u"JOIN"_s});
        const auto problems =
            KeywordValidator::validate(makeProcess(Type::AutoReply, 9, {u"join"_s}), {subscribe});
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().keyword, u"JOIN"_s);
        QVERIFY2(problems.first().message.contains(u"“JOIN”"_s),
                 qPrintable(problems.first().message));
        QVERIFY2(problems.first().message.contains(KeywordProcess::displayName(Type::Subscribe)),
                 qPrintable(problems.first().message));
        QVERIFY2(problems.first().message.contains(Number), qPrintable(problems.first().message));

        const auto second =
            KeywordValidator::validate(makeProcess(Type::Help, 9, {}, SharedCode, u"baby"_s),
                                       {makeProcess(Type::Help, 1, {}, SharedCode, u"baby"_s)});
        QVERIFY(!second.isEmpty());
        QVERIFY2(second.first().message.contains(u"11221 / baby"_s),
                 qPrintable(second.first().message));
        QVERIFY2(second.first().message.contains(u"a Help process"_s),
                 qPrintable(second.first().message));

        const auto missing =
            KeywordValidator::validate(withKeywords(makeProcess(Type::Help, 2), {u"HELP"_s}), {});
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().keyword, u"INFO"_s);
        QVERIFY2(missing.first().message.startsWith(u"A Help process"_s),
                 qPrintable(missing.first().message));
    }

    void defaultProcessesAreValidOutOfTheBox()
    {
        // Every type's defaults must pass the letters-only rule the team's keywords face.
        for (const Type type : {Type::Unsubscribe, Type::Help, Type::Subscribe}) {
            for (const QString &keyword : KeywordProcess::defaultKeywords(type))
                QVERIFY2(!KeywordValidator::checkKeyword(keyword), qPrintable(keyword));
        }
    }
};

QTEST_APPLESS_MAIN(TestKeywordValidator)
#include "tst_keywordvalidator.moc"
