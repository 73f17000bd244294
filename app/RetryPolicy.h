// When to try a failed provider request again: capped exponential backoff with jitter,
// or exactly what the provider's Retry-After asked for.
#pragma once

#include <QRandomGenerator>

#include <chrono>
#include <optional>

class RetryPolicy
{
public:
    struct Settings
    {
        std::chrono::milliseconds base{1000};
        std::chrono::milliseconds cap{std::chrono::minutes(5)};
        int maxAttempts = 8;
    };

    RetryPolicy();
    explicit RetryPolicy(Settings settings, quint32 seed = 0);

    const Settings &settings() const { return m_settings; }

    // Delay before retry number `attempt` (1 for the first retry). Half of the exponential
    // step is fixed and half random ("equal jitter"), so desktops that failed together do
    // not come back together, yet no retry comes back immediately.
    std::chrono::milliseconds delay(int attempt,
                                    std::optional<std::chrono::seconds> retryAfter = {});

    bool shouldRetry(int attempt) const { return attempt <= m_settings.maxAttempts; }

private:
    Settings m_settings;
    QRandomGenerator m_random;
};
