// What a real Twilio account does to an outbound body before sending it: a trial account
// prefixes "Sent from your Twilio trial account - ", and Smart Encoding replaces Unicode
// look-alikes (curly quotes, dashes, ellipsis, odd spaces) with their GSM-7 forms so the text
// is not sent as UCS-2. The stored and listed body is the rewritten one, which is what a
// client's lost-answer check has to recognise.
#pragma once

#include <QString>

namespace sandbox {

class BodyRewriter
{
public:
    static QString trialPrefix();
    static QString smartEncode(const QString &body);
    static QString rewrite(const QString &body, bool trialAccount, bool smartEncoding);
};

} // namespace sandbox
