// Faults the sandbox injects into Twilio API answers (never into /sandbox/ control calls).
#pragma once

#include <QtGlobal>

namespace sandbox {

struct FaultSettings
{
    int latencyMs = 0;     // added to every answer (wall milliseconds)
    double rate500 = 0.0;  // share of requests answered 500 (code 20500) before any work
    double rate503 = 0.0;  // share answered 503 (code 20503) before any work
    int maxConcurrent = 0; // more requests than this in flight at once: 429 (code 20429); 0 = off
    int retryAfterSeconds =
        -1; // Retry-After header on 429; negative = no header (Twilio does not promise one)
    double dropRate =
        0.0;          // share of message creates that are carried out, then the connection closes
    int dropNext = 0; // the next N message creates are dropped that way (counts down)
};

} // namespace sandbox
