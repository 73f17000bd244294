#include "KeywordConsentSharing.h"

#include "AppLogging.h"
#include "ConsentEvent.h"
#include "KeywordClaims.h"
#include "KeywordConsentOps.h"
#include "StoreWriter.h"
#include "TeamLogWriter.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int BatchSize = 20; // a round's Sync writes stay well inside the map's 20/s
constexpr int MaxBackoffMs = 60'000;

} // namespace

KeywordConsentSharing::KeywordConsentSharing(StoreWriter *writer, ProviderClient *client,
                                             qint64 accountId, Desk desk, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_client(client)
    , m_accountId(accountId)
    , m_desk(std::move(desk))
{
    bool ok = false;
    const qint64 lease = qEnvironmentVariableIntValue("SMSDESK_CLAIM_LEASE_MS", &ok);
    if (ok && lease > 0)
        m_leaseMs = lease;
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &KeywordConsentSharing::shareNow);
}

KeywordClaim KeywordConsentSharing::mine(const QString &state) const
{
    KeywordClaim claim;
    claim.holder = m_desk.id;
    claim.holderName = m_desk.name;
    claim.state = state;
    claim.leaseUntilMs = nowMs() + m_leaseMs;
    return claim;
}

void KeywordConsentSharing::shareNow()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    const qint64 account = m_accountId;
    const qint64 since = nowMs() - std::chrono::milliseconds(Horizon).count();
    m_writer->post(
        [account, since](WriterContext &context) {
            return context.repo<KeywordConsentOps>().recordedHere(account, since, 500);
        },
        this,
        [this](const std::optional<QList<ConsentEvent>> &events) {
            m_queue.clear();
            const qint64 now = nowMs();
            qint64 soonest = 0;
            for (const ConsentEvent &event : events.value_or(QList<ConsentEvent>())) {
                if (m_done.contains(event.messageSid))
                    continue;
                const qint64 notBefore = m_later.value(event.messageSid, 0);
                if (notBefore > now) {
                    soonest = soonest == 0 ? notBefore : std::min(soonest, notBefore);
                    continue;
                }
                if (m_queue.size() < BatchSize)
                    m_queue.append(event);
            }
            if (soonest > 0 && !m_retry.isActive())
                m_retry.start(int(std::max<qint64>(100, soonest - now)));
            next();
        });
}

void KeywordConsentSharing::next()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        Q_EMIT idle();
        if (m_again) {
            m_again = false;
            shareNow();
        }
        return;
    }
    const ConsentEvent event = m_queue.takeFirst();
    open([this, event](bool ok) {
        if (ok)
            claim(event);
    });
}

void KeywordConsentSharing::open(std::function<void(bool)> then)
{
    if (!m_serviceSid.isEmpty()) {
        then(true);
        return;
    }
    m_client->findOrCreateSyncService(
        KeywordClaims::ServiceName, this, [this, then](const ProviderResult<SyncService> &service) {
            if (!service.ok()) {
                giveUpRound(service.error());
                return;
            }
            const QString sid = service.value().sid;
            m_client->findOrCreateSyncMap(sid, KeywordClaims::MapName, this,
                                          [this, sid, then](const ProviderResult<SyncList> &map) {
                                              if (!map.ok()) {
                                                  giveUpRound(map.error());
                                                  return;
                                              }
                                              m_serviceSid = sid;
                                              then(true);
                                          });
        });
}

void KeywordConsentSharing::claim(const ConsentEvent &event)
{
    m_client->createMapItem(m_serviceSid, KeywordClaims::MapName, claimKey(event.messageSid),
                            mine(KeywordClaim::Claimed).toJson(), int(m_itemTtl.count()), this,
                            [this, event](const ProviderResult<SyncMapItem> &created) {
                                if (created.ok()) {
                                    record(event);
                                    return;
                                }
                                const ProviderError &error = created.error();
                                if (error.httpStatus() == 409 || error.twilioCode() == 54208) {
                                    inspect(event, true);
                                    return;
                                }
                                giveUpRound(error);
                            });
}

void KeywordConsentSharing::inspect(const ConsentEvent &event, bool afterConflict)
{
    m_client->fetchMapItem(
        m_serviceSid, KeywordClaims::MapName, claimKey(event.messageSid), this,
        [this, event, afterConflict](const ProviderResult<SyncMapItem> &item) {
            if (!item.ok()) {
                if (item.error().httpStatus() == 404 && afterConflict) {
                    claim(event); // expired or deleted between the two: ask again
                    return;
                }
                giveUpRound(item.error());
                return;
            }
            m_failures = 0;
            const KeywordClaim found = KeywordClaim::fromJson(item.value().data);
            switch (found.next(m_desk.id, nowMs(), 0)) {
            case KeywordClaim::Next::Settled:
                done(event.messageSid); // appended by whoever holds it
                return;
            case KeywordClaim::Next::Send:
            case KeywordClaim::Next::Renew:
            case KeywordClaim::Next::Reconcile:
                record(event); // ours: a run of this desktop died before appending it
                return;
            case KeywordClaim::Next::Wait:
                later(event.messageSid, found.leaseUntilMs + 250);
                return;
            case KeywordClaim::Next::TakeOver:
                break;
            }
            if (!afterConflict) { // lost a takeover race already: leave it to the winner
                later(event.messageSid, nowMs() + m_leaseMs);
                return;
            }
            qCInfo(lcOutbox) << "taking over the consent of" << event.messageSid << "from"
                             << found.holderName << "(lease ran out)";
            m_client->updateMapItem(m_serviceSid, KeywordClaims::MapName,
                                    claimKey(event.messageSid),
                                    mine(KeywordClaim::Claimed).toJson(), item.value().revision,
                                    this, [this, event](const ProviderResult<SyncMapItem> &taken) {
                                        if (taken.ok())
                                            record(event);
                                        else if (taken.error().httpStatus() == 412 ||
                                                 taken.error().twilioCode() == 54205)
                                            inspect(event, false);
                                        else
                                            giveUpRound(taken.error());
                                    });
        });
}

void KeywordConsentSharing::record(const ConsentEvent &event)
{
    TeamOp op = TeamOp::consent(event);
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.agent = m_desk.agentId;
    op.desk = m_desk.id;
    const qint64 account = m_accountId;
    m_writer->post(
        [account, op](WriterContext &context) {
            // Applied here it changes nothing (the event is in this ledger already): it is
            // queued for the team log in the same transaction.
            return context.repo<TeamLogWriter>().recordLocal(account, op, nowMs()).has_value();
        },
        this,
        [this, event](bool queued) {
            if (!queued) {
                later(event.messageSid, nowMs() + 5000);
                return;
            }
            qCInfo(lcOutbox) << "consent from keyword" << event.detail << "in" << event.messageSid
                             << "shared with the team";
            KeywordClaim logged = mine(KeywordClaim::Sent);
            m_client->updateMapItem(m_serviceSid, KeywordClaims::MapName,
                                    claimKey(event.messageSid), logged.toJson(), QString(), this,
                                    [](const ProviderResult<SyncMapItem> &) {});
            Q_EMIT shared(event.messageSid);
            done(event.messageSid);
        });
}

void KeywordConsentSharing::done(const QString &sid)
{
    m_done.insert(sid);
    m_later.remove(sid);
    next();
}

void KeywordConsentSharing::later(const QString &sid, qint64 atMs)
{
    m_later.insert(sid, atMs);
    if (!m_retry.isActive() || m_retry.remainingTime() > atMs - nowMs())
        m_retry.start(int(std::max<qint64>(100, atMs - nowMs())));
    next();
}

void KeywordConsentSharing::giveUpRound(const ProviderError &error)
{
    // Sync unreachable or rate limited: the whole round waits (1 s doubling to 60 s, or the
    // provider's Retry-After); the events stay recorded here meanwhile.
    ++m_failures;
    const int backoff = std::min(MaxBackoffMs, 1000 << std::min(m_failures - 1, 6));
    const int delay = error.retryAfterSeconds() ? *error.retryAfterSeconds() * 1000 : backoff;
    if (error.httpStatus() == 404)
        m_serviceSid.clear();
    qCInfo(lcOutbox).noquote() << "keyword consent waits" << delay
                               << "ms: cannot reach the team's claims:" << error.displayMessage();
    m_queue.clear();
    m_running = false;
    m_retry.start(delay);
    Q_EMIT idle();
}
