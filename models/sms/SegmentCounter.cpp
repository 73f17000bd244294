#include "SegmentCounter.h"

#include "GsmAlphabet.h"

#include <QSet>
#include <QTextBoundaryFinder>

namespace {

// Greedy packing of indivisible pieces into parts of `capacity` units: how many parts and how
// full the last one is. Greedy is what Twilio's calculator amounts to: it fills the first
// part, then moves its tail into the next part until the header fits.
class PartPacker
{
public:
    explicit PartPacker(int capacity)
        : m_capacity(capacity)
    {}

    void add(int size)
    {
        if (m_fill + size > m_capacity && m_fill > 0) {
            ++m_parts;
            m_fill = 0;
        }
        m_fill += size;
    }

    int parts() const { return m_parts; }
    int remaining() const { return m_capacity - m_fill; }

private:
    int m_capacity;
    int m_parts = 1;
    int m_fill = 0;
};

int countCodePoints(QStringView text)
{
    int count = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        // The low half of a surrogate pair belongs to the code point counted at its high half.
        if (!(text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate())) {
            ++count;
        }
    }
    return count;
}

void countGsm(const QString &text, int septets, bool hasExtension, SegmentCount &result)
{
    result.encoding = SegmentCount::Encoding::Gsm7;
    result.units = septets;
    if (septets <= SegmentCounter::kGsmSingleSegment) {
        result.segments = septets > 0 ? 1 : 0;
        result.remainingInSegment = SegmentCounter::kGsmSingleSegment - septets;
        return;
    }
    constexpr int capacity = SegmentCounter::kGsmConcatenatedSegment;
    if (!hasExtension) {
        // Every septet is its own piece: plain division.
        result.segments = (septets + capacity - 1) / capacity;
        result.remainingInSegment = result.segments * capacity - septets;
        return;
    }
    PartPacker packer(capacity);
    for (QChar c : text) {
        packer.add(GsmAlphabet::septets(c.unicode()));
    }
    result.segments = packer.parts();
    result.remainingInSegment = packer.remaining();
}

// Adds a grapheme cluster [start, end) to the packer as Twilio does: whole, except CR LF
// (two characters) and clusters too long for any part (split between code points).
void addCluster(PartPacker &packer, QStringView text, qsizetype start, qsizetype end)
{
    const qsizetype length = end - start;
    const bool crlf = length == 2 && text[start] == u'\r' && text[start + 1] == u'\n';
    if (!crlf && length <= SegmentCounter::kUcs2ConcatenatedSegment) {
        packer.add(int(length));
        return;
    }
    for (qsizetype i = start; i < end; ++i) {
        const bool pair = text[i].isHighSurrogate() && i + 1 < end && text[i + 1].isLowSurrogate();
        packer.add(pair ? 2 : 1);
        if (pair) {
            ++i;
        }
    }
}

void countUcs2(const QString &text, SegmentCount &result)
{
    result.encoding = SegmentCount::Encoding::Ucs2;
    result.units = int(text.size());
    const bool single = result.units <= SegmentCounter::kUcs2SingleSegment;

    PartPacker packer(SegmentCounter::kUcs2ConcatenatedSegment);
    QSet<QString> seen;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > start; end = finder.toNextBoundary()) {
        const QStringView cluster = QStringView(text).sliced(start, end - start);
        if (!GsmAlphabet::isGsmText(cluster)) {
            QString key = cluster.toString();
            if (!seen.contains(key)) {
                seen.insert(key);
                result.nonGsmCharacters.append(std::move(key));
            }
        }
        if (!single) {
            addCluster(packer, text, start, end);
        }
        start = end;
    }

    if (single) {
        result.segments = 1;
        result.remainingInSegment = SegmentCounter::kUcs2SingleSegment - result.units;
    } else {
        result.segments = packer.parts();
        result.remainingInSegment = packer.remaining();
    }
}

} // namespace

SegmentCount SegmentCounter::count(const QString &text)
{
    SegmentCount result;
    result.characters = countCodePoints(text);

    int septets = 0;
    bool hasExtension = false;
    for (QChar c : text) {
        const int cost = GsmAlphabet::septets(c.unicode());
        if (cost == 0) {
            countUcs2(text, result);
            return result;
        }
        septets += cost;
        hasExtension = hasExtension || cost == 2;
    }
    countGsm(text, septets, hasExtension, result);
    return result;
}
