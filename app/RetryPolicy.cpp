#include "RetryPolicy.h"

#include <algorithm>

RetryPolicy::RetryPolicy()
    : RetryPolicy(Settings{}, QRandomGenerator::global()->generate())
{}

RetryPolicy::RetryPolicy(Settings settings, quint32 seed)
    : m_settings(settings)
    , m_random(seed)
{}

std::chrono::milliseconds RetryPolicy::delay(int attempt,
                                             std::optional<std::chrono::seconds> retryAfter)
{
    // The provider knows its own load better than our backoff does: honour it as asked.
    if (retryAfter)
        return *retryAfter;

    const int exponent = std::clamp(attempt - 1, 0, 30);
    const qint64 step =
        std::min<qint64>(m_settings.base.count() << exponent, m_settings.cap.count());
    const qint64 half = step / 2;
    return std::chrono::milliseconds(half + qint64(m_random.bounded(quint64(half) + 1)));
}
