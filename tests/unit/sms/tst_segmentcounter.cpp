// SegmentCounter against the GSM 03.38 / UCS-2 concatenation rules (and Twilio's edge cases).
#include "SegmentCounter.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

QString repeat(const QString &s, int times)
{
    return s.repeated(times);
}

const QString kEuro = u"\u20AC"_s;               // extension table: two septets
const QString kCedilla = u"\u00E7"_s;            // small c cedilla: not GSM, one UTF-16 unit
const QString kGrin = u"\U0001F600"_s;           // emoji: a surrogate pair
const QString kFlag = u"\U0001F1FA\U0001F1F8"_s; // US flag: two regional indicators, 4 units

constexpr int kGsm1 = SegmentCounter::kGsmSingleSegment;
constexpr int kGsmN = SegmentCounter::kGsmConcatenatedSegment;
constexpr int kUcs1 = SegmentCounter::kUcs2SingleSegment;
constexpr int kUcsN = SegmentCounter::kUcs2ConcatenatedSegment;

} // namespace

class TestSegmentCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limits()
    {
        // 140 octets of user data; a concatenated part spends 6 of them on its header.
        QCOMPARE(kGsm1, 140 * 8 / 7);
        QCOMPARE(kGsmN, (140 - 6) * 8 / 7);
        QCOMPARE(kUcs1, 140 / 2);
        QCOMPARE(kUcsN, (140 - 6) / 2);
    }

    void count_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("gsm");
        QTest::addColumn<int>("characters");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("remaining");

        QTest::newRow("empty") << QString() << true << 0 << 0 << 0 << kGsm1;
        QTest::newRow("one char") << u"a"_s << true << 1 << 1 << 1 << kGsm1 - 1;
        QTest::newRow("gsm 160") << repeat(u"a"_s, 160) << true << 160 << 160 << 1 << 0;
        QTest::newRow("gsm 161") << repeat(u"a"_s, 161) << true << 161 << 161 << 2
                                 << 2 * kGsmN - 161;
        QTest::newRow("gsm 306") << repeat(u"a"_s, 306) << true << 306 << 306 << 2 << 0;
        QTest::newRow("gsm 307") << repeat(u"a"_s, 307) << true << 307 << 307 << 3
                                 << 3 * kGsmN - 307;
        QTest::newRow("gsm 1600") << repeat(u"a"_s, 1600) << true << 1600 << 1600 << 11
                                  << 11 * kGsmN - 1600;
        QTest::newRow("basic non-ascii") << u"\u00C7a \u00E9t\u00E9 \u00A3 \u00A5 \u0394"_s << true
                                         << 12 << 12 << 1 << kGsm1 - 12;

        // Extension characters cost two septets each.
        QTest::newRow("extension 160 septets")
            << kEuro + repeat(u"a"_s, 158) << true << 159 << 160 << 1 << 0;
        QTest::newRow("extension 161 septets")
            << kEuro + repeat(u"a"_s, 159) << true << 160 << 161 << 2 << 2 * kGsmN - 161;
        QTest::newRow("all extension chars")
            << u"^{}\\[~]|\f"_s + kEuro << true << 10 << 20 << 1 << kGsm1 - 20;
        // '€' would take septets 153 and 154: the pair moves whole to the second part.
        QTest::newRow("extension straddles 153") << repeat(u"a"_s, 152) + kEuro + repeat(u"a"_s, 7)
                                                 << true << 160 << 161 << 2 << kGsmN - (2 + 7);
        // Same septet count as two full parts (306), but the pair does not split: 3 parts.
        QTest::newRow("extension straddle adds a part")
            << repeat(u"a"_s, 152) + kEuro + repeat(u"a"_s, 152) << true << 305 << 306 << 3
            << kGsmN - 1;
        // '€' as septets 152 and 153 fits the first part exactly.
        QTest::newRow("extension ends part exactly")
            << repeat(u"a"_s, 151) + kEuro + repeat(u"a"_s, 153) << true << 305 << 306 << 2 << 0;
        QTest::newRow("extension at second boundary")
            << repeat(u"a"_s, 153) + repeat(u"a"_s, 152) + u"]"_s + u"a"_s << true << 307 << 308
            << 3 << kGsmN - 3;

        // UCS-2: UTF-16 units.
        QTest::newRow("ucs2 70") << repeat(kCedilla, 70) << false << 70 << 70 << 1 << 0;
        QTest::newRow("ucs2 71") << repeat(kCedilla, 71) << false << 71 << 71 << 2
                                 << 2 * kUcsN - 71;
        QTest::newRow("ucs2 134") << repeat(kCedilla, 134) << false << 134 << 134 << 2 << 0;
        QTest::newRow("ucs2 135") << repeat(kCedilla, 135) << false << 135 << 135 << 3
                                  << 3 * kUcsN - 135;
        QTest::newRow("emoji fits 70 units")
            << kGrin + repeat(u"1"_s, 68) << false << 69 << 70 << 1 << 0;
        QTest::newRow("emoji 71 units")
            << kGrin + repeat(u"1"_s, 69) << false << 70 << 71 << 2 << kUcsN - (71 - kUcsN);
        // The pair would take units 67 and 68: it moves whole to the second part.
        QTest::newRow("emoji straddles 67") << repeat(kCedilla, 66) + kGrin + repeat(kCedilla, 66)
                                            << false << 133 << 134 << 3 << kUcsN - 1;
        QTest::newRow("emoji ends part exactly")
            << repeat(kCedilla, 65) + kGrin + repeat(kCedilla, 67) << false << 133 << 134 << 2 << 0;
        // A flag is one grapheme of two code points: never split between them (Twilio).
        QTest::newRow("flag straddles 67") << repeat(kCedilla, 65) + kFlag + repeat(kCedilla, 65)
                                           << false << 132 << 134 << 3 << kUcsN - 2;
        // CR LF are two characters, as in Twilio's calculator: they may be split.
        QTest::newRow("crlf may split") << repeat(kCedilla, 66) + u"\r\n"_s + repeat(kCedilla, 66)
                                        << false << 134 << 134 << 2 << 0;
        // GSM extension characters cost one unit like any other in UCS-2 (Twilio issue #18).
        QTest::newRow("extension in ucs2 70")
            << kGrin + repeat(u"]"_s, 68) << false << 69 << 70 << 1 << 0;
        QTest::newRow("extension in ucs2 71")
            << kGrin + repeat(u"]"_s, 69) << false << 70 << 71 << 2 << kUcsN - 4;

        QTest::newRow("mixed quotes")
            << u"Hello \u201Cworld\u201D"_s << false << 13 << 13 << 1 << kUcs1 - 13;
        QTest::newRow("grave accent is not gsm") << u"`"_s << false << 1 << 1 << 1 << kUcs1 - 1;
        QTest::newRow("combining accent") << u"e\u0301"_s << false << 2 << 2 << 1 << kUcs1 - 2;
        QTest::newRow("lone surrogate")
            << QString(QChar(0xD800)) << false << 1 << 1 << 1 << kUcs1 - 1;
    }

    void count()
    {
        QFETCH(QString, text);
        QFETCH(bool, gsm);
        QFETCH(int, characters);
        QFETCH(int, units);
        QFETCH(int, segments);
        QFETCH(int, remaining);

        const SegmentCount result = SegmentCounter::count(text);
        QCOMPARE(result.encoding,
                 gsm ? SegmentCount::Encoding::Gsm7 : SegmentCount::Encoding::Ucs2);
        QCOMPARE(result.characters, characters);
        QCOMPARE(result.units, units);
        QCOMPARE(result.segments, segments);
        QCOMPARE(result.remainingInSegment, remaining);
        QCOMPARE(result.nonGsmCharacters.isEmpty(), gsm);
    }

    void nonGsmCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("gsm only") << u"Caf\u00E9 \u20AC5"_s << QStringList();
        QTest::newRow("first appearance order, distinct")
            << u"\u00E7a\u00E7\u00E9"_s + kGrin + u"\u00E7\u201C"_s + kGrin
            << QStringList{kCedilla, kGrin, u"\u201C"_s};
        QTest::newRow("grapheme kept whole")
            << u"Hi \U0001F44D\U0001F3FD!"_s << QStringList{u"\U0001F44D\U0001F3FD"_s};
        QTest::newRow("flag") << kFlag + u" ok"_s << QStringList{kFlag};
        QTest::newRow("letter with combining accent")
            << u"Jose\u0301"_s << QStringList{u"e\u0301"_s};
    }

    void nonGsmCharacters()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(SegmentCounter::count(text).nonGsmCharacters, expected);
    }

    void encodingNames()
    {
        QCOMPARE(SegmentCount::encodingName(SegmentCount::Encoding::Gsm7), u"GSM-7"_s);
        QCOMPARE(SegmentCount::encodingName(SegmentCount::Encoding::Ucs2), u"UCS-2"_s);
    }
};

QTEST_APPLESS_MAIN(TestSegmentCounter)
#include "tst_segmentcounter.moc"
