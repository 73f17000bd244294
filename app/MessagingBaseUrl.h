// Where Messaging v1 (Messaging Services) lives for an account's API base URL: Twilio's
// messaging.twilio.com (messaging.<region>.twilio.com for a regional api host); any other base
// (the sandbox, a proxy) serves it under "<base>/messaging", because its /v1/Services path is
// also Sync's there.
#pragma once

#include <QUrl>

namespace MessagingBaseUrl {

QUrl forApi(const QUrl &apiBaseUrl);
// The base that the provider's absolute next-page URLs are moved onto (TwilioUrl::rebase):
// their paths already carry the "/messaging" prefix where there is one.
QUrl pageBaseForApi(const QUrl &apiBaseUrl);

} // namespace MessagingBaseUrl
