#include "sandbox/SandboxServer.h"

#include "AccountResource.h"
#include "ApiReply.h"
#include "Carrier.h"
#include "ControlResource.h"
#include "CustomerSimulator.h"
#include "FaultInjector.h"
#include "HistorySeeder.h"
#include "LookupResource.h"
#include "MediaResource.h"
#include "MessageDispatcher.h"
#include "MessagesResource.h"
#include "MessagingServiceSends.h"
#include "MessagingServicesResource.h"
#include "NumbersResource.h"
#include "Router.h"
#include "SandboxClock.h"
#include "SandboxHttpServer.h"
#include "SandboxLogging.h"
#include "SandboxState.h"
#include "Scheduler.h"
#include "SidFactory.h"
#include "SyncItemsResource.h"
#include "SyncRateLimiter.h"
#include "SyncResource.h"
#include "TeamSyncResources.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace sandbox {

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_state(std::make_unique<SandboxState>())
{
    const quint64 seed = options.seed.value_or(QRandomGenerator::system()->generate64());
    m_sids = std::make_unique<SidFactory>(seed);
    m_clock = std::make_unique<SandboxClock>(options.speed, QDateTime::currentMSecsSinceEpoch());
    m_scheduler = std::make_unique<Scheduler>(*m_clock);
    initialiseState(seed);

    m_carrier = std::make_unique<Carrier>(*m_state, *m_scheduler, *m_clock, m_options);
    m_dispatcher = std::make_unique<MessageDispatcher>(*m_state, *m_carrier, *m_sids, *m_clock);
    m_dispatcher->setBodyRewrites(m_options.trialAccount, m_options.smartEncoding);
    m_customers =
        std::make_unique<CustomerSimulator>(*m_state, *m_dispatcher, *m_scheduler, m_options, seed);
    connect(m_carrier.get(), &Carrier::delivered, m_customers.get(),
            &CustomerSimulator::onDelivered);
    m_faults = std::make_unique<FaultInjector>(seed);
    // Messages that were on their way when the state was saved continue.
    for (quint32 id = 0; id < quint32(m_state->messages.size()); ++id) {
        const StoredMessage &message = m_state->messages.at(id);
        if (message.direction != MessageDirection::Inbound &&
            (message.status == MessageStatus::Queued || message.status == MessageStatus::Sending ||
             message.status == MessageStatus::Sent)) {
            m_carrier->restore(id, m_carrier->rateFor(m_state->numbers.find(
                                       m_state->messages.number(message.from))));
        }
    }

    m_api = std::make_unique<Router>();
    m_serviceSends = std::make_unique<MessagingServiceSends>(*m_state, *m_dispatcher, *m_carrier,
                                                             *m_scheduler, *m_clock);
    m_serviceSends->restore();
    m_messages = std::make_unique<MessagesResource>(*m_state, *m_dispatcher, *m_serviceSends);
    m_messages->registerRoutes(*m_api);
    m_media = std::make_unique<MediaResource>(*m_state);
    m_media->registerRoutes(*m_api);
    m_messagingServices =
        std::make_unique<MessagingServicesResource>(*m_state, *m_sids, *m_clock, m_baseUrl);
    m_messagingServices->registerRoutes(*m_api);
    m_numbers = std::make_unique<NumbersResource>(*m_state);
    m_numbers->registerRoutes(*m_api);
    m_account = std::make_unique<AccountResource>(*m_state);
    m_account->registerRoutes(*m_api);
    m_lookup = std::make_unique<LookupResource>(m_baseUrl);
    m_lookup->registerRoutes(*m_api);
    m_sync = std::make_unique<SyncResource>(*m_state, *m_sids, *m_clock, m_baseUrl);
    m_sync->registerRoutes(*m_api);
    m_syncItems = std::make_unique<SyncItemsResource>(*m_sync, *m_clock);
    m_syncItems->registerRoutes(*m_api);
    m_control = std::make_unique<Router>();
    m_controlResource = std::make_unique<ControlResource>(*this);
    m_controlResource->registerRoutes(*m_control);
    m_team = std::make_unique<TeamSyncResources>(*this, *m_state, *m_sids, *m_clock, *m_sync,
                                                 m_baseUrl, m_options.syncRateLimits);
    m_team->registerRoutes(*m_api, *m_control);

    m_http = std::make_unique<SandboxHttpServer>([this](const ApiRequest &request, int inFlight) {
        SandboxHttpServer::Outcome outcome;
        outcome.reply = handle(request, inFlight, &outcome.delayMs);
        // Twilio's answers carry its clock; clients judge provider timestamps with it. A
        // sandbox whose clock runs faster than the wall has no such clock to tell.
        if (m_options.speed == 1.0)
            outcome.reply.headers.append(
                {"Date", QLocale::c()
                             .toString(QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC),
                                       u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                             .toLatin1()});
        return outcome;
    });
    if (m_options.demo)
        m_customers->startWalkIns(m_clock->nowMs());
}

SandboxServer::~SandboxServer() = default;

QString SandboxServer::accountSid() const
{
    return m_state->accountSid;
}

QString SandboxServer::authToken() const
{
    return m_state->authToken;
}

void SandboxServer::initialiseState(quint64 seed)
{
    Q_UNUSED(seed);
    if (!m_options.statePath.isEmpty() && QFileInfo::exists(m_options.statePath)) {
        m_error = m_state->loadFrom(m_options.statePath);
        if (m_error.isEmpty()) {
            qCInfo(lcSandbox) << "loaded state from" << m_options.statePath << "with"
                              << m_state->messages.size() << "messages";
            return;
        }
    }
    const qint64 now = m_clock->nowMs();
    m_state->accountSid =
        m_options.accountSid.isEmpty() ? m_sids->make("AC"_L1) : m_options.accountSid;
    m_state->authToken = m_options.authToken.isEmpty() ? m_sids->hex32() : m_options.authToken;
    m_state->numbers = NumberDirectory::demo(*m_sids, now);
    m_state->sync.service.sid = m_sids->make("IS"_L1);
    m_state->sync.service.uniqueName = u"default"_s;
    m_state->sync.service.friendlyName = u"SMS Desk team state"_s;
    m_state->sync.service.dateCreated = m_state->sync.service.dateUpdated = now;
    QStringList poolNumbers, poolSids;
    for (const SenderNumber &number : m_state->numbers.all()) {
        if (number.kind == SenderNumber::Kind::LongCode && number.sms) {
            poolNumbers.append(number.number);
            poolSids.append(number.sid);
        }
    }
    m_state->messagingServices.addDefault(m_state->accountSid, poolNumbers, poolSids, now);
}

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_error.isEmpty())
        return false;
    m_port = m_http->listen(address, port);
    if (m_port == 0) {
        m_error = u"cannot listen on %1:%2"_s.arg(address.toString()).arg(port);
        return false;
    }
    m_http->limitConnections(m_options.maxConnections);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    m_baseUrl = u"http://"_s + host + u':' + QString::number(m_port);
    return true;
}

bool SandboxServer::authorised(const ApiRequest &request) const
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Basic "))
        return false;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    if (decoded == (m_state->accountSid + u':' + m_state->authToken).toUtf8())
        return true;
    const qsizetype colon = decoded.indexOf(':'); // else an API key's "SK...:secret"
    return colon > 0 &&
           m_team->authorisesKey(QString::fromUtf8(decoded.left(colon)),
                                 QString::fromUtf8(decoded.mid(colon + 1)), request.path);
}

ApiReply SandboxServer::handle(const ApiRequest &request, int inFlight, int *delayMs)
{
    *delayMs = 0;
    static const QRegularExpression accountPath(u"\\A/2010-04-01/Accounts/([^/]+)/"_s);
    const QRegularExpressionMatch account = accountPath.match(request.path);
    if (!authorised(request) ||
        (account.hasMatch() && account.captured(1) != m_state->accountSid)) {
        ApiReply reply = ApiReply::error(401, 20003, u"Authenticate"_s);
        reply.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"Twilio API\"")));
        return reply;
    }
    if (request.path.startsWith(u"/sandbox/"_s))
        return m_control->dispatch(request);

    const FaultSettings &faults = m_faults->settings();
    switch (m_faults->before(inFlight)) {
    case FaultInjector::Fault::TooManyRequests: {
        ApiReply reply = ApiReply::error(429, 20429, u"Too Many Requests"_s);
        if (faults.retryAfterSeconds >= 0)
            reply.headers.append(
                qMakePair(QByteArray("Retry-After"), QByteArray::number(faults.retryAfterSeconds)));
        return reply;
    }
    case FaultInjector::Fault::ServerError:
        *delayMs = faults.latencyMs;
        return ApiReply::error(500, 20500, u"Internal Server Error"_s);
    case FaultInjector::Fault::ServiceUnavailable:
        *delayMs = faults.latencyMs;
        return ApiReply::error(503, 20503, u"Service Unavailable"_s);
    case FaultInjector::Fault::None:
        break;
    }
    *delayMs = faults.latencyMs;
    if (std::optional<ApiReply> refused = m_team->before(request))
        return *refused;
    ApiReply reply = m_api->dispatch(request);
    m_team->after(request);
    const bool messageCreate =
        request.method == "POST" && request.path.endsWith(u"/Messages.json"_s);
    if (messageCreate && reply.status == 201 && m_faults->dropAfterCreate())
        reply.dropConnection = true;
    return reply;
}

SandboxServer::InboundResult SandboxServer::injectInbound(const QString &from, const QString &to,
                                                          const QString &body)
{
    return injectInbound(from, to, body, {});
}

SandboxServer::InboundResult SandboxServer::injectInbound(const QString &from, const QString &to,
                                                          const QString &body,
                                                          const QList<InboundMedia> &media)
{
    InboundResult result;
    // Twilio accepts at most 10 media items per message.
    if (media.size() > 10) {
        result.errorCode = 21623;
        result.error = u"At most 10 media items per message"_s;
        return result;
    }
    const MessageDispatcher::Result r =
        m_dispatcher->receiveInbound(from, to, body, &result.routed, !media.isEmpty());
    if (r.ok() && !media.isEmpty()) {
        StoredMessage &message = m_state->messages.at(*r.messageId);
        message.numMedia = quint8(media.size());
        for (const InboundMedia &item : media) {
            m_state->media.add(MediaLibrary::Item{m_sids->next128(), *r.messageId, item.contentType,
                                                  item.bytes, message.dateCreated});
        }
    }
    result.ok = r.ok();
    result.errorCode = r.errorCode;
    result.error = r.errorMessage;
    if (r.ok())
        result.sid = m_state->messages.at(*r.messageId).sid.toString("SM"_L1);
    return result;
}

void SandboxServer::setFaults(const FaultSettings &faults)
{
    m_faults->setSettings(faults);
}

FaultSettings SandboxServer::faults() const
{
    return m_faults->settings();
}

void SandboxServer::reseedFaults(quint64 seed)
{
    m_faults->reseed(seed);
}

void SandboxServer::setCarrierPaused(bool paused)
{
    m_carrier->setPaused(paused);
}

bool SandboxServer::isCarrierPaused() const
{
    return m_carrier->isPaused();
}

void SandboxServer::setReplyRate(double rate)
{
    m_customers->setReplyRate(rate);
}

double SandboxServer::replyRate() const
{
    return m_customers->replyRate();
}

bool SandboxServer::setAdvancedOptOut(const QString &shortCode, bool on)
{
    SenderNumber *number = m_state->numbers.find(shortCode);
    if (!number || number->kind != SenderNumber::Kind::ShortCode)
        return false;
    number->advancedOptOut = on;
    return true;
}

double SandboxServer::carrierRateFor(const SenderNumber &number) const
{
    return m_carrier->rateFor(&number);
}

void SandboxServer::seedHistory(qint64 messages, int threads, int days)
{
    HistorySeeder::seed(*m_state, *m_sids, m_clock->nowMs(), messages, threads, days);
}

QString SandboxServer::saveState() const
{
    if (m_options.statePath.isEmpty())
        return u"no state file configured (--state)"_s;
    return m_state->saveTo(m_options.statePath);
}

void SandboxServer::advanceClock(qint64 ms)
{
    m_clock->advance(ms);
    m_scheduler->clockMoved();
}

void SandboxServer::freezeClock()
{
    m_clock->freeze();
}

void SandboxServer::setSyncRateLimits(const SyncRateLimits &limits)
{
    m_team->setRateLimits(limits);
}

SyncRateLimits SandboxServer::syncRateLimits() const
{
    return m_team->rateLimits();
}

qint64 SandboxServer::nowMs() const
{
    return m_clock->nowMs();
}

} // namespace sandbox
