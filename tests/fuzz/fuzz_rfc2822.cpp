// RFC 2822 dates as Twilio and HTTP headers send them: any text; a date it accepts is in UTC.
#include "FuzzInput.h"
#include "Rfc2822Date.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QDateTime parsed = Rfc2822Date::parse(fuzz::text(data, size));
    if (parsed.isValid() && parsed.timeSpec() != Qt::UTC)
        std::abort();
    return 0;
}
