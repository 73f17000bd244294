// Holds one sender number to its carrier throughput, counted in segments per second.
#pragma once

#include <QtGlobal>

#include <chrono>

class TokenBucket
{
public:
    using Clock = std::chrono::steady_clock;

    enum class Start
    {
        Full,  // the first `burst` segments may leave at once
        Paced, // the first message leaves at once, every later one at the rate from then on:
               // no burst at start, so a run measured from its first send stays within the
               // rate; the same again after the bucket sat full (idle), so the burst only
               // catches up a timer that fired late
    };

    // `segmentsPerSecond` is the sustained rate; `burst` how many segments may leave at once
    // after a quiet spell (at least one whole segment). The burst also lets a sender catch up
    // when its timer fires late, so the average holds on a busy machine.
    TokenBucket(double segmentsPerSecond, double burst, Clock::time_point now,
                Start start = Start::Full);

    double rate() const { return m_rate; }
    double burst() const { return m_burst; }

    // How long until a message of `segments` may go. A message larger than the burst waits
    // for a full bucket and then leaves the bucket in debt, so the average rate still holds.
    std::chrono::milliseconds delayFor(int segments, Clock::time_point now);

    // Spends the tokens of a message that is going out now.
    void consume(int segments, Clock::time_point now);

    // Tokens available now (negative while in debt).
    double available(Clock::time_point now);

private:
    void refill(Clock::time_point now);

    double m_rate;
    double m_burst;
    double m_tokens;
    Clock::time_point m_last;
    bool m_paced;
    bool m_waitingForFirst; // paced and nothing sent since the start or an idle spell
};
