// Twilio Sync's per-object limits: reads and writes per second on one List or Map (its items
// included), each with a burst window. Modelled as two token buckets per object holding
// rate x burst seconds of requests and refilled at the rate by the sandbox clock; an empty
// bucket answers HTTP 429 with error 54009. Off unless switched on (--sync-rate-limits or
// POST /sandbox/sync-limits), so ordinary tests are never throttled.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QHash>
#include <QString>

#include <optional>

namespace sandbox {

class SandboxClock;
class SandboxState;

struct SyncRateLimits
{
    bool enabled = false;
    double readsPerSecond = 20.0;
    double writesPerSecond = 20.0;
    double burstSeconds = 10.0;
};

class SyncRateLimiter
{
public:
    SyncRateLimiter(SandboxState &state, const SandboxClock &clock);

    void setLimits(const SyncRateLimits &limits);
    const SyncRateLimits &limits() const { return m_limits; }

    // The 429 to answer instead of handling `request`, or nullopt to let it through.
    std::optional<ApiReply> admit(const ApiRequest &request);

private:
    struct Bucket
    {
        double tokens = 0.0;
        qint64 updatedMs = 0;
    };
    // The SID of the List or Map the request touches; empty for anything else.
    QString objectSid(const ApiRequest &request) const;

    SandboxState &m_state;
    const SandboxClock &m_clock;
    SyncRateLimits m_limits;
    QHash<QString, Bucket> m_buckets; // "r:" or "w:" + object SID
};

} // namespace sandbox
