// SmartCharacters: typographic characters replaced by GSM-7 look-alikes.
#include "GsmAlphabet.h"
#include "SegmentCounter.h"
#include "SmartCharacters.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestSmartCharacters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaceWithGsm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("plain gsm untouched")
            << u"Hello {world} \u20AC5"_s << u"Hello {world} \u20AC5"_s;
        QTest::newRow("double quotes")
            << u"\u201CHi\u201D \u00ABok\u00BB \u201Elow\u201F"_s << u"\"Hi\" \"ok\" \"low\""_s;
        QTest::newRow("apostrophes") << u"it\u2019s \u2018x\u2019 `y\u00B4"_s << u"it's 'x' 'y'"_s;
        QTest::newRow("dashes") << u"a\u2013b\u2014c\u2010d\u2212e\u2011f"_s << u"a-b-c-d-e-f"_s;
        QTest::newRow("ellipsis") << u"wait\u2026"_s << u"wait..."_s;
        QTest::newRow("spaces") << u"a\u00A0b\u2009c\u202Fd\u3000e\tf"_s << u"a b c d e f"_s;
        QTest::newRow("invisible dropped") << u"zero\u200Bwidth\uFEFF\u2060"_s << u"zerowidth"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << u"a\nb"_s;
        QTest::newRow("fractions") << u"\u00BD \u00BC \u00BE"_s << u"1/2 1/4 3/4"_s;
        QTest::newRow("fullwidth")
            << u"\uFF21\uFF22\uFF23\uFF11\uFF12\uFF13\uFF01"_s << u"ABC123!"_s;
        QTest::newRow("angle quotes") << u"\u2039a\u203A"_s << u"<a>"_s;
        QTest::newRow("bullet") << u"\u2022 item"_s << u"- item"_s;
        QTest::newRow("double exclamation") << u"\u203C"_s << u"!!"_s;
        QTest::newRow("extension look-alikes") << u"\uFF5Bx\uFF5D \uFF3C"_s << u"{x} \\"_s;
        QTest::newRow("emoji and letters kept")
            << u"\U0001F600 \u201Cgar\u00E7on\u201D"_s << u"\U0001F600 \"gar\u00E7on\""_s;
    }

    void replaceWithGsm()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SmartCharacters::replaceWithGsm(text), expected);
    }

    void everyReplacementIsGsm()
    {
        const QList<char32_t> codePoints = SmartCharacters::replaceableCodePoints();
        QVERIFY(codePoints.size() > 100);
        QVERIFY(std::is_sorted(codePoints.begin(), codePoints.end()));
        for (char32_t cp : codePoints) {
            const QString hex = QString::number(cp, 16);
            // Replacing a GSM character would change text for nothing.
            QVERIFY2(!GsmAlphabet::isGsm(cp), qPrintable(hex));
            QVERIFY2(SmartCharacters::isReplaceable(cp), qPrintable(hex));
            const QString replacement = SmartCharacters::replacementFor(cp);
            QVERIFY2(!replacement.isNull(), qPrintable(hex));
            QVERIFY2(GsmAlphabet::isGsmText(replacement), qPrintable(hex));
        }
    }

    void notReplaceable()
    {
        for (char32_t cp : {U'a', U'"', U'\u00E7', U'\u00E9', U'\U0001F600', U'\u4E2D'}) {
            QVERIFY(!SmartCharacters::isReplaceable(cp));
            QVERIFY(SmartCharacters::replacementFor(cp).isNull());
        }
    }

    void droppedCharacterHasEmptyReplacement()
    {
        const QString replacement = SmartCharacters::replacementFor(U'\u200B');
        QVERIFY(!replacement.isNull());
        QVERIFY(replacement.isEmpty());
    }

    void findReplaceable()
    {
        const QString text = u"\u201Ca\u201D \u201Cb\u201D\u2026 \U0001F600 \u00E7"_s;
        QCOMPARE(SmartCharacters::findReplaceable(text),
                 (QStringList{u"\u201C"_s, u"\u201D"_s, u"\u2026"_s}));
        QVERIFY(SmartCharacters::findReplaceable(u"plain text"_s).isEmpty());
    }

    void wordProcessorTextBecomesGsm()
    {
        const QString pasted = u"\u201CDon\u2019t miss our sale\u201D \u2014 50% off\u2026"_s;
        QCOMPARE(SegmentCounter::count(pasted).encoding, SegmentCount::Encoding::Ucs2);
        const SegmentCount cleaned = SegmentCounter::count(SmartCharacters::replaceWithGsm(pasted));
        QCOMPARE(cleaned.encoding, SegmentCount::Encoding::Gsm7);
        QVERIFY(cleaned.nonGsmCharacters.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSmartCharacters)
#include "tst_smartcharacters.moc"
