#include "KeywordProcess.h"
#include "KeywordProcessLifecycle.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Type = KeywordProcess::Type;
using Status = KeywordProcess::Status;
using Action = KeywordProcessLifecycle::Action;

class TestKeywordProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<Status>("current");
        QTest::addColumn<bool>("incomplete");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("after"); // a Status, or -1 when deleted
        QTest::addColumn<bool>("live");

        const auto row = [](const char *name, Action action, Status current, bool incomplete,
                            bool allowed, int after, bool live) {
            QTest::newRow(name) << action << current << incomplete << allowed << after << live;
        };
        const int started = int(Status::Started);
        const int paused = int(Status::Paused);
        const int fresh = int(Status::New);

        row("start new", Action::Start, Status::New, false, true, started, true);
        row("start paused", Action::Start, Status::Paused, false, true, started, true);
        row("start started", Action::Start, Status::Started, false, false, started, false);
        row("start incomplete", Action::Start, Status::New, true, false, fresh, false);
        row("pause started", Action::Pause, Status::Started, false, true, paused, true);
        row("pause new", Action::Pause, Status::New, false, false, fresh, false);
        row("pause paused", Action::Pause, Status::Paused, false, false, paused, false);
        row("edit new", Action::Edit, Status::New, false, true, fresh, false);
        row("edit started applies at once", Action::Edit, Status::Started, false, true, started,
            true);
        row("edit paused", Action::Edit, Status::Paused, false, true, paused, false);
        row("edit into an incomplete process", Action::Edit, Status::Started, true, false, started,
            false);
        row("delete new", Action::Delete, Status::New, false, true, -1, false);
        row("delete started", Action::Delete, Status::Started, false, true, -1, true);
        row("delete paused", Action::Delete, Status::Paused, false, true, -1, false);
        row("delete incomplete", Action::Delete, Status::New, true, true, -1, false);
    }

    void lifecycle()
    {
        QFETCH(Action, action);
        QFETCH(Status, current);
        QFETCH(bool, incomplete);
        QFETCH(bool, allowed);
        QFETCH(int, after);
        QFETCH(bool, live);

        QList<KeywordValidator::Problem> problems;
        if (incomplete)
            problems.append({KeywordValidator::Error::ReplyRequired, u"needs a reply"_s, {}});
        const auto outcome = KeywordProcessLifecycle::apply(action, current, problems);
        QCOMPARE(outcome.allowed, allowed);
        QCOMPARE(outcome.status ? int(*outcome.status) : -1, after);
        QCOMPARE(outcome.appliesImmediately, live);
        QCOMPARE(outcome.reason.isEmpty(), allowed);
        if (incomplete && !allowed)
            QVERIFY2(outcome.reason.contains(u"needs a reply"_s), qPrintable(outcome.reason));
    }

    void defaultsAreTheProvidersAndCreateUsesThem_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<QStringList>("keywords");

        QTest::newRow("unsubscribe")
            << Type::Unsubscribe
            << QStringList{u"STOP"_s, u"STOPALL"_s, u"UNSUBSCRIBE"_s, u"CANCEL"_s,
                           u"END"_s,  u"QUIT"_s,    u"REVOKE"_s,      u"OPTOUT"_s};
        QTest::newRow("help") << Type::Help << QStringList{u"HELP"_s, u"INFO"_s};
        QTest::newRow("subscribe (JOIN is a custom keyword)")
            << Type::Subscribe << QStringList{u"START"_s, u"YES"_s, u"UNSTOP"_s};
        QTest::newRow("auto-reply") << Type::AutoReply << QStringList{};
    }

    void defaultsAreTheProvidersAndCreateUsesThem()
    {
        QFETCH(Type, type);
        QFETCH(QStringList, keywords);
        QCOMPARE(KeywordProcess::defaultKeywords(type), keywords);
        const auto process = KeywordProcess::create(type, u"+15551230000"_s);
        QCOMPARE(process.keywords, keywords);
        QCOMPARE(process.type, type);
        QCOMPARE(process.status, Status::New);
        QVERIFY(!process.hasReply());
        QCOMPARE(process.id, 0);
    }

    void columnValuesRoundTrip()
    {
        // The keyword_processes CHECK constraints, verbatim.
        const QStringList types{u"unsubscribe"_s, u"help"_s, u"subscribe"_s, u"auto_reply"_s};
        for (const QString &text : types)
            QCOMPARE(KeywordProcess::typeToString(KeywordProcess::typeFromString(text).value()),
                     text);
        const QStringList statuses{u"new"_s, u"started"_s, u"paused"_s};
        for (const QString &text : statuses) {
            QCOMPARE(KeywordProcess::statusToString(KeywordProcess::statusFromString(text).value()),
                     text);
        }
        QVERIFY(!KeywordProcess::typeFromString(u"autoreply"_s));
        QVERIFY(!KeywordProcess::typeFromString(u"Help"_s));
        QVERIFY(!KeywordProcess::statusFromString(u"running"_s));
    }

    void inboundIdentity()
    {
        const auto baby = KeywordProcess::create(Type::Help, u"11221"_s, u"baby"_s);
        const auto babyUpper = KeywordProcess::create(Type::Help, u"11221"_s, u"BABY"_s);
        const auto kids = KeywordProcess::create(Type::Help, u"11221"_s, u"kids"_s);
        const auto longCode = KeywordProcess::create(Type::Help, u"+15551230000"_s);
        QCOMPARE(baby.inboundLabel(), u"11221 / baby"_s);
        QCOMPARE(longCode.inboundLabel(), u"+15551230000"_s);
        QVERIFY(baby.sharesInboundWith(babyUpper));
        QVERIFY(!baby.sharesInboundWith(kids));
        QVERIFY(!baby.sharesInboundWith(longCode));
        QVERIFY(longCode.sharesInboundWith(longCode));
    }
};

QTEST_APPLESS_MAIN(TestKeywordProcess)
#include "tst_keywordprocess.moc"
