// The HTTP front: turns QtHttpServer requests into ApiRequests, and answers each one now,
// after an injected latency, or not at all (the connection closes: "accept then drop").
// QAbstractHttpServer (not QHttpServer's routes) because faults need the socket and
// deferred answers; routing is the sandbox's own Router.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QAbstractHttpServer>

#include <functional>

class QHttpServerResponder;

namespace sandbox {

class SandboxHttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Outcome
    {
        ApiReply reply;
        int delayMs = 0; // wall milliseconds before answering (the request counts as in flight)
    };
    // inFlight: requests already waiting for their delayed answer when this one arrived.
    using Handler = std::function<Outcome(const ApiRequest &request, int inFlight)>;

    explicit SandboxHttpServer(Handler handler, QObject *parent = nullptr);

    // Limits of a server, with the status codes a client can act on: request headers over
    // MaxHeaderBytes answer 431; a connection beyond limitConnections()'s count open at once
    // answers 503 with Retry-After and is closed, so idle clients cannot take every descriptor.
    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;

    int inFlight() const { return m_inFlight; }
    // After listen(): refuse connections beyond maxConnections.
    void limitConnections(int maxConnections);
    static ApiRequest toApiRequest(const QHttpServerRequest &request);
    // An application/x-www-form-urlencoded body as the API's fields.
    static QUrlQuery decodeForm(QByteArray body);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void write(QHttpServerResponder &responder, const ApiReply &reply);

    Handler m_handler;
    int m_inFlight = 0;
};

} // namespace sandbox
