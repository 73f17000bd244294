// What SegmentCounter::count() found for one message body: encoding, size and segments.
#pragma once

#include <QStringList>

struct SegmentCount
{
    enum class Encoding
    {
        Gsm7,
        Ucs2
    };

    Encoding encoding = Encoding::Gsm7;
    // Unicode code points (a surrogate pair is one; "e" + combining accent is two).
    int characters = 0;
    // Septets for GSM-7 (an extension character costs two), UTF-16 code units for UCS-2.
    int units = 0;
    // Billed segments; 0 for an empty body, which the provider refuses to send.
    int segments = 0;
    // Units still free in the last segment before another segment is needed. An extension
    // character needs two, so one free septet does not make room for a '€'.
    int remainingInSegment = 0;
    // The distinct user-perceived characters (grapheme clusters) that force UCS-2, in order
    // of first appearance. Empty for GSM-7.
    QStringList nonGsmCharacters;

    // "GSM-7" or "UCS-2", the names Twilio's calculator and the CLI use.
    static QString encodingName(Encoding encoding);
};
