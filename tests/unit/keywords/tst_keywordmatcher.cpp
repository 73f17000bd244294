#include "KeywordMatcher.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Type = KeywordProcess::Type;
using Status = KeywordProcess::Status;
using Kind = KeywordMatcher::NumberKind;

namespace {

const QString LongCode = u"+15551230000"_s;
const QString SharedCode = u"11221"_s;
const QStringList SharedProviderKeywords{u"baby"_s, u"kids"_s};

KeywordProcess process(Type type, const QString &number, const QString &providerKeyword,
                       const QStringList &extra, Status status = Status::Started)
{
    KeywordProcess p = KeywordProcess::create(type, number, providerKeyword);
    p.keywords += extra;
    p.status = status;
    return p;
}

QList<KeywordProcess> longCodeProcesses()
{
    return {
        process(Type::Unsubscribe, LongCode, {},
                {u"ΣΤΑΜΑΤΑ"_s, u"ΤΕΛΟΣ"_s, u"СТОП"_s, u"ABMELDEN"_s}),
        process(Type::Help, LongCode, {}, {}),
        process(Type::Subscribe, LongCode, {}, {u"JOIN"_s}),
        process(Type::AutoReply, LongCode, {}, {u"HOURS"_s, u"GRÜSSE"_s}),
        process(Type::AutoReply, LongCode, {}, {u"MENU"_s}, Status::Paused),
        process(Type::AutoReply, LongCode, {}, {u"PRICES"_s}, Status::New),
    };
}

QList<KeywordProcess> sharedCodeProcesses()
{
    return {
        process(Type::Unsubscribe, SharedCode, u"baby"_s, {}),
        process(Type::Help, SharedCode, u"baby"_s, {}),
    };
}

} // namespace

class TestKeywordMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("matched");
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<bool>("providerDefault");
        QTest::addColumn<QString>("providerKeyword");
        QTest::addColumn<QString>("nearMiss");

        const auto yes = [](const char *name, const QString &body, Kind kind, Type type,
                            const QString &keyword, bool providerDefault,
                            const QString &providerKeyword = {}) {
            QTest::newRow(name) << body << kind << true << type << keyword << providerDefault
                                << providerKeyword << QString();
        };
        const auto no = [](const char *name, const QString &body, Kind kind,
                           const QString &nearMiss = {}, const QString &providerKeyword = {}) {
            QTest::newRow(name) << body << kind << false << Type::AutoReply << QString() << false
                                << providerKeyword << nearMiss;
        };

        // Defaults on a long code, any case, surrounding whitespace only.
        yes("STOP", u"STOP"_s, Kind::LongCode, Type::Unsubscribe, u"STOP"_s, true);
        yes("stop", u"stop"_s, Kind::LongCode, Type::Unsubscribe, u"STOP"_s, true);
        yes("padded Stop", u"  Stop \n"_s, Kind::LongCode, Type::Unsubscribe, u"STOP"_s, true);
        yes("no-break spaces", u"\u00a0stop\u00a0"_s, Kind::LongCode, Type::Unsubscribe, u"STOP"_s,
            true);
        yes("StopAll", u"StopAll"_s, Kind::LongCode, Type::Unsubscribe, u"STOPALL"_s, true);
        yes("unsubscribe", u"unsubscribe"_s, Kind::LongCode, Type::Unsubscribe, u"UNSUBSCRIBE"_s,
            true);
        yes("cancel", u"Cancel"_s, Kind::LongCode, Type::Unsubscribe, u"CANCEL"_s, true);
        yes("end", u"end"_s, Kind::LongCode, Type::Unsubscribe, u"END"_s, true);
        yes("quit", u"QUIT"_s, Kind::LongCode, Type::Unsubscribe, u"QUIT"_s, true);
        yes("revoke", u"revoke"_s, Kind::LongCode, Type::Unsubscribe, u"REVOKE"_s, true);
        yes("optout", u"OptOut"_s, Kind::LongCode, Type::Unsubscribe, u"OPTOUT"_s, true);
        yes("help", u"help"_s, Kind::LongCode, Type::Help, u"HELP"_s, true);
        yes("info", u"Info"_s, Kind::LongCode, Type::Help, u"INFO"_s, true);
        yes("start", u"start"_s, Kind::LongCode, Type::Subscribe, u"START"_s, true);
        yes("yes", u"YES"_s, Kind::LongCode, Type::Subscribe, u"YES"_s, true);
        yes("unstop", u"unstop"_s, Kind::LongCode, Type::Subscribe, u"UNSTOP"_s, true);
        yes("toll-free stop", u"stop"_s, Kind::TollFree, Type::Unsubscribe, u"STOP"_s, true);
        yes("exclusive short code stop", u"stop"_s, Kind::ShortCode, Type::Unsubscribe, u"STOP"_s,
            true);

        // Custom keywords are ours, not the provider's.
        yes("join", u"join"_s, Kind::LongCode, Type::Subscribe, u"JOIN"_s, false);
        yes("hours", u"Hours"_s, Kind::LongCode, Type::AutoReply, u"HOURS"_s, false);

        // Non-Latin keywords fold case in their own script.
        yes("Greek lower", u"σταματα"_s, Kind::LongCode, Type::Unsubscribe, u"ΣΤΑΜΑΤΑ"_s, false);
        yes("Greek final sigma", u"τελος"_s, Kind::LongCode, Type::Unsubscribe, u"ΤΕΛΟΣ"_s, false);
        yes("Cyrillic", u"Стоп"_s, Kind::LongCode, Type::Unsubscribe, u"СТОП"_s, false);
        yes("German", u"abmelden"_s, Kind::LongCode, Type::Unsubscribe, u"ABMELDEN"_s, false);
        yes("sharp s", u"grüße"_s, Kind::LongCode, Type::AutoReply, u"GRÜSSE"_s, false);
        yes("capital sharp s", u"GRÜẞE"_s, Kind::LongCode, Type::AutoReply, u"GRÜSSE"_s, false);
        yes("decomposed umlaut", u"gru\u0308sse"_s, Kind::LongCode, Type::AutoReply, u"GRÜSSE"_s,
            false);

        // Shared short code: "providerkeyword servicekeyword", whitespace runs collapse.
        yes("baby stop", u"baby stop"_s, Kind::SharedShortCode, Type::Unsubscribe, u"STOP"_s, false,
            u"baby"_s);
        yes("BABY   Stop", u"BABY   Stop"_s, Kind::SharedShortCode, Type::Unsubscribe, u"STOP"_s,
            false, u"baby"_s);
        yes("tab between", u" Baby\tHELP "_s, Kind::SharedShortCode, Type::Help, u"HELP"_s, false,
            u"baby"_s);
        no("stop alone on a shared code", u"stop"_s, Kind::SharedShortCode);
        no("another client's provider keyword", u"kids stop"_s, Kind::SharedShortCode, {},
           u"kids"_s);
        no("unknown provider keyword", u"hello stop"_s, Kind::SharedShortCode);
        no("provider keyword alone", u"baby"_s, Kind::SharedShortCode, {}, u"baby"_s);
        no("three words on a shared code", u"baby stop now"_s, Kind::SharedShortCode, {},
           u"baby"_s);
        no("glued together", u"babystop"_s, Kind::SharedShortCode);
        no("shared code punctuation", u"baby stop."_s, Kind::SharedShortCode, u"STOP"_s, u"baby"_s);
        no("provider keyword form on a long code", u"baby stop"_s, Kind::LongCode);

        // Punctuation: like Twilio, only the bare word counts; a near miss is reported.
        no("STOP.", u"STOP."_s, Kind::LongCode, u"STOP"_s);
        no("stop!!", u"stop!!"_s, Kind::LongCode, u"STOP"_s);
        no("inverted marks", u"¡Stop!"_s, Kind::LongCode, u"STOP"_s);
        no("quoted", u"\"help\""_s, Kind::LongCode, u"HELP"_s);
        no("emoji glued", u"STOP🛑"_s, Kind::LongCode, u"STOP"_s);
        no("custom keyword with a dot", u"join."_s, Kind::LongCode, u"JOIN"_s);
        no("emoji with a variation selector", u"stop\u2764\ufe0f"_s, Kind::LongCode, u"STOP"_s);
        no("digits are not punctuation", u"STOP2"_s, Kind::LongCode);
        no("emoji as a second word", u"STOP 🛑"_s, Kind::LongCode);

        // Never a word inside a sentence.
        no("sentence", u"We have got to STOP this bill"_s, Kind::LongCode);
        no("keyword first", u"STOP please"_s, Kind::LongCode);
        no("keyword last", u"please stop"_s, Kind::LongCode);
        no("STOP ALL as two words", u"STOP ALL"_s, Kind::LongCode);
        no("empty", QString(), Kind::LongCode);
        no("blank", u" \t\n"_s, Kind::LongCode);
        no("other text", u"Hello"_s, Kind::LongCode);

        // Only started processes match.
        no("paused process", u"menu"_s, Kind::LongCode);
        no("new process", u"prices"_s, Kind::LongCode);
    }

    void matches()
    {
        QFETCH(QString, body);
        QFETCH(Kind, kind);
        QFETCH(bool, matched);
        QFETCH(Type, type);
        QFETCH(QString, keyword);
        QFETCH(bool, providerDefault);
        QFETCH(QString, providerKeyword);
        QFETCH(QString, nearMiss);

        const auto processes =
            kind == Kind::SharedShortCode ? sharedCodeProcesses() : longCodeProcesses();
        const auto match = KeywordMatcher::match(body, kind, SharedProviderKeywords, processes);

        QCOMPARE(match.matched(), matched);
        QCOMPARE(match.keyword, keyword);
        QCOMPARE(match.providerKeyword, providerKeyword);
        QCOMPARE(match.nearMissKeyword, nearMiss);
        QCOMPARE(match.isProviderDefault, providerDefault);
        if (matched) {
            QCOMPARE(match.process->type, type);
            QCOMPARE(match.process->status, Status::Started);
            QVERIFY(match.process->keywords.contains(keyword));
        }
    }

    void pausedProcessesNeverMatchButNearMissesStillShow()
    {
        QList<KeywordProcess> processes = longCodeProcesses();
        for (KeywordProcess &p : processes)
            p.status = Status::Paused;
        for (const QString &keyword : KeywordProcess::defaultKeywords(Type::Unsubscribe)) {
            const auto match = KeywordMatcher::match(keyword, Kind::LongCode, {}, processes);
            QVERIFY2(!match.matched(), qPrintable(keyword));
            // The provider still opts them out: the caller records that from here.
            QCOMPARE(KeywordMatcher::providerDefaultType(keyword, Kind::LongCode),
                     Type::Unsubscribe);
        }
        QCOMPARE(KeywordMatcher::match(u"stop."_s, Kind::LongCode, {}, processes).nearMissKeyword,
                 u"STOP"_s);
    }

    void nearMissFallsBackToTheProviderDefaults()
    {
        // No process at all: "Stop." still reads as the provider's STOP with a dot.
        const auto match = KeywordMatcher::match(u"Stop."_s, Kind::LongCode, {}, {});
        QVERIFY(!match.matched());
        QCOMPARE(match.nearMissKeyword, u"STOP"_s);
    }

    void anOptOutWinsWhenStoredDataLetsTwoProcessesClaimAKeyword()
    {
        const QList<KeywordProcess> processes{
            process(Type::AutoReply, LongCode, {}, {u"STOP"_s}),
            process(Type::Unsubscribe, LongCode, {}, {}),
        };
        const auto match = KeywordMatcher::match(u"stop"_s, Kind::LongCode, {}, processes);
        QVERIFY(match.matched());
        QCOMPARE(match.process->type, Type::Unsubscribe);
    }

    void processesOfAnotherProviderKeywordDoNotMatch()
    {
        const QList<KeywordProcess> processes{
            process(Type::Unsubscribe, SharedCode, u"kids"_s, {})};
        QVERIFY(KeywordMatcher::match(u"kids stop"_s, Kind::SharedShortCode, SharedProviderKeywords,
                                      processes)
                    .matched());
        QVERIFY(!KeywordMatcher::match(u"baby stop"_s, Kind::SharedShortCode,
                                       SharedProviderKeywords, processes)
                     .matched());
        // A process whose provider keyword the code no longer lists is stale: no match.
        QVERIFY(
            !KeywordMatcher::match(u"kids stop"_s, Kind::SharedShortCode, {u"baby"_s}, processes)
                 .matched());
    }

    void providerDefaultType_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("expected"); // -1: none

        for (const Type type : {Type::Unsubscribe, Type::Help, Type::Subscribe}) {
            for (const QString &keyword : KeywordProcess::defaultKeywords(type)) {
                QTest::addRow("%s long code", qPrintable(keyword))
                    << keyword.toLower() << Kind::LongCode << int(type);
                QTest::addRow("%s shared code", qPrintable(keyword))
                    << keyword << Kind::SharedShortCode << -1;
            }
        }
        QTest::newRow("JOIN is ours") << u"JOIN"_s << Kind::LongCode << -1;
        QTest::newRow("with a dot") << u"STOP."_s << Kind::LongCode << -1;
        QTest::newRow("two words") << u"STOP ALL"_s << Kind::TollFree << -1;
        QTest::newRow("padded") << u" stop "_s << Kind::TollFree << int(Type::Unsubscribe);
    }

    void providerDefaultType()
    {
        QFETCH(QString, body);
        QFETCH(Kind, kind);
        QFETCH(int, expected);
        const auto type = KeywordMatcher::providerDefaultType(body, kind);
        QCOMPARE(type ? int(*type) : -1, expected);
    }

    void foldIsFullCaseFolding_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");

        QTest::newRow("ASCII") << u"StOp"_s << u"sTOP"_s << true;
        QTest::newRow("ß is ss") << u"straße"_s << u"STRASSE"_s << true;
        QTest::newRow("ẞ is ss") << u"STRAẞE"_s << u"strasse"_s << true;
        QTest::newRow("final sigma") << u"ΤΕΛΟΣ"_s << u"τελος"_s << true;
        QTest::newRow("Cyrillic") << u"СТОП"_s << u"стоп"_s << true;
        QTest::newRow("ligature ff") << u"\ufb00"_s << u"FF"_s << true;
        QTest::newRow("composed vs decomposed") << u"É"_s << u"e\u0301"_s << true;
        QTest::newRow("Latin vs Cyrillic lookalike") << u"CTOП"_s << u"СТОП"_s << false;
        QTest::newRow("dotless i stays apart") << u"ı"_s << u"i"_s << false;
        QTest::newRow("dotted capital I") << u"İ"_s << u"i\u0307"_s << true;
    }

    void foldIsFullCaseFolding()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(KeywordMatcher::fold(a) == KeywordMatcher::fold(b), same);
    }

    void numberKindsRoundTripTheStoreValues()
    {
        const QStringList column{u"long_code"_s, u"toll_free"_s, u"short_code"_s,
                                 u"shared_short_code"_s};
        for (const QString &text : column) {
            const auto kind = KeywordMatcher::numberKindFromString(text);
            QVERIFY2(kind.has_value(), qPrintable(text));
            QCOMPARE(KeywordMatcher::numberKindToString(*kind), text);
        }
        QVERIFY(!KeywordMatcher::numberKindFromString(u"Long_Code"_s));
        QVERIFY(!KeywordMatcher::numberKindFromString(u""_s));
    }

    void wordsSplitAtAnyWhitespaceRun()
    {
        QCOMPARE(KeywordMatcher::words(u"  baby \t\n stop  "_s),
                 (QStringList{u"baby"_s, u"stop"_s}));
        QVERIFY(KeywordMatcher::words(u"   "_s).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestKeywordMatcher)
#include "tst_keywordmatcher.moc"
