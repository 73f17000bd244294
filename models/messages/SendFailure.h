// Whether sending a failed message again can succeed. The provider's error codes below say
// the same text from the same number to the same customer fails the same way every time
// (TWILIO-NOTES.md, "Error codes used by SMS Desk"); everything else (an unreachable handset,
// a full queue, an unknown error) may pass later.
#pragma once

#include <QString>

namespace SendFailure {

// 21211 invalid To, 21212 invalid From, 21606 From cannot send texts, 21610 unsubscribed,
// 21612 no route between the two numbers, 21614 To is not a mobile, 21617 body too long,
// 30005 unknown destination, 30006 landline or unreachable carrier.
bool isPermanent(int errorCode);

// A failed or undelivered message whose error is not permanent (no code: not known to be).
bool canRetry(const QString &status, int errorCode);

} // namespace SendFailure
