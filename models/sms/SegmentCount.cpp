#include "SegmentCount.h"

using namespace Qt::StringLiterals;

QString SegmentCount::encodingName(Encoding encoding)
{
    return encoding == Encoding::Gsm7 ? u"GSM-7"_s : u"UCS-2"_s;
}
