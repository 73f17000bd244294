// smsdesk-sandbox in one object: a local SMS provider speaking Twilio's REST wire format,
// for `smsdesk --demo` (in-process, through app/demo), integration tests and the standalone
// server. With SandboxOptions.h, the only header embedders need.
//
//     sandbox::SandboxServer server(options);
//     server.listen(QHostAddress::LocalHost, 0);
//     client.setBaseUrl(server.baseUrl()); client.setCredentials(server.accountSid(),
//     server.authToken());
#pragma once

#include "sandbox/SandboxOptions.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace sandbox {

class Carrier;
class ControlResource;
class CustomerSimulator;
class FaultInjector;
class LookupResource;
class MessageDispatcher;
class MediaResource;
class MessagesResource;
class MessagingServiceSends;
class MessagingServicesResource;
class NumbersResource;
class AccountResource;
class Router;
class SandboxState;
class SandboxClock;
class SandboxHttpServer;
class Scheduler;
class SidFactory;
class SyncItemsResource;
class SyncResource;
class TeamSyncResources;
struct SyncRateLimits;
struct ApiReply;
struct ApiRequest;
struct FaultSettings;
struct SenderNumber;

class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Loopback by default; port 0 picks a free port. False (see errorString()) when the
    // state file could not be loaded or the address cannot be bound.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(m_baseUrl); }
    QString accountSid() const;
    QString authToken() const;
    QString errorString() const { return m_error; }
    const SandboxOptions &options() const { return m_options; }

    // In-process equivalents of the /sandbox/ control endpoint.
    struct InboundResult
    {
        bool ok = false;
        bool routed = true; // false: a shared short code message for another client's keyword
        QString sid;        // SM... of the stored inbound message
        int errorCode = 0;
        QString error;
    };
    InboundResult injectInbound(const QString &from, const QString &to, const QString &body);
    // An inbound MMS: the message (its body may be empty) with these media items.
    struct InboundMedia
    {
        QString contentType;
        QByteArray bytes;
    };
    InboundResult injectInbound(const QString &from, const QString &to, const QString &body,
                                const QList<InboundMedia> &media);
    void setFaults(const FaultSettings &faults);
    FaultSettings faults() const;
    void reseedFaults(quint64 seed);
    void setCarrierPaused(bool paused);
    bool isCarrierPaused() const;
    void setReplyRate(double rate);
    double replyRate() const;
    bool setAdvancedOptOut(const QString &shortCode, bool on);
    double carrierRateFor(const SenderNumber &number) const;
    // Adds `messages` messages of history over `threads` conversations in the last `days`.
    void seedHistory(qint64 messages, int threads, int days = 30);
    // Saves to options().statePath; an error message, or empty on success.
    QString saveState() const;
    // Moves sandbox time forward (Sync TTLs, rate windows); POST /sandbox/clock.
    void advanceClock(qint64 ms);
    // Stops sandbox time; only advanceClock() moves it afterwards (in-process tests only).
    void freezeClock();
    void setSyncRateLimits(const SyncRateLimits &limits);
    SyncRateLimits syncRateLimits() const;

    // The sandbox's internals (include "SandboxState.h" from the private headers): for tests.
    const SandboxState &state() const { return *m_state; }
    qint64 nowMs() const;

private:
    void initialiseState(quint64 seed);
    ApiReply handle(const ApiRequest &request, int inFlight, int *delayMs);
    bool authorised(const ApiRequest &request) const;

    SandboxOptions m_options;
    // Behind a pointer so that embedders need only this header and SandboxOptions.h.
    std::unique_ptr<SandboxState> m_state;
    QString m_error;
    QString m_baseUrl;
    quint16 m_port = 0;
    std::unique_ptr<SidFactory> m_sids;
    std::unique_ptr<SandboxClock> m_clock;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<Carrier> m_carrier;
    std::unique_ptr<MessageDispatcher> m_dispatcher;
    std::unique_ptr<CustomerSimulator> m_customers;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<Router> m_api;
    std::unique_ptr<Router> m_control;
    std::unique_ptr<MessagingServiceSends> m_serviceSends;
    std::unique_ptr<MessagesResource> m_messages;
    std::unique_ptr<MediaResource> m_media;
    std::unique_ptr<MessagingServicesResource> m_messagingServices;
    std::unique_ptr<NumbersResource> m_numbers;
    std::unique_ptr<AccountResource> m_account;
    std::unique_ptr<LookupResource> m_lookup;
    std::unique_ptr<SyncResource> m_sync;
    std::unique_ptr<SyncItemsResource> m_syncItems;
    std::unique_ptr<TeamSyncResources> m_team; // Sync Lists, services, limits, TTLs, API keys
    std::unique_ptr<ControlResource> m_controlResource;
    std::unique_ptr<SandboxHttpServer> m_http;
};

} // namespace sandbox
