// Segment counting and the smart-character replacement on any text.
#include "FuzzInput.h"
#include "SegmentCounter.h"
#include "SmartCharacters.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = fuzz::text(data, size);
    const SegmentCount count = SegmentCounter::count(text);
    if (count.segments < 0 || (text.isEmpty() && count.segments > 1))
        std::abort();
    const QString gsm = SmartCharacters::replaceWithGsm(text);
    (void)SegmentCounter::count(gsm);
    return 0;
}
