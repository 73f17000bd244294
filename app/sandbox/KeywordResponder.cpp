#include "KeywordResponder.h"

#include "SandboxState.h"
#include "SenderNumber.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace sandbox {

KeywordResponder::Kind KeywordResponder::classify(const SenderNumber &ours, const QString &body)
{
    if (!ours.keywordHandling())
        return Kind::None;
    QStringList words = body.simplified().toUpper().split(u' ', Qt::SkipEmptyParts);
    if (ours.shared) {
        if (words.isEmpty() || !ours.providerKeywords.contains(words.first()))
            return Kind::None;
        words.removeFirst();
    }
    if (words.size() != 1)
        return Kind::None;
    static const QStringList optOut = {u"STOP"_s, u"STOPALL"_s, u"UNSUBSCRIBE"_s, u"CANCEL"_s,
                                       u"END"_s,  u"QUIT"_s,    u"REVOKE"_s,      u"OPTOUT"_s};
    static const QStringList optIn = {u"START"_s, u"YES"_s, u"UNSTOP"_s};
    static const QStringList help = {u"HELP"_s, u"INFO"_s};
    const QString &word = words.first();
    if (optOut.contains(word))
        return Kind::OptOut;
    if (optIn.contains(word))
        return Kind::OptIn;
    if (help.contains(word))
        return Kind::Help;
    return Kind::None;
}

QString KeywordResponder::replyFor(Kind kind)
{
    // Twilio's default replies for its default keywords.
    switch (kind) {
    case Kind::OptOut:
        return u"You have successfully been unsubscribed. You will not receive any more messages "
               u"from this "
               "number. Reply START to resubscribe."_s;
    case Kind::OptIn:
        return u"You have successfully been re-subscribed to messages from this number. Reply HELP "
               u"for help. "
               "Reply STOP to unsubscribe. Msg&Data Rates May Apply."_s;
    case Kind::Help:
        return u"Reply STOP to unsubscribe. Msg&Data Rates May Apply."_s;
    case Kind::None:
        break;
    }
    return {};
}

KeywordResponder::KeywordResponder(SandboxState &state)
    : m_state(state)
{}

KeywordResponder::Action KeywordResponder::handle(const SenderNumber &ours, const QString &customer,
                                                  const QString &body)
{
    Action action;
    action.kind = classify(ours, body);
    if (action.kind == Kind::OptOut)
        m_state.setOptedOut(ours.number, customer, true);
    else if (action.kind == Kind::OptIn)
        m_state.setOptedOut(ours.number, customer, false);
    action.reply = replyFor(action.kind);
    return action;
}

} // namespace sandbox
