#include "TokenBucket.h"

#include <algorithm>
#include <cmath>

TokenBucket::TokenBucket(double segmentsPerSecond, double burst, Clock::time_point now, Start start)
    : m_rate(std::max(segmentsPerSecond, 0.001))
    , m_burst(std::max(burst, 1.0))
    , m_tokens(start == Start::Full ? m_burst : 0.0)
    , m_last(now)
    , m_paced(start == Start::Paced)
    , m_waitingForFirst(m_paced)
{}

void TokenBucket::refill(Clock::time_point now)
{
    if (now <= m_last)
        return;
    if (m_waitingForFirst) {
        // Idle time before the first send earns nothing: pacing starts with that send.
        m_last = now;
        return;
    }
    const std::chrono::duration<double> elapsed = now - m_last;
    m_tokens = std::min(m_burst, m_tokens + elapsed.count() * m_rate);
    m_last = now;
    // Full means nobody asked for a whole burst's time: idle, not late. Start paced again.
    if (m_paced && m_tokens >= m_burst)
        m_waitingForFirst = true;
}

std::chrono::milliseconds TokenBucket::delayFor(int segments, Clock::time_point now)
{
    if (m_waitingForFirst)
        return std::chrono::milliseconds(0);
    refill(now);
    const double needed = std::min(double(std::max(segments, 1)), m_burst);
    if (m_tokens >= needed)
        return std::chrono::milliseconds(0);
    const double seconds = (needed - m_tokens) / m_rate;
    return std::chrono::milliseconds(qint64(std::ceil(seconds * 1000.0)));
}

void TokenBucket::consume(int segments, Clock::time_point now)
{
    refill(now);
    if (m_waitingForFirst) {
        // As if the bucket held just this message's tokens: the next one waits for its own.
        m_tokens = std::min(double(std::max(segments, 1)), m_burst);
        m_waitingForFirst = false;
    }
    m_tokens -= std::max(segments, 1);
}

double TokenBucket::available(Clock::time_point now)
{
    refill(now);
    return m_tokens;
}
