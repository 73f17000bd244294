// Everything that configures one sandbox instance: command-line flags map onto these fields.
#pragma once

#include <QString>

#include <optional>

namespace sandbox {

struct SandboxOptions
{
    // Time scale: 100 means one wall second is 100 sandbox seconds (carrier pacing, delivery
    // and reply delays all run 100 times faster, and timestamps advance accordingly).
    double speed = 1.0;
    // Seeds every random choice (credentials, sids, customer replies, faults). Unset: random.
    std::optional<quint64> seed;
    // Where state is saved on stop and loaded on start; empty keeps state in memory only.
    QString statePath;
    // Demo mode: lively customers (more and quicker replies).
    bool demo = false;

    // Throughput per sender type, in segments per second (Twilio's US defaults).
    double longCodeRate = 1.0;
    double tollFreeRate = 3.0;
    double shortCodeRate = 100.0;
    // How many seconds of segments a sender's queue holds before create fails with 21611.
    double queueSeconds = 10.0 * 3600.0;
    // Sandbox milliseconds between "sent" and the handset's delivery receipt.
    qint64 deliveryDelayMs = 2000;
    // Carriers that never return a receipt (common on real accounts): outbound messages stay
    // "sent" for ever.
    bool noReceipts = false;
    // A trial account: outbound bodies are prefixed "Sent from your Twilio trial account - ".
    bool trialAccount = false;
    // Smart Encoding: Unicode look-alikes in outbound bodies become their GSM-7 forms.
    bool smartEncoding = false;

    // Share of delivered outbound messages whose recipient replies, and the reply delay range
    // (sandbox milliseconds). A negative rate means "default for the mode" (0.2, demo 0.6).
    double replyRate = -1.0;
    qint64 replyDelayMinMs = 20000;
    qint64 replyDelayMaxMs = 120000;

    // Twilio Sync's per-object rate limits (429 / 54009); off so tests are not throttled.
    bool syncRateLimits = false;

    // Connections open at once; one more is answered 503 and closed.
    int maxConnections = 1024;

    // Fixed credentials (tests, reproducible demos); empty ones are generated.
    QString accountSid;
    QString authToken;

    double effectiveReplyRate() const
    {
        if (replyRate >= 0.0)
            return replyRate;
        return demo ? 0.6 : 0.2;
    }
};

} // namespace sandbox
