// A loopback HTTP server for client tests: answers each "METHOD /path" with canned responses
// (or drops the connection, or never answers) and records every request it receives.
#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;
using FieldList = QList<std::pair<QString, QString>>;

struct RecordedRequest
{
    QByteArray method;   // GET, POST, DELETE, …
    QString path;        // percent-decoded
    QByteArray rawQuery; // as received, without '?'
    HeaderList headers;
    QByteArray body;

    // First header of that name (case-insensitive); empty when absent.
    QByteArray header(const QByteArray &name) const;
    FieldList query() const; // rawQuery decoded as application/x-www-form-urlencoded
    FieldList form() const;  // body decoded the same way
    // The value of the only field of that name; a null QString when absent, and a test
    // failure is the caller's job when there is more than one.
    static QString value(const FieldList &fields, const QString &name);

    // Standard form decoding: '&' separates fields, '+' is a space, %XX is a UTF-8 byte.
    static FieldList decodeForm(const QByteArray &encoded);
};

struct ScriptedResponse
{
    enum class Action
    {
        Reply,             // the whole response
        CloseMidBody,      // status line, headers and half the body, then close
        CloseWithoutReply, // close the connection without answering
        Hang,              // never answer (for client timeouts)
    };

    static ScriptedResponse json(int status, const QByteArray &body,
                                 const HeaderList &headers = {});
    static ScriptedResponse closeMidBody(int status, const QByteArray &body);
    static ScriptedResponse closeWithoutReply();
    static ScriptedResponse hang();

    Action action = Action::Reply;
    int status = 200;
    QByteArray body;
    HeaderList headers; // Content-Type and Content-Length are added
};

class ScriptedHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit ScriptedHttpServer(QObject *parent = nullptr);

    // Listens on 127.0.0.1 at a free port; false when that failed.
    bool start();
    QUrl baseUrl() const; // http://127.0.0.1:<port>

    // Answers to `method path`, used in order; the last one repeats. Replaces earlier ones.
    void script(const QByteArray &method, const QString &path,
                const QList<ScriptedResponse> &responses);
    void script(const QByteArray &method, const QString &path, const ScriptedResponse &response);

    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void send(QTcpSocket *socket, const ScriptedResponse &response);

    quint16 m_port = 0;
    QHash<QString, QList<ScriptedResponse>> m_scripts;
    QList<RecordedRequest> m_requests;
};
