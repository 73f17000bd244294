// GsmAlphabet: the GSM 03.38 basic and extension tables.
#include "GsmAlphabet.h"

#include <QtTest>

#include <QSet>

using namespace Qt::StringLiterals;

class TestGsmAlphabet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableSizes()
    {
        const QList<char32_t> basic = GsmAlphabet::basicCodePoints();
        const QList<char32_t> extension = GsmAlphabet::extensionCodePoints();
        // 128 septets minus the escape code; 10 characters behind the escape.
        QCOMPARE(basic.size(), 127);
        QCOMPARE(QSet<char32_t>(basic.begin(), basic.end()).size(), 127);
        QCOMPARE(extension.size(), 10);
        for (char32_t cp : basic) {
            QVERIFY2(GsmAlphabet::isBasic(cp), qPrintable(QString::number(cp, 16)));
            QCOMPARE(GsmAlphabet::septets(cp), 1);
        }
        for (char32_t cp : extension) {
            QVERIFY2(GsmAlphabet::isExtension(cp), qPrintable(QString::number(cp, 16)));
            QCOMPARE(GsmAlphabet::septets(cp), 2);
        }
    }

    void asciiLettersAndDigitsAreBasic()
    {
        for (char32_t c = U'a'; c <= U'z'; ++c) {
            QVERIFY(GsmAlphabet::isBasic(c));
            QVERIFY(GsmAlphabet::isBasic(c - U'a' + U'A'));
        }
        for (char32_t c = U'0'; c <= U'9'; ++c) {
            QVERIFY(GsmAlphabet::isBasic(c));
        }
    }

    void classify_data()
    {
        QTest::addColumn<uint>("codePoint");
        QTest::addColumn<int>("septets");

        QTest::newRow("@") << uint(u'@') << 1;
        QTest::newRow("$") << uint(u'$') << 1;
        QTest::newRow("pound") << 0xA3u << 1;
        QTest::newRow("capital C cedilla") << 0xC7u << 1;
        QTest::newRow("small c cedilla") << 0xE7u << 0;
        QTest::newRow("e acute") << 0xE9u << 1;
        QTest::newRow("E acute") << 0xC9u << 1;
        QTest::newRow("e circumflex") << 0xEAu << 0;
        QTest::newRow("sharp s") << 0xDFu << 1;
        QTest::newRow("Greek Delta") << 0x394u << 1;
        QTest::newRow("Greek small alpha") << 0x3B1u << 0;
        QTest::newRow("LF") << uint(u'\n') << 1;
        QTest::newRow("CR") << uint(u'\r') << 1;
        QTest::newRow("tab") << uint(u'\t') << 0;
        QTest::newRow("escape is no character") << 0x1Bu << 0;
        QTest::newRow("NUL") << 0u << 0;
        QTest::newRow("grave accent") << uint(u'`') << 0;
        QTest::newRow("form feed") << uint(u'\f') << 2;
        QTest::newRow("euro") << 0x20ACu << 2;
        QTest::newRow("caret") << uint(u'^') << 2;
        QTest::newRow("backslash") << uint(u'\\') << 2;
        QTest::newRow("pipe") << uint(u'|') << 2;
        QTest::newRow("left curly quote") << 0x201Cu << 0;
        QTest::newRow("high surrogate") << 0xD83Du << 0;
        QTest::newRow("emoji") << 0x1F600u << 0;
    }

    void classify()
    {
        QFETCH(uint, codePoint);
        QFETCH(int, septets);
        const char32_t cp = codePoint;
        QCOMPARE(GsmAlphabet::septets(cp), septets);
        QCOMPARE(GsmAlphabet::isGsm(cp), septets > 0);
        const GsmAlphabet::CharClass expected = septets == 1   ? GsmAlphabet::CharClass::Basic
                                                : septets == 2 ? GsmAlphabet::CharClass::Extension
                                                               : GsmAlphabet::CharClass::NonGsm;
        QCOMPARE(GsmAlphabet::classify(cp), expected);
    }

    void isGsmText()
    {
        QVERIFY(GsmAlphabet::isGsmText(u""_s));
        QVERIFY(GsmAlphabet::isGsmText(u"Hello {world} \u20AC10 @ \u00C7a"_s));
        QVERIFY(!GsmAlphabet::isGsmText(u"\u00E7a"_s));
        QVERIFY(!GsmAlphabet::isGsmText(u"ok \U0001F600"_s));
    }
};

QTEST_APPLESS_MAIN(TestGsmAlphabet)
#include "tst_gsmalphabet.moc"
