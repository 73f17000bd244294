// The sandbox's own control endpoint under /sandbox/ (not Twilio's namespace): inject inbound
// messages, set faults, pause the carrier, tune customers, switch Advanced Opt-Out on short
// codes, list opt-outs, seed history, save state. docs/SANDBOX.md documents each call.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

namespace sandbox {

class Router;
class SandboxServer;

class ControlResource
{
public:
    explicit ControlResource(SandboxServer &server);
    void registerRoutes(Router &router);

private:
    ApiReply info() const;
    ApiReply inbound(const ApiRequest &request);
    ApiReply faults() const;
    ApiReply setFaults(const ApiRequest &request);
    ApiReply carrier(const ApiRequest &request);
    ApiReply customers(const ApiRequest &request);
    ApiReply number(const ApiRequest &request);
    ApiReply optOuts() const;
    ApiReply seed(const ApiRequest &request);
    ApiReply save();

    SandboxServer &m_server;
};

} // namespace sandbox
