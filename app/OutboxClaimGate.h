// What the outbox asks before it posts a message only one desktop of a team may send (a keyword
// reply: every desktop of the team processes the same inbound HELP and queues the same reply,
// and Twilio has no idempotency key). The team implements it (KeywordClaims); a desktop not in
// a team has none and sends as before.
#pragma once

#include "OutboxRows.h"

#include <QObject>
#include <QString>

#include <functional>

class OutboxClaimGate
{
public:
    struct Verdict
    {
        enum class Kind
        {
            Send,    // this desktop holds the claim: post it now
            Wait,    // ask again at retryAtMs (another desktop holds it, or Sync is unreachable)
            Settled, // the team already answered (or gave up): never post it from here
        };
        Kind kind = Kind::Wait;
        qint64 retryAtMs = 0; // Wait: wall clock
        // Settled: the provider sid of the team's reply; empty when the holder's send was
        // refused for good (then `reason` says why).
        QString sid;
        QString reason;
        QString sentBy; // Settled: who sent it ("Sam's desktop"), for the thread
    };
    using Done = std::function<void(const Verdict &)>;

    virtual ~OutboxClaimGate() = default;

    // The messages that need a claim: keyword replies, whose client reference names the
    // inbound message (the same on every desktop).
    static bool needsClaim(const OutboxRow &row) { return !claimKey(row).isEmpty(); }
    // The inbound sid of a keyword reply ("keyword:SM…"); empty for anything else.
    static QString claimKey(const OutboxRow &row)
    {
        static const QString prefix = QStringLiteral("keyword:");
        if (!row.clientRef.startsWith(prefix) ||
            row.clientRef.startsWith(QStringLiteral("keyword:message:")))
            return {};
        return row.clientRef.mid(prefix.size());
    }

    // Before each post of such a message (first try and every retry). `done` runs on the
    // gate's thread unless `context` is gone.
    virtual void claim(const OutboxRow &row, QObject *context, Done done) = 0;
    // The provider accepted our post (or a reconcile found it there): the claim says so.
    virtual void posted(const OutboxRow &row, const QString &sid) = 0;
    // Our post was refused for good, or blocked here: the other desktops must not try.
    virtual void refused(const OutboxRow &row, const QString &reason) = 0;
};
