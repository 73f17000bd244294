// Decides which candidates of a campaign are texted and why the others are not.
#pragma once

#include "FrequencyCap.h"
#include "SuppressionReason.h"

#include <QList>
#include <QString>

#include <array>

// Each candidate is checked in the precedence order of SuppressionReason and counted once,
// under the first reason that applies:
// 1. InvalidNumber: not E.164 ("+", a non-zero digit, 7 to 15 digits in all) or flagged
//    invalid by the caller (libphonenumber's verdict belongs to the importer, not here).
// 2. Unsubscribed: the number is opted out. Consent belongs to the number, so when two
//    candidates share a number and either is opted out, both are unsubscribed.
// 3. NotTextEnabled: the number is known not to take texts (and, when the settings say so,
//    when it is not yet known to).
// 4. Duplicate: the number already belongs to an earlier candidate that passed 1-3; the
//    earlier one keeps it (whatever later checks make of it), so a number gets at most one text.
// 5. OpenSupportThread: the contact has an unresolved thread and the account suppresses those.
// 6. FrequencyCap: the account's cap does not allow another promotional text at `at`.
class AudienceFilter
{
public:
    struct Candidate
    {
        enum class Consent
        {
            Unknown,
            OptedIn,
            OptedOut
        };
        enum class TextEnabled
        {
            Unknown,
            Checking,
            Yes,
            No
        };

        qint64 contactId = 0;
        QString number; // E.164
        bool numberValid = true;
        Consent consent = Consent::Unknown;
        TextEnabled textEnabled = TextEnabled::Unknown;
        QList<qint64> recentPromotionalMSecs; // sends to this number, UTC ms
        bool hasOpenThread = false;
    };

    struct Settings
    {
        FrequencyCap frequencyCap; // default: 1 a day, 3 in 7 days
        bool suppressOpenThreads = true;
        bool requireConfirmedTextEnabled = false; // also leave out unknown/checking numbers
    };

    struct Result
    {
        QList<qsizetype> included; // indexes into the candidates, in input order
        QList<std::pair<qsizetype, SuppressionReason>> excluded; // in input order
        std::array<int, SuppressionReasonCount> counts{};

        int count(SuppressionReason reason) const { return counts[size_t(reason)]; }
        int excludedCount() const { return int(excluded.size()); }
    };

    explicit AudienceFilter(const Settings &settings);

    // `at`: when the campaign starts, in UTC ms (the frequency cap is checked against it).
    Result filter(const QList<Candidate> &candidates, qint64 at) const;

    static bool isE164(const QString &number);

private:
    Settings m_settings;
};
