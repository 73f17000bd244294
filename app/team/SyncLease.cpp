#include "SyncLease.h"

#include "AppLogging.h"
#include "KeywordClaims.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxBackoffMs = 60'000;

bool isConflict(const ProviderError &error)
{
    return error.httpStatus() == 409 || error.twilioCode() == 54208;
}

bool isPreconditionFailed(const ProviderError &error)
{
    return error.httpStatus() == 412 || error.twilioCode() == 54205;
}

} // namespace

SyncLease::SyncLease(ProviderClient *client, QString mapName, QString deskId, QString deskName,
                     qint64 leaseMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_map(std::move(mapName))
    , m_deskId(std::move(deskId))
    , m_deskName(std::move(deskName))
    , m_leaseMs(leaseMs)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

QJsonObject SyncLease::mine() const
{
    return {{u"holder"_s, m_deskId},
            {u"holder_name"_s, m_deskName},
            {u"lease_until"_s, now() + m_leaseMs}};
}

bool SyncLease::holds(const QString &key, qint64 marginMs) const
{
    const auto known = m_ours.constFind(key);
    return known != m_ours.cend() && known->untilMs - now() >= marginMs;
}

void SyncLease::open(std::function<void(const std::optional<ProviderError> &)> then)
{
    if (!m_serviceSid.isEmpty()) {
        then(std::nullopt);
        return;
    }
    ++m_requests;
    m_client->findOrCreateSyncService(
        KeywordClaims::ServiceName, this, [this, then](const ProviderResult<SyncService> &service) {
            if (!service.ok()) {
                then(service.error());
                return;
            }
            const QString sid = service.value().sid;
            ++m_requests;
            m_client->findOrCreateSyncMap(sid, m_map, this,
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

void SyncLease::hold(const QString &key, QObject *context, Done done)
{
    const Ask ask{key, context, std::move(done), 0};
    if (const auto known = m_ours.constFind(key); known != m_ours.cend()) {
        // Renewed a quarter of a lease ago at most: still ours, no request.
        if (now() - known->renewedAtMs < m_leaseMs / 4 && known->untilMs > now()) {
            Result held;
            held.kind = Result::Kind::Held;
            held.untilMs = known->untilMs;
            answer(ask, held);
            return;
        }
    }
    open([this, ask](const std::optional<ProviderError> &error) {
        if (error) {
            unreachable(ask, *error);
            return;
        }
        const auto known = m_ours.constFind(ask.key);
        if (known == m_ours.cend()) {
            create(ask);
            return;
        }
        // The heartbeat: renew on the revision we wrote; anything else wrote since, read it.
        SyncMapItem item;
        item.key = ask.key;
        item.revision = known->revision;
        write(ask, item, false, QString());
    });
}

void SyncLease::create(const Ask &ask)
{
    ++m_requests;
    m_client->createMapItem(m_serviceSid, m_map, ask.key, mine(), this,
                            [this, ask](const ProviderResult<SyncMapItem> &created) {
                                if (created.ok()) {
                                    act(ask, created.value(), true);
                                    return;
                                }
                                if (isConflict(created.error())) {
                                    inspect(ask);
                                    return;
                                }
                                if (created.error().httpStatus() == 404)
                                    m_serviceSid.clear();
                                unreachable(ask, created.error());
                            });
}

void SyncLease::inspect(const Ask &ask)
{
    ++m_requests;
    m_client->fetchMapItem(m_serviceSid, m_map, ask.key, this,
                           [this, ask](const ProviderResult<SyncMapItem> &item) {
                               if (item.ok()) {
                                   act(ask, item.value(), false);
                                   return;
                               }
                               if (item.error().httpStatus() == 404 && ask.rounds < 3) {
                                   Ask again = ask;
                                   ++again.rounds;
                                   create(again); // released meanwhile
                                   return;
                               }
                               unreachable(ask, item.error());
                           });
}

void SyncLease::act(const Ask &ask, const SyncMapItem &item, bool acquired)
{
    m_failures = 0;
    const QString holder = item.data.value(u"holder"_s).toString();
    const QString holderName = item.data.value(u"holder_name"_s).toString();
    const qint64 until = qint64(item.data.value(u"lease_until"_s).toDouble());
    if (holder == m_deskId) {
        const bool wasOurs = m_ours.contains(ask.key);
        if (acquired || wasOurs) {
            m_ours.insert(ask.key, Known{item.revision, until, now()});
            Result held;
            held.kind = Result::Kind::Held;
            held.untilMs = until;
            held.acquired = acquired || !wasOurs;
            answer(ask, held);
            return;
        }
        // Ours from before a restart: renew it before relying on it.
        write(ask, item, false, QString());
        return;
    }
    m_ours.remove(ask.key);
    if (until > now()) {
        Result elsewhere;
        elsewhere.kind = Result::Kind::Elsewhere;
        elsewhere.untilMs = until;
        elsewhere.holderName = holderName;
        answer(ask, elsewhere);
        return;
    }
    qCInfo(lcCampaign) << "taking over" << m_map << ask.key << "from" << holderName << holder
                       << "(lease ran out)";
    write(ask, item, true, holderName);
}

void SyncLease::write(const Ask &ask, const SyncMapItem &item, bool tookOver, const QString &from)
{
    ++m_requests;
    const bool wasOurs = m_ours.contains(ask.key);
    m_client->updateMapItem(
        m_serviceSid, m_map, ask.key, mine(), item.revision, this,
        [this, ask, tookOver, from, wasOurs](const ProviderResult<SyncMapItem> &updated) {
            if (updated.ok()) {
                const SyncMapItem &now = updated.value();
                const qint64 until = qint64(now.data.value(u"lease_until"_s).toDouble());
                m_ours.insert(ask.key, Known{now.revision, until, this->now()});
                Result held;
                held.kind = Result::Kind::Held;
                held.untilMs = until;
                held.acquired = !wasOurs;
                held.tookOver = tookOver;
                held.holderName = from;
                answer(ask, held);
                return;
            }
            // Another desktop wrote since the revision we had: what it wrote decides.
            if ((isPreconditionFailed(updated.error()) || updated.error().httpStatus() == 404) &&
                ask.rounds < 3) {
                m_ours.remove(ask.key);
                Ask again = ask;
                ++again.rounds;
                inspect(again);
                return;
            }
            unreachable(ask, updated.error());
        });
}

void SyncLease::unreachable(const Ask &ask, const ProviderError &error)
{
    ++m_failures;
    const int backoff = std::min(MaxBackoffMs, 1000 << std::min(m_failures - 1, 6));
    Result result;
    result.kind = Result::Kind::Unreachable;
    result.retryAtMs =
        now() + (error.retryAfterSeconds() ? *error.retryAfterSeconds() * 1000 : backoff);
    qCInfo(lcCampaign).noquote() << "cannot hold" << m_map << ask.key << ":"
                                 << error.displayMessage();
    answer(ask, result);
}

void SyncLease::answer(const Ask &ask, const Result &result)
{
    if (ask.context && ask.done)
        ask.done(result);
}

void SyncLease::release(const QString &key)
{
    if (!m_ours.contains(key) || m_serviceSid.isEmpty())
        return;
    const QString revision = m_ours.take(key).revision;
    ++m_requests;
    m_client->deleteMapItem(m_serviceSid, m_map, key, revision, this,
                            [](const ProviderResult<ProviderDone> &) {});
}
