#include "KeywordClaims.h"

#include "AppLogging.h"

#include <QDateTime>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxBackoffMs = 60'000;
constexpr int FinishAttempts = 6;
constexpr qint64 WaitPollMs = 2000;

OutboxClaimGate::Verdict verdict(OutboxClaimGate::Verdict::Kind kind, qint64 retryAtMs = 0)
{
    OutboxClaimGate::Verdict v;
    v.kind = kind;
    v.retryAtMs = retryAtMs;
    return v;
}

bool isPreconditionFailed(const ProviderError &error)
{
    return error.httpStatus() == 412 || error.twilioCode() == 54205;
}

} // namespace

KeywordClaims::KeywordClaims(ProviderClient *client, QString deskId, QString deskName,
                             QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_deskId(std::move(deskId))
    , m_deskName(std::move(deskName))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    bool ok = false;
    const qint64 fromEnv = qEnvironmentVariableIntValue("SMSDESK_CLAIM_LEASE_MS", &ok);
    setLease(std::chrono::milliseconds(ok && fromEnv > 0 ? fromEnv : DefaultLease.count()));
}

void KeywordClaims::setLease(std::chrono::milliseconds lease)
{
    m_leaseMs = lease.count();
    // A post must land well inside the lease: the request timeout (30 s) and some clock skew
    // fit in half of the default lease.
    m_marginMs = m_leaseMs / 2;
}

bool KeywordClaims::isConflict(const ProviderError &error) const
{
    return error.httpStatus() == 409 || error.twilioCode() == 54208;
}

KeywordClaim KeywordClaims::mine(const QString &state) const
{
    KeywordClaim claim;
    claim.holder = m_deskId;
    claim.holderName = m_deskName;
    claim.state = state;
    claim.leaseUntilMs = now() + m_leaseMs;
    return claim;
}

void KeywordClaims::open(std::function<void(const std::optional<ProviderError> &)> then)
{
    if (!m_serviceSid.isEmpty()) {
        then(std::nullopt);
        return;
    }
    ++m_requests;
    m_client->findOrCreateSyncService(
        ServiceName, this, [this, then](const ProviderResult<SyncService> &service) {
            if (!service.ok()) {
                then(service.error());
                return;
            }
            const QString sid = service.value().sid;
            ++m_requests;
            m_client->findOrCreateSyncMap(sid, MapName, this,
                                          [this, sid, then](const ProviderResult<SyncList> &map) {
                                              if (!map.ok()) {
                                                  then(map.error());
                                                  return;
                                              }
                                              m_serviceSid = sid;
                                              then(std::nullopt);
                                          });
        });
}

void KeywordClaims::claim(const OutboxRow &row, QObject *context, Done done)
{
    const Ask ask{row, claimKey(row), context, std::move(done)};
    open([this, ask](const std::optional<ProviderError> &error) {
        if (error)
            waitAfter(ask, *error);
        else if (m_existing.contains(ask.key))
            inspect(ask); // asked before: a create would only fail (and count as a write)
        else
            create(ask);
    });
}

void KeywordClaims::create(const Ask &ask)
{
    ++m_requests;
    // Renewals, takeovers and the final state are updates without a TTL: the item keeps the
    // expiry it was created with.
    m_client->createMapItem(
        m_serviceSid, MapName, ask.key, mine(KeywordClaim::Claimed).toJson(),
        int(m_itemTtl.count()), this, [this, ask](const ProviderResult<SyncMapItem> &created) {
            if (created.ok()) {
                m_failures = 0;
                qCDebug(lcOutbox) << "claimed keyword" << ask.key;
                answer(ask, verdict(Verdict::Kind::Send));
                return;
            }
            if (isConflict(created.error())) {
                m_existing.insert(ask.key);
                inspect(ask);
                return;
            }
            if (created.error().httpStatus() == 404)
                m_serviceSid.clear(); // the map (or service) is gone: find or create it again
            waitAfter(ask, created.error());
        });
}

void KeywordClaims::inspect(const Ask &ask)
{
    ++m_requests;
    m_client->fetchMapItem(m_serviceSid, MapName, ask.key, this,
                           [this, ask](const ProviderResult<SyncMapItem> &item) {
                               if (item.ok()) {
                                   act(ask, item.value());
                                   return;
                               }
                               if (item.error().httpStatus() == 404) {
                                   m_existing.remove(ask.key);
                                   create(ask); // deleted between our create and our read
                                   return;
                               }
                               waitAfter(ask, item.error());
                           });
}

void KeywordClaims::act(const Ask &ask, const SyncMapItem &item)
{
    m_failures = 0;
    const KeywordClaim claim = KeywordClaim::fromJson(item.data);
    switch (claim.next(m_deskId, now(), m_marginMs)) {
    case KeywordClaim::Next::Send:
        answer(ask, verdict(Verdict::Kind::Send));
        return;
    case KeywordClaim::Next::Settled:
        settle(ask, claim);
        return;
    case KeywordClaim::Next::Reconcile:
        reconcile(ask, item);
        return;
    case KeywordClaim::Next::Renew: {
        KeywordClaim renewed = mine(claim.state);
        write(ask, item, renewed);
        return;
    }
    case KeywordClaim::Next::TakeOver:
        qCInfo(lcOutbox) << "taking over keyword" << ask.key << "from" << claim.holderName
                         << claim.holder << "(lease ran out)";
        write(ask, item, mine(KeywordClaim::Reconciling));
        return;
    case KeywordClaim::Next::Wait:
        break;
    }
    Verdict wait = verdict(Verdict::Kind::Wait);
    // A state a newer version wrote: that version answers it; look again now and then.
    const bool known =
        claim.state == KeywordClaim::Claimed || claim.state == KeywordClaim::Reconciling;
    // The holder usually says "sent" within a second: look again soon, at the latest when its
    // lease runs out.
    wait.retryAtMs =
        known ? std::min(claim.leaseUntilMs + 250, now() + WaitPollMs) : now() + MaxBackoffMs;
    answer(ask, wait);
}

void KeywordClaims::write(const Ask &ask, const SyncMapItem &item, const KeywordClaim &claim)
{
    ++m_requests;
    m_client->updateMapItem(m_serviceSid, MapName, ask.key, claim.toJson(), item.revision, this,
                            [this, ask](const ProviderResult<SyncMapItem> &updated) {
                                if (updated.ok()) {
                                    act(ask, updated.value());
                                    return;
                                }
                                // Another desktop wrote first: look again at what it wrote.
                                if (isPreconditionFailed(updated.error()) ||
                                    updated.error().httpStatus() == 404) {
                                    inspect(ask);
                                    return;
                                }
                                waitAfter(ask, updated.error());
                            });
}

void KeywordClaims::reconcile(const Ask &ask, const SyncMapItem &item)
{
    // Replies count from the inbound message on (the provider's clock on both sides).
    const QDateTime fallback = item.dateCreated;
    m_client->fetchMessage(ask.key, this,
                           [this, ask, fallback](const ProviderResult<ProviderMessage> &inbound) {
                               if (inbound.ok() && inbound.value().dateCreated.isValid()) {
                                   lookForReply(ask, inbound.value().dateCreated);
                                   return;
                               }
                               if (inbound.ok() || inbound.error().httpStatus() == 404) {
                                   lookForReply(ask, fallback);
                                   return;
                               }
                               waitAfter(ask, inbound.error());
                           });
}

void KeywordClaims::lookForReply(const Ask &ask, const QDateTime &since)
{
    MessageFilter filter;
    filter.from = ask.row.from;
    filter.to = ask.row.to;
    filter.pageSize = 50; // newest first: a reply to this inbound is among the latest
    m_client->listMessages(
        filter, this, [this, ask, since](const ProviderResult<MessagePage> &page) {
            if (!page.ok()) {
                waitAfter(ask, page.error());
                return;
            }
            for (const ProviderMessage &message : page.value().items) {
                if (message.direction == u"inbound"_s)
                    continue;
                if (since.isValid() && message.dateCreated.isValid() && message.dateCreated < since)
                    continue;
                qCInfo(lcOutbox) << "keyword" << ask.key << "was answered before the takeover as"
                                 << message.sid;
                KeywordClaim sent = mine(KeywordClaim::Sent);
                sent.sid = message.sid;
                finish(ask.key, sent, 0);
                sent.holder.clear(); // sent by the desktop that held it before
                sent.holderName.clear();
                settle(ask, sent);
                return;
            }
            answer(ask, verdict(Verdict::Kind::Send));
        });
}

void KeywordClaims::settle(const Ask &ask, const KeywordClaim &claim)
{
    m_existing.remove(ask.key); // never asked again: the outbox is done with it
    Verdict settled = verdict(Verdict::Kind::Settled);
    settled.sid = claim.state == KeywordClaim::Sent ? claim.sid : QString();
    const QString who = claim.holderName.isEmpty() ? tr("another desktop of the team")
                                                   : tr("%1's desktop").arg(claim.holderName);
    if (claim.holder == m_deskId)
        settled.sentBy = u"system"_s; // ours after all (a restart found it)
    else
        settled.sentBy =
            claim.holderName.isEmpty() ? tr("Team") : tr("Team: %1").arg(claim.holderName);
    if (settled.sid.isEmpty())
        settled.reason =
            tr("Not sent from here: %1 could not send it (%2)")
                .arg(who, claim.reason.isEmpty() ? tr("no reason given") : claim.reason);
    answer(ask, settled);
}

void KeywordClaims::answer(const Ask &ask, const Verdict &verdict)
{
    if (ask.context && ask.done)
        ask.done(verdict);
}

void KeywordClaims::waitAfter(const Ask &ask, const ProviderError &error)
{
    ++m_failures;
    const int backoff = std::min(MaxBackoffMs, 1000 << std::min(m_failures - 1, 6));
    const int delay = error.retryAfterSeconds() ? *error.retryAfterSeconds() * 1000 : backoff;
    qCInfo(lcOutbox).noquote() << "keyword reply" << ask.key << "waits" << delay
                               << "ms: cannot reach the team's claims:" << error.displayMessage();
    Verdict wait = verdict(Verdict::Kind::Wait);
    wait.retryAtMs = now() + delay;
    answer(ask, wait);
}

void KeywordClaims::posted(const OutboxRow &row, const QString &sid)
{
    m_existing.remove(claimKey(row));
    KeywordClaim sent = mine(KeywordClaim::Sent);
    sent.sid = sid;
    finish(claimKey(row), sent, 0);
}

void KeywordClaims::refused(const OutboxRow &row, const QString &reason)
{
    m_existing.remove(claimKey(row));
    KeywordClaim refusal = mine(KeywordClaim::Refused);
    refusal.reason = reason;
    finish(claimKey(row), refusal, 0);
}

void KeywordClaims::finish(const QString &key, const KeywordClaim &claim, int attempt)
{
    // Only the holder posts, so no If-Match: whatever is there, this is how it ended. When it
    // cannot be written, the others wait for the lease and then find the reply themselves.
    const auto retry = [this, key, claim, attempt](const ProviderError &error) {
        if (attempt + 1 >= FinishAttempts || !error.isTransient()) {
            qCWarning(lcOutbox).noquote() << "could not record the end of keyword" << key
                                          << "in the team's claims:" << error.displayMessage();
            return;
        }
        QTimer::singleShot(std::min(MaxBackoffMs, 1000 << attempt), this,
                           [this, key, claim, attempt] { finish(key, claim, attempt + 1); });
    };
    open([this, key, claim, retry](const std::optional<ProviderError> &error) {
        if (error) {
            retry(*error);
            return;
        }
        ++m_requests;
        m_client->updateMapItem(m_serviceSid, MapName, key, claim.toJson(), QString(), this,
                                [retry](const ProviderResult<SyncMapItem> &updated) {
                                    if (!updated.ok())
                                        retry(updated.error());
                                });
    });
}
