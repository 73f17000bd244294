#include "SandboxHttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace sandbox {

SandboxHttpServer::SandboxHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

ApiRequest SandboxHttpServer::toApiRequest(const QHttpServerRequest &request)
{
    ApiRequest api;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        api.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        api.method = "POST";
        break;
    case QHttpServerRequest::Method::Delete:
        api.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Put:
        api.method = "PUT";
        break;
    case QHttpServerRequest::Method::Patch:
        api.method = "PATCH";
        break;
    case QHttpServerRequest::Method::Head:
        api.method = "HEAD";
        break;
    default:
        api.method = "OTHER";
        break;
    }
    // Routing works on the encoded path so an encoded '/' in a Sync key stays inside its
    // segment; the router decodes each captured segment.
    api.path = request.url().path(QUrl::FullyEncoded);
    api.query = request.query();
    for (const auto &[name, value] : request.headers())
        api.headers.insert(name.toLower(), value);
    if (api.headers.value("content-type").startsWith("application/x-www-form-urlencoded"))
        api.form = decodeForm(request.body());
    return api;
}

QUrlQuery SandboxHttpServer::decodeForm(QByteArray body)
{
    // In a form body '+' means a space; a literal plus arrives as %2B.
    body.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(body));
}

void SandboxHttpServer::limitConnections(int maxConnections)
{
    for (QTcpServer *server : servers()) {
        // Connected after QAbstractHttpServer's own handler, which has taken the new sockets
        // (children of the server, oldest first) by the time this runs.
        connect(server, &QTcpServer::newConnection, this, [server, maxConnections] {
            const QList<QTcpSocket *> open =
                server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
            for (qsizetype i = maxConnections; i < open.size(); ++i) {
                QTcpSocket *socket = open.at(i);
                if (socket->property("smsdesk.refused").toBool())
                    continue;
                socket->setProperty("smsdesk.refused", true);
                socket->write("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                              "Content-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    }
}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    qsizetype headerBytes = 0;
    for (const auto &[name, value] : request.headers())
        headerBytes += name.size() + value.size() + 4; // ": " and CRLF
    if (headerBytes > MaxHeaderBytes) {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, ApiReply::error(431, 0,
                                         u"Request header fields too large: %1 bytes, at most %2"_s
                                             .arg(headerBytes)
                                             .arg(MaxHeaderBytes)));
        return true;
    }
    Outcome outcome = m_handler(toApiRequest(request), m_inFlight);
    if (outcome.delayMs <= 0 && !outcome.reply.dropConnection) {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, outcome.reply);
        return true;
    }
    ++m_inFlight;
    // The responder only holds the request and socket pointers; it is used once the delay
    // has passed, and only if the client has not gone away meanwhile.
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(qMax(0, outcome.delayMs), this,
                       [this, responder, guard, reply = std::move(outcome.reply)] {
                           --m_inFlight;
                           if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                               return;
                           if (reply.dropConnection) {
                               guard->abort();
                               return;
                           }
                           write(*responder, reply);
                       });
    return true;
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Every request is handled in handleRequest; this only satisfies the interface.
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, ApiReply::error(404, 20404, u"Not found"_s));
}

void SandboxHttpServer::write(QHttpServerResponder &responder, const ApiReply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    if (reply.status != 204) {
        responder.writeHeader("Content-Type", reply.contentType.isEmpty()
                                                  ? QByteArray("application/json; charset=utf-8")
                                                  : reply.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    }
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(reply.body);
}

} // namespace sandbox
