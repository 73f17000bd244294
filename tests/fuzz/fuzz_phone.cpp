// PhoneNumber::parse on any text in a few regions: never crashes, and whatever it accepts
// parses again to the same canonical form.
#include "FuzzInput.h"
#include "PhoneNumber.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = fuzz::text(data, size);
    for (const QString &region : {QStringLiteral("US"), QStringLiteral("GB"), QString()}) {
        const PhoneNumberParse parsed = PhoneNumber::parse(input, region);
        if (!parsed.ok())
            continue;
        const QString canonical = parsed.number.canonical();
        const PhoneNumberParse again = PhoneNumber::parse(canonical, region);
        if (!again.ok() || again.number.canonical() != canonical)
            std::abort();
        (void)PhoneNumber::displayForm(canonical);
    }
    return 0;
}
