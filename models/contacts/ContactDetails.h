// Everything the contact panel shows about one customer of one account, read in one go.
#pragma once

#include "ConsentEvent.h"
#include "ConsentLedger.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class ContactDetails
{
public:
    struct SenderConsent
    {
        QString senderNumber;  // ours, canonical
        QString senderDisplay; // formatted
        QString senderLabel;
        ConsentLedger::ConsentState state = ConsentLedger::ConsentState::Unknown;
    };

    struct OtherThread
    {
        qint64 threadId = 0;
        QString senderNumber;
        QString senderDisplay;
        QString senderLabel;
        QString status;           // open / resolved
        qint64 lastMessageAt = 0; // ms since the epoch; 0 when no message yet
        QString preview;
    };

    qint64 accountId = 0;
    QString number;             // canonical
    QString numberDisplay;      // formatted for people
    bool hasContactRow = false; // false: nothing is known beyond the threads
    QString name;
    QString lineType;                // Lookup line type; '' when never looked up
    QString textEnabled;             // unknown / checking / yes / no
    QString textEnabledSource;       // lookup, reply, delivery_error, agent, import; ''
    qint64 textEnabledCheckedAt = 0; // ms; 0 when never
    QStringList tags;
    QVariantMap attributes;
    QList<ConsentEvent> consentHistory; // oldest first
    QList<SenderConsent> consentBySender;
    // The customer's threads in this account except `exceptThreadId`, newest first.
    QList<OtherThread> otherThreads;

    // Reads the customer's details within the account only. nullopt on a database error
    // (*error says why); a customer without a contact row still gets a result.
    static std::optional<ContactDetails> load(QSqlDatabase db, qint64 accountId,
                                              const QString &customerNumber, qint64 exceptThreadId,
                                              QString *error);

    // People's wording for a consent state: "Subscribed", "Unsubscribed", "No record".
    static QString stateText(ConsentLedger::ConsentState state);
};
