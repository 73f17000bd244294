#include "CampaignLeases.h"

#include "AppLogging.h"
#include "CampaignTakeoverRows.h"
#include "StoreWriter.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 leaseFromEnvironment()
{
    bool ok = false;
    const qint64 fromEnv = qEnvironmentVariableIntValue("SMSDESK_CAMPAIGN_LEASE_MS", &ok);
    return ok && fromEnv > 0 ? fromEnv : CampaignLeases::DefaultLease.count();
}

} // namespace

CampaignLeases::CampaignLeases(StoreWriter *writer, ProviderClient *client, QString deskId,
                               QString deskName, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_client(client)
    , m_deskName(deskName)
    , m_lease(client, MapName, std::move(deskId), std::move(deskName), leaseFromEnvironment())
{}

bool CampaignLeases::runnable(const QString &teamId) const
{
    return m_reconciled.contains(teamId) && m_lease.holds(teamId, m_lease.leaseMs() / 2);
}

void CampaignLeases::want(const QHash<QString, qint64> &campaigns)
{
    // Done or paused here: another desktop may take it at once when it resumes.
    for (const QString &teamId : QSet<QString>(m_reconciled)) {
        if (!campaigns.contains(teamId)) {
            m_reconciled.remove(teamId);
            m_lease.release(teamId);
        }
    }
    const qint64 now = nowMs();
    for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it) {
        const QString teamId = it.key();
        if (m_asking.contains(teamId) || m_retryAt.value(teamId) > now)
            continue;
        m_asking.insert(teamId);
        const qint64 campaignId = it.value();
        m_lease.hold(teamId, this, [this, teamId, campaignId](const SyncLease::Result &result) {
            m_asking.remove(teamId);
            held(teamId, campaignId, result);
        });
    }
}

void CampaignLeases::held(const QString &teamId, qint64 campaignId, const SyncLease::Result &result)
{
    const qint64 now = nowMs();
    switch (result.kind) {
    case SyncLease::Result::Kind::Held:
        m_holders.insert(teamId, m_deskName);
        m_retryAt.remove(teamId);
        if (result.acquired) {
            if (result.tookOver)
                qCInfo(lcCampaign) << "took campaign" << teamId << "over from" << result.holderName;
            m_reconciled.remove(teamId);
            reconcile(teamId, campaignId);
        }
        return;
    case SyncLease::Result::Kind::Elsewhere: {
        const bool wasRunnable = m_reconciled.remove(teamId);
        m_holders.insert(teamId, result.holderName);
        // Look again when its lease would run out, or sooner (the holder may give it up).
        m_retryAt.insert(teamId, std::min(result.untilMs + 250, now + m_lease.leaseMs() / 2));
        if (wasRunnable) {
            Q_EMIT lost(campaignId);
            Q_EMIT changed();
        }
        return;
    }
    case SyncLease::Result::Kind::Unreachable:
        // Not held for sure: no new batches until Sync answers again.
        m_retryAt.insert(teamId, result.retryAtMs);
        return;
    }
}

void CampaignLeases::reconcile(const QString &teamId, qint64 campaignId)
{
    m_writer->post(
        [campaignId](WriterContext &context) {
            auto rows = context.repo<CampaignTakeoverRows>();
            return std::pair(rows.open(campaignId), rows.errorString());
        },
        this,
        [this, teamId,
         campaignId](const std::pair<std::optional<CampaignTakeoverRows::Open>, QString> &read) {
            if (!read.first) {
                Q_EMIT errorOccurred(read.second);
                return;
            }
            if (read.first->pending == 0 || read.first->senders.isEmpty()) {
                record(teamId, campaignId, {});
                return;
            }
            listFrom(teamId, campaignId, read.first->senders, read.first->sinceMs, {}, QString());
        });
}

void CampaignLeases::listFrom(const QString &teamId, qint64 campaignId, QStringList senders,
                              qint64 sinceMs, QHash<QString, QString> found,
                              const QString &nextPage)
{
    if (senders.isEmpty()) {
        record(teamId, campaignId, found);
        return;
    }
    const auto onPage = [this, teamId, campaignId, senders, sinceMs,
                         found](const ProviderResult<MessagePage> &page) mutable {
        if (!page.ok()) {
            // Not reconciled, so not runnable: ask again at the next heartbeat.
            qCInfo(lcCampaign).noquote() << "campaign" << teamId << "waits: cannot read the "
                                         << "provider's messages:" << page.error().displayMessage();
            m_lease.release(teamId);
            m_retryAt.insert(teamId, nowMs() + 2000);
            return;
        }
        bool older = false;
        for (const ProviderMessage &message : page.value().items) {
            if (message.direction == u"inbound"_s)
                continue;
            if (message.dateCreated.isValid() &&
                message.dateCreated.toMSecsSinceEpoch() < sinceMs) {
                older = true; // newest first: the rest is older still
                continue;
            }
            found.insert(message.to, message.sid);
        }
        if (page.value().hasNextPage() && !older) {
            listFrom(teamId, campaignId, senders, sinceMs, found, page.value().nextPageUri);
            return;
        }
        senders.removeFirst();
        listFrom(teamId, campaignId, senders, sinceMs, found, QString());
    };
    if (!nextPage.isEmpty()) {
        m_client->nextMessagePage(nextPage, this, onPage);
        return;
    }
    MessageFilter filter;
    filter.from = senders.first();
    filter.pageSize = 1000;
    m_client->listMessages(filter, this, onPage);
}

void CampaignLeases::record(const QString &teamId, qint64 campaignId,
                            const QHash<QString, QString> &found)
{
    m_writer->post(
        [campaignId, found](WriterContext &context) {
            auto rows = context.repo<CampaignTakeoverRows>();
            return std::pair(rows.recordFound(campaignId, found, nowMs()), rows.errorString());
        },
        this,
        [this, teamId](const std::pair<std::optional<int>, QString> &recorded) {
            if (!recorded.first) {
                Q_EMIT errorOccurred(recorded.second);
                return;
            }
            if (*recorded.first > 0)
                qCInfo(lcCampaign) << "campaign" << teamId << ":" << *recorded.first
                                   << "text(s) had already left before this desktop ran it";
            m_reconciled.insert(teamId);
            Q_EMIT changed();
        });
}
