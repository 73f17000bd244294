#include "CampaignRunner.h"

#include "AppLogging.h"
#include "CampaignLeases.h"
#include "CampaignProviderHolds.h"
#include "CampaignQueue.h"
#include "CampaignRound.h"
#include "CampaignRows.h"
#include "CampaignSendAt.h"
#include "SharedCampaignQueue.h"
#include "StoreWriter.h"
#include "TeamStateRows.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

CampaignRunner::CampaignRunner(StoreWriter *writer, qint64 accountId, Adopt adopt, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_accountId(accountId)
    , m_adopt(std::move(adopt))
{
    m_timer.setInterval(m_settings.tick);
    connect(&m_timer, &QTimer::timeout, this, &CampaignRunner::tick);
}

void CampaignRunner::setLeases(CampaignLeases *leases)
{
    m_leases = leases;
    if (!leases)
        return;
    connect(leases, &CampaignLeases::changed, this, [this] {
        if (m_timer.isActive())
            QTimer::singleShot(0, this, &CampaignRunner::tick);
    });
    // Another desktop runs it now: what our outbox still holds of it must not leave from here.
    connect(leases, &CampaignLeases::lost, this, [this](qint64 campaignId) {
        const qint64 account = m_accountId;
        m_writer->post(
            [account, campaignId](WriterContext &context) {
                return context.repo<SharedCampaignQueue>()
                    .withdrawUnposted(account, campaignId)
                    .value_or(0);
            },
            this,
            [campaignId](int withdrawn) {
                if (withdrawn > 0)
                    qCInfo(lcCampaign)
                        << "campaign" << campaignId << "runs elsewhere now:" << withdrawn
                        << "queued text(s) taken back";
            });
    });
}

QString CampaignRunner::runnerName(const QString &teamId) const
{
    return m_leases && !teamId.isEmpty() ? m_leases->holderName(teamId) : QString();
}

void CampaignRunner::withdrawShared(StoreWriter *writer, qint64 accountId)
{
    writer->post(
        [accountId](WriterContext &context) {
            if (!context.repo<TeamStateRows>().state(accountId))
                return 0;
            return context.repo<SharedCampaignQueue>().withdrawUnposted(accountId, 0).value_or(0);
        },
        writer,
        [](int withdrawn) {
            if (withdrawn > 0)
                qCInfo(lcCampaign)
                    << withdrawn << "queued text(s) of shared campaigns taken back at start";
        });
}

void CampaignRunner::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_timer.setInterval(settings.tick);
}

bool CampaignRunner::start()
{
    if (m_starting || m_timer.isActive())
        return false;
    m_starting = true;
    const qint64 account = m_accountId;
    struct Resumed
    {
        QString error;
        QList<qint64> messageIds;
    };
    // Asynchronous: the desktop starts the runner on the GUI thread, which must never wait
    // for the writer (a sync page may be in the middle of being stored).
    m_writer->post(
        [account](WriterContext &context) {
            auto queue = context.repo<CampaignQueue>(context.messages.get());
            if (!queue.settle(account, nowMs()))
                return Resumed{queue.errorString(), {}};
            // Messages of any campaign (a paused one too) still waiting for the provider.
            const std::optional<QList<qint64>> inFlight = queue.messagesInFlight(account);
            if (!inFlight)
                return Resumed{queue.errorString(), {}};
            return Resumed{QString(), *inFlight};
        },
        this,
        [this](const Resumed &resumed) {
            if (!m_starting) // stopped meanwhile
                return;
            m_starting = false;
            if (!resumed.error.isEmpty()) {
                m_error = resumed.error;
                qCWarning(lcCampaign) << "cannot resume the campaigns:" << resumed.error;
                Q_EMIT errorOccurred(resumed.error);
                return;
            }
            qCInfo(lcCampaign) << "resuming with" << resumed.messageIds.size()
                               << "messages in flight";
            if (!resumed.messageIds.isEmpty() && m_adopt)
                m_adopt(resumed.messageIds);
            m_timer.start();
            QTimer::singleShot(0, this, &CampaignRunner::tick);
        });
    return true;
}

void CampaignRunner::stop()
{
    m_starting = false;
    m_timer.stop();
}

void CampaignRunner::messageFinished(qint64 messageId)
{
    Q_UNUSED(messageId);
    if (m_timer.isActive())
        QTimer::singleShot(0, this, &CampaignRunner::tick);
}

void CampaignRunner::tick()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_again = false;
    const qint64 account = m_accountId;
    const Settings settings = m_settings;
    const bool team = m_leases != nullptr;
    QSet<QString> allowed;
    for (const QString &teamId : std::as_const(m_dueTeamIds)) {
        if (m_leases && m_leases->runnable(teamId))
            allowed.insert(teamId);
    }
    const qint64 leaseMs = m_leases ? m_leases->lease()->leaseMs() : 0;
    const bool progress = team && nowMs() - m_lastProgressMs >= settings.progressEvery.count();
    const CampaignRound::Input input{
        account, settings, team, allowed, leaseMs, progress, m_provider != nullptr};
    m_writer->post(
        [input](WriterContext &context) { return CampaignRound::run(context, input); }, this,
        [this](const CampaignRound &round) {
            m_busy = false;
            if (m_leases) {
                m_dueTeamIds = round.due.keys();
                m_leases->want(round.due);
                if (round.progressShared)
                    m_lastProgressMs = nowMs();
            }
            if (!round.error.isEmpty()) {
                m_error = round.error;
                qCWarning(lcCampaign) << "campaign round failed:" << round.error;
                Q_EMIT errorOccurred(round.error);
            }
            for (const auto &[campaign, ids] : round.handedOver) {
                qCDebug(lcCampaign) << "campaign" << campaign << "hands over" << ids.size();
                if (m_adopt)
                    m_adopt(ids);
                Q_EMIT batchHandedOver(campaign, ids);
            }
            for (qint64 id : round.changed)
                Q_EMIT campaignChanged(id);
            for (qint64 id : round.completed)
                Q_EMIT campaignCompleted(id);
            cancelAtProvider(round.toCancel);
            Q_EMIT roundDone();
            if (m_again)
                QTimer::singleShot(0, this, &CampaignRunner::tick);
        });
}

void CampaignRunner::cancelAtProvider(const QList<CampaignProviderHolds::Held> &held)
{
    const qint64 now = nowMs();
    for (const CampaignProviderHolds::Held &h : held) {
        if (!m_provider || m_cancelNotBefore.value(h.messageId, 0) > now)
            continue;
        // Asked once at a time; again later only when the provider could not answer.
        m_cancelNotBefore.insert(h.messageId, std::numeric_limits<qint64>::max());
        CampaignSendAt::cancelHeld(
            m_writer, m_provider, h, this,
            [this, h](CampaignSendAt::CancelOutcome outcome, const QString &error) {
                if (!error.isEmpty())
                    qCWarning(lcCampaign)
                        << "cannot cancel" << h.sid << "at the provider:" << error;
                if (outcome == CampaignSendAt::CancelOutcome::Retry) {
                    m_cancelNotBefore.insert(h.messageId, nowMs() + 30 * 1000);
                    return;
                }
                if (outcome == CampaignSendAt::CancelOutcome::Canceled) {
                    m_cancelNotBefore.remove(h.messageId);
                    Q_EMIT campaignChanged(h.campaignId);
                }
            });
    }
}

void CampaignRunner::move(qint64 campaignId, int state, const QString &actor)
{
    const auto to = CampaignState::State(state);
    m_writer->post(
        [campaignId, to, actor](WriterContext &context) {
            auto rows = context.repo<CampaignRows>();
            return rows.transition(campaignId, to, actor, nowMs()) ? QString() : rows.errorString();
        },
        this,
        [this, campaignId](const QString &error) {
            if (!error.isEmpty()) {
                m_error = error;
                Q_EMIT errorOccurred(error);
                return;
            }
            Q_EMIT campaignChanged(campaignId);
            tick();
        });
}

void CampaignRunner::pause(qint64 campaignId, const QString &actor)
{
    move(campaignId, int(CampaignState::State::Paused), actor);
}

void CampaignRunner::resume(qint64 campaignId, const QString &actor)
{
    move(campaignId, int(CampaignState::State::Running), actor);
}

void CampaignRunner::cancel(qint64 campaignId, const QString &actor)
{
    move(campaignId, int(CampaignState::State::Canceled), actor);
}

void CampaignRunner::sendTest(qint64 campaignId, const QString &variant, const QString &number,
                              const QString &actor)
{
    struct Queued
    {
        qint64 id = 0;
        QString error;
    };
    m_writer->post(
        [campaignId, variant, number, actor](WriterContext &context) {
            auto queue = context.repo<CampaignQueue>(context.messages.get());
            const qint64 id = queue.queueTest(campaignId, variant, number, actor);
            return Queued{id, queue.errorString()};
        },
        this,
        [this](const Queued &queued) {
            if (queued.id == 0) {
                m_error = queued.error;
                Q_EMIT errorOccurred(queued.error);
                return;
            }
            if (m_adopt)
                m_adopt({queued.id});
            Q_EMIT testQueued(queued.id);
        });
}
