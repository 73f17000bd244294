#include "NumSegments.h"

#include <QVarLengthArray>

namespace sandbox {

namespace NumSegments {

namespace {

// GSM 03.38 default alphabet (one septet each).
const char16_t kBasic[] = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                          u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension table (escape + character: two septets each).
const char16_t kExtended[] = u"\f^{}\\[~]|€";

int gsmWidth(char16_t c)
{
    for (const char16_t *p = kBasic; *p; ++p) {
        if (*p == c)
            return 1;
    }
    for (const char16_t *p = kExtended; *p; ++p) {
        if (*p == c)
            return 2;
    }
    return 0;
}

int pack(const int *widths, int count, int total, int single, int part)
{
    if (total <= single)
        return 1;
    int segments = 1;
    int used = 0;
    for (int i = 0; i < count; ++i) {
        if (used + widths[i] > part) {
            ++segments;
            used = 0;
        }
        used += widths[i];
    }
    return segments;
}

} // namespace

Result count(QStringView body)
{
    Result result;
    QVarLengthArray<int, 512> widths;
    widths.reserve(body.size());
    bool gsm = true;
    for (QChar c : body) {
        const int w = gsmWidth(c.unicode());
        if (w == 0) {
            gsm = false;
            break;
        }
        widths.append(w);
        result.units += w;
    }
    if (gsm) {
        result.encoding = Encoding::Gsm7;
        result.segments = pack(widths.data(), int(widths.size()), result.units, 160, 153);
        return result;
    }
    // UCS-2: a surrogate pair is one unbreakable item of width 2.
    widths.clear();
    result.units = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const bool pair =
            body[i].isHighSurrogate() && i + 1 < body.size() && body[i + 1].isLowSurrogate();
        widths.append(pair ? 2 : 1);
        result.units += pair ? 2 : 1;
        if (pair)
            ++i;
    }
    result.encoding = Encoding::Ucs2;
    result.segments = pack(widths.data(), int(widths.size()), result.units, 70, 67);
    return result;
}

} // namespace NumSegments

} // namespace sandbox
