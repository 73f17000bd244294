#include "PresenceBoard.h"

#include "AppLogging.h"
#include "ProviderClient.h"
#include "StoreWriter.h"
#include "SyncListTransport.h"
#include "TeamLog.h"
#include "TeamStateRows.h"

#include <QJsonObject>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto HeartbeatPeriod = 30s;
constexpr auto TypingIdle = 4s;
constexpr int PageSize = 100;
// A desk's item older than its time to live (by the writer's clock, with room for skew) is
// gone even when the provider has not deleted it yet: Sync deletes expired items lazily.
constexpr qint64 StaleAfterMs = (PresenceBoard::ItemTtlSeconds + 30) * 1000;

bool samePresence(const PresenceBoard::Entry &a, const PresenceBoard::Entry &b)
{
    return a.deskId == b.deskId && a.agentId == b.agentId && a.agentName == b.agentName &&
           a.viewing == b.viewing && a.typing == b.typing;
}

} // namespace

PresenceBoard::PresenceBoard(StoreWriter *writer, ProviderClient *client, qint64 accountId,
                             QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_client(client)
    , m_accountId(accountId)
{
    m_heartbeat.setInterval(HeartbeatPeriod);
    connect(&m_heartbeat, &QTimer::timeout, this, &PresenceBoard::write);
    m_typingIdle.setSingleShot(true);
    m_typingIdle.setInterval(TypingIdle);
    connect(&m_typingIdle, &QTimer::timeout, this, &PresenceBoard::stopTyping);
    m_writeGap.setSingleShot(true);
    connect(&m_writeGap, &QTimer::timeout, this, [this] {
        if (m_dirty)
            write();
    });
}

PresenceBoard::~PresenceBoard() = default;

QString PresenceBoard::threadKey(const QString &customerNumber, const QString &ourNumber)
{
    if (customerNumber.isEmpty() || ourNumber.isEmpty())
        return {};
    return customerNumber + u'|' + ourNumber;
}

void PresenceBoard::setHeartbeatPeriod(std::chrono::milliseconds period)
{
    m_heartbeat.setInterval(period);
}

void PresenceBoard::start()
{
    m_running = true;
    open();
}

void PresenceBoard::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_heartbeat.stop();
    m_typingIdle.stop();
    m_writeGap.stop();
    // Gone at once for the others rather than when the item expires; best effort.
    if (m_ready && m_created)
        m_client->deleteMapItem(m_serviceSid, MapName, m_self.deskId, {}, this,
                                [](const ProviderResult<ProviderDone> &) {});
    m_ready = false;
}

void PresenceBoard::open()
{
    const qint64 account = m_accountId;
    m_writer->post(
        [account](WriterContext &context) { return context.repo<TeamStateRows>().state(account); },
        this,
        [this](const std::optional<TeamStateRows::State> &state) {
            if (!m_running || !state)
                return;
            m_self.deskId = state->deskId;
            m_self.agentId = state->agentId;
            m_self.agentName = state->agentName;
            m_client->findOrCreateSyncService(SyncListTransport::ServiceName, this,
                                              [this](const ProviderResult<SyncService> &service) {
                                                  if (!service.ok()) {
                                                      Q_EMIT failed(service.error());
                                                      return;
                                                  }
                                                  m_serviceSid = service.value().sid;
                                                  m_client->findOrCreateSyncMap(
                                                      m_serviceSid, MapName, this,
                                                      [this](const ProviderResult<SyncList> &map) {
                                                          if (!map.ok()) {
                                                              Q_EMIT failed(map.error());
                                                              return;
                                                          }
                                                          if (!m_running)
                                                              return;
                                                          m_ready = true;
                                                          m_heartbeat.start();
                                                          writeNow();
                                                          poll();
                                                      });
                                              });
        });
}

void PresenceBoard::refreshIdentity()
{
    const qint64 account = m_accountId;
    m_writer->post(
        [account](WriterContext &context) { return context.repo<TeamStateRows>().state(account); },
        this,
        [this](const std::optional<TeamStateRows::State> &state) {
            if (!state ||
                (state->agentName == m_self.agentName && state->agentId == m_self.agentId))
                return;
            m_self.agentName = state->agentName;
            m_self.agentId = state->agentId;
            write();
        });
}

void PresenceBoard::setViewing(const QString &threadKey)
{
    if (threadKey == m_self.viewing)
        return;
    m_self.viewing = threadKey;
    m_self.typing = false;
    m_typingIdle.stop();
    write();
}

void PresenceBoard::noteTyping()
{
    if (m_self.viewing.isEmpty())
        return;
    m_typingIdle.start();
    if (m_self.typing)
        return;
    m_self.typing = true;
    write();
}

void PresenceBoard::stopTyping()
{
    m_typingIdle.stop();
    if (!m_self.typing)
        return;
    m_self.typing = false;
    write();
}

QJsonObject PresenceBoard::itemData() const
{
    QJsonObject data{{u"agent"_s, m_self.agentId},
                     {u"name"_s, m_self.agentName},
                     {u"viewing"_s, m_self.viewing},
                     {u"typing"_s, m_self.typing},
                     {u"at"_s, m_self.at.toString(Qt::ISODateWithMs)}};
    if (m_service) {
        ServiceBeacon beacon = *m_service;
        beacon.agentName = m_self.agentName; // the roster's, re-read with the identity
        data.insert(u"service"_s, beacon.toJson());
    }
    return data;
}

void PresenceBoard::setService(const ServiceBeacon &beacon)
{
    m_service = beacon;
    write();
}

void PresenceBoard::write()
{
    m_dirty = true;
    if (!m_ready || m_writing || m_writeGap.isActive())
        return;
    if (backingOff()) {
        m_writeGap.start(int(m_backoffMs - m_failedAt.elapsed())); // the latest state, then
        return;
    }
    // Sync allows 20 writes a second on the map for the whole team: one desk writes at most
    // once per gap, the last state winning.
    const qint64 gap = teamGap(m_minWriteGap).count();
    const qint64 since = m_lastWrite.isValid() ? m_lastWrite.elapsed() : gap;
    if (since < gap) {
        m_writeGap.start(int(gap - since));
        return;
    }
    writeNow();
}

void PresenceBoard::writeNow()
{
    m_dirty = false;
    m_writing = true;
    m_self.at = QDateTime::currentDateTimeUtc();
    const QJsonObject data = itemData();
    auto answered = [this](const ProviderResult<SyncMapItem> &item) {
        if (item.ok()) {
            m_created = true;
            onWritten(true, nullptr);
            return;
        }
        const int status = item.error().httpStatus();
        // The item is there (409: another run of this desk made it) or expired (404, after a
        // sleep): switch between create and update and write again at once.
        if ((status == 409 && !m_created) || (status == 404 && m_created)) {
            m_created = !m_created;
            m_writing = false;
            writeNow();
            return;
        }
        onWritten(false, &item.error());
    };
    if (m_created)
        m_client->updateMapItem(m_serviceSid, MapName, m_self.deskId, data, {}, ItemTtlSeconds,
                                this, answered);
    else
        m_client->createMapItem(m_serviceSid, MapName, m_self.deskId, data, ItemTtlSeconds, this,
                                answered);
}

void PresenceBoard::onWritten(bool ok, const ProviderError *error)
{
    m_writing = false;
    m_lastWrite.start();
    if (!ok) {
        // The heartbeat tries again; the state written then is the latest.
        m_dirty = true;
        backOff(*error);
        return;
    }
    m_failures = 0;
    m_heartbeat.start(); // the next beat counts from this write
    Q_EMIT written();
    if (m_dirty)
        write();
}

void PresenceBoard::poll()
{
    if (!m_ready || m_reading || backingOff())
        return;
    if (m_lastRead.isValid() && m_lastRead.elapsed() < teamGap(m_minPollGap).count())
        return;
    m_reading = true;
    MapItemQuery query;
    query.pageSize = PageSize;
    m_client->listMapItems(
        m_serviceSid, MapName, query, this, [this](const ProviderResult<SyncMapItemPage> &page) {
            m_reading = false;
            m_lastRead.start();
            if (!page.ok()) {
                backOff(page.error());
                return;
            }
            m_failures = 0;
            QList<Entry> entries;
            for (const SyncMapItem &item : page.value().items) {
                Entry entry;
                entry.deskId = item.key;
                entry.agentId = item.data.value("agent"_L1).toString();
                entry.agentName = item.data.value("name"_L1).toString();
                entry.viewing = item.data.value("viewing"_L1).toString();
                entry.typing = item.data.value("typing"_L1).toBool();
                entry.at =
                    QDateTime::fromString(item.data.value("at"_L1).toString(), Qt::ISODateWithMs);
                if (item.data.value("service"_L1).isObject())
                    entry.service =
                        ServiceBeacon::fromJson(item.data.value("service"_L1).toObject());
                entries.append(entry);
            }
            onRead(entries);
        });
}

void PresenceBoard::onRead(const QList<Entry> &entries)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Entry> others;
    QList<ServiceBeacon> services;
    for (const Entry &entry : entries) {
        if (entry.deskId == m_self.deskId)
            continue;
        if (!entry.at.isValid() || entry.at.msecsTo(now) > StaleAfterMs)
            continue;
        // A service is no teammate to show as online or in a thread: it is listed apart.
        if (entry.service)
            services.append(*entry.service);
        else
            others.append(entry);
    }
    std::sort(services.begin(), services.end(), [](const ServiceBeacon &a, const ServiceBeacon &b) {
        return std::tie(a.host, a.startedAt) < std::tie(b.host, b.startedAt);
    });
    const bool sameServices = services == m_services;
    m_services = services;
    std::sort(others.begin(), others.end(), [](const Entry &a, const Entry &b) {
        return std::tie(a.agentName, a.deskId) < std::tie(b.agentName, b.deskId);
    });
    const bool same = others.size() == m_others.size() &&
                      std::equal(others.begin(), others.end(), m_others.begin(), samePresence);
    m_others = others;
    if (!same || !sameServices)
        Q_EMIT changed();
}

std::chrono::milliseconds PresenceBoard::gapFor(int onlineDesks, std::chrono::milliseconds least)
{
    // Every online desk reads and writes the same map: together they stay under ~15 a
    // second each way (Sync allows 20 per object), as the team log does on its list.
    return TeamLog::pollPeriod(onlineDesks, least);
}

std::chrono::milliseconds PresenceBoard::teamGap(std::chrono::milliseconds least) const
{
    return gapFor(int(m_others.size() + m_services.size()) + 1, least);
}

void PresenceBoard::backOff(const ProviderError &error)
{
    ++m_failures;
    m_backoffMs = error.retryAfterSeconds()
                      ? qint64(*error.retryAfterSeconds()) * 1000
                      : std::min<qint64>(60000, qint64(1000) << std::min(m_failures, 6));
    m_failedAt.start();
    qCInfo(lcSync) << "presence:" << error.message() << "- quiet for" << m_backoffMs << "ms";
    Q_EMIT failed(error);
}

bool PresenceBoard::backingOff() const
{
    return m_failures > 0 && m_failedAt.isValid() && m_failedAt.elapsed() < m_backoffMs;
}

QList<PresenceBoard::Entry> PresenceBoard::others() const
{
    return m_others;
}

QList<PresenceBoard::Entry> PresenceBoard::inThread(const QString &threadKey) const
{
    QList<Entry> here;
    if (threadKey.isEmpty())
        return here;
    for (const Entry &entry : m_others) {
        if (entry.viewing == threadKey)
            here.append(entry);
    }
    std::stable_sort(here.begin(), here.end(),
                     [](const Entry &a, const Entry &b) { return a.typing && !b.typing; });
    return here;
}
