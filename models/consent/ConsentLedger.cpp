#include "ConsentLedger.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ConsentLedger::ConsentLedger(QList<ConsentEvent> events, Scope scope)
    : m_events(std::move(events))
    , m_scope(scope)
{
    std::stable_sort(
        m_events.begin(), m_events.end(),
        [](const ConsentEvent &a, const ConsentEvent &b) { return a.occurredAt < b.occurredAt; });
    for (qsizetype i = 0; i < m_events.size(); ++i)
        m_byContact[m_events.at(i).contactNumber].append(i);
}

bool ConsentLedger::applies(const ConsentEvent &event, const QString &senderNumber, Scope scope)
{
    if (event.concernsEveryNumber() || event.senderNumber == senderNumber)
        return true;
    return scope == Scope::AccountWide && event.source != ConsentEvent::Source::ProviderError;
}

ConsentLedger::Consent ConsentLedger::consent(const QString &contactNumber,
                                              const QString &senderNumber) const
{
    const QList<qsizetype> indexes = m_byContact.value(contactNumber);
    for (auto it = indexes.crbegin(); it != indexes.crend(); ++it) {
        const ConsentEvent &event = m_events.at(*it);
        if (!applies(event, senderNumber, m_scope))
            continue;
        const auto state = event.kind == ConsentEvent::Kind::OptIn ? ConsentState::OptedIn
                                                                   : ConsentState::OptedOut;
        return {state, event};
    }
    return {};
}

bool ConsentLedger::maySend(const QString &contactNumber, const QString &senderNumber,
                            MessagePurpose purpose) const
{
    if (purpose == MessagePurpose::KeywordConfirmation)
        return true;
    return consent(contactNumber, senderNumber).state != ConsentState::OptedOut;
}

QList<ConsentEvent> ConsentLedger::eventsFor(const QString &contactNumber) const
{
    QList<ConsentEvent> result;
    for (const qsizetype index : m_byContact.value(contactNumber))
        result.append(m_events.at(index));
    return result;
}

QString ConsentLedger::scopeToString(Scope scope)
{
    return scope == Scope::PerNumber ? u"per_number"_s : u"account_wide"_s;
}

std::optional<ConsentLedger::Scope> ConsentLedger::scopeFromString(QStringView text)
{
    for (const Scope scope : {Scope::PerNumber, Scope::AccountWide}) {
        if (text == scopeToString(scope))
            return scope;
    }
    return std::nullopt;
}
