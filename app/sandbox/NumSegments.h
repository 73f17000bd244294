// num_segments as Twilio counts it: GSM-7 (160 septets, 153 per part when concatenated, an
// escaped character never split across parts) or UCS-2 (70 code units, 67 per part, a
// surrogate pair never split). Written here, not shared with the app's own counter.
#pragma once

#include <QStringView>

namespace sandbox {

namespace NumSegments {

enum class Encoding
{
    Gsm7,
    Ucs2
};

struct Result
{
    Encoding encoding = Encoding::Gsm7;
    int units = 0;    // septets (GSM-7) or UTF-16 code units (UCS-2)
    int segments = 0; // at least 1, also for an empty body
};

Result count(QStringView body);

} // namespace NumSegments

} // namespace sandbox
