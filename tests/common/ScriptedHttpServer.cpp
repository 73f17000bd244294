#include "ScriptedHttpServer.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

QString routeKey(const QByteArray &method, const QString &path)
{
    return QString::fromLatin1(method) + u' ' + path;
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

FieldList RecordedRequest::query() const
{
    return decodeForm(rawQuery);
}

FieldList RecordedRequest::form() const
{
    return decodeForm(body);
}

QString RecordedRequest::value(const FieldList &fields, const QString &name)
{
    for (const auto &[key, value] : fields) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

FieldList RecordedRequest::decodeForm(const QByteArray &encoded)
{
    FieldList fields;
    if (encoded.isEmpty()) {
        return fields;
    }
    const auto decode = [](QByteArray part) {
        part.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
    };
    for (const QByteArray &pair : encoded.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0) {
            fields.append({decode(pair), QString()});
        } else {
            fields.append({decode(pair.left(equals)), decode(pair.mid(equals + 1))});
        }
    }
    return fields;
}

ScriptedResponse ScriptedResponse::json(int status, const QByteArray &body,
                                        const HeaderList &headers)
{
    ScriptedResponse response;
    response.status = status;
    response.body = body;
    response.headers = headers;
    return response;
}

ScriptedResponse ScriptedResponse::closeMidBody(int status, const QByteArray &body)
{
    ScriptedResponse response = json(status, body);
    response.action = Action::CloseMidBody;
    return response;
}

ScriptedResponse ScriptedResponse::closeWithoutReply()
{
    ScriptedResponse response;
    response.action = Action::CloseWithoutReply;
    return response;
}

ScriptedResponse ScriptedResponse::hang()
{
    ScriptedResponse response;
    response.action = Action::Hang;
    return response;
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent)
    : QAbstractHttpServer(parent)
{}

bool ScriptedHttpServer::start()
{
    m_port = listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl ScriptedHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

void ScriptedHttpServer::script(const QByteArray &method, const QString &path,
                                const QList<ScriptedResponse> &responses)
{
    Q_ASSERT(!responses.isEmpty());
    m_scripts.insert(routeKey(method, path), responses);
}

void ScriptedHttpServer::script(const QByteArray &method, const QString &path,
                                const ScriptedResponse &response)
{
    script(method, path, QList<ScriptedResponse>{response});
}

bool ScriptedHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    RecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path(QUrl::FullyDecoded);
    recorded.rawQuery = request.url().query(QUrl::FullyEncoded).toLatin1();
    recorded.headers = request.headers();
    recorded.body = request.body();
    m_requests.append(recorded);

    const auto it = m_scripts.find(routeKey(recorded.method, recorded.path));
    if (it == m_scripts.end()) {
        return false;
    }
    const ScriptedResponse response = it->size() > 1 ? it->takeFirst() : it->first();
    send(socket, response);
    return true;
}

void ScriptedHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray body = R"({"code": 20404, "message": "The requested resource )" +
                            request.url().path().toUtf8() +
                            R"( was not found", "more_info": )"
                            R"("https://www.twilio.com/docs/errors/20404", "status": 404})";
    send(socket, ScriptedResponse::json(404, body));
}

void ScriptedHttpServer::send(QTcpSocket *socket, const ScriptedResponse &response)
{
    switch (response.action) {
    case ScriptedResponse::Action::Hang:
        return;
    case ScriptedResponse::Action::CloseWithoutReply:
        socket->disconnectFromHost();
        return;
    case ScriptedResponse::Action::Reply:
    case ScriptedResponse::Action::CloseMidBody:
        break;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
    }
    head += "\r\n";
    if (response.action == ScriptedResponse::Action::CloseMidBody) {
        socket->write(head + response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    socket->write(head + response.body);
}
