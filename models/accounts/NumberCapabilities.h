// What one of our numbers can do, from the capabilities the provider reports for it
// (sender_numbers.capabilities, {"sms":…,"mms":…,"voice":…}).
#pragma once

#include <QString>

namespace NumberCapabilities {

// False only when the provider says the number cannot send texts (a voice-only number):
// sending from it fails with 21606. A number whose capabilities are not known (added by
// hand, an old profile) is taken to text.
bool canText(const QString &capabilitiesJson);

} // namespace NumberCapabilities
