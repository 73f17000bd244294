// Twilio's default opt-out keywords for an inbound message: STOP & co. record an opt-out for
// the (our number, customer) pair, START & co. lift it, HELP & co. get the help text. Only a
// message that is exactly one keyword counts (case-insensitive, surrounding spaces ignored);
// on a shared short code the provider keyword comes first ("DESK STOP").
#pragma once

#include <QString>

namespace sandbox {

struct SenderNumber;
class SandboxState;

class KeywordResponder
{
public:
    enum class Kind
    {
        None,
        OptOut,
        OptIn,
        Help
    };
    struct Action
    {
        Kind kind = Kind::None;
        QString reply; // the confirmation or help text to send back; empty = none
    };

    static Kind classify(const SenderNumber &ours, const QString &body);
    static QString replyFor(Kind kind);

    explicit KeywordResponder(SandboxState &state);
    // Records the opt-out/opt-in and tells what to answer.
    Action handle(const SenderNumber &ours, const QString &customer, const QString &body);

private:
    SandboxState &m_state;
};

} // namespace sandbox
