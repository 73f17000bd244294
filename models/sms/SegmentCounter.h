// Counts the SMS segments a body is billed as, the way Twilio splits and bills it.
#pragma once

#include "SegmentCount.h"

#include <QString>

class SegmentCounter
{
public:
    // Octets of user data in one SMS (140) expressed in units, alone and in a concatenated
    // message whose 6-octet User Data Header takes the rest.
    static constexpr int kGsmSingleSegment = 160;
    static constexpr int kGsmConcatenatedSegment = 153;
    static constexpr int kUcs2SingleSegment = 70;
    static constexpr int kUcs2ConcatenatedSegment = 67;

    // Rules (matching Twilio's open-source message-segment-calculator):
    // - GSM-7 when every code point is in the GSM 03.38 basic or extension table, else UCS-2.
    // - GSM-7: 160 septets fit one SMS; longer bodies are split into parts of at most 153
    //   septets, and an extension character's escape + character pair never straddles two
    //   parts (the part ends one septet early instead).
    // - UCS-2: 70 UTF-16 units alone, 67 per part; a grapheme cluster (an emoji with its
    //   modifiers, a flag, a letter with its accents) never straddles two parts, so neither
    //   does a surrogate pair. CR and LF are separate characters here, as in Twilio's
    //   calculator. A cluster longer than a whole part is split between code points.
    // - An empty body is 0 segments (Twilio's calculator reports 1, but the API refuses an
    //   empty body without media, so nothing would be billed).
    static SegmentCount count(const QString &text);
};
