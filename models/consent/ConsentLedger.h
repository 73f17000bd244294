// Current consent derived from the append-only consent events, never stored or edited:
// who may be texted from which of the account's numbers.
#pragma once

#include "ConsentEvent.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

class ConsentLedger
{
    Q_GADGET

public:
    // How far an opt-out or opt-in reaches (an account setting):
    // - PerNumber, as the provider applies it: an event concerns the number it was given
    //   to; an event recorded for every number ('' sender) concerns them all. A START to A
    //   after an account-wide opt-out lifts it for A only.
    // - AccountWide ("one STOP stops all"): every event concerns every number, so a START
    //   to A lifts an opt-out everywhere. Except a provider refusal (21610): it proves the
    //   provider blocks that one pair, so it only ever concerns its own number.
    // The setting is read when deriving, so changing it re-reads the whole history.
    enum class Scope
    {
        PerNumber,
        AccountWide
    };
    Q_ENUM(Scope)

    enum class ConsentState
    {
        Unknown,
        OptedIn,
        OptedOut
    };
    Q_ENUM(ConsentState)

    // KeywordConfirmation is the one text an opted-out customer may still receive: the
    // reply to the keyword they just sent.
    enum class MessagePurpose
    {
        KeywordConfirmation,
        Conversation,
        Campaign
    };
    Q_ENUM(MessagePurpose)

    struct Consent
    {
        ConsentState state = ConsentState::Unknown;
        std::optional<ConsentEvent> decidingEvent; // the latest event that applies
    };

    // `events` in store order (occurred_at, id); they are stably re-sorted by occurredAt so
    // that a late-recorded older event never overrides a newer one.
    ConsentLedger(QList<ConsentEvent> events, Scope scope);

    Consent consent(const QString &contactNumber, const QString &senderNumber) const;
    bool maySend(const QString &contactNumber, const QString &senderNumber,
                 MessagePurpose purpose) const;

    // The customer's events, oldest first (for the contact panel's consent history).
    QList<ConsentEvent> eventsFor(const QString &contactNumber) const;

    Scope scope() const { return m_scope; }

    // Whether `event` concerns texts from `senderNumber` under `scope`.
    static bool applies(const ConsentEvent &event, const QString &senderNumber, Scope scope);

    // Settings values: per_number, account_wide. Unknown text gives nullopt.
    static QString scopeToString(Scope scope);
    static std::optional<Scope> scopeFromString(QStringView text);

private:
    QList<ConsentEvent> m_events;
    QHash<QString, QList<qsizetype>> m_byContact; // indexes into m_events, oldest first
    Scope m_scope;
};
