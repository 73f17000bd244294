// The simulated carrier: one queue per sender number, drained at the sender type's rate in
// segments per second (sandbox time), moving messages queued -> sending -> sent -> delivered,
// or to undelivered/failed by the recipient's documented rule (PhoneRules::outcome).
#pragma once

#include <QHash>
#include <QObject>

#include <deque>

namespace sandbox {

class SandboxClock;
class SandboxState;
class Scheduler;
struct SandboxOptions;
struct SenderNumber;

class Carrier : public QObject
{
    Q_OBJECT
public:
    Carrier(SandboxState &state, Scheduler &scheduler, const SandboxClock &clock,
            const SandboxOptions &options, QObject *parent = nullptr);

    // Segments per second for a sender (nullptr: Twilio's magic test sender, a long code).
    double rateFor(const SenderNumber *sender) const;
    // Segments the sender's queue may hold (rate x the configured queue duration).
    qint64 capacityFor(const SenderNumber *sender) const;
    qint64 queuedSegments(const QString &sender) const;

    void enqueue(quint32 messageId, const QString &sender, double rate);
    // After loading saved state: queued/sending messages queue again, sent ones get their
    // delivery receipt.
    void restore(quint32 messageId, double rate);

    // A paused carrier accepts messages but sends nothing (tests of queue limits use it).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    static constexpr qint32 kPricePerSegmentMicros = -7900; // $0.0079 per segment

Q_SIGNALS:
    // An outbound message reached the handset (customers may reply to it).
    void delivered(quint32 messageId, qint64 atMs);

private:
    struct Queue
    {
        std::deque<quint32> pending;
        qint64 segments = 0;
        double busyUntilMs = 0.0;
        double rate = 1.0;
        bool armed = false;
    };
    void pump(const QString &sender, qint64 nowMs);
    void startNext(const QString &sender, qint64 dueMs);
    void finish(quint32 messageId, qint64 dueMs);

    SandboxState &m_state;
    Scheduler &m_scheduler;
    const SandboxClock &m_clock;
    const SandboxOptions &m_options;
    QHash<QString, Queue> m_queues;
    bool m_paused = false;
};

} // namespace sandbox
