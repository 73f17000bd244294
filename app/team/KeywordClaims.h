// The team's claims on inbound keywords, on Twilio Sync: before a desktop posts the reply to an
// inbound HELP/STOP/…, it holds the claim for that inbound message in the map
// `keyword-claims` (created in the team's Sync service when missing), so exactly one desktop
// of the team answers it. A claim whose holder died is taken over after its lease with
// If-Match, and the provider's messages are read before sending (the holder may have sent it
// and died before saying so). Sync unreachable or rate limited: the reply waits, it is never
// sent without a claim. Costs per reply: one create and one update (plus a fetch on a
// collision, an update per renewal or takeover).
#pragma once

#include "KeywordClaim.h"
#include "OutboxClaimGate.h"
#include "ProviderClient.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <chrono>
#include <functional>
#include <optional>

class KeywordClaims : public QObject, public OutboxClaimGate
{
    Q_OBJECT

public:
    static inline const QString ServiceName = QStringLiteral("smsdesk");
    static inline const QString MapName = QStringLiteral("keyword-claims");
    static constexpr std::chrono::milliseconds DefaultLease{90'000};
    // How long a claim item lives in the map (Sync deletes it then), so the map does not grow
    // with every keyword ever answered: far beyond the lease and the reply window (a reply
    // older than that window is never sent, so nobody asks for its claim any more).
    static constexpr std::chrono::seconds DefaultItemTtl{7 * 24 * 3600};

    // `deskId` names this desktop in the claims (its profile UUID), `deskName` is shown to the
    // others when this desktop sent a reply. The lease comes from SMSDESK_CLAIM_LEASE_MS when
    // set (tests), else DefaultLease.
    KeywordClaims(ProviderClient *client, QString deskId, QString deskName,
                  QObject *parent = nullptr);

    // The lease, and how much of it must be left to post (half of it by default).
    void setLease(std::chrono::milliseconds lease);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // The claim items' time to live (tests shorten it).
    void setItemTtl(std::chrono::seconds ttl) { m_itemTtl = ttl; }
    std::chrono::seconds itemTtl() const { return m_itemTtl; }

    void claim(const OutboxRow &row, QObject *context, Done done) override;
    void posted(const OutboxRow &row, const QString &sid) override;
    void refused(const OutboxRow &row, const QString &reason) override;

    // Sync requests made so far (for the bench: requests per keyword handled).
    int syncRequests() const { return m_requests; }

private:
    struct Ask
    {
        OutboxRow row;
        QString key;
        QPointer<QObject> context;
        Done done;
    };
    void open(std::function<void(const std::optional<ProviderError> &)> then);
    void create(const Ask &ask);
    void inspect(const Ask &ask);
    void act(const Ask &ask, const SyncMapItem &item);
    void write(const Ask &ask, const SyncMapItem &item, const KeywordClaim &claim);
    void reconcile(const Ask &ask, const SyncMapItem &item);
    void lookForReply(const Ask &ask, const QDateTime &since);
    void settle(const Ask &ask, const KeywordClaim &claim);
    void answer(const Ask &ask, const Verdict &verdict);
    void waitAfter(const Ask &ask, const ProviderError &error);
    void finish(const QString &key, const KeywordClaim &claim, int attempt);
    KeywordClaim mine(const QString &state) const;
    bool isConflict(const ProviderError &error) const;
    qint64 now() const { return m_now(); }

    ProviderClient *m_client;
    QString m_deskId;
    QString m_deskName;
    qint64 m_leaseMs;
    qint64 m_marginMs;
    std::chrono::seconds m_itemTtl = DefaultItemTtl;
    std::function<qint64()> m_now;
    QString m_serviceSid;     // empty until opened
    QSet<QString> m_existing; // keys found taken: read, not created, next time
    int m_failures = 0;       // consecutive Sync failures: the backoff
    int m_requests = 0;
};
