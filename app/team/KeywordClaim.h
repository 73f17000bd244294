// One item of the team's keyword-claims map (keyed by the inbound message's sid): which desktop
// answers that inbound keyword, until when its lease runs, and how it ended. Also the rule
// every desktop applies to an item it finds there, so they all agree on who sends.
#pragma once

#include <QJsonObject>
#include <QString>

struct KeywordClaim
{
    static inline const QString Claimed = QStringLiteral("claimed");
    // Taken over from a holder whose lease ran out: the provider's messages are looked at
    // before anything is sent (the old holder may have sent it and died before saying so).
    static inline const QString Reconciling = QStringLiteral("reconciling");
    static inline const QString Sent = QStringLiteral("sent");
    static inline const QString Refused = QStringLiteral("refused");

    QString holder;     // the desk id (profile UUID) of the desktop answering it
    QString holderName; // its agent's name, for the thread of the others
    QString state = Claimed;
    qint64 leaseUntilMs = 0; // wall clock of the holder
    QString sid;             // Sent: the reply's provider sid
    QString reason;          // Refused: why

    QJsonObject toJson() const;
    static KeywordClaim fromJson(const QJsonObject &json);

    enum class Next
    {
        Send,      // ours, with enough lease left for a post to land inside it
        Renew,     // ours, but the lease is (nearly) out: extend it first (If-Match)
        Reconcile, // ours after a takeover: look at the provider's messages first
        Wait,      // another desktop's, still leased: ask again after leaseUntilMs
        TakeOver,  // another desktop's, lease expired: take it (If-Match), then reconcile
        Settled,   // sent or refused already: nothing to send
    };
    // `marginMs`: the longest a post may take after the check (the request timeout and the
    // clock skew between desktops), so a holder never posts after another could take over.
    Next next(const QString &us, qint64 nowMs, qint64 marginMs) const;
};
