// IncomingPhoneNumbers.json (long codes, toll-free) and SMS/ShortCodes.json: list and fetch.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class Router;
class SandboxState;
struct SenderNumber;

class NumbersResource
{
public:
    explicit NumbersResource(const SandboxState &state);
    void registerRoutes(Router &router);

    static QJsonObject phoneNumberJson(const SenderNumber &number, const QString &accountSid);
    static QJsonObject shortCodeJson(const SenderNumber &number, const QString &accountSid);

private:
    ApiReply listNumbers(const ApiRequest &request, bool shortCodes) const;
    ApiReply fetchNumber(const ApiRequest &request, bool shortCodes) const;

    const SandboxState &m_state;
};

} // namespace sandbox
