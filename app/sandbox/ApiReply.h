// One HTTP answer from a sandbox resource: status, JSON body, extra headers.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace sandbox {

struct ApiReply
{
    int status = 200;
    QByteArray body;                              // JSON text (empty for 204)
    QByteArray contentType;                       // empty: JSON
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type/Length
    // Fault injection: the work is done but the connection closes without an answer.
    bool dropConnection = false;

    static ApiReply json(const QJsonObject &object, int status = 200);
    static ApiReply noContent();
    // Raw bytes of that type (media content).
    static ApiReply bytes(const QByteArray &contentType, const QByteArray &data);
    // Twilio's error body: {code, message, more_info, status}.
    static ApiReply error(int httpStatus, int code, const QString &message);
};

} // namespace sandbox
