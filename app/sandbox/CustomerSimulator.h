// Simulated customers: the recipient of a delivered outbound-api message replies after a
// delay, some of the time, with an ordinary answer, a question, HELP or STOP (seeded choices).
#pragma once

#include <QObject>
#include <QRandomGenerator>

namespace sandbox {

class MessageDispatcher;
class SandboxState;
class Scheduler;
struct SandboxOptions;

class CustomerSimulator : public QObject
{
    Q_OBJECT
public:
    CustomerSimulator(SandboxState &state, MessageDispatcher &dispatcher, Scheduler &scheduler,
                      const SandboxOptions &options, quint64 seed, QObject *parent = nullptr);

    void setReplyRate(double rate) { m_replyRate = qBound(0.0, rate, 1.0); }
    double replyRate() const { return m_replyRate; }

    void onDelivered(quint32 messageId, qint64 atMs);
    // Demo mode: new customers text in on their own every 45-120 sandbox seconds.
    void startWalkIns(qint64 nowMs);

    // The reply texts, by kind; the share of each is documented in docs/SANDBOX.md.
    static QString pickReply(quint32 roll, quint32 variant);

private:
    void scheduleWalkIn(qint64 fromMs);

    SandboxState &m_state;
    MessageDispatcher &m_dispatcher;
    Scheduler &m_scheduler;
    const SandboxOptions &m_options;
    QRandomGenerator m_random;
    double m_replyRate;
};

} // namespace sandbox
