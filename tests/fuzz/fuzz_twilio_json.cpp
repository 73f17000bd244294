// The provider's JSON as the client reads it: any body through every page and resource
// reader. Errors are fine; crashes and hangs are not.
#include "FuzzInput.h"
#include "TwilioJson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto object = TwilioJson::object(fuzz::bytes(data, size));
    if (!object.ok())
        return 0;
    const QJsonObject &json = object.value();
    (void)TwilioJson::message(json);
    (void)TwilioJson::messagePage(json);
    (void)TwilioJson::incomingNumberPage(json);
    (void)TwilioJson::shortCodePage(json);
    (void)TwilioJson::account(json);
    (void)TwilioJson::lineTypeLookup(json);
    (void)TwilioJson::mapItemPage(json);
    (void)TwilioJson::servicePage(json);
    (void)TwilioJson::listItemPage(json);
    (void)TwilioJson::apiKeyPage(json);
    (void)TwilioJson::newApiKey(json);
    return 0;
}
