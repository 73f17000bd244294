#include "CustomerSimulator.h"

#include "MessageDispatcher.h"
#include "SandboxState.h"
#include "Scheduler.h"
#include "sandbox/SandboxOptions.h"

using namespace Qt::StringLiterals;

namespace sandbox {

CustomerSimulator::CustomerSimulator(SandboxState &state, MessageDispatcher &dispatcher,
                                     Scheduler &scheduler, const SandboxOptions &options,
                                     quint64 seed, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_dispatcher(dispatcher)
    , m_scheduler(scheduler)
    , m_options(options)
    , m_random(quint32(seed ^ (seed >> 32) ^ 0xC0FFEEu))
    , m_replyRate(options.effectiveReplyRate())
{}

QString CustomerSimulator::pickReply(quint32 roll, quint32 variant)
{
    // roll in [0, 100): 10 STOP, 5 HELP, 35 a question, 50 an ordinary answer.
    static const char *const questions[] = {
        "What time do you open tomorrow?", "Can I reschedule to Friday?",
        "Is my order shipped yet?", "How much is the delivery fee?"};
    static const char *const answers[] = {"Thanks!", "Sounds good, see you then.", "Ok 👍",
                                          "Got it, thank you", "Perfect"};
    if (roll < 10)
        return variant % 2 ? u"stop"_s : u"STOP"_s;
    if (roll < 15)
        return u"HELP"_s;
    if (roll < 50)
        return QString::fromUtf8(questions[variant % 4]);
    return QString::fromUtf8(answers[variant % 5]);
}

void CustomerSimulator::onDelivered(quint32 messageId, qint64 atMs)
{
    const StoredMessage &message = m_state.messages.at(messageId);
    if (message.direction != MessageDirection::OutboundApi)
        return;
    if (m_random.generateDouble() >= m_replyRate)
        return;
    const qint64 span = qMax<qint64>(0, m_options.replyDelayMaxMs - m_options.replyDelayMinMs);
    qint64 delay =
        m_options.replyDelayMinMs +
        (span > 0 ? qint64(m_random.bounded(quint32(qMin<qint64>(span, 0x7FFFFFFF)))) : 0);
    if (m_options.demo)
        delay /= 4;
    QString text = pickReply(m_random.bounded(100u), m_random.generate());
    const QString customer = m_state.messages.number(message.to);
    const QString ours = m_state.messages.number(message.from);
    const SenderNumber *sender = m_state.numbers.find(ours);
    if (sender && sender->shared && !sender->providerKeywords.isEmpty())
        text = sender->providerKeywords.first() + u' ' + text;
    m_scheduler.at(atMs + delay, [this, customer, ours, text](qint64) {
        m_dispatcher.receiveInbound(customer, ours, text);
    });
}

void CustomerSimulator::startWalkIns(qint64 nowMs)
{
    scheduleWalkIn(nowMs);
}

void CustomerSimulator::scheduleWalkIn(qint64 fromMs)
{
    static const char *const openers[] = {"Hi, do you deliver on weekends?",
                                          "Hello! Is the store open today?",
                                          "Can I book a table for 4 tonight?",
                                          "I need help with my order", "Do you have gift cards?"};
    const qint64 delay = 45000 + qint64(m_random.bounded(75000u));
    m_scheduler.at(fromMs + delay, [this](qint64 due) {
        QList<QString> targets;
        for (const SenderNumber &n : m_state.numbers.all()) {
            if (n.sms && n.kind != SenderNumber::Kind::ShortCode)
                targets.append(n.number);
        }
        if (!targets.isEmpty()) {
            // Fictional 555-01xx numbers ending 10-79: ordinary mobiles under the line rules.
            const QString customer =
                u"+1415555%1"_s.arg(110 + m_random.bounded(70u), 4, 10, QLatin1Char('0'));
            m_dispatcher.receiveInbound(customer,
                                        targets[m_random.bounded(quint32(targets.size()))],
                                        QString::fromUtf8(openers[m_random.bounded(5u)]));
        }
        scheduleWalkIn(due);
    });
}

} // namespace sandbox
