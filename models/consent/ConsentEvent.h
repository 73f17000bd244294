// One row of the append-only consent ledger (table consent_events): a customer opted in
// or out of texts from one of the account's numbers, or from all of them.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

class ConsentEvent
{
    Q_GADGET

public:
    enum class Kind
    {
        OptIn,
        OptOut
    };
    Q_ENUM(Kind)

    // ProviderError is the provider refusing a send with 21610 (the customer's STOP is on
    // file there); `detail` carries the code. Column value: provider_error.
    enum class Source
    {
        Keyword,
        Form,
        Import,
        Agent,
        ProviderError
    };
    Q_ENUM(Source)

    QString contactNumber; // the customer, canonical form
    QString senderNumber;  // our number it concerns; '' for every number of the account
    Kind kind = Kind::OptOut;
    Source source = Source::Agent;
    QString detail;     // the keyword texted (STOP, START) or the provider code (21610)
    QString optInCopy;  // the message copy the customer saw when opting in
    QString messageSid; // the provider sid of the message that carried it, if any
    QString actor;      // agent, importer or "system"
    QString teamOpId;   // the team log op that carries it to every desktop; '' for none
    QDateTime occurredAt;

    bool concernsEveryNumber() const { return senderNumber.isEmpty(); }

    // The consent_events column values: opt_in, opt_out; keyword, form, import, agent,
    // provider_error. Unknown text gives nullopt, never a guess.
    static QString kindToString(Kind kind);
    static std::optional<Kind> kindFromString(QStringView text);
    static QString sourceToString(Source source);
    static std::optional<Source> sourceFromString(QStringView text);

    friend bool operator==(const ConsentEvent &, const ConsentEvent &) = default;
};
