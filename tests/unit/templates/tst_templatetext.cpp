#include "OptOutLine.h"
#include "TemplateText.h"

#include <QtTest>

#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using Values = QHash<QString, QString>;

class TestTemplateText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("fallbacks"); // "-" for none
        QTest::addColumn<QList<qsizetype>>("positions");

        QTest::newRow("plain text")
            << u"Hello there"_s << QStringList{} << QStringList{} << QList<qsizetype>{};
        QTest::newRow("one token") << u"Hi {{first_name}}!"_s << QStringList{u"first_name"_s}
                                   << QStringList{u"-"_s} << QList<qsizetype>{3};
        QTest::newRow("fallback") << u"Hi {{first_name|there}}"_s << QStringList{u"first_name"_s}
                                  << QStringList{u"there"_s} << QList<qsizetype>{3};
        QTest::newRow("whitespace inside braces")
            << u"Hi {{  first_name  |  my friend  }}"_s << QStringList{u"first_name"_s}
            << QStringList{u"my friend"_s} << QList<qsizetype>{3};
        QTest::newRow("empty fallback") << u"{{name|}}"_s << QStringList{u"name"_s}
                                        << QStringList{u""_s} << QList<qsizetype>{0};
        QTest::newRow("fallback keeps later bars") << u"{{name|a|b}}"_s << QStringList{u"name"_s}
                                                   << QStringList{u"a|b"_s} << QList<qsizetype>{0};
        QTest::newRow("two tokens")
            << u"{{first_name}} {{last_name|}}, visit {{store.city}}"_s
            << QStringList{u"first_name"_s, u"last_name"_s, u"store.city"_s}
            << QStringList{u"-"_s, u""_s, u"-"_s} << QList<qsizetype>{0, 15, 37};
        QTest::newRow("single braces are text") << u"{a} {b} x {{c}}"_s << QStringList{u"c"_s}
                                                << QStringList{u"-"_s} << QList<qsizetype>{10};
    }

    void tokens()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, names);
        QFETCH(QStringList, fallbacks);
        QFETCH(QList<qsizetype>, positions);

        const TemplateText text(body);
        QVERIFY2(text.isWellFormed(), qPrintable(text.syntaxErrors().value(0).message));
        QCOMPARE(text.tokens().size(), names.size());
        for (qsizetype i = 0; i < names.size(); ++i) {
            const auto &token = text.tokens().at(i);
            QCOMPARE(token.name, names.at(i));
            QCOMPARE(token.hasFallback, fallbacks.at(i) != u"-"_s);
            if (token.hasFallback)
                QCOMPARE(token.fallback, fallbacks.at(i));
            QCOMPARE(token.position, positions.at(i));
            QVERIFY(body.mid(token.position, token.length).startsWith(u"{{"_s));
            QVERIFY(body.mid(token.position, token.length).endsWith(u"}}"_s));
        }
    }

    void fieldNamesAreDistinct()
    {
        const TemplateText text(u"{{name}} {{phone}} {{name|x}}"_s);
        QCOMPARE(text.fieldNames(), (QStringList{u"name"_s, u"phone"_s}));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<qsizetype>("position");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("unclosed") << u"Hi {{first_name"_s << qsizetype(3) << 1 << 4
                                  << u"never closed"_s;
        QTest::newRow("empty name")
            << u"Hi {{}}"_s << qsizetype(3) << 1 << 4 << u"empty field name"_s;
        QTest::newRow("blank name with fallback")
            << u"Hi {{ |there}}"_s << qsizetype(3) << 1 << 4 << u"empty field name"_s;
        QTest::newRow("stray closing")
            << u"Hi there}} now"_s << qsizetype(8) << 1 << 9 << u"without a matching"_s;
        QTest::newRow("nested opening")
            << u"A {{first {{last}}"_s << qsizetype(2) << 1 << 3 << u"not closed before the next"_s;
        QTest::newRow("space in name")
            << u"{{first name}}"_s << qsizetype(0) << 1 << 1 << u"not a valid field name"_s;
        QTest::newRow("second line")
            << u"Hello\nand {{ }}"_s << qsizetype(10) << 2 << 5 << u"empty field name"_s;
    }

    void syntaxErrors()
    {
        QFETCH(QString, body);
        QFETCH(qsizetype, position);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, messagePart);

        const TemplateText text(body);
        QVERIFY(!text.isWellFormed());
        const auto error = text.syntaxErrors().constFirst();
        QCOMPARE(error.position, position);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"line %1, column %2"_s.arg(line).arg(column)),
                 qPrintable(error.message));
        // The same errors stop the template from being saved.
        QVERIFY(!text.validate({}, TemplateType::Transactional).isEmpty());
    }

    void unknownTokens_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("attributes");
        QTest::addColumn<QStringList>("unknown");
        QTest::addColumn<QList<qsizetype>>("positions");

        QTest::newRow("contact fields are known")
            << u"{{first_name}} {{last_name}} {{name}} {{phone}}"_s << QStringList{}
            << QStringList{} << QList<qsizetype>{};
        QTest::newRow("attribute is known") << u"Your {{plan}} renews"_s << QStringList{u"plan"_s}
                                            << QStringList{} << QList<qsizetype>{};
        QTest::newRow("attribute not defined") << u"Your {{plan}} renews"_s << QStringList{}
                                               << QStringList{u"plan"_s} << QList<qsizetype>{5};
        QTest::newRow("two unknown, one known")
            << u"{{a}} {{first_name}} {{b|x}}"_s << QStringList{} << QStringList{u"a"_s, u"b"_s}
            << QList<qsizetype>{0, 21};
        QTest::newRow("case matters") << u"Hi {{First_Name}}"_s << QStringList{}
                                      << QStringList{u"First_Name"_s} << QList<qsizetype>{3};
    }

    void unknownTokens()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, attributes);
        QFETCH(QStringList, unknown);
        QFETCH(QList<qsizetype>, positions);

        const auto errors = TemplateText(body).validate(attributes, TemplateType::Reminder);
        QCOMPARE(errors.size(), unknown.size());
        for (qsizetype i = 0; i < unknown.size(); ++i) {
            QCOMPARE(errors.at(i).position, positions.at(i));
            QVERIFY2(errors.at(i).message.contains(u"unknown field \"%1\""_s.arg(unknown.at(i))),
                     qPrintable(errors.at(i).message));
            QVERIFY(errors.at(i).message.contains(
                u"column %1"_s.arg(positions.at(i) + 1))); // single-line bodies
        }
    }

    void unknownTokenSuggestsTheRightCase()
    {
        const auto errors = TemplateText(u"Hi {{First_Name}}"_s).validate({}, TemplateType::Otp);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().message.contains(u"did you mean \"first_name\""_s));
    }

    void optOutLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("present");

        QTest::newRow("standard") << OptOutLine::standardLine() << true;
        QTest::newRow("lower case") << u"sale! reply stop to opt out"_s << true;
        QTest::newRow("hyphenated") << u"Text STOP to opt-out."_s << true;
        QTest::newRow("unsubscribe phrase") << u"Reply END to unsubscribe"_s << true;
        QTest::newRow("to stop") << u"Text QUIT to stop msgs"_s << true;
        QTest::newRow("keyword and phrase same word twice")
            << u"Reply UNSUBSCRIBE to unsubscribe"_s << true;
        QTest::newRow("keyword alone") << u"Reply STOP"_s << false;
        QTest::newRow("phrase alone") << u"To opt out, call us"_s << false;
        QTest::newRow("stop inside a word") << u"Nonstop deals, opt out anytime"_s << false;
        QTest::newRow("to stop without a keyword word") << u"Reply to stop"_s << false;
        QTest::newRow("unsubscribe alone") << u"Reply UNSUBSCRIBE"_s << false;
        QTest::newRow("plain text") << u"Don't stop now!"_s << false;
    }

    void optOutLine()
    {
        QFETCH(QString, text);
        QFETCH(bool, present);
        QCOMPARE(OptOutLine::isPresent(text), present);
    }

    void promotionalNeedsOptOut_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("ok");

        const QString sale = u"Sale today, {{first_name|friend}}!"_s;
        QTest::newRow("promotional without") << int(TemplateType::Promotional) << sale << false;
        QTest::newRow("promotional with")
            << int(TemplateType::Promotional) << OptOutLine::appendTo(sale) << true;
        QTest::newRow("transactional without") << int(TemplateType::Transactional) << sale << true;
        QTest::newRow("reminder without") << int(TemplateType::Reminder) << sale << true;
    }

    void promotionalNeedsOptOut()
    {
        QFETCH(int, type);
        QFETCH(QString, body);
        QFETCH(bool, ok);
        const auto errors = TemplateText(body).validate({}, TemplateType(type));
        QCOMPARE(errors.isEmpty(), ok);
        if (!ok)
            QVERIFY(errors.first().message.contains(u"opt-out line"_s));
    }

    void appendOptOutLine_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expected");

        const QString line = OptOutLine::standardLine();
        QTest::newRow("single line") << u"Sale today!"_s << u"Sale today! "_s + line;
        QTest::newRow("trailing spaces") << u"Sale today!  \n"_s << u"Sale today! "_s + line;
        QTest::newRow("several lines")
            << u"Sale today!\nAll shoes"_s << u"Sale today!\nAll shoes\n"_s + line;
        QTest::newRow("empty") << u""_s << line;
        QTest::newRow("already there")
            << u"Hi. Text STOP to opt out"_s << u"Hi. Text STOP to opt out"_s;
    }

    void appendOptOutLine()
    {
        QFETCH(QString, body);
        QFETCH(QString, expected);
        const QString result = OptOutLine::appendTo(body);
        QCOMPARE(result, expected);
        QVERIFY(OptOutLine::isPresent(result));
        QCOMPARE(OptOutLine::appendTo(result), result); // idempotent
    }

    void render_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<Values>("values");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("missing");

        const QString hi = u"Hi {{first_name|there}}, {{plan}} ends"_s;
        QTest::newRow("all values")
            << hi << Values{{u"first_name"_s, u"Ana"_s}, {u"plan"_s, u"Gold"_s}}
            << u"Hi Ana, Gold ends"_s << QStringList{};
        QTest::newRow("fallback used")
            << hi << Values{{u"plan"_s, u"Gold"_s}} << u"Hi there, Gold ends"_s << QStringList{};
        QTest::newRow("blank value takes fallback")
            << hi << Values{{u"first_name"_s, u"  "_s}, {u"plan"_s, u"Gold"_s}}
            << u"Hi there, Gold ends"_s << QStringList{};
        QTest::newRow("missing without fallback") << hi << Values{{u"first_name"_s, u"Ana"_s}}
                                                  << u"Hi Ana,  ends"_s << QStringList{u"plan"_s};
        QTest::newRow("missing reported once")
            << u"{{a}}{{a}}{{b|x}}"_s << Values{} << u"x"_s << QStringList{u"a"_s};
        QTest::newRow("empty fallback is not missing")
            << u"[{{a|}}]"_s << Values{} << u"[]"_s << QStringList{};
        QTest::newRow("value is not re-parsed")
            << u"{{a}}"_s << Values{{u"a"_s, u"{{b}}"_s}} << u"{{b}}"_s << QStringList{};
        QTest::newRow("malformed parts copied")
            << u"Hi {{a}} {{ }} {{b"_s << Values{{u"a"_s, u"A"_s}} << u"Hi A {{ }} {{b"_s
            << QStringList{};
    }

    void render()
    {
        QFETCH(QString, body);
        QFETCH(Values, values);
        QFETCH(QString, expected);
        QFETCH(QStringList, missing);
        const auto rendered = TemplateText(body).render(values);
        QCOMPARE(rendered.text, expected);
        QCOMPARE(rendered.missing, missing);
    }

    void missingValueCountsForAPreview()
    {
        const TemplateText text(u"Hi {{first_name}}, {{plan|your plan}} {{city}}"_s);
        QList<Values> recipients{
            {{u"first_name"_s, u"Ana"_s}, {u"city"_s, u"Oslo"_s}},
            {{u"plan"_s, u"Gold"_s}},
            {{u"first_name"_s, u""_s}, {u"city"_s, u"Rome"_s}},
            {{u"first_name"_s, u"Bo"_s}},
        };
        // Derived independently: count recipients whose render reports the field missing.
        QHash<QString, int> expected;
        for (const Values &v : recipients) {
            for (const QString &name : text.render(v).missing)
                ++expected[name];
        }
        const auto counts = text.missingValueCounts(recipients);
        QCOMPARE(counts, expected);
        QCOMPARE(counts.value(u"first_name"_s), 2);
        QVERIFY(!counts.contains(u"plan"_s)); // it has a fallback
    }

    // Doubling a body doubles the work of parsing, validating and rendering it, for bodies
    // full of tokens, of errors and of unclosed marks (each once took quadratic time: 58 s
    // for {{a}} x 40,000). The best of several runs is compared, with a generous ratio:
    // linear work gives about 2, quadratic 4. Counts, not a time limit: no assertion on ms.
    void workGrowsLinearly_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("valid tokens") << u"{{a}} "_s;
        QTest::newRow("distinct names") << u"{{f%1|x}} "_s;
        QTest::newRow("unknown fields, one error each") << u"{{nope%1}}\n"_s;
        QTest::newRow("stray closes") << u"}} x\n"_s;
        QTest::newRow("opens never closed until the end") << u"{{ "_s;
    }

    void workGrowsLinearly()
    {
        QFETCH(QString, unit);
        const auto body = [&unit](int count) -> QString {
            QString text;
            for (int i = 0; i < count; ++i)
                text += unit.contains(u"%1"_s) ? unit.arg(i) : unit;
            return text + u"}}"_s;
        };
        qint64 sink = 0; // keeps the work from being optimised away
        // This thread's CPU time, so other processes' load does not count.
        const auto cpuNow = [] {
            timespec now{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
            return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
        };
        const auto timeOnce = [&sink, &cpuNow](const QString &text) -> qint64 {
            const qint64 start = cpuNow();
            const TemplateText parsed(text);
            const auto errors = parsed.validate({}, TemplateType::Transactional);
            const auto rendered = parsed.render({{u"a"_s, u"value"_s}});
            sink += errors.size() + rendered.text.size();
            return cpuNow() - start;
        };
        // Interleaved, so a burst of load on a shared machine hits both sizes alike.
        const QString smallBody = body(20000);
        const QString largeBody = body(40000);
        qint64 small = std::numeric_limits<qint64>::max();
        qint64 large = small;
        for (int run = 0; run < 5; ++run) {
            small = qMin(small, timeOnce(smallBody));
            large = qMin(large, timeOnce(largeBody));
        }
        const double ratio = double(large) / double(qMax<qint64>(small, 1));
        qInfo("%s: 20,000 units %.1f ms, 40,000 units %.1f ms, ratio %.2f", QTest::currentDataTag(),
              small / 1e6, large / 1e6, ratio);
        QVERIFY(sink > 0);
        QVERIFY2(ratio < 3.2, qPrintable(u"ratio %1"_s.arg(ratio)));
    }
};

QTEST_GUILESS_MAIN(TestTemplateText)
#include "tst_templatetext.moc"
