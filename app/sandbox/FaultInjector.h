// Decides, from seeded randomness, which fault (if any) a Twilio API request meets.
#pragma once

#include "FaultSettings.h"

#include <QRandomGenerator>

namespace sandbox {

class FaultInjector
{
public:
    enum class Fault
    {
        None,
        TooManyRequests,
        ServerError,
        ServiceUnavailable
    };

    explicit FaultInjector(quint64 seed);

    void setSettings(const FaultSettings &settings) { m_settings = settings; }
    const FaultSettings &settings() const { return m_settings; }
    void reseed(quint64 seed) { m_random.seed(quint32(seed ^ (seed >> 32))); }

    // Before the work: 429 when inFlight already reaches maxConcurrent, else 500/503 by share.
    Fault before(int inFlight);
    // After a successful message create: close the connection instead of answering?
    bool dropAfterCreate();

private:
    FaultSettings m_settings;
    QRandomGenerator m_random;
};

} // namespace sandbox
